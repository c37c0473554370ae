import { describe, it, expect } from 'vitest';
import { readinessTrend } from './trend';
import { prepareOrganisation } from './prepare';
import { assessment, award, employee, organisation } from './testFixtures';

describe('rule 10: readiness at the end of each previous month', () => {
  // A data engineer (SQL 4 crit, Python 3 imp, GDPR 2 nice: Σ w·R = 20) who gains SQL on
  // 2026-01-10 and whose GDPR (issued 2025-02-20) lapses after 2026-02-20.
  const eo = prepareOrganisation(
    organisation({
      employees: [employee('T1', 'Data Platform', 'data-engineer'), employee('S1', 'Support', 'support-agent')],
      awards: [award('T1', 'sql-adv', '2026-01-10'), award('T1', 'gdpr-basic', '2025-02-20')],
      assessments: [assessment('T1', 'python', 3, '2025-12-31')],
    }),
  );

  it('gives one point per previous month end, oldest first', () => {
    const trend = readinessTrend(eo, '2026-03-15', 3, { teams: ['Data Platform'] });
    expect(trend.map((p) => p.date)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28']);
    // 12-31: Python 3·2 + GDPR 2·1 = 8/20; 01-31: + SQL 4·3 = 20/20; 02-28: GDPR lapsed = 18/20
    expect(trend.map((p) => p.readiness)).toEqual([0.4, 1, 0.9]);
  });

  it('pools the whole organisation by default over 12 months', () => {
    const trend = readinessTrend(eo, '2026-03-15');
    expect(trend).toHaveLength(12);
    expect(trend[0]?.date).toBe('2025-03-31');
    // S1 adds 0 over Σ w·R = 14: 2026-02-28 is 18 / 34.
    expect(trend[11]).toEqual({ date: '2026-02-28', readiness: 18 / 34 });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(readinessTrend(eo, '2024-03-05', 1).map((p) => p.date)).toEqual(['2024-02-29']);
  });
});
