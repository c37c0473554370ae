import { describe, expect, it } from 'vitest';
import { gapReportLong, gapReportLongTable } from './gaps';
import { gapReportTeam } from './coverage';
import { UNDATED, prepareOrganisation, prepareOrganisationFromColumns, type AssessmentColumns, type AwardColumns } from './prepare';
import { CATALOG, SKILLS, twoTeams } from './testFixtures';

// twoTeams' awards and assessments as the CLI reads them: positions in its employees (D1 0, D2 1,
// S9 2, S1 3), catalog (sql-found 0, sql-adv 1, py-cert 2, gdpr-basic 3) and skills (python 1,
// comms 3), dates as day numbers (2024-01-01 is day 19,723).
const AWARDS: AwardColumns = {
  length: 6,
  employee: Int32Array.of(0, 0, 1, 1, 2, 2),
  credential: Int32Array.of(1, 2, 0, 3, 3, 1),
  // 2024-05-01, 2025-09-01, 2025-05-01, 2025-04-01, 2024-01-01, 2024-02-01
  issued: Int32Array.of(19_844, 20_332, 20_209, 20_179, 19_723, 19_754),
  expires: Int32Array.of(UNDATED, UNDATED, UNDATED, UNDATED, UNDATED, UNDATED),
};
const ASSESSMENTS: AssessmentColumns = {
  length: 2,
  employee: Int32Array.of(1, 2),
  skill: Int32Array.of(1, 3),
  day: Int32Array.of(20_362, UNDATED), // 2025-10-01, undated
  level: Int8Array.of(2, 4),
};

describe('prepareOrganisationFromColumns', () => {
  it('gives the gap reports of the same awards and assessments as records', () => {
    const org = twoTeams();
    expect(SKILLS[1]!.id).toBe('python');
    expect(CATALOG[3]!.id).toBe('gdpr-basic');
    const byColumns = prepareOrganisationFromColumns({ ...org, awards: [], assessments: [] }, AWARDS, ASSESSMENTS);
    const byRecords = prepareOrganisation(org);
    for (const asOf of ['2025-06-30', '2026-03-01', '2026-04-15']) {
      expect(gapReportLong(byColumns, asOf)).toEqual(gapReportLong(byRecords, asOf));
      expect(gapReportTeam(byColumns, asOf)).toEqual(gapReportTeam(byRecords, asOf));
    }
  });

  it('lets a catalog validity end an award, and an explicit expiry win over it (SPEC §3 rule 1)', () => {
    const org = { ...twoTeams(), awards: [], assessments: [] };
    // D2 holds gdpr-basic (12 months) from 2025-04-01: current up to 2026-04-01 included, gone the day after.
    const gdprOnly: AwardColumns = { length: 1, employee: Int32Array.of(1), credential: Int32Array.of(3), issued: Int32Array.of(20_179), expires: Int32Array.of(UNDATED) };
    const none: AssessmentColumns = { length: 0, employee: new Int32Array(0), skill: new Int32Array(0), day: new Int32Array(0), level: new Int8Array(0) };
    const verifiedGdpr = (awards: AwardColumns, asOf: string): number => {
      const table = gapReportLongTable(prepareOrganisationFromColumns(org, awards, none), asOf);
      const rows = gapReportLong(prepareOrganisationFromColumns(org, awards, none), asOf);
      expect(rows).toHaveLength(table.length);
      return rows.find((row) => row.employee_id === 'D2' && row.skill_id === 'gdpr')!.verified_level;
    };
    expect(verifiedGdpr(gdprOnly, '2026-04-01')).toBe(2);
    expect(verifiedGdpr(gdprOnly, '2026-04-02')).toBe(0);
    // An explicit expires_on of 2027-01-01 (day 20,819) keeps it.
    expect(verifiedGdpr({ ...gdprOnly, expires: Int32Array.of(20_819) }, '2026-04-02')).toBe(2);
  });
});
