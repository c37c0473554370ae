import { describe, it, expect } from 'vitest';
import { employeeReadiness, gapReportLong, requirementStatuses } from './gaps';
import { prepareOrganisation } from './prepare';
import { assessment, award, employee, organisation, ROLES } from './testFixtures';

// data-engineer requires SQL 4 critical, Python 3 important, GDPR 2 nice-to-have.
const org = organisation({
  roles: [
    ...ROLES,
    { id: 'intern', name: 'Intern', requirements: [] },
    {
      id: 'analyst',
      name: 'Analyst',
      requirements: [
        { skill: 'sql', level: 2, weight: 'important' },
        { skill: 'sql', level: 3, weight: 'nice-to-have' },
      ],
    },
  ],
  employees: [
    employee('E2', 'Data Platform', 'data-engineer', 'Ana Ruiz'),
    employee('S1', 'Support', 'support-agent', 'Tom Berg'),
    employee('E10', 'Data Platform', 'data-engineer', 'Li Wei'),
    employee('X1', 'Data Platform', 'consultant'), // role not in the roles list
    employee('I1', 'Data Platform', 'intern'),
    employee('A1', 'Analytics', 'analyst'),
  ],
  awards: [
    award('E2', 'sql-found', '2025-02-01'), // SQL 2 until 2027-02-01
    award('S1', 'sql-adv', '2023-01-01'), // SQL 4, above the required 2
    award('E10', 'sql-adv', '2025-01-01'),
    award('E10', 'gdpr-basic', '2025-06-01'),
  ],
  assessments: [assessment('E2', 'python', 3, '2025-12-01'), assessment('E10', 'python', 1, '2025-12-01'), assessment('S1', 'comms', 3)],
});
const eo = prepareOrganisation(org);
const asOf = '2026-03-01';

describe('rules 4–5: gap, met and weighted gap per requirement', () => {
  it('compares each requirement of the role with the effective level, in the role order', () => {
    expect(requirementStatuses(eo, 'E2', asOf)).toEqual([
      { skill: 'sql', weight: 'critical', required: 4, verified: 2, assessed: 0, effective: 2, gap: 2, weightedGap: 6, met: false },
      { skill: 'python', weight: 'important', required: 3, verified: 0, assessed: 3, effective: 3, gap: 0, weightedGap: 0, met: true },
      { skill: 'gdpr', weight: 'nice-to-have', required: 2, verified: 0, assessed: 0, effective: 0, gap: 2, weightedGap: 2, met: false },
    ]);
  });

  it('never gives a negative gap when the level exceeds the requirement', () => {
    const sql = requirementStatuses(eo, 'S1', asOf).find((s) => s.skill === 'sql');
    expect(sql).toMatchObject({ required: 2, effective: 4, gap: 0, weightedGap: 0, met: true });
  });

  it('requires nothing of an employee whose role is not in the roles list', () => {
    expect(requirementStatuses(eo, 'X1', asOf)).toEqual([]);
  });

  it('counts a skill listed twice in a role once, at the higher level', () => {
    expect(requirementStatuses(eo, 'A1', asOf)).toEqual([
      { skill: 'sql', weight: 'nice-to-have', required: 3, verified: 0, assessed: 0, effective: 0, gap: 3, weightedGap: 3, met: false },
    ]);
  });
});

describe('rule 6: employee readiness', () => {
  it('is Σ w·min(E,R) / Σ w·R over the role requirements', () => {
    // (3·2 + 2·3 + 1·0) / (3·4 + 2·3 + 1·2) = 12 / 20
    expect(employeeReadiness(eo, 'E2', asOf)).toBeCloseTo(0.6, 12);
  });

  it('caps a level above the requirement at the requirement', () => {
    // S1: comms min(3,3)·2 + gdpr 0·3 + sql min(4,2)·1 = 8, over 2·3 + 3·2 + 1·2 = 14
    expect(employeeReadiness(eo, 'S1', asOf)).toBeCloseTo(8 / 14, 12);
  });

  it('is 1 when the role requires nothing or is unknown', () => {
    expect(employeeReadiness(eo, 'I1', asOf)).toBe(1);
    expect(employeeReadiness(eo, 'X1', asOf)).toBe(1);
  });
});

describe('the long gap report (SPEC §5)', () => {
  it('has one row per employee and required skill, sorted by team, employee id and skill id in code-unit order', () => {
    const keys = gapReportLong(eo, asOf).map((row) => `${row.team}|${row.employee_id}|${row.skill_id}`);
    expect(keys).toEqual([
      'Analytics|A1|sql',
      'Data Platform|E10|gdpr',
      'Data Platform|E10|python',
      'Data Platform|E10|sql',
      'Data Platform|E2|gdpr',
      'Data Platform|E2|python',
      'Data Platform|E2|sql',
      'Support|S1|comms',
      'Support|S1|gdpr',
      'Support|S1|sql',
    ]);
  });

  it('fills every column with the levels and the status', () => {
    const row = gapReportLong(eo, asOf).find((r) => r.employee_id === 'E10' && r.skill_id === 'python');
    expect(row).toEqual({
      employee_id: 'E10',
      employee_name: 'Li Wei',
      team: 'Data Platform',
      role: 'data-engineer',
      skill_id: 'python',
      skill_name: 'Python',
      weight: 'important',
      required_level: 3,
      verified_level: 0,
      assessed_level: 1,
      effective_level: 1,
      gap: 2,
      status: 'gap',
    });
    const gdpr = gapReportLong(eo, asOf).find((r) => r.employee_id === 'E10' && r.skill_id === 'gdpr');
    expect(gdpr).toMatchObject({ verified_level: 2, effective_level: 2, gap: 0, status: 'met' });
  });

  it('keeps only the employees in scope', () => {
    expect(gapReportLong(eo, asOf, { teams: ['Support'] }).map((r) => r.employee_id)).toEqual(['S1', 'S1', 'S1']);
    expect(gapReportLong(eo, asOf, { roles: ['analyst'] }).map((r) => r.employee_id)).toEqual(['A1']);
    expect(gapReportLong(eo, asOf, { teams: ['Data Platform'], roles: ['support-agent'] })).toEqual([]);
    expect(gapReportLong(eo, asOf, { teams: [] })).toEqual([]);
  });

  it('reflects an expiry: GDPR lapses for E10 after 2026-06-01', () => {
    const gdpr = (date: string) => gapReportLong(eo, date, { teams: ['Data Platform'] }).find((r) => r.employee_id === 'E10' && r.skill_id === 'gdpr');
    expect(gdpr('2026-06-01')?.status).toBe('met');
    expect(gdpr('2026-06-02')).toMatchObject({ verified_level: 0, gap: 2, status: 'gap' });
  });
});
