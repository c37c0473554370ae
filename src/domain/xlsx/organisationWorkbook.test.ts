// Round trip (issue 14): an organisation exported as an Excel workbook imports back as the same
// records — text with quotes, semicolons, newlines and formula-looking starts, exact decimals,
// dates typed as Excel dates — through the import's own reader, sheet by kind.
import { describe, expect, it } from 'vitest';
import { organisationWorkbook } from './organisationWorkbook';
import { listXlsxSheets } from './readXlsx';
import { assembleOrganisation, formatIssue, readCsvFile } from '../csv';
import { RECORD_KINDS, type Organisation } from '../schema';
import { demoOrganisation } from '../demo/generate';

/** The CSV round trip's organisation (assembleOrganisation.test.ts): every awkward value once. */
const ORG: Organisation = {
  skills: [
    { id: 'sql', name: 'SQL', category: 'technical', description: 'Joins, windows and "CTEs"\nacross engines', code: 'http://data.europa.eu/esco/skill/598de5b0' },
    { id: '-neg', name: '=Formula-looking skill', category: '' },
    { id: 'comm', name: 'Communication; written', category: 'soft' },
  ],
  roles: [
    { id: 'analyst', name: 'Data Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }, { skill: 'comm', level: 2, weight: 'nice-to-have' }] },
    { id: 'intern', name: 'intern', requirements: [] },
  ],
  employees: [
    { id: 'E1', name: 'Zoë Ångström', email: 'zoe@example.com', team: 'Data, Insights', role: 'analyst', location: 'Malmö' },
    { id: '007', name: '@handle Bond', team: 'Data, Insights', role: 'intern', manager: 'E1' },
  ],
  credentials: [
    { id: 'sql-b', name: 'SQL Basics', issuer: 'Acme', grants: [{ skill: 'sql', level: 2 }], hours: 7.5, cost: 0, currency: 'GBP', validityMonths: 24, url: 'https://acme.example/sql?a=1&b=2' },
    { id: 'comm-b', name: 'Writing', issuer: '', grants: [{ skill: 'comm', level: 2 }, { skill: '-neg', level: 1 }], cost: 1125.25 },
    { id: 'bundle', name: 'Bundle', issuer: 'Acme', grants: [], components: ['sql-b', 'comm-b'] },
  ],
  awards: [
    { employee: 'E1', credential: 'sql-b', issuedOn: '2024-02-29', expiresOn: '2026-02-28', evidenceUrl: 'https://badges.example/a/1', verification: 'unverified' },
    { employee: '007', credential: 'comm-b', issuedOn: '2025-12-31', verification: 'unverified' },
  ],
  assessments: [
    { employee: 'E1', skill: 'sql', level: 4, source: 'test', assessedOn: '2025-06-01' },
    { employee: '007', skill: 'comm', level: 0, source: 'self' },
  ],
  goals: [{ id: 'G1', employee: '007', credential: 'bundle', dueOn: '2026-06-30', kind: 'personal', status: 'in-progress', assignedBy: 'E1', createdOn: '2026-01-02' }],
  interests: [{ employee: '007', skill: 'sql' }],
};

function roundTrip(org: Organisation) {
  const bytes = organisationWorkbook(org);
  const parsed = RECORD_KINDS.map((kind) => readCsvFile({ fileName: 'organisation.xlsx', bytes }, { kind }));
  return { bytes, parsed, result: assembleOrganisation(parsed) };
}

describe('an organisation exported as an Excel workbook', () => {
  it('has a sheet per kind and imports back unchanged, sheet by kind', () => {
    const { bytes, parsed, result } = roundTrip(ORG);
    expect(listXlsxSheets(bytes)).toEqual(['employees', 'skills', 'roles', 'catalog', 'awards', 'assessments', 'goals', 'interests']);
    expect(parsed.map((file) => file.sheet)).toEqual([...RECORD_KINDS]);
    expect(parsed.flatMap((file) => file.issues).concat(result.issues).map(formatIssue)).toEqual([]);
    expect(result.organisation).toEqual(ORG);
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
