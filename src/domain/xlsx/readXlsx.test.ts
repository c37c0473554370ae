// Reading .xlsx sheets written by an independent writer (exceljs, shared strings and styles as Excel
// writes them): text, exact numbers, dates as ISO days, formulas' values; and the import path
// (readCsvFile) over a sheet, with findings located as Sheet!Cell.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { excelSerialDay, listXlsxSheets, readXlsxSheet } from './readXlsx';
import { readCsvFile, formatIssue } from '../csv';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const awardsWorkbook = () =>
  workbookBytes((workbook) => {
    const notes = workbook.addWorksheet('Read me');
    notes.addRow(['Exported from the LMS']);
    const awards = workbook.addWorksheet('Awards');
    awards.addRow(['Employee ID', 'Credential', 'Issued', 'Expires', 'Cost']);
    awards.addRow(['E1', 'sql-3', new Date(Date.UTC(2025, 2, 14)), new Date(Date.UTC(2027, 2, 14)), 0.1]);
    awards.addRow(['E2', 'sql-3', new Date(Date.UTC(2025, 5, 30)), new Date(Date.UTC(2024, 5, 30)), 149.99]);
    awards.getCell('C2').numFmt = 'dd/mm/yyyy';
    awards.getCell('D2').numFmt = 'yyyy-mm-dd';
    awards.getCell('C3').numFmt = 'd mmm yyyy';
    awards.getCell('D3').numFmt = 'mm/dd/yy';
  });

describe('readXlsxSheet', () => {
  it('lists the sheets and reads the first unless one is named', async () => {
    const bytes = await awardsWorkbook();
    expect(listXlsxSheets(bytes)).toEqual(['Read me', 'Awards']);
    const first = readXlsxSheet(bytes);
    expect(first).toMatchObject({ ok: true, sheet: 'Read me', records: [['Exported from the LMS']] });
    const awards = readXlsxSheet(bytes, 'awards');
    expect(awards.ok && awards.sheet).toBe('Awards');
    expect(awards.ok && awards.records).toEqual([
      ['Employee ID', 'Credential', 'Issued', 'Expires', 'Cost'],
      ['E1', 'sql-3', '2025-03-14', '2027-03-14', '0.1'],
      ['E2', 'sql-3', '2025-06-30', '2024-06-30', '149.99'],
    ]);
  });

  it('says which sheets there are when the named one is missing', async () => {
    const read = readXlsxSheet(await awardsWorkbook(), 'Goals');
    expect(read).toEqual({ ok: false, sheets: ['Read me', 'Awards'], message: 'the workbook has no sheet called "Goals" (its sheets: Read me, Awards): choose one of them' });
  });

  it('reads formulas as their values, booleans, rich text, and leaves gaps where cells are empty', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.getCell('A1').value = 'id';
      sheet.getCell('C1').value = { richText: [{ text: 'Le' }, { text: 'vel', font: { bold: true } }] };
      sheet.getCell('A3').value = 'E1';
      sheet.getCell('B3').value = { formula: '1+2', result: 3 };
      sheet.getCell('C3').value = true;
      sheet.getCell('D3').value = 1234567.891;
    });
    const read = readXlsxSheet(bytes);
    expect(read.ok && read.records).toEqual([['id', '', 'Level'], [], ['E1', '3', 'TRUE', '1234567.891']]);
  });

  it('turns Excel serials into days in both date systems, leaving out the phantom 1900-02-29', () => {
    expect(excelSerialDay(1, false)).toBe('1900-01-01');
    expect(excelSerialDay(59, false)).toBe('1900-02-28');
    expect(excelSerialDay(60, false)).toBeNull();
    expect(excelSerialDay(61, false)).toBe('1900-03-01');
    expect(excelSerialDay(45351, false)).toBe('2024-02-29');
    expect(excelSerialDay(45351.75, false)).toBe('2024-02-29');
    expect(excelSerialDay(0, true)).toBe('1904-01-01');
    expect(excelSerialDay(43889, true)).toBe('2024-02-29');
  });

  it('explains a zip that is not a workbook, and a damaged one', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(readXlsxSheet(zip)).toMatchObject({ ok: false, message: 'this is a zip file but not an Excel workbook (.xlsx): export the data as .xlsx or CSV' });
    const damaged = readXlsxSheet(zip.subarray(0, 20));
    expect(damaged.ok).toBe(false);
    expect(!damaged.ok && damaged.message).toMatch(/^this Excel workbook \(or zip file\) is damaged and cannot be opened/);
  });
});

describe('readCsvFile over an .xlsx sheet', () => {
  it('reads the chosen sheet as records of its kind, dates typed as dates becoming ISO days', async () => {
    const parsed = readCsvFile({ fileName: 'awards.xlsx', bytes: await awardsWorkbook() }, { sheet: 'Awards' });
    expect(parsed.kind).toBe('awards');
    expect(parsed.sheet).toBe('Awards');
    expect(parsed.sheets).toEqual(['Read me', 'Awards']);
    expect(parsed.records.values).toMatchObject([{ employee: 'E1', credential: 'sql-3', issuedOn: '2025-03-14', expiresOn: '2027-03-14' }]);
  });

  it('locates a finding at its sheet and cell', async () => {
    const parsed = readCsvFile({ fileName: 'awards.xlsx', bytes: await awardsWorkbook() }, { sheet: 'Awards' });
    const errors = parsed.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'awards.xlsx', row: 3, column: 'Expires', cell: 'Awards!D3', value: '2024-06-30' });
    expect(formatIssue(errors[0]!)).toMatch(/^awards\.xlsx:Awards!D3:Expires: /);
  });

  it('quotes a sheet name with spaces in a cell reference', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('My awards');
      sheet.addRow(['employee_id', 'credential_id', 'issued_on']);
      sheet.addRow(['E1', 'sql-3', 'yesterday']);
    });
    const parsed = readCsvFile({ fileName: 'a.xlsx', bytes });
    expect(parsed.issues.find((issue) => issue.severity === 'error')?.cell).toBe("'My awards'!C2");
  });

  it('says an old .xls workbook must be saved as .xlsx or CSV', () => {
    const parsed = readCsvFile({ fileName: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    expect(parsed.issues.map((issue) => issue.message)).toEqual([
      'this is an old Excel 97–2003 workbook (.xls): in Excel use File › Save As › "Excel Workbook (.xlsx)" or "CSV UTF-8", then import that file',
    ]);
  });
});
