// `gapmap` with Excel workbooks (issue 14): the fixture organisation typed into one workbook by an
// independent writer (exceljs: a sheet per kind, dates as Excel dates, numbers as numbers) gives the
// hand-computed report; `report --format xlsx|team-xlsx` writes a workbook; findings name SHEET!CELL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/cli');
const AS_OF = '2026-03-31';
const KINDS = ['employees', 'roles', 'catalog', 'awards', 'skills', 'assessments'] as const;

function gapmap(...args: string[]) {
  const result = spawnSync('node', ['bin/gapmap.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const csvRows = (name: string) => Papa.parse<string[]>(readFileSync(join(FIXTURES, name), 'utf8').trim(), { skipEmptyLines: true }).data;
const lines = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');

/** A CSV cell as a person types it into Excel: ISO dates become dates, plain numbers numbers. */
function typed(cell: string): string | number | Date | null {
  if (cell === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
  if (/^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell)) return Number(cell);
  return cell;
}

let dir: string;
let workbookPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gapmap-xlsx-'));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Read me').addRow(['The fixture organisation, one sheet per kind']);
  for (const kind of KINDS) {
    const sheet = workbook.addWorksheet(kind);
    csvRows(`${kind}.csv`).forEach((row, index) => {
      const added = sheet.addRow(index === 0 ? row : row.map(typed));
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    });
  }
  // One award whose issue date is not a date, for the located error.
  const broken = workbook.addWorksheet('broken awards');
  broken.addRow(['employee_id', 'credential_id', 'issued_on']);
  broken.addRow(['E001', 'SQL-F', new Date('2024-03-31T00:00:00Z')]);
  broken.addRow(['E002', 'SQL-F', 'last spring']);
  workbookPath = join(dir, 'organisation.xlsx');
  await workbook.xlsx.writeFile(workbookPath);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATA = () => KINDS.flatMap((kind) => [`--${kind}`, workbookPath]);

describe('gapmap with Excel workbooks', () => {
  it('reports from a workbook (each kind from its sheet) exactly what it reports from the CSV files', () => {
    const run = gapmap('report', ...DATA(), '--as-of', AS_OF);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines(run.stdout)).toEqual(lines(readFileSync(join(FIXTURES, 'expected-report-long.csv'), 'utf8')));
  });

  it('writes the team report as a workbook whose rows are the hand-computed report, numbers as numbers', async () => {
    const out = join(dir, 'team.xlsx');
    const run = gapmap('report', ...DATA(), '--as-of', AS_OF, '--format', 'team-xlsx', '--out', out);
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About this report', 'Team report']);
    const rows = workbook.getWorksheet('Team report')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    const expected = csvRows('expected-report-team.csv').slice(1).map((row) => row.map((cell) => (cell === '' ? undefined : /^[\d.]+$/.test(cell) ? Number(cell) : cell)));
    expect(rows).toEqual(expected);
    const about = workbook.getWorksheet('About this report')!;
    expect(about.getCell('B2').value).toEqual(new Date(`${AS_OF}T00:00:00Z`));
    expect(about.getCell('B8').value).toBe('gapmap report (command line)');
  });

  it('asks for --out before writing a workbook, and knows its formats', () => {
    const noOut = gapmap('report', ...DATA(), '--format', 'xlsx');
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('gapmap report: --format xlsx writes an Excel workbook: give --out FILE.xlsx');
    expect(gapmap('report', ...DATA(), '--format', 'xls').stderr).toContain("--format must be long, team, xlsx or team-xlsx, got 'xls'");
  });

  it('validates a chosen sheet and locates its findings as SHEET!CELL', () => {
    const run = gapmap('validate', workbookPath, '--sheet', 'broken awards');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^.*organisation\.xlsx:'broken awards'!C3:issued_on: "last spring" is not a date/m);
    expect(run.stdout).toMatch(/organisation\.xlsx: awards, 2 rows, sheet broken awards of 8, 1 error, 0 warnings/);
  });

  it('says which sheets a workbook has when the chosen one is missing', () => {
    const run = gapmap('validate', workbookPath, '--sheet', 'Goals');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the workbook has no sheet called "Goals" (its sheets: Read me, employees, roles, catalog, awards, skills, assessments, broken awards)');
  });
});

describe('gapmap with Credly files', () => {
  const BROKEN = join(ROOT, 'tests/fixtures/broken');
  const base = ['skills', 'roles', 'employees', 'catalog'].map((kind) => join(BROKEN, '_base', `${kind}.csv`));

  it('maps a badge template the catalog does not know with --badge-templates', () => {
    const credly = join(BROKEN, '37-credly-bulk-unmapped-template.csv');
    const unmapped = gapmap('validate', credly, ...base);
    expect(unmapped.stderr).toContain('the Credly badge template 9d2e7c41-0b6a-4f3e-8c5d-2a1b0e9f7d63 is not a catalog credential yet');
    const map = join(dir, 'templates.csv');
    writeFileSync(map, 'badge_template_id,credential_id\n9d2e7c41-0b6a-4f3e-8c5d-2a1b0e9f7d63,sql-4\n');
    const mapped = gapmap('validate', credly, ...base, '--badge-templates', map);
    // Only the unknown recipient is left.
    expect(mapped.stderr.trim().split('\n')).toEqual([`${credly}:5:Recipient Email: no employee "nobody@example.com" (by id, email or name): add them to the employees file or correct the reference`]);
  });
});
