// The exports of SPEC §5 as Excel workbooks: a first sheet "About this report" (what, as of when,
// which evidence, filters, scope, when and by whom), then the report as a table with readable
// headers, names next to ids, numbers as numbers and dates as dates. A report longer than a sheet
// holds is refused with a message that offers CSV or one sheet per team.
import { coverageAsReported, type GapLongRow, type GapTeamRow, type GoalExportRow } from '../reports';
import type { GapLongTable } from '../engine/gaps';
import { gapStatus } from '../engine/gaps';
import { EXCEL_MAX_ROWS, safeSheetName, writeXlsx, type XlsxColumn, type XlsxSheet, type XlsxValue } from './writeXlsx';
import { ABOUT_SHEET_NAME } from './readXlsx';

/** What the "About this report" sheet says. */
export interface ReportAbout {
  /** What the report is, e.g. "Gap report, one row per person and required skill". */
  title: string;
  asOf: string;
  /** Which evidence the figures count, in words. */
  evidence: string;
  /** The filters applied, in words ('' = none). */
  filters: string;
  /** Whose data: the whole organisation, a team… */
  scope: string;
  /** When the file was made (ISO instant). */
  madeAt: string;
  /** Who made it (a person, a persona, or the command line). */
  madeBy: string;
  /** Which program made it (the server, the browser, `gapmap report`). */
  madeWith: string;
}

/** A report as rows by index, so a typed-array table and an array of rows serve alike. */
export interface ReportTable {
  /** The data sheet's name (one sheet) or what the sheets hold (one per team). */
  name: string;
  columns: readonly XlsxColumn[];
  rowCount: number;
  rowAt: (index: number) => readonly XlsxValue[];
  /** The team of a row, for one sheet per team (rows come grouped by team). */
  teamOf?: (index: number) => string;
}

export type ReportWorkbook = { ok: true; bytes: Uint8Array; sheets: string[] } | { ok: false; code: 'too-many-rows'; message: string };

export interface ReportWorkbookOptions {
  /** One sheet per team instead of one sheet. */
  sheetPerTeam?: boolean;
  /** Rows one sheet holds, header included (Excel's limit unless a test says otherwise). */
  maxRows?: number;
}

/** A header as a person reads it: `employee_id` → "Employee ID". */
export function readableHeader(column: string): string {
  const words = column.split('_').map((word) => (word === 'id' ? 'ID' : word));
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

/** Columns of a CSV export as a table's: readable headers, `_on` columns as dates, the rest typed by `numeric`. */
export function columnsOfCsv(csvColumns: readonly string[], numeric: ReadonlySet<string> = new Set()): XlsxColumn[] {
  return csvColumns.map((column) => ({
    header: readableHeader(column),
    type: column.endsWith('_on') ? 'date' : numeric.has(column) ? 'number' : 'text',
  }));
}

function* rowsOf(table: ReportTable, start: number, end: number): Generator<readonly XlsxValue[]> {
  for (let i = start; i < end; i++) yield table.rowAt(i);
}

function aboutSheet(about: ReportAbout, dataSheets: readonly { name: string; rows: number }[]): XlsxSheet {
  const rows: XlsxValue[][] = [
    ['Report', about.title],
    ['As of', { date: about.asOf }],
    ['Evidence counted', about.evidence],
    ['Filters', about.filters === '' ? 'none' : about.filters],
    ['Scope', about.scope],
    ['Made on', { moment: about.madeAt }],
    ['Made by', about.madeBy],
    ['Made with', about.madeWith],
    ['Rows', dataSheets.reduce((sum, sheet) => sum + sheet.rows, 0)],
    ['Sheets', dataSheets.map((sheet) => `${sheet.name} (${sheet.rows} rows)`).join('; ')],
    ['Note', 'Dates are Excel dates; numbers are numbers. Text that a spreadsheet could run as a formula is kept as text.'],
  ];
  return { name: ABOUT_SHEET_NAME, columns: [{ header: '', type: 'text', width: 20 }, { header: '', type: 'text', width: 90 }], rows, table: false, header: false };
}

/** Consecutive runs of rows of one team. */
function teamRuns(table: ReportTable): { team: string; start: number; end: number }[] {
  const runs: { team: string; start: number; end: number }[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const team = table.teamOf!(i);
    const last = runs[runs.length - 1];
    if (last && last.team === team) last.end = i + 1;
    else runs.push({ team, start: i, end: i + 1 });
  }
  return runs;
}

/**
 * The workbook of a report, or why it cannot be one: more rows than a sheet holds (the message
 * offers CSV, or one sheet per team when that fits).
 */
export function reportWorkbook(about: ReportAbout, table: ReportTable, options: ReportWorkbookOptions = {}): ReportWorkbook {
  const maxData = (options.maxRows ?? EXCEL_MAX_ROWS) - 1;
  const taken = new Set<string>([ABOUT_SHEET_NAME.toLowerCase()]);
  let parts: { name: string; start: number; end: number }[];
  if (options.sheetPerTeam && table.teamOf) {
    const runs = teamRuns(table);
    const largest = runs.reduce((most, run) => (run.end - run.start > most.end - most.start ? run : most), { team: '', start: 0, end: 0 });
    if (largest.end - largest.start > maxData) {
      return {
        ok: false,
        code: 'too-many-rows',
        message: `The team ${largest.team} alone has ${largest.end - largest.start} rows, more than an Excel sheet holds (${maxData} below its header): download this report as CSV, or narrow it with a filter.`,
      };
    }
    parts = runs.length === 0 ? [{ name: table.name, start: 0, end: 0 }] : runs.map((run) => ({ name: run.team, start: run.start, end: run.end }));
  } else {
    if (table.rowCount > maxData) {
      return {
        ok: false,
        code: 'too-many-rows',
        message: `This report has ${table.rowCount} rows, more than an Excel sheet holds (${maxData} below its header): download it as CSV${table.teamOf ? ', or as an Excel workbook with one sheet per team' : ''}, or narrow it with a filter.`,
      };
    }
    parts = [{ name: table.name, start: 0, end: table.rowCount }];
  }
  const named = parts.map((part) => ({ ...part, name: safeSheetName(part.name, taken) }));
  const sheets: XlsxSheet[] = [
    aboutSheet(about, named.map((part) => ({ name: part.name, rows: part.end - part.start }))),
    ...named.map((part): XlsxSheet => ({ name: part.name, columns: table.columns, rows: rowsOf(table, part.start, part.end) })),
  ];
  return { ok: true, bytes: writeXlsx(sheets, { title: about.title, createdAt: about.madeAt }), sheets: sheets.map((sheet) => sheet.name) };
}

const LEVEL = (header: string): XlsxColumn => ({ header, type: 'number' });

export const GAP_LONG_XLSX_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Employee ID', type: 'text' },
  { header: 'Employee name', type: 'text', width: 24 },
  { header: 'Team', type: 'text', width: 18 },
  { header: 'Role ID', type: 'text' },
  { header: 'Role name', type: 'text', width: 22 },
  { header: 'Skill ID', type: 'text' },
  { header: 'Skill name', type: 'text', width: 22 },
  { header: 'Weight', type: 'text', width: 13 },
  LEVEL('Required level'),
  LEVEL('Verified level'),
  LEVEL('Assessed level'),
  LEVEL('Effective level'),
  LEVEL('Gap'),
  { header: 'Status', type: 'text', width: 9 },
];

/** The long gap report's rows as a table (the server's filtered rows). */
export function gapLongReportTable(rows: readonly GapLongRow[], roleName: (id: string) => string): ReportTable {
  return {
    name: 'Gap report',
    columns: GAP_LONG_XLSX_COLUMNS,
    rowCount: rows.length,
    rowAt: (i) => {
      const r = rows[i]!;
      return [r.employee_id, r.employee_name, r.team, r.role, roleName(r.role), r.skill_id, r.skill_name, r.weight, r.required_level, r.verified_level, r.assessed_level, r.effective_level, r.gap, r.status];
    },
    teamOf: (i) => rows[i]!.team,
  };
}

/** The long gap report from the engine's columns (`gapmap report`), without a million row objects. */
export function gapLongTableReportTable(table: GapLongTable, roleName: (id: string) => string): ReportTable {
  return {
    name: 'Gap report',
    columns: GAP_LONG_XLSX_COLUMNS,
    rowCount: table.length,
    rowAt: (i) => {
      const employee = table.employees[table.employee[i]!]!;
      const s = table.skill[i]!;
      const gap = table.gap[i]!;
      return [
        employee.id, employee.name, employee.team, employee.role, roleName(employee.role), table.skillIds[s]!, table.skillNames[s]!, table.weights[table.requirement[i]!]!,
        table.required[i]!, table.verified[i]!, table.assessed[i]!, table.effective[i]!, gap, gapStatus(gap),
      ];
    },
    teamOf: (i) => table.employees[table.employee[i]!]!.team,
  };
}

export const GAP_TEAM_XLSX_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Team', type: 'text', width: 18 },
  { header: 'Skill ID', type: 'text' },
  { header: 'Skill name', type: 'text', width: 22 },
  { header: 'People requiring it', type: 'number' },
  { header: 'People meeting it', type: 'number' },
  { header: 'Coverage', type: 'percent', width: 11 },
  { header: 'Total gap', type: 'number' },
  { header: 'Weighted gap', type: 'number' },
  { header: 'Bench', type: 'number' },
];

/** The team gap report as a table; coverage as a share (shown as a percentage), blank when nobody requires the skill. */
export function gapTeamReportTable(rows: readonly GapTeamRow[]): ReportTable {
  return {
    name: 'Team report',
    columns: GAP_TEAM_XLSX_COLUMNS,
    rowCount: rows.length,
    rowAt: (i) => {
      const r = rows[i]!;
      return [r.team, r.skill_id, r.skill_name, r.required_count, r.met_count, Number.isFinite(r.coverage) ? coverageAsReported(r.coverage) : null, r.total_gap, r.weighted_gap, r.bench];
    },
    teamOf: (i) => rows[i]!.team,
  };
}

export const GOALS_XLSX_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Goal ID', type: 'text' },
  { header: 'Employee ID', type: 'text' },
  { header: 'Employee name', type: 'text', width: 24 },
  { header: 'Team', type: 'text', width: 18 },
  { header: 'Credential ID', type: 'text' },
  { header: 'Credential name', type: 'text', width: 30 },
  { header: 'Kind', type: 'text' },
  { header: 'Status', type: 'text' },
  { header: 'Created on', type: 'date' },
  { header: 'Due on', type: 'date' },
  { header: 'Completed on', type: 'date' },
  { header: 'Overdue', type: 'text', width: 9 },
];

export function goalsReportTable(rows: readonly GoalExportRow[]): ReportTable {
  return {
    name: 'Goals',
    columns: GOALS_XLSX_COLUMNS,
    rowCount: rows.length,
    rowAt: (i) => {
      const r = rows[i]!;
      return [r.goal_id, r.employee_id, r.employee_name, r.team, r.credential_id, r.credential_name, r.kind, r.status, r.created_on, r.due_on, r.completed_on, r.overdue];
    },
    teamOf: (i) => rows[i]!.team,
  };
}
