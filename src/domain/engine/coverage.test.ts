import { describe, it, expect } from 'vitest';
import { gapReportTeam, orgReadiness, teamReadiness, teamSkillStats } from './coverage';
import { membersOf, teamsOf } from './lookup';
import { prepareOrganisation } from './prepare';
import { employee, twoTeams, ROLES } from './testFixtures';

const eo = prepareOrganisation(twoTeams());
const asOf = '2026-03-01';

describe('rule 7: team coverage and pooled readiness', () => {
  const stats = teamSkillStats(eo, 'Data Platform', asOf);

  it('lists each skill required by some member role, sorted by skill id', () => {
    expect(stats.map((s) => s.skill)).toEqual(['comms', 'gdpr', 'python', 'sql']);
  });

  it('counts coverage as met over members whose role requires the skill', () => {
    // SQL: D1 4 ≥ 4 met, D2 2 < 4 not, S9 4 ≥ 2 met (support agents need only 2).
    expect(stats.find((s) => s.skill === 'sql')).toMatchObject({ requiredCount: 3, metCount: 2, totalGap: 2, weightedGap: 6 });
    expect(stats.find((s) => s.skill === 'sql')?.coverage).toBeCloseTo(2 / 3, 12);
    // GDPR: only D2 holds it; D1 misses 2 (nice, ×1), S9 misses 2 (critical, ×3).
    expect(stats.find((s) => s.skill === 'gdpr')).toMatchObject({ requiredCount: 3, metCount: 1, totalGap: 4, weightedGap: 8 });
    expect(stats.find((s) => s.skill === 'python')).toMatchObject({ requiredCount: 2, metCount: 1, coverage: 0.5, totalGap: 1, weightedGap: 2 });
    expect(stats.find((s) => s.skill === 'comms')).toMatchObject({ requiredCount: 1, metCount: 1, coverage: 1, totalGap: 0, weightedGap: 0 });
  });

  it('pools numerators and denominators of rule 6 over the members', () => {
    // D1 18/20, D2 (3·2 + 2·2 + 1·2) = 12/20, S9 (2·3 + 0 + 1·2) = 8/14 → 38/54
    expect(teamReadiness(eo, 'Data Platform', asOf)).toBeCloseTo(38 / 54, 12);
    expect(teamReadiness(eo, 'Support', asOf)).toBe(0);
  });

  it('is 1 for a team whose roles require nothing, and for an unknown team', () => {
    const quiet = prepareOrganisation(twoTeams({ roles: [...ROLES, { id: 'intern', name: 'Intern', requirements: [] }], employees: [employee('I1', 'Interns', 'intern')] }));
    expect(teamReadiness(quiet, 'Interns', asOf)).toBe(1);
    expect(teamSkillStats(quiet, 'Interns', asOf)).toEqual([]);
    expect(teamReadiness(eo, 'Nowhere', asOf)).toBe(1);
  });

  it('pools org readiness over everyone in scope', () => {
    expect(orgReadiness(eo, asOf)).toBeCloseTo(38 / 68, 12);
    expect(orgReadiness(eo, asOf, { teams: ['Support'] })).toBe(0);
    expect(orgReadiness(eo, asOf, { roles: ['data-engineer'] })).toBeCloseTo(30 / 40, 12);
  });
});

describe('rule 8: bench strength and single points of failure', () => {
  const stats = teamSkillStats(eo, 'Data Platform', asOf);

  it('counts on the bench members of any role at the highest level required in the team', () => {
    // Highest SQL required in the team is 4 (data engineers); S9, a support agent, has 4.
    expect(stats.find((s) => s.skill === 'sql')).toMatchObject({ highestRequired: 4, bench: 2, benchMembers: ['D1', 'S9'] });
    expect(stats.find((s) => s.skill === 'python')).toMatchObject({ highestRequired: 3, bench: 1, benchMembers: ['D1'] });
  });

  it('flags a critical skill with a bench of one as a single point of failure', () => {
    expect(stats.find((s) => s.skill === 'gdpr')).toMatchObject({ critical: true, bench: 1, benchMembers: ['D2'], singlePointOfFailure: true });
  });

  it('does not flag a critical skill with a bench of two, nor a skill critical in no role', () => {
    expect(stats.find((s) => s.skill === 'sql')).toMatchObject({ critical: true, singlePointOfFailure: false });
    expect(stats.find((s) => s.skill === 'python')).toMatchObject({ critical: false, bench: 1, singlePointOfFailure: false });
  });

  it('flags a critical skill nobody has (bench 0)', () => {
    expect(teamSkillStats(eo, 'Support', asOf).find((s) => s.skill === 'gdpr')).toMatchObject({ critical: true, bench: 0, singlePointOfFailure: true });
  });

  it('loses the bench when the only holder lets the credential lapse', () => {
    expect(teamSkillStats(eo, 'Data Platform', '2026-04-02').find((s) => s.skill === 'gdpr')).toMatchObject({ bench: 0, metCount: 0 });
  });
});

describe('the team gap report (SPEC §5)', () => {
  it('has one row per team and required skill, sorted by team then skill id', () => {
    const rows = gapReportTeam(eo, asOf);
    expect(rows.map((r) => `${r.team}|${r.skill_id}`)).toEqual([
      'Data Platform|comms',
      'Data Platform|gdpr',
      'Data Platform|python',
      'Data Platform|sql',
      'Support|comms',
      'Support|gdpr',
      'Support|sql',
    ]);
    expect(rows[4]).toEqual({ team: 'Support', skill_id: 'comms', skill_name: 'Customer communication', required_count: 1, met_count: 0, coverage: 0, total_gap: 3, weighted_gap: 6, bench: 0 });
  });

  it('computes each team over its members in scope', () => {
    const rows = gapReportTeam(eo, asOf, { roles: ['data-engineer'] });
    expect(rows.map((r) => r.skill_id)).toEqual(['gdpr', 'python', 'sql']);
    expect(rows[2]).toMatchObject({ required_count: 2, met_count: 1, coverage: 0.5, bench: 1 });
  });
});

describe('teams and members', () => {
  it('lists teams sorted and members by id', () => {
    expect(teamsOf(eo)).toEqual(['Data Platform', 'Support']);
    expect(membersOf(eo, 'Data Platform').map((e) => e.id)).toEqual(['D1', 'D2', 'S9']);
    expect(membersOf(eo, 'Nowhere')).toEqual([]);
  });
});
