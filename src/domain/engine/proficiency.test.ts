import { describe, it, expect } from 'vitest';
import { skillLevels } from './proficiency';
import { prepareOrganisation } from './prepare';
import { assessment, award, employee, organisation } from './testFixtures';

describe('rule 3: verified, assessed and effective levels', () => {
  const sqlLatestLow = assessment('E1', 'sql', 2, '2026-01-10', 'test');
  const pythonTieHigh = assessment('E1', 'python', 3, '2025-11-03', 'manager');
  const gdprDated = assessment('E1', 'gdpr', 1, '2024-02-01', 'test');
  const eo = prepareOrganisation(
    organisation({
      employees: [employee('E1', 'Data Platform', 'data-engineer'), employee('E2', 'Support', 'support-agent')],
      awards: [
        award('E1', 'sql-found', '2025-01-10'), // SQL 2
        award('E1', 'sql-adv', '2025-06-01'), // SQL 4
      ],
      assessments: [
        assessment('E1', 'sql', 5, '2025-01-01', 'self'),
        sqlLatestLow,
        assessment('E1', 'sql', 5, '2026-05-01', 'self'), // after the as-of date
        assessment('E1', 'python', 2, '2025-11-03', 'self'),
        pythonTieHigh,
        assessment('E1', 'gdpr', 4), // undated: older than any dated one
        gdprDated,
        assessment('E1', 'comms', 2),
        assessment('E1', 'comms', 3),
        assessment('E2', 'sql', 0, '2025-05-05'),
      ],
    }),
  );
  const levels = skillLevels(eo, 'E1', '2026-03-01');

  it('takes the highest level granted by any held credential as verified', () => {
    expect(levels.get('sql')?.verified).toBe(4);
    expect(levels.get('sql')?.verifiedBy).toEqual(['sql-adv']);
  });

  it('takes the most recent assessment on or before the date, even when it is lower', () => {
    expect(levels.get('sql')?.assessed).toBe(2);
    expect(levels.get('sql')?.assessment).toBe(sqlLatestLow);
  });

  it('makes the effective level the higher of verified and assessed', () => {
    expect(levels.get('sql')?.effective).toBe(4);
    expect(levels.get('python')).toEqual({ skill: 'python', verified: 0, assessed: 3, effective: 3, verifiedBy: [], assessment: pythonTieHigh });
  });

  it('breaks a tie of two assessments on the same day with the higher level', () => {
    expect(levels.get('python')?.assessed).toBe(3);
  });

  it('counts an undated assessment as older than any dated one', () => {
    expect(levels.get('gdpr')?.assessed).toBe(1);
    expect(levels.get('gdpr')?.assessment).toBe(gdprDated);
  });

  it('takes the highest of several undated assessments', () => {
    expect(levels.get('comms')?.assessed).toBe(3);
  });

  it('uses an undated assessment when it is the only one', () => {
    expect(skillLevels(eo, 'E1', '2024-01-31').get('gdpr')?.assessed).toBe(4);
  });

  it('ignores assessments dated after the as-of date and credentials not yet issued', () => {
    expect(skillLevels(eo, 'E1', '2025-01-05').get('sql')).toMatchObject({ verified: 0, assessed: 5, effective: 5 });
  });

  it('lists skills in id order and only those with a level above 0', () => {
    expect([...levels.keys()]).toEqual(['comms', 'gdpr', 'python', 'sql']);
    expect(skillLevels(eo, 'E2', '2026-03-01').size).toBe(0);
    expect(skillLevels(eo, 'nobody', '2026-03-01').size).toBe(0);
  });

  it('names every credential that grants the verified level', () => {
    const twoWays = prepareOrganisation(
      organisation({
        employees: [employee('E1', 'Data Platform', 'data-engineer')],
        credentials: [
          { id: 'sql-b', name: 'SQL B', issuer: 'Coursera', grants: [{ skill: 'sql', level: 3 }] },
          { id: 'sql-a', name: 'SQL A', issuer: 'edX', grants: [{ skill: 'sql', level: 3 }, { skill: 'python', level: 1 }] },
        ],
        awards: [award('E1', 'sql-b', '2025-01-01'), award('E1', 'sql-a', '2025-01-01')],
      }),
    );
    expect(skillLevels(twoWays, 'E1', '2025-06-01').get('sql')?.verifiedBy).toEqual(['sql-a', 'sql-b']);
  });
});
