// Where a finding is in a workbook (SPEC §4 located errors for .xlsx files): the sheet and the cell
// a spreadsheet user looks for, `Awards!C7`, instead of a row and a header.
import { columnLetters } from '../xlsx/writeXlsx';
import type { ImportIssue, ParsedFile } from './types';

/** A sheet name as a reference writes it: quoted when it holds anything but letters, digits, _ and . */
function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

/** `Sheet1!C7` for a row and a header of the file; `Sheet1!7` when the header is not one column. */
export function sheetCell(sheet: string, headers: readonly string[], row: number, column: string): string {
  const index = column === '' ? -1 : headers.indexOf(column);
  return `${sheetReference(sheet)}!${index >= 0 ? columnLetters(index) : ''}${row}`;
}

/** Gives each row-level issue about a sheet of `files` its cell (issues of other files unchanged). */
export function locateInSheets(issues: readonly ImportIssue[], files: readonly ParsedFile[]): void {
  const located = new Map<string, ParsedFile>();
  for (const file of files) if (file.sheet !== undefined || file.jsonArray !== undefined) located.set(file.fileName, file);
  if (located.size === 0) return;
  for (const issue of issues) {
    const file = located.get(issue.file);
    if (file === undefined || issue.row <= 0 || issue.cell !== undefined) continue;
    // A JSON file's entries stand on rows 2…: entry i is `data[i]`.
    issue.cell = file.sheet !== undefined ? sheetCell(file.sheet, file.headers, issue.row, issue.column) : `${file.jsonArray}[${issue.row - 2}]`;
  }
}
