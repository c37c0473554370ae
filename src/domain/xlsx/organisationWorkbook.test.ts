// Round trip (issue 14): an organisation exported as an Excel workbook imports back as the same
// records — text with quotes, semicolons, newlines and formula-looking starts, exact decimals,
// dates typed as Excel dates — through the import's own reader, sheet by kind.
import { describe, expect, it } from 'vitest';
import { organisationWorkbook } from './organisationWorkbook';
import { listXlsxSheets } from './readXlsx';
import { assembleOrganisation, formatIssue, readCsvFile } from '../csv';
import { RECORD_KINDS, type Organisation } from '../schema';
import { AWKWARD_ORGANISATION } from '../csv/roundTripOrganisation';
import { demoOrganisation } from '../demo/generate';

function roundTrip(org: Organisation) {
  const bytes = organisationWorkbook(org);
  const parsed = RECORD_KINDS.map((kind) => readCsvFile({ fileName: 'organisation.xlsx', bytes }, { kind }));
  return { bytes, parsed, result: assembleOrganisation(parsed) };
}

describe('an organisation exported as an Excel workbook', () => {
  it('has a sheet per kind and imports back unchanged, sheet by kind', () => {
    const { bytes, parsed, result } = roundTrip(AWKWARD_ORGANISATION);
    expect(listXlsxSheets(bytes)).toEqual(['employees', 'skills', 'roles', 'catalog', 'awards', 'assessments', 'goals', 'interests']);
    expect(parsed.map((file) => file.sheet)).toEqual([...RECORD_KINDS]);
    expect(parsed.flatMap((file) => file.issues).concat(result.issues).map(formatIssue)).toEqual([]);
    expect(result.organisation).toEqual(AWKWARD_ORGANISATION);
  });

  it('imports the demo organisation back with the same records', () => {
    const demo = demoOrganisation('2026-11-25');
    const { result } = roundTrip(demo);
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.organisation.employees).toEqual(demo.employees);
    expect(result.organisation.credentials).toEqual(demo.credentials);
    expect(result.organisation.roles).toEqual(demo.roles);
    // The import files carry no verification: every award comes back unverified, as from CSV.
    expect(result.organisation.awards).toEqual(demo.awards.map(({ verificationReason: _reason, ...award }) => ({ ...award, verification: 'unverified' })));
    expect(result.organisation.goals).toEqual(demo.goals);
  });
});
