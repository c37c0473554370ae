// The lists behind the Overview's figures, on the two-team fixture (testFixtures.ts) as of
// 2026-03-01; every expectation is worked out by hand from the fixture's comment.
import { describe, expect, it } from 'vitest';
import { credentialsGranting, overdueGoals, singlePointsOfFailure, unmetRequirements } from './lists';
import { prepareOrganisation } from './prepare';
import { goal, twoTeams } from './testFixtures';

const AS_OF = '2026-03-01';
const eo = prepareOrganisation(
  twoTeams({
    goals: [
      goal('g1', 'D1', 'sql-adv', '2025-01-01', '2025-12-31'), // held since 2024-05-01: completed
      goal('g2', 'D2', 'sql-adv', '2026-01-05', '2026-02-15'), // overdue
      goal('g3', 'S1', 'gdpr-basic', '2026-02-01', '2026-06-30'), // open, not yet due
      goal('g4', 'S9', 'gdpr-basic', '2025-01-01', '2025-06-30', 'cancelled'), // cancelled: never overdue
      goal('g5', 'S1', 'sql-found', '2025-06-01', '2025-09-30'), // overdue, due before g2
    ],
  }),
);

describe('critical gaps, person by person', () => {
  it('lists each unmet critical requirement by team then employee, the three the Overview counts', () => {
    const rows = unmetRequirements(eo, AS_OF, undefined, { weight: 'critical' });
    // D2: SQL 2 of 4 (sql-found); S9: GDPR lapsed 2025-01-01; S1: nothing yet.
    expect(rows.map((row) => [row.team, row.employee, row.skill, row.required, row.effective, row.gap])).toEqual([
      ['Data Platform', 'D2', 'sql', 4, 2, 2],
      ['Data Platform', 'S9', 'gdpr', 2, 0, 2],
      ['Support', 'S1', 'gdpr', 2, 0, 2],
    ]);
  });

  it("keeps a manager's list to their team", () => {
    expect(unmetRequirements(eo, AS_OF, { teams: ['Support'] }, { weight: 'critical' }).map((row) => row.employee)).toEqual(['S1']);
  });

  it("lists a team's gaps in one skill at every weight, with where each level comes from", () => {
    const rows = unmetRequirements(eo, AS_OF, { teams: ['Data Platform'] }, { skill: 'gdpr' });
    // D1 (data engineer): GDPR 2 nice-to-have, holds no GDPR credential; D2 meets it until 2026-04-01; S9 critical, lapsed.
    expect(rows).toEqual([
      { employee: 'D1', team: 'Data Platform', role: 'data-engineer', skill: 'gdpr', weight: 'nice-to-have', required: 2, verified: 0, assessed: 0, effective: 0, gap: 2 },
      { employee: 'S9', team: 'Data Platform', role: 'support-agent', skill: 'gdpr', weight: 'critical', required: 2, verified: 0, assessed: 0, effective: 0, gap: 2 },
    ]);
  });

  it('finds nobody for a skill the organisation does not know', () => {
    expect(unmetRequirements(eo, AS_OF, undefined, { skill: 'cobol' })).toEqual([]);
  });
});

describe('single points of failure', () => {
  it('lists the two the Overview counts, with the holder and whom to train', () => {
    // GDPR is critical for support agents in both teams. Data Platform: D2 alone holds GDPR 2
    // (D1 and S9 do not); Support: nobody. SQL in Data Platform has D1 and S9 at 4: not a SPOF.
    expect(singlePointsOfFailure(eo, AS_OF)).toEqual([
      { team: 'Data Platform', skill: 'gdpr', highestRequired: 2, requiredCount: 3, metCount: 1, benchMembers: ['D2'], candidates: ['D1', 'S9'] },
      { team: 'Support', skill: 'gdpr', highestRequired: 2, requiredCount: 1, metCount: 0, benchMembers: [], candidates: ['S1'] },
    ]);
  });

  it('grows when the only holder lapses: after 2026-04-01 Data Platform has nobody with GDPR', () => {
    const later = singlePointsOfFailure(eo, '2026-04-02', { teams: ['Data Platform'] });
    expect(later).toEqual([{ team: 'Data Platform', skill: 'gdpr', highestRequired: 2, requiredCount: 3, metCount: 0, benchMembers: [], candidates: ['D1', 'D2', 'S9'] }]);
  });
});

describe('overdue goals', () => {
  it('lists open goals past their due date, earliest due first, leaving completed and cancelled ones out', () => {
    expect(overdueGoals(eo, AS_OF).map((state) => state.goal.id)).toEqual(['g5', 'g2']);
    expect(overdueGoals(eo, AS_OF, { teams: ['Data Platform'] }).map((state) => state.goal.id)).toEqual(['g2']);
  });
});

describe('credentials that close a gap', () => {
  it('offers the credentials granting the skill at the level or above, cheapest first, unpriced last', () => {
    expect(credentialsGranting(eo, 'sql', 4).map((credential) => credential.id)).toEqual(['sql-adv']);
    expect(credentialsGranting(eo, 'sql', 2).map((credential) => credential.id)).toEqual(['sql-found', 'sql-adv']);
    expect(credentialsGranting(eo, 'gdpr', 2).map((credential) => credential.id)).toEqual(['gdpr-basic', 'data-lead']);
    expect(credentialsGranting(eo, 'gdpr', 4)).toEqual([]);
  });
});
