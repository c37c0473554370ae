// Every export as .xlsx over HTTP (issue 14): the same rows as the CSV, read back by an independent
// reader (exceljs) with numbers as numbers, dates as dates and names next to ids; the About sheet;
// a manager's workbook never naming anyone outside their team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../../tests/support/testServer';
import type { Persona } from '../../api/contract';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';

/** Analysts need SQL 3 (critical). Alan holds it until 2026-12-31, Grace until 2027-01-15; Ada and "=SUM(1+1)" have nothing. */
function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' },
      { id: 'e2', name: 'Alan Turing', email: 'alan@example.com', team: 'Data', role: 'analyst' },
      { id: 'e3', name: 'Grace Hopper', email: 'grace@example.com', team: 'Payments', role: 'analyst' },
      { id: 'e4', name: '=SUM(1+1)', email: 'sum@example.com', team: 'Payments', role: 'analyst' },
    ],
    credentials: [{ id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' }],
    awards: [
      { employee: 'e2', credential: 'sql-3', issuedOn: '2026-01-01', expiresOn: '2026-12-31', verification: 'verified' },
      { employee: 'e3', credential: 'sql-3', issuedOn: '2025-06-01', expiresOn: '2027-01-15', verification: 'verified' },
    ],
    assessments: [],
    goals: [
      { id: 'g1', employee: 'e1', credential: 'sql-3', createdOn: '2026-10-01', dueOn: '2026-11-20', status: 'assigned', kind: 'organisational', assignedBy: 'L&D manager' },
    ],
    interests: [],
  };
}

let server: TestServer;
const lnd: Persona = { kind: 'lnd' };

beforeAll(async () => {
  server = await startTestServer('memory', { today: TODAY, organisation: organisation(), label: 'xlsx' });
}, 60_000);
afterAll(() => server.close());

async function get(path: string, persona: Persona = lnd) {
  return server.fetch(path, { headers: await server.authHeaders(persona) });
}

async function workbookOf(path: string, persona: Persona = lnd): Promise<ExcelJS.Workbook> {
  const response = await get(path, persona);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as plain values (row 1 = the header). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  return sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
}

function aboutOf(workbook: ExcelJS.Workbook): Record<string, unknown> {
  return Object.fromEntries(rowsOf(workbook.getWorksheet('About this report')!).map((row) => [row[0], row[1]]));
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('exports as Excel workbooks', () => {
  it('writes the gap report with readable headers, role names next to ids, and numbers as numbers', async () => {
    const response = await get(`/api/reports/gaps?format=xlsx&asOf=${TODAY}`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="gap-report-long-${TODAY}.xlsx"`);
    const workbook = await workbookOf(`/api/reports/gaps?format=xlsx&asOf=${TODAY}`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About this report', 'Gap report']);
    const sheet = workbook.getWorksheet('Gap report')!;
    expect(rowsOf(sheet)).toEqual([
      ['Employee ID', 'Employee name', 'Team', 'Role ID', 'Role name', 'Skill ID', 'Skill name', 'Weight', 'Required level', 'Verified level', 'Assessed level', 'Effective level', 'Gap', 'Status'],
      ['e1', 'Ada Lovelace', 'Data', 'analyst', 'Analyst', 'sql', 'SQL', 'critical', 3, 0, 0, 0, 3, 'gap'],
      ['e2', 'Alan Turing', 'Data', 'analyst', 'Analyst', 'sql', 'SQL', 'critical', 3, 3, 0, 3, 0, 'met'],
      ['e3', 'Grace Hopper', 'Payments', 'analyst', 'Analyst', 'sql', 'SQL', 'critical', 3, 3, 0, 3, 0, 'met'],
      ['e4', '=SUM(1+1)', 'Payments', 'analyst', 'Analyst', 'sql', 'SQL', 'critical', 3, 0, 0, 0, 3, 'gap'],
    ]);
    // The formula-like name is a text cell, not a formula.
    expect(sheet.getCell('B5').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:N5');
    expect(aboutOf(workbook)).toMatchObject({
      Report: 'Gap report, one row per person and required skill',
      'As of': day(TODAY),
      'Evidence counted': 'All evidence: credentials (verified or not) and assessments',
      Filters: 'none',
      Scope: 'Whole organisation',
      // The signed-in account the test server made for L&D (an admin), as the server knows it.
      'Made by': 'lnd@callers.test (admin)',
      'Made with': 'Gapmap server',
      Rows: 4,
    });
    expect(aboutOf(workbook)['Made on']).toBeInstanceOf(Date);
  });

  it('writes the team report with coverage as a share shown as a percentage', async () => {
    const workbook = await workbookOf(`/api/reports/gaps?format=team-xlsx&asOf=${TODAY}&evidence=verified`);
    const sheet = workbook.getWorksheet('Team report')!;
    expect(rowsOf(sheet)).toEqual([
      ['Team', 'Skill ID', 'Skill name', 'People requiring it', 'People meeting it', 'Coverage', 'Total gap', 'Weighted gap', 'Bench'],
      ['Data', 'sql', 'SQL', 2, 1, 0.5, 3, 9, 1],
      ['Payments', 'sql', 'SQL', 2, 1, 0.5, 3, 9, 1],
    ]);
    expect(sheet.getCell('F2').numFmt).toBe('0.00%');
    expect(aboutOf(workbook)['Evidence counted']).toBe('Verified evidence: verified credentials and assessments (unverified and failed credentials left out)');
  });

  it('writes one sheet per team when asked, and says what filters made it', async () => {
    const workbook = await workbookOf(`/api/reports/gaps?format=xlsx&asOf=${TODAY}&sheets=team&category=data&weight=critical`);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About this report', 'Data', 'Payments']);
    expect(rowsOf(workbook.getWorksheet('Payments')!).map((row) => row[0])).toEqual(['Employee ID', 'e3', 'e4']);
    expect(aboutOf(workbook).Filters).toBe('skill category data; weight critical');
  });

  it('writes goals and lists with their dates as Excel dates', async () => {
    const goals = await workbookOf(`/api/reports/goals?format=xlsx&asOf=${TODAY}`);
    expect(rowsOf(goals.getWorksheet('Goals')!)).toEqual([
      ['Goal ID', 'Employee ID', 'Employee name', 'Team', 'Credential ID', 'Credential name', 'Kind', 'Status', 'Created on', 'Due on', 'Completed on', 'Overdue'],
      ['g1', 'e1', 'Ada Lovelace', 'Data', 'sql-3', 'SQL Practitioner', 'organisational', 'assigned', day('2026-10-01'), day('2026-11-20'), undefined, 'yes'],
    ]);
    const expiring = await workbookOf(`/api/lists/expiring?format=xlsx&asOf=${TODAY}`);
    expect(rowsOf(expiring.getWorksheet('Expiring credentials')!)).toEqual([
      ['Team', 'Employee ID', 'Employee name', 'Credential ID', 'Credential name', 'Issued on', 'Expires on'],
      ['Data', 'e2', 'Alan Turing', 'sql-3', 'SQL Practitioner', day('2026-01-01'), day('2026-12-31')],
      ['Payments', 'e3', 'Grace Hopper', 'sql-3', 'SQL Practitioner', day('2025-06-01'), day('2027-01-15')],
    ]);
    const overdue = await workbookOf(`/api/lists/overdue-goals?format=xlsx&asOf=${TODAY}`);
    expect(rowsOf(overdue.getWorksheet('Overdue goals')!)[1]).toEqual(['Data', 'e1', 'Ada Lovelace', 'g1', 'sql-3', 'SQL Practitioner', day('2026-10-01'), day('2026-11-20'), 5]);
  });

  it("never puts anyone outside a manager's team in their workbook, and says who made it", async () => {
    const manager: Persona = { kind: 'manager', team: 'Data' };
    for (const path of ['/api/reports/gaps?format=xlsx', '/api/reports/gaps?format=team-xlsx', '/api/reports/goals?format=xlsx', '/api/lists/critical-gaps?format=xlsx']) {
      const workbook = await workbookOf(`${path}&asOf=${TODAY}`, manager);
      const text = JSON.stringify(workbook.worksheets.map(rowsOf));
      for (const outsider of ['e3', 'e4', 'Grace', 'SUM', 'Payments']) expect(text, path).not.toContain(outsider);
      expect(aboutOf(workbook)).toMatchObject({ Scope: 'Data', 'Made by': expect.stringMatching(/^Manager of Data <manager\.\d+@callers\.test> \(manager\)$/) });
    }
  });

  it('refuses a format or sheet layout it does not know', async () => {
    const format = await get('/api/reports/gaps?format=pdf');
    expect(format.status).toBe(400);
    expect(((await format.json()) as { message: string }).message).toBe('format must be long, team, xlsx (the long report as an Excel workbook) or team-xlsx, not "pdf".');
    expect((await get('/api/reports/gaps?format=xlsx&sheets=role')).status).toBe(400);
    expect((await get('/api/lists/expiring?format=ods')).status).toBe(400);
  });
});
