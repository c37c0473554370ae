// Reads one CSV file into typed records of one kind (SPEC §4): decoding, delimiter, headers and
// mapping, every tolerance rule for cells, and located issues; references stay unresolved here.
import { todayIso } from '../dates';
import { RECORD_KINDS } from '../records';
import type { Assessment, AssessmentSource, Award, Employee, Goal, Interest, IsoDate, RecordKind, Skill, Weight } from '../schema';
import { decodeCsvBytes } from './decode';
import { detectDelimiter } from './detectDelimiter';
import { undoNeutralisation } from './formula';
import { describeMapping, detectKind, fieldSynonyms, proposeMapping } from './headers';
import { parseCsvRecords, type ParseProblem } from './parse';
import { locateInSheets } from './sheetCells';
import { credlyJsonRecords } from './credly';
import { isOldOfficeFile, isZip, readXlsxSheet } from '../xlsx/readXlsx';
import type {
  CatalogRecord, ColumnMapping, CsvReadOptions, DateOrder, Delimiter, ImportIssue, KindRecords, LevelScale,
  ParsedFile, PendingDecision, RequirementRecord, RowWithError, TextEncodingName,
} from './types';
import {
  WEIGHT_HELP, isIsoDateFast, mapLevelOntoScale, readDateShape, readGoalKind, readGoalStatus, readLevelCell,
  readNumber, readSource, readWeight, resolveDatePair,
} from './values';

/** A raw cell with our own formula neutralisation undone and surrounding spaces trimmed. */
export function clean(raw: string | undefined): string {
  if (raw === undefined || raw.length === 0) return '';
  const text = raw.charCodeAt(0) === 39 ? undoNeutralisation(raw) : raw;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || first === 0xa0 || last === 0xa0 || first > 0x2000 || last > 0x2000 ? text.trim() : text;
}

function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

const DATE_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  awards: ['issued_on', 'expires_on'],
  assessments: ['assessed_on'],
  goals: ['due_on', 'created_on'],
};

const KIND_LIST = RECORD_KINDS.join(', ');

/** The kinds other files refer to, and the columns they may be referred to by (SPEC §4: id, then name/email). */
const REFERENCED_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  employees: ['employee_id', 'email', 'name'],
  skills: ['skill_id', 'name'],
  catalog: ['credential_id', 'name'],
};

/** Cells that mean "nothing here" in a wide file. */
const EMPTY_MARKS = new Set(['', '-', '–', '—', 'n/a', 'na', 'N/A', 'NA', 'x', 'X', '.']);

interface DateColumn {
  index: number;
  header: string;
  order: DateOrder | undefined;
  /** The column's one ambiguous date is reported at its cell instead of asking the column's order. */
  ambiguousAtCell?: boolean;
  /** The header declares a 2-digit year (Credly's "Issued at date (mm/dd/yy)"): 25 is 2025. */
  shortYear?: boolean;
}

/**
 * The date format a header declares, as badge platforms' templates do ("Issued at date (mm/dd/yy)"):
 * its day/month order, and whether years are written with 2 digits. Undefined when it declares none.
 */
export function declaredDateFormat(header: string): { order: DateOrder; shortYear: boolean } | undefined {
  const monthFirst = /(?:^|[^a-z])m{1,2}[/.-]d{1,2}[/.-](y{2,4})(?![a-z])/i.exec(header);
  if (monthFirst) return { order: 'MDY', shortYear: monthFirst[1]!.length === 2 };
  const dayFirst = /(?:^|[^a-z])d{1,2}[/.-]m{1,2}[/.-](y{2,4})(?![a-z])/i.exec(header);
  if (dayFirst) return { order: 'DMY', shortYear: dayFirst[1]!.length === 2 };
  return undefined;
}

/** A DD/MM/YY or MM/DD/YY date with its year in full, for a column that declares 2-digit years. */
function withFullYear(text: string): string {
  const match = /^(\d{1,2}[-/.]\d{1,2}[-/.])(\d{2})$/.exec(text);
  return match ? `${match[1]}20${match[2]}` : text;
}

interface LevelColumns {
  /** No scale given and numbers beyond 0–5 seen: numeric levels wait for the user's scale. */
  pending: boolean;
  scale: LevelScale | undefined;
}

type LevelResult = { ok: true; level: number } | { ok: false; message: string | null };

function emptyParsedFile(fileName: string, encoding: TextEncodingName, bom: boolean, delimiter: Delimiter): ParsedFile {
  return {
    fileName, kind: null, encoding, bom, delimiter, headers: [], mapping: {}, wide: false, rowCount: 0,
    records: { kind: null, values: [], rows: [] }, issues: [], pending: [],
  };
}

/** Reasons a text is not a CSV file at all, or null when it may be one. */
export function notCsvReason(text: string): string | null {
  if (text.trim() === '') return 'the file is empty: export the data as CSV with a header row';
  if (text.startsWith('PK\u0003\u0004')) {
    return 'this is an Excel workbook or another zip file, not CSV: in Excel use File › Save As › "CSV UTF-8", then import that file';
  }
  if (text.startsWith('%PDF')) return 'this is a PDF, not CSV: export the data from its source system as CSV';
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  if (control > sample.length * 0.01 + 2) {
    return 'this file holds binary data, not text: export the data as CSV (comma, semicolon or tab separated)';
  }
  return null;
}

/**
 * Reads one CSV file (bytes or text) into records of its kind, with every problem located.
 * Never throws: a file that cannot be read at all comes back with a file-level error.
 */
export function readCsvFile(input: { fileName: string; bytes?: Uint8Array; text?: string }, options: CsvReadOptions = {}): ParsedFile {
  try {
    const parsed = readCsvFileOrThrow(input, options);
    locateInSheets(parsed.issues, [parsed]);
    return parsed;
  } catch (error) {
    // Only a bug gets here; the user still gets a located answer instead of a crash.
    const parsed = emptyParsedFile(input.fileName, 'utf-8', false, ',');
    parsed.issues.push({
      file: input.fileName, row: 0, column: '', value: '', severity: 'error',
      message: `internal error while reading this file (${error instanceof Error ? error.message : String(error)}): please report it`,
    });
    return parsed;
  }
}

function readCsvFileOrThrow(input: { fileName: string; bytes?: Uint8Array; text?: string }, options: CsvReadOptions): ParsedFile {
  const file = input.fileName;
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  let bom = false;
  if (input.bytes && isZip(input.bytes)) return readWorkbook(file, input.bytes, options);
  if (input.bytes && isOldOfficeFile(input.bytes)) {
    const parsed = emptyParsedFile(file, 'utf-8', false, ',');
    parsed.issues.push({
      file, row: 0, column: '', value: '', severity: 'error',
      message: 'this is an old Excel 97–2003 workbook (.xls): in Excel use File › Save As › "Excel Workbook (.xlsx)" or "CSV UTF-8", then import that file',
    });
    return parsed;
  }
  if (input.bytes) {
    const decoded = decodeCsvBytes(input.bytes);
    ({ text, encoding, bom } = decoded);
  } else {
    text = input.text ?? '';
    if (text.charCodeAt(0) === 0xfeff) {
      bom = true;
      text = text.slice(1);
    }
  }
  const issues: ImportIssue[] = [];
  const fileIssue = (message: string, severity: 'error' | 'warning' = 'error', column = '', value = ''): void => {
    issues.push({ file, row: 0, column, value, message, severity });
  };
  // Binary data decodes as Windows-1252 too: only a text file is told about its encoding.
  if (encoding === 'windows-1252' && notCsvReason(text) === null) {
    fileIssue('the file is not UTF-8, so it was read as Windows-1252 (Western European): check names with accents, or save it as "CSV UTF-8" and import again', 'warning');
  }
  const credly = credlyJsonRecords(text);
  if (credly) {
    const parsed = emptyParsedFile(file, encoding, bom, ',');
    parsed.issues = issues;
    parsed.jsonArray = 'data';
    parsed.badgeTemplates = credly.templates;
    for (const issue of credly.issues) issues.push({ file, ...issue });
    return readRecords(parsed, credly.records, [], { ...options, kind: options.kind ?? 'awards' });
  }
  const notCsv = notCsvReason(text);
  const delimiter = notCsv ? ',' : detectDelimiter(text);
  const parsed = emptyParsedFile(file, encoding, bom, delimiter);
  parsed.issues = issues;
  if (notCsv) {
    fileIssue(notCsv);
    return parsed;
  }

  const { records, problems } = parseCsvRecords(text, delimiter);
  return readRecords(parsed, records, problems, options);
}

/** One sheet of an .xlsx workbook, read as CSV records are: the same detection, mapping and checks. */
function readWorkbook(file: string, bytes: Uint8Array, options: CsvReadOptions): ParsedFile {
  const parsed = emptyParsedFile(file, 'utf-8', false, ',');
  // A workbook with a sheet per kind: the sheet named after the kind asked for, unless one is chosen.
  const preferred = options.kind === undefined ? [] : options.kind === 'catalog' ? ['catalog', 'credentials'] : [options.kind];
  const sheet = readXlsxSheet(bytes, options.sheet, preferred);
  parsed.sheets = sheet.sheets;
  if (!sheet.ok) {
    parsed.issues.push({ file, row: 0, column: '', value: options.sheet ?? '', message: sheet.message, severity: 'error' });
    return parsed;
  }
  parsed.sheet = sheet.sheet;
  if (sheet.records.every(isBlankRecord)) {
    parsed.issues.push({ file, row: 0, column: '', value: sheet.sheet, severity: 'error', message: `the sheet "${sheet.sheet}" is empty: choose the sheet that holds the data, with a header row` });
    return parsed;
  }
  return readRecords(parsed, sheet.records, [], options);
}

/** The records of a file (CSV or a sheet), from its header row on, into `parsed`. */
function readRecords(parsed: ParsedFile, records: string[][], problems: readonly ParseProblem[], options: CsvReadOptions): ParsedFile {
  const file = parsed.fileName;
  const issues = parsed.issues;
  const delimiter = parsed.delimiter;
  const fileIssue = (message: string, severity: 'error' | 'warning' = 'error', column = '', value = ''): void => {
    issues.push({ file, row: 0, column, value, message, severity });
  };
  let headerIndex = 0;
  while (headerIndex < records.length && isBlankRecord(records[headerIndex]!)) headerIndex++;
  const headerRecord = records[headerIndex];
  if (!headerRecord) {
    fileIssue('the file is empty: export the data as CSV with a header row');
    return parsed;
  }
  const headers = headerRecord.map(clean);
  parsed.headers = headers;
  const brokenRecords = new Set<number>();
  for (const problem of problems) {
    const row = problem.record + 1;
    if (problem.kind === 'unterminated-quote') {
      brokenRecords.add(problem.record);
      issues.push({
        file, row, column: '', value: '', severity: 'error',
        message: 'a quoted field starts on this row but its closing quote (") is missing, so the rest of the file ran into it: close the quote',
      });
    } else {
      issues.push({
        file, row, column: '', value: '', severity: 'warning',
        message: 'a quote (") inside a field is not doubled as CSV requires: check this row was read as intended',
      });
    }
  }

  let kind: RecordKind | null = options.kind ?? detectKind(headers);
  if (!options.kind && kind === 'employees') kind = refineEmployeesToMatrix(headers, records, headerIndex + 1) ?? kind;
  // A skills matrix's skill columns hold levels; a file whose extra columns do not (a badge platform's
  // export with ids, dates and URLs) is whatever else its headers make it.
  if (!options.kind && kind === 'assessments' && !wideColumnsHoldLevels(headers, records, headerIndex + 1)) kind = detectKind(headers, { notWide: true });
  parsed.kind = kind;
  if (!kind) {
    if (headers.length <= 1) {
      fileIssue(`found only one column ("${headers[0] ?? ''}"): this does not look like a CSV export; the values must be separated by commas, semicolons or tabs, with a header row`);
    } else {
      fileIssue(`cannot tell which data this file holds from its headers (${headers.join(', ')}): choose its kind (${KIND_LIST}) or rename the columns as in the templates`);
    }
    return parsed;
  }
  const described = options.mapping ? describeMapping(kind, headers, options.mapping) : proposeMapping(kind, headers);
  const mapping: ColumnMapping = described.mapping;
  parsed.mapping = mapping;
  parsed.wide = described.wide;
  for (const field of described.missing) {
    const accepted = fieldSynonyms(kind, field).slice(0, 4).join(', ');
    fileIssue(`missing the required column ${field} for ${kind} (accepted headers include ${accepted}): add it, or map a column to it`, 'error', '', field);
  }

  let rowCount = 0;
  for (let r = headerIndex + 1; r < records.length; r++) if (!isBlankRecord(records[r]!)) rowCount++;
  parsed.rowCount = rowCount;
  if (rowCount === 0) fileIssue('the file has a header but no data rows', 'warning');
  if (described.missing.length > 0) {
    parsed.records = { kind, values: [], rows: [] } as KindRecords;
    return parsed;
  }

  const rowsWithErrors: RowWithError[] = [];
  const context = new RowReader(file, kind, headers, mapping, delimiter, options, issues, parsed.pending, rowsWithErrors);
  parsed.records = context.readAll(records, headerIndex + 1, brokenRecords, described.wide ? described.skillColumns : []);
  if (rowsWithErrors.length > 0) parsed.rowsWithErrors = rowsWithErrors;
  return parsed;
}

/** Whether the skill columns of a wide (matrix) reading hold levels, when the headers make one. */
function wideColumnsHoldLevels(headers: readonly string[], records: readonly string[][], start: number): boolean {
  const matrix = proposeMapping('assessments', headers);
  if (!matrix.wide) return true;
  return cellsAreLevels(records, start, matrix.skillColumns);
}

/** Whether at least 90% of the filled cells (of the first 200 rows) of these columns are levels. */
function cellsAreLevels(records: readonly string[][], start: number, columns: readonly number[]): boolean {
  let filled = 0;
  let levels = 0;
  for (let r = start; r < records.length && r < start + 200; r++) {
    for (const index of columns) {
      const cell = clean(records[r]![index]);
      if (EMPTY_MARKS.has(cell)) continue;
      filled++;
      if (readLevelCell(cell).type === 'level') levels++;
    }
  }
  return filled > 0 && levels >= filled * 0.9;
}

/**
 * An employees-looking file whose extra columns hold levels is a skills matrix (wide assessments):
 * headers alone cannot tell "Python" from "Hire Date", the cells can.
 */
function refineEmployeesToMatrix(headers: readonly string[], records: readonly string[][], start: number): RecordKind | null {
  const matrix = proposeMapping('assessments', headers);
  if (!matrix.wide) return null;
  const employees = proposeMapping('employees', headers);
  const extra = matrix.skillColumns.filter((index) => !Object.values(employees.mapping).includes(index));
  if (extra.length === 0) return null;
  return cellsAreLevels(records, start, extra) ? 'assessments' : null;
}

/**
 * Row-by-row reading of one file of a known kind and mapping. A class only to keep the per-file
 * state (column indices, date and level decisions) out of every cell reader's arguments.
 */
class RowReader {
  private dateColumns = new Map<string, DateColumn>();
  private levels: LevelColumns = { pending: false, scale: undefined };

  constructor(
    readonly file: string,
    readonly kind: RecordKind,
    readonly headers: readonly string[],
    readonly mapping: ColumnMapping,
    readonly delimiter: Delimiter,
    readonly options: CsvReadOptions,
    readonly issues: ImportIssue[],
    readonly pending: PendingDecision[],
    readonly rowsWithErrors: RowWithError[],
  ) {}

  columnOf(field: string): number {
    return this.mapping[field] ?? -1;
  }

  header(field: string): string {
    const index = this.mapping[field];
    return index === undefined ? field : (this.headers[index] ?? field);
  }

  error(row: number, column: string, value: string, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.issues.push({ file: this.file, row, column, value, message, severity });
  }

  readAll(records: readonly string[][], start: number, broken: ReadonlySet<number>, skillColumns: readonly number[]): KindRecords {
    this.decideDates(records, start);
    this.decideLevels(records, start, skillColumns);
    const rows: number[] = [];
    const values: unknown[] = [];
    const push = (value: unknown, row: number): void => {
      values.push(value);
      rows.push(row);
    };
    const read = this.rowFunction(skillColumns, push);
    const refFields = REFERENCED_FIELDS[this.kind];
    const refColumns = refFields?.map((field) => this.columnOf(field)).filter((index) => index >= 0) ?? [];
    for (let r = start; r < records.length; r++) {
      const record = records[r]!;
      if (broken.has(r)) continue;
      if (record.length === 1 && record[0] === '') continue;
      if (record[0] === '' && isBlankRecord(record)) continue;
      if (record.length > this.headers.length) {
        const extra = record.slice(this.headers.length).filter((cell) => cell.trim() !== '');
        if (extra.length > 0) {
          this.error(r + 1, '', extra.join(this.delimiter),
            `this row has ${record.length} values but the header has ${this.headers.length} columns: the extra values were ignored; quote fields that contain "${this.delimiter === '\t' ? 'tab' : this.delimiter}"`, 'warning');
        }
      }
      const before = values.length;
      read(record, r + 1);
      // A row of a kind other files refer to that defined nothing (an error, or a decision it waits
      // for): remember the ids it would have defined, so references to it are not called unknown.
      if (refFields && values.length === before) {
        const refs = refColumns.map((index) => clean(record[index])).filter((ref) => ref !== '');
        if (this.columnOf('first_name') >= 0 || this.columnOf('last_name') >= 0) {
          const joined = [clean(record[this.columnOf('first_name')]), clean(record[this.columnOf('last_name')])].filter(Boolean).join(' ');
          if (joined !== '') refs.push(joined);
        }
        if (refs.length > 0) this.rowsWithErrors.push({ row: r + 1, refs });
      }
    }
    return { kind: this.kind, values, rows } as KindRecords;
  }

  // ------------------------------------------------------------ decisions made once per column

  private decideDates(records: readonly string[][], start: number): void {
    // A format one date header declares is the file's (Credly's template: "Issued at date (mm/dd/yy)"
    // and a plain "Expiration Date" written the same way).
    let fileDeclared: ReturnType<typeof declaredDateFormat>;
    for (const field of DATE_FIELDS[this.kind] ?? []) {
      const index = this.columnOf(field);
      fileDeclared ??= index < 0 ? undefined : declaredDateFormat(this.headers[index] ?? '');
    }
    for (const field of DATE_FIELDS[this.kind] ?? []) {
      const index = this.columnOf(field);
      if (index < 0) continue;
      const header = this.headers[index] ?? field;
      const declared = declaredDateFormat(header) ?? fileDeclared;
      const chosen = this.options.dateOrderByColumn?.[header] ?? this.options.dateOrderByColumn?.[field] ?? this.options.dateOrder ?? declared?.order;
      const column: DateColumn = { index, header, order: chosen, shortYear: declared?.shortYear === true };
      this.dateColumns.set(field, column);
      if (chosen) continue;
      let dayFirst = false;
      let monthFirst = false;
      const samples: string[] = [];
      let ambiguous = 0;
      for (let r = start; r < records.length; r++) {
        const raw = records[r]![index];
        if (raw === undefined || raw === '' || isIsoDateFast(raw)) continue;
        const shape = readDateShape(clean(raw));
        if (shape.type !== 'pair') continue;
        if (shape.first > 12 && shape.second <= 12) dayFirst = true;
        else if (shape.second > 12 && shape.first <= 12) monthFirst = true;
        else if (shape.first !== shape.second && shape.first <= 12 && shape.second <= 12) {
          ambiguous++;
          if (samples.length < 5) samples.push(clean(raw));
        }
      }
      if (dayFirst && !monthFirst) column.order = 'DMY';
      else if (monthFirst && !dayFirst) column.order = 'MDY';
      else if (ambiguous === 1 && !dayFirst && !monthFirst) {
        // One ambiguous date among ISO ones says nothing about a column order: it is that cell's error.
        column.ambiguousAtCell = true;
      } else if (ambiguous > 0 || (dayFirst && monthFirst)) {
        this.pending.push({ type: 'date-order', column: header, samples });
        this.error(0, header, samples.join(' '),
          dayFirst && monthFirst
            ? `this column mixes day-first (DD/MM/YYYY) and month-first (MM/DD/YYYY) dates: choose its order (--date-format DMY or MDY); its rows wait for that choice`
            : `every date in this column could be DD/MM/YYYY or MM/DD/YYYY (e.g. ${samples[0] ?? ''}): choose its order (--date-format DMY or MDY); its rows wait for that choice`);
      }
    }
  }

  private decideLevels(records: readonly string[][], start: number, skillColumns: readonly number[]): void {
    const columns = skillColumns.length > 0 ? skillColumns : this.columnOf('level') >= 0 ? [this.columnOf('level')] : [];
    this.levels.scale = this.options.levelScale;
    if (columns.length === 0 || this.options.levelScale) return;
    let min = Infinity;
    let max = -Infinity;
    let numeric = 0;
    let offScale = 0;
    const beyondColumns = new Set<number>();
    for (let r = start; r < records.length; r++) {
      const record = records[r]!;
      for (const index of columns) {
        const text = clean(record[index]);
        if (text === '' || EMPTY_MARKS.has(text)) continue;
        const cell = readLevelCell(skillColumns.length > 0 ? splitWideCell(text).level : text);
        if (cell.type === 'level' && cell.fromNumber) {
          numeric++;
          min = Math.min(min, cell.level);
          max = Math.max(max, cell.level);
        } else if (cell.type === 'scale') {
          numeric++;
          offScale++;
          beyondColumns.add(index);
          min = Math.min(min, cell.value);
          max = Math.max(max, cell.value);
        }
      }
    }
    // The column is taken to be on another scale only when it looks like one as a whole: at least
    // two numbers off 0–5, and at least half of its numbers. A lone 7 among 0–5 levels is a typo,
    // reported at its cell, and the column's other levels stand.
    if (offScale < 2 || offScale * 2 < numeric) return;
    this.levels.pending = true;
    const column = [...beyondColumns].map((index) => this.headers[index] ?? '').join(', ');
    this.pending.push({ type: 'level-scale', column, observedMin: min, observedMax: max });
    this.error(0, column, `${min}–${max}`,
      `levels from ${min} to ${max} are not on Gapmap's 0–5 scale: confirm the scale this column uses (e.g. --level-scale ${min <= 0 ? 0 : 1}-${max <= 100 && max > 10 ? 100 : Math.ceil(max)}) to map it onto 0–5; its numeric levels wait for that choice`);
  }

  // ------------------------------------------------------------ cell readers

  /** Reads a date cell; undefined when the row must wait for a pending date-order choice. */
  date(record: readonly string[], field: string, row: number, required: boolean): { ok: true; date: IsoDate | undefined } | { ok: false } {
    const column = this.dateColumns.get(field);
    if (!column) return { ok: true, date: undefined };
    const raw = record[column.index];
    if (raw !== undefined && isIsoDateFast(raw)) return { ok: true, date: raw };
    const text = column.shortYear ? withFullYear(clean(raw)) : clean(raw);
    if (text === '') {
      if (!required) return { ok: true, date: undefined };
      this.error(row, column.header, '', `${field} is blank: every row needs this date (YYYY-MM-DD)`);
      return { ok: false };
    }
    let shape = readDateShape(text);
    if (shape.type === 'pair') {
      if (shape.first === shape.second || (shape.first > 12) !== (shape.second > 12)) {
        // 05/05/2024 reads the same either way; 25/03/2024 decides itself when the column is undecided.
        shape = resolveDatePair(shape, column.order ?? (shape.first > 12 ? 'DMY' : 'MDY'), text);
      } else if (column.order) {
        shape = resolveDatePair(shape, column.order, text);
      } else if (shape.first > 12) {
        shape = { type: 'invalid', message: `"${text}" is not a date: neither day nor month can be over 12 in both places` };
      } else if (column.ambiguousAtCell) {
        shape = {
          type: 'invalid',
          message: `"${text}" could be DD/MM/YYYY or MM/DD/YYYY and the column's other dates do not tell: write it as YYYY-MM-DD (or choose the order with --date-format DMY or MDY); this row was left out`,
        };
      } else {
        return { ok: false }; // waits for the date-order decision reported once for the column
      }
    }
    if (shape.type === 'invalid') {
      this.error(row, column.header, text, shape.message);
      return { ok: false };
    }
    if (shape.type === 'pair') return { ok: false };
    return { ok: true, date: shape.iso };
  }

  /** Reads a level; `message: null` when the row waits for the level-scale decision. */
  level(text: string, column: string, row: number, min: 0 | 1): LevelResult {
    const cell = readLevelCell(text);
    let level: number;
    if (cell.type === 'invalid') {
      this.error(row, column, text, cell.message);
      return { ok: false, message: cell.message };
    }
    const scale = this.levels.scale;
    if (cell.type === 'scale' || (scale && cell.fromNumber)) {
      const value = cell.type === 'scale' ? cell.value : cell.level;
      if (!scale) {
        this.error(row, column, text, this.levels.pending
          ? `level ${text} is outside 0–5: confirm the scale of this column (e.g. --level-scale 1-8) so it can be mapped onto 0–5`
          : `level ${text} is outside 0–5 while the column's other levels are on 0–5: correct it (if the whole column is on another scale, confirm it with --level-scale MIN-MAX); this row was left out`);
        return { ok: false, message: null };
      }
      const mapped = mapLevelOntoScale(value, scale);
      if (mapped === null) {
        this.error(row, column, text, `level ${text} is outside the confirmed scale ${scale.min}–${scale.max}: correct it`);
        return { ok: false, message: null };
      }
      level = mapped;
    } else {
      if (this.levels.pending && cell.fromNumber) return { ok: false, message: null };
      level = cell.level;
    }
    if (level < min) {
      this.error(row, column, text, `a required or granted level must be 1–5 (${text} means none): remove the row or correct the level`);
      return { ok: false, message: null };
    }
    return { ok: true, level };
  }

  number(text: string, field: string, row: number, integer: boolean): { ok: true; value: number | undefined } | { ok: false } {
    if (text === '') return { ok: true, value: undefined };
    const value = readNumber(text, this.delimiter === ';');
    if (Number.isNaN(value) || value < 0 || (integer && !Number.isInteger(value)) || (integer && value === 0)) {
      const expected = integer ? 'a whole number of months, 1 or more' : 'a number, 0 or more, like 1200.50';
      this.error(row, this.header(field), text, `${field} "${text}" is not ${expected}: correct it or leave it blank`);
      return { ok: false };
    }
    return { ok: true, value };
  }

  required(text: string, field: string, row: number, what: string): boolean {
    if (text !== '') return true;
    this.error(row, this.header(field), '', `${field} is blank: ${what}`);
    return false;
  }

  // ------------------------------------------------------------ one function per kind

  private rowFunction(skillColumns: readonly number[], push: (value: unknown, row: number) => void): (record: readonly string[], row: number) => void {
    const col = (field: string): number => this.columnOf(field);
    const cell = (record: readonly string[], index: number): string => (index < 0 ? '' : clean(record[index]));
    switch (this.kind) {
      case 'employees': {
        const [iId, iName, iFirst, iLast, iEmail, iTeam, iRole, iManager, iLocation] =
          ['employee_id', 'name', 'first_name', 'last_name', 'email', 'team', 'role', 'manager_id', 'location'].map(col) as [number, number, number, number, number, number, number, number, number];
        return (record, row) => {
          const id = cell(record, iId);
          const name = cell(record, iName) || [cell(record, iFirst), cell(record, iLast)].filter(Boolean).join(' ');
          const team = cell(record, iTeam);
          const role = cell(record, iRole);
          let ok = this.required(id, 'employee_id', row, 'every employee needs an id');
          ok = this.required(name, iName >= 0 ? 'name' : 'first_name', row, "write the employee's name") && ok;
          ok = this.required(team, 'team', row, "write the employee's team") && ok;
          ok = this.required(role, 'role', row, "write the employee's role (as in the roles file)") && ok;
          if (!ok) return;
          const employee: Employee = { id, name, team, role };
          const email = cell(record, iEmail);
          if (email) {
            if (!email.includes('@')) this.error(row, this.header('email'), email, `"${email}" does not look like an email address: check it`, 'warning');
            employee.email = email;
          }
          const manager = cell(record, iManager);
          if (manager) employee.manager = manager;
          const location = cell(record, iLocation);
          if (location) employee.location = location;
          push(employee, row);
        };
      }
      case 'skills': {
        const [iId, iName, iCategory, iDescription, iCode] = ['skill_id', 'name', 'category', 'description', 'code'].map(col) as [number, number, number, number, number];
        return (record, row) => {
          const id = cell(record, iId);
          const name = cell(record, iName);
          let ok = this.required(id, 'skill_id', row, 'every skill needs an id');
          ok = this.required(name, 'name', row, "write the skill's name") && ok;
          if (!ok) return;
          const skill: Skill = { id, name, category: cell(record, iCategory) };
          const description = cell(record, iDescription);
          if (description) skill.description = description;
          const code = cell(record, iCode);
          if (code) skill.code = code;
          push(skill, row);
        };
      }
      case 'roles': {
        const [iRole, iRoleName, iSkill, iLevel, iWeight] = ['role', 'role_name', 'skill', 'level', 'weight'].map(col) as [number, number, number, number, number];
        const weightOf = (text: string, column: string, row: number): Weight | null => {
          const weight = readWeight(text);
          if (!weight) this.error(row, column, text, `"${text}" is not a weight: ${WEIGHT_HELP}`);
          return weight;
        };
        if (skillColumns.length > 0) {
          return (record, row) => {
            const role = cell(record, iRole);
            if (!this.required(role, 'role', row, 'every row needs the role it describes')) return;
            const roleName = cell(record, iRoleName) || role;
            let requirements = 0;
            for (const index of skillColumns) {
              const text = cell(record, index);
              if (EMPTY_MARKS.has(text) || text === '0') continue;
              const header = this.headers[index]!;
              const parts = splitWideCell(text);
              const level = this.level(parts.level, header, row, 1);
              const weight = weightOf(parts.weight, header, row);
              if (!level.ok || !weight) continue;
              push({ role, roleName, skill: header, level: level.level, weight } satisfies RequirementRecord, row);
              requirements++;
            }
            if (requirements === 0) push({ role, roleName, skill: '', level: 0, weight: 'important' } satisfies RequirementRecord, row);
          };
        }
        return (record, row) => {
          const role = cell(record, iRole);
          if (!this.required(role, 'role', row, 'every row needs the role it describes')) return;
          const roleName = cell(record, iRoleName) || role;
          const skill = cell(record, iSkill);
          const levelText = cell(record, iLevel);
          if (skill === '' && levelText === '') {
            push({ role, roleName, skill: '', level: 0, weight: 'important' } satisfies RequirementRecord, row);
            return;
          }
          // A bad requirement is left out, never its role: the role's other requirements and the
          // people in it stay (a role-only record keeps the role in existence).
          const roleOnly = (): void => push({ role, roleName, skill: '', level: 0, weight: 'important' } satisfies RequirementRecord, row);
          let ok = this.required(skill, 'skill', row, 'write the skill this role requires');
          ok = this.required(levelText, 'level', row, 'write the level required, 1–5') && ok;
          if (!ok) return roleOnly();
          const level = this.level(levelText, this.header('level'), row, 1);
          const weight = weightOf(cell(record, iWeight), this.header('weight'), row);
          if (!level.ok || !weight) return roleOnly();
          push({ role, roleName, skill, level: level.level, weight } satisfies RequirementRecord, row);
        };
      }
      case 'catalog': {
        const fields = ['credential_id', 'name', 'issuer', 'skill', 'level', 'hours', 'cost', 'currency', 'validity_months', 'components', 'url'];
        const [iId, iName, iIssuer, iSkill, iLevel, iHours, iCost, iCurrency, iValidity, iComponents, iUrl] = fields.map(col) as number[];
        return (record, row) => {
          const id = cell(record, iId!);
          if (!this.required(id, 'credential_id', row, 'every catalog row needs its credential id')) return;
          const entry: CatalogRecord = { id };
          const name = cell(record, iName!);
          if (name) entry.name = name;
          if (iIssuer! >= 0 && cell(record, iIssuer!) !== '') entry.issuer = cell(record, iIssuer!);
          const hours = this.number(cell(record, iHours!), 'hours', row, false);
          const cost = this.number(cell(record, iCost!), 'cost', row, false);
          const validity = this.number(cell(record, iValidity!), 'validity_months', row, true);
          if (!hours.ok || !cost.ok || !validity.ok) return;
          if (hours.value !== undefined) entry.hours = hours.value;
          if (cost.value !== undefined) entry.cost = cost.value;
          if (validity.value !== undefined) entry.validityMonths = validity.value;
          const currency = cell(record, iCurrency!);
          if (currency) entry.currency = currency.toUpperCase();
          const components = cell(record, iComponents!);
          if (components) entry.components = components.split(/[;,|]/).map((part) => part.trim()).filter(Boolean);
          const url = cell(record, iUrl!);
          if (url) entry.url = url;
          const skill = cell(record, iSkill!);
          const levelText = cell(record, iLevel!);
          if (skill !== '' || levelText !== '') {
            let ok = this.required(skill, 'skill', row, 'write the skill this credential grants');
            ok = this.required(levelText, 'level', row, 'write the level it grants, 1–5') && ok;
            if (!ok) return;
            const level = this.level(levelText, this.header('level'), row, 1);
            if (!level.ok) return;
            entry.grant = { skill, level: level.level };
          }
          push(entry, row);
        };
      }
      case 'awards': {
        const [iEmployee, iEmail, iName, iCredential, iCredentialName, iEvidence] =
          ['employee_id', 'email', 'employee_name', 'credential_id', 'credential_name', 'evidence_url'].map(col) as [number, number, number, number, number, number];
        const expiresHeader = this.header('expires_on');
        return (record, row) => {
          const employee = cell(record, iEmployee) || cell(record, iEmail) || cell(record, iName);
          const credential = cell(record, iCredential) || cell(record, iCredentialName);
          let ok = this.required(employee, iEmployee >= 0 ? 'employee_id' : iEmail >= 0 ? 'email' : 'employee_name', row, 'write who holds the credential');
          ok = this.required(credential, iCredential >= 0 ? 'credential_id' : 'credential_name', row, 'write which credential was awarded') && ok;
          const issued = this.date(record, 'issued_on', row, true);
          const expires = this.date(record, 'expires_on', row, false);
          if (!ok || !issued.ok || !expires.ok) return;
          const award: Award = { employee, credential, issuedOn: issued.date!, verification: 'unverified' };
          if (expires.date !== undefined) {
            if (expires.date < award.issuedOn) {
              this.error(row, expiresHeader, expires.date, `expires ${expires.date}, before it was issued on ${award.issuedOn}: correct one of the dates`);
              return;
            }
            award.expiresOn = expires.date;
          }
          const evidence = cell(record, iEvidence);
          if (evidence) award.evidenceUrl = evidence;
          push(award, row);
        };
      }
      case 'assessments': {
        const [iEmployee, iEmail, iName, iFirst, iLast, iSkill, iLevel, iSource] =
          ['employee_id', 'email', 'employee_name', 'first_name', 'last_name', 'skill', 'level', 'source'].map(col) as [number, number, number, number, number, number, number, number];
        const employeeOf = (record: readonly string[]): string =>
          cell(record, iEmployee) || cell(record, iEmail) || cell(record, iName) || [cell(record, iFirst), cell(record, iLast)].filter(Boolean).join(' ');
        const employeeField = iEmployee >= 0 ? 'employee_id' : iEmail >= 0 ? 'email' : 'employee_name';
        const sourceOf = (record: readonly string[], row: number): AssessmentSource | null => {
          const text = cell(record, iSource);
          if (text === '') return 'manager';
          const source = readSource(text);
          if (!source) this.error(row, this.header('source'), text, `"${text}" is not an assessment source: write self, manager or test`);
          return source;
        };
        if (skillColumns.length > 0) {
          return (record, row) => {
            const employee = employeeOf(record);
            if (!this.required(employee, employeeField, row, 'write whose skills this row holds')) return;
            const source = sourceOf(record, row);
            const assessed = this.date(record, 'assessed_on', row, false);
            if (!source || !assessed.ok) return;
            for (const index of skillColumns) {
              const text = cell(record, index);
              if (EMPTY_MARKS.has(text)) continue;
              const level = this.level(text, this.headers[index]!, row, 0);
              if (!level.ok) continue;
              const assessment: Assessment = { employee, skill: this.headers[index]!, level: level.level, source };
              if (assessed.date) assessment.assessedOn = assessed.date;
              push(assessment, row);
            }
          };
        }
        return (record, row) => {
          const employee = employeeOf(record);
          const skill = cell(record, iSkill);
          const levelText = cell(record, iLevel);
          let ok = this.required(employee, employeeField, row, 'write who was assessed');
          ok = this.required(skill, 'skill', row, 'write the skill assessed') && ok;
          ok = this.required(levelText, 'level', row, 'write the level assessed, 0–5') && ok;
          const source = sourceOf(record, row);
          const assessed = this.date(record, 'assessed_on', row, false);
          if (!ok || !source || !assessed.ok) return;
          const level = this.level(levelText, this.header('level'), row, 0);
          if (!level.ok) return;
          const assessment: Assessment = { employee, skill, level: level.level, source };
          if (assessed.date) assessment.assessedOn = assessed.date;
          push(assessment, row);
        };
      }
      case 'goals': {
        const [iId, iEmployee, iEmail, iName, iCredential, iCredentialName, iKind, iStatus, iAssignedBy] =
          ['goal_id', 'employee_id', 'email', 'employee_name', 'credential_id', 'credential_name', 'kind', 'status', 'assigned_by'].map(col) as number[];
        const importedOn = this.options.importedOn ?? todayIso();
        return (record, row) => {
          const employee = cell(record, iEmployee!) || cell(record, iEmail!) || cell(record, iName!);
          const credential = cell(record, iCredential!) || cell(record, iCredentialName!);
          let ok = this.required(employee, iEmployee! >= 0 ? 'employee_id' : iEmail! >= 0 ? 'email' : 'employee_name', row, 'write whose goal this is');
          ok = this.required(credential, iCredential! >= 0 ? 'credential_id' : 'credential_name', row, 'write the credential to earn') && ok;
          const due = this.date(record, 'due_on', row, true);
          const created = this.date(record, 'created_on', row, false);
          const kindText = cell(record, iKind!);
          const kind = kindText === '' ? 'organisational' : readGoalKind(kindText);
          if (!kind) this.error(row, this.header('kind'), kindText, `"${kindText}" is not a goal kind: write organisational or personal`);
          const statusText = cell(record, iStatus!);
          const status = statusText === '' ? 'assigned' : readGoalStatus(statusText);
          if (!status) this.error(row, this.header('status'), statusText, `"${statusText}" is not a goal status: write assigned, in-progress, completed or cancelled`);
          if (!ok || !due.ok || !created.ok || !kind || !status) return;
          const dueOn = due.date!;
          const goal: Goal = {
            id: cell(record, iId!) || `${employee}:${credential}:${dueOn}`,
            employee, credential, dueOn, kind, status,
            assignedBy: cell(record, iAssignedBy!),
            createdOn: created.date ?? (importedOn < dueOn ? importedOn : dueOn),
          };
          push(goal, row);
        };
      }
      case 'interests': {
        const [iEmployee, iEmail, iName, iSkill] = ['employee_id', 'email', 'employee_name', 'skill'].map(col) as [number, number, number, number];
        return (record, row) => {
          const employee = cell(record, iEmployee) || cell(record, iEmail) || cell(record, iName);
          const skill = cell(record, iSkill);
          let ok = this.required(employee, iEmployee >= 0 ? 'employee_id' : iEmail >= 0 ? 'email' : 'employee_name', row, 'write whose interest this is');
          ok = this.required(skill, 'skill', row, 'write the skill of interest') && ok;
          if (!ok) return;
          push({ employee, skill } satisfies Interest, row);
        };
      }
    }
  }
}

/** A wide roles cell: "3", "3 (critical)", "4 - nice to have", "advanced, high" → level and weight text. */
export function splitWideCell(text: string): { level: string; weight: string } {
  const match = /^\s*(\d+(?:[.,]\d+)?\s*%?|[a-z]+)\s*(.*)$/i.exec(text);
  if (!match) return { level: text, weight: '' };
  const weight = match[2]!.replace(/^[\s([,;/|:–—-]+|[\s)\]]+$/g, '');
  return { level: match[1]!.trim(), weight };
}

