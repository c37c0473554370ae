// The workbook writer, read back by an independent reader (exceljs): values and their types, dates as
// Excel dates, formula-like text kept as text, frozen header and filters, and the row limit.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { columnLetters, safeSheetName, writeXlsx } from './writeXlsx';
import { readableHeader, reportWorkbook, type ReportAbout, type ReportTable } from './reportWorkbook';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const ABOUT: ReportAbout = {
  title: 'Gap report, one row per person and required skill',
  asOf: '2026-03-31',
  evidence: 'All evidence',
  filters: 'team Data',
  scope: 'Data',
  madeAt: '2026-12-04T15:30:00.000Z',
  madeBy: 'L&D manager',
  madeWith: 'a test',
};

function tableOf(rows: (string | number)[][], teamColumn = 0): ReportTable {
  return {
    name: 'Report',
    columns: [{ header: 'Team', type: 'text' }, { header: 'Person', type: 'text' }, { header: 'Level', type: 'number' }],
    rowCount: rows.length,
    rowAt: (i) => rows[i]!,
    teamOf: (i) => String(rows[i]![teamColumn]),
  };
}

describe('writeXlsx', () => {
  it('writes text, numbers and dates that an independent reader sees with their types', async () => {
    const bytes = writeXlsx([{
      name: 'Awards',
      columns: [{ header: 'Employee', type: 'text' }, { header: 'Issued on', type: 'date' }, { header: 'Cost', type: 'number' }, { header: 'Coverage', type: 'percent' }],
      rows: [
        ['Valentina Wójcik', '2024-02-29', 149.99, 0.5],
        ['Tom & Jerry <co>', '', 0.1, 1],
        ['"quoted"', 'not a date', -3, null],
      ],
    }]);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const sheet = (await open(bytes)).getWorksheet('Awards')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Employee', 'Issued on', 'Cost', 'Coverage']);
    expect(sheet.getCell('A2').value).toBe('Valentina Wójcik');
    // 2024-02-29 is Excel's serial 45351; exceljs gives it as a UTC Date.
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C2').value).toBe(149.99);
    expect(sheet.getCell('D2').value).toBe(0.5);
    expect(sheet.getCell('D2').numFmt).toBe('0.00%');
    expect(sheet.getCell('A3').value).toBe('Tom & Jerry <co>');
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.getCell('C3').value).toBe(0.1);
    expect(sheet.getCell('A4').value).toBe('"quoted"');
    expect(sheet.getCell('B4').value).toBe('not a date');
    expect(sheet.getCell('C4').value).toBe(-3);
  });

  it('writes text that a spreadsheet would run as a formula as text, never as a formula', async () => {
    const dangerous = ['=SUM(A1:A9)', '+1+1', '-2+3', '@cmd', '=HYPERLINK("http://x","y")'];
    const bytes = writeXlsx([{ name: 'Names', columns: [{ header: 'Name', type: 'text' }], rows: dangerous.map((name) => [name]) }]);
    const sheet = (await open(bytes)).getWorksheet('Names')!;
    dangerous.forEach((name, index) => {
      const cell = sheet.getCell(`A${index + 2}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
    });
    // No formula element anywhere in the file's sheet XML.
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
  });

  it('keeps control characters, edge spaces and a literal _x0041_ as they are', async () => {
    const texts = ['tab\there', ' padded ', 'line\r\nbreak', 'bell\u0007', 'code _x0041_ here'];
    const bytes = writeXlsx([{ name: 'Odd', columns: [{ header: 'Text', type: 'text' }], rows: texts.map((text) => [text]) }]);
    const { readXlsxSheet } = await import('./readXlsx');
    const read = readXlsxSheet(bytes);
    expect(read.ok && read.records.slice(1).map((record) => record[0])).toEqual(texts);
  });

  it('freezes the header row and turns filters on over the table', async () => {
    const bytes = writeXlsx([{ name: 'T', columns: [{ header: 'A', type: 'text' }, { header: 'B', type: 'number' }], rows: [['x', 1], ['y', 2]] }]);
    const sheet = (await open(bytes)).getWorksheet('T')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.autoFilter).toBe('A1:B3');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('names columns as spreadsheets do, and sheets as Excel allows', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const taken = new Set<string>();
    expect(safeSheetName('R&D: Data/AI [EU]', taken)).toBe('R&D  Data AI  EU');
    expect(safeSheetName('A very long team name that goes on and on', taken)).toBe('A very long team name that goes');
    expect(safeSheetName('a very long team name that goes on and on too', taken)).toBe('a very long team name that go 2');
    expect(safeSheetName('', taken)).toBe('Sheet');
  });

  it('reads readable headers from CSV column names', () => {
    expect(['employee_id', 'skill_name', 'credentials_that_close_it', 'team'].map(readableHeader)).toEqual(['Employee ID', 'Skill name', 'Credentials that close it', 'Team']);
  });
});

describe('reportWorkbook', () => {
  it('puts "About this report" first, with the as-of date, evidence, filters, scope, when and by whom', async () => {
    const result = reportWorkbook(ABOUT, tableOf([['Data', 'Ada', 3], ['Data', 'Alan', 2]]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const workbook = await open(result.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About this report', 'Report']);
    const about = workbook.getWorksheet('About this report')!;
    const pairs = Object.fromEntries(about.getSheetValues().filter(Boolean).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(pairs).toMatchObject({
      Report: ABOUT.title,
      'As of': new Date(Date.UTC(2026, 2, 31)),
      'Evidence counted': 'All evidence',
      Filters: 'team Data',
      Scope: 'Data',
      'Made on': new Date(Date.UTC(2026, 11, 4, 15, 30)),
      'Made by': 'L&D manager',
      Rows: 2,
    });
  });

  it('refuses a report longer than a sheet, offering CSV or one sheet per team', () => {
    const rows = [['A', 'p1', 1], ['A', 'p2', 1], ['B', 'p3', 1], ['B', 'p4', 1]];
    // A sheet of 4 rows holds a header and 3 data rows.
    const refused = reportWorkbook(ABOUT, tableOf(rows), { maxRows: 4 });
    expect(refused).toEqual({
      ok: false,
      code: 'too-many-rows',
      message: 'This report has 4 rows, more than an Excel sheet holds (3 below its header): download it as CSV, or as an Excel workbook with one sheet per team, or narrow it with a filter.',
    });
    const perTeam = reportWorkbook(ABOUT, tableOf(rows), { maxRows: 4, sheetPerTeam: true });
    expect(perTeam.ok && perTeam.sheets).toEqual(['About this report', 'A', 'B']);
    const tooBigTeam = reportWorkbook(ABOUT, tableOf([...rows, ['B', 'p5', 1], ['B', 'p6', 1]]), { maxRows: 4, sheetPerTeam: true });
    expect(tooBigTeam.ok).toBe(false);
    expect(!tooBigTeam.ok && tooBigTeam.message).toContain('The team B alone has 4 rows');
  });

  it('writes one sheet per team with each team\'s rows', async () => {
    const result = reportWorkbook(ABOUT, tableOf([['A', 'p1', 1], ['B', 'p2', 2], ['B', 'p3', 3]]), { sheetPerTeam: true });
    if (!result.ok) throw new Error(result.message);
    const workbook = await open(result.bytes);
    expect(workbook.getWorksheet('A')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1))).toEqual([['A', 'p1', 1]]);
    expect(workbook.getWorksheet('B')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1))).toEqual([['B', 'p2', 2], ['B', 'p3', 3]]);
  });
});
