// Awards and assessments read straight from CSV text into the engine's columns (SPEC §4 import, for
// the CLI's reports): only the plain case, where readCsvFile + assembleOrganisation would report
// nothing at all; for anything else the answer is null and the caller takes the full import path.
import { civilDayNumber, daysInMonth } from '../dates';
import { groupBy } from '../groupBy';
import type { Organisation, RecordKind } from '../schema';
import { UNDATED, type AssessmentColumns, type AwardColumns } from '../engine/prepare';
import { decodeCsvBytes } from './decode';
import { detectDelimiter } from './detectDelimiter';
import { proposeMapping } from './headers';
import { guessNewline } from './parse';
import { clean, notCsvReason } from './readCsvFile';
import type { ColumnMapping, CsvReadOptions } from './types';
import { readLevelCell, readSource } from './values';

/** Ids of an organisation's records → their positions, which the columns hold. */
export interface ColumnReferences {
  employees: ReadonlyMap<string, number>;
  credentials: ReadonlyMap<string, number>;
  skills: ReadonlyMap<string, number>;
}

function positions(records: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < records.length; i++) if (!map.has(records[i]!.id)) map.set(records[i]!.id, i);
  return map;
}

/** The references the columns may use: exactly the ids of an assembled organisation's records. */
export function columnReferences(org: Pick<Organisation, 'employees' | 'credentials' | 'skills'>): ColumnReferences {
  return { employees: positions(org.employees), credentials: positions(org.credentials), skills: positions(org.skills) };
}

/** A text's characters as numbers: reading a typed array is cheaper than charCodeAt, a million rows long. */
type Codes = Uint8Array | Uint16Array;

/** A file that needs none of readCsvFile's tolerance: decoded without a warning, no quote, the header on its first line, no column missing. */
interface PlainFile {
  text: string;
  /** text's characters: the file's own bytes when it is ASCII, as most exports are. */
  codes: Codes;
  delimiter: string;
  newline: string;
  columnCount: number;
  mapping: ColumnMapping;
  bodyStart: number;
}

function plainFile(bytes: Uint8Array, kind: RecordKind, options: CsvReadOptions): PlainFile | null {
  if (options.mapping !== undefined) return null;
  const { text, encoding, bom } = decodeCsvBytes(bytes);
  // Windows-1252 comes with a warning; a quote needs the RFC 4180 parser.
  if (encoding === 'windows-1252' || text.charCodeAt(0) === 0xfeff || notCsvReason(text) !== null || text.indexOf('"') !== -1) return null;
  const delimiter = detectDelimiter(text);
  const newline = guessNewline(text);
  const headerEnd = text.indexOf(newline);
  if (headerEnd === -1) return null;
  const rawHeaders = text.slice(0, headerEnd).split(delimiter);
  if (rawHeaders.every((cell) => cell.trim() === '')) return null;
  const described = proposeMapping(kind, rawHeaders.map(clean));
  if (described.wide || described.missing.length > 0) return null;
  return { text, codes: codesOf(text, bytes, encoding === 'utf-8' ? (bom ? 3 : 0) : -1), delimiter, newline, columnCount: rawHeaders.length, mapping: described.mapping, bodyStart: headerEnd + newline.length };
}

/** The characters of `text`, decoded from `bytes` as UTF-8 after `offset` bytes (-1: another encoding). */
function codesOf(text: string, bytes: Uint8Array, offset: number): Codes {
  // UTF-8 writes any character beyond ASCII in 2 bytes or more for at most 2 UTF-16 units, 4 for 2:
  // as many characters as bytes means every byte is one ASCII character.
  if (offset >= 0 && bytes.length - offset === text.length) return bytes.subarray(offset);
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/**
 * Calls `row` with the start and end of each field of every line after the header, as
 * parseCsvRecords splits text without quotes. The number of rows, or null as soon as a line has
 * another number of fields than the header (a blank line included) or `row` says no.
 */
function scanRows(file: PlainFile, row: (starts: Int32Array, ends: Int32Array) => boolean): number | null {
  const { text, delimiter, newline, columnCount } = file;
  const starts = new Int32Array(columnCount);
  const ends = new Int32Array(columnCount);
  const last = columnCount - 1;
  let nextDelimiter = text.indexOf(delimiter, file.bodyStart);
  let start = file.bodyStart;
  let rows = 0;
  while (start < text.length) {
    const lineBreak = text.indexOf(newline, start);
    const end = lineBreak === -1 ? text.length : lineBreak;
    let field = 0;
    let fieldStart = start;
    while (nextDelimiter !== -1 && nextDelimiter < end) {
      if (field === last) return null;
      starts[field] = fieldStart;
      ends[field] = nextDelimiter;
      field++;
      fieldStart = nextDelimiter + 1;
      nextDelimiter = text.indexOf(delimiter, fieldStart);
    }
    if (field !== last) return null;
    starts[field] = fieldStart;
    ends[field] = end;
    if (!row(starts, ends)) return null;
    rows++;
    if (lineBreak === -1) break;
    start = lineBreak + newline.length;
  }
  return rows;
}

/** True when the cell is non-empty and clean() would return it unchanged (no edge space, no leading '). */
function isPlainCell(codes: Codes, start: number, end: number): boolean {
  if (end <= start) return false;
  const first = codes[start]!;
  const last = codes[end - 1]!;
  return first > 32 && last > 32 && first !== 39 && first !== 0xa0 && last !== 0xa0 && first <= 0x2000 && last <= 0x2000;
}

/** The day number of a cell that is exactly a YYYY-MM-DD calendar date (as isIsoDateFast), else NaN. */
export function isoDayNumberAt(codes: Codes, start: number, end: number): number {
  if (end - start !== 10 || codes[start + 4] !== 45 || codes[start + 7] !== 45) return Number.NaN;
  let year = 0;
  for (let i = start; i < start + 4; i++) {
    const digit = codes[i]! - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    year = year * 10 + digit;
  }
  const m1 = codes[start + 5]! - 48;
  const m2 = codes[start + 6]! - 48;
  const d1 = codes[start + 8]! - 48;
  const d2 = codes[start + 9]! - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  if (day > 28 && day > daysInMonth(year, month)) return Number.NaN;
  return civilDayNumber(year, month, day);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A cell's hash (FNV-1a over its characters)… */
function hashOfCell(codes: Codes, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ codes[i]!, FNV_PRIME);
  return hash >>> 0;
}

/** …and the same hash for a string of the same characters. */
function hashOfString(value: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/**
 * The distinct plain cells of a column, each cut out of the text once (a million awards name
 * 100,000 employees): an open-addressing table over the cells' characters. `grouped`: files list
 * one employee's records together, so the cell before is compared first.
 */
function cellDictionary({ text, codes }: PlainFile, grouped: boolean): { values: string[]; indexOf: (start: number, end: number) => number } {
  const values: string[] = [];
  let mask = 1023;
  let slots = new Int32Array(mask + 1).fill(-1);
  let lastStart = 0;
  let lastEnd = 0;
  let lastIndex = -1;
  const place = (index: number): void => {
    let slot = hashOfString(values[index]!) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = index;
  };
  const indexOf = (start: number, end: number): number => {
    const length = end - start;
    if (grouped && lastIndex >= 0 && length === lastEnd - lastStart) {
      let i = 0;
      while (i < length && codes[start + i] === codes[lastStart + i]) i++;
      if (i === length) {
        lastStart = start;
        lastEnd = end;
        return lastIndex;
      }
    }
    if (!isPlainCell(codes, start, end)) return -1;
    let slot = hashOfCell(codes, start, end) & mask;
    for (;;) {
      const index = slots[slot]!;
      if (index === -1) break;
      const value = values[index]!;
      if (value.length === length) {
        let i = 0;
        while (i < length && value.charCodeAt(i) === codes[start + i]) i++;
        if (i === length) {
          lastStart = start;
          lastEnd = end;
          lastIndex = index;
          return index;
        }
      }
      slot = (slot + 1) & mask;
    }
    const index = values.length;
    values.push(text.slice(start, end));
    if (values.length * 2 > mask) {
      mask = mask * 2 + 1;
      slots = new Int32Array(mask + 1).fill(-1);
      for (let k = 0; k < values.length; k++) place(k);
    } else {
      slots[slot] = index;
    }
    lastStart = start;
    lastEnd = end;
    lastIndex = index;
    return index;
  };
  return { values, indexOf };
}

/** Positions of the ids written in a column (its dictionary), or null when one is not an exact id. */
function positionsOf(written: readonly string[], ids: ReadonlyMap<string, number>): Int32Array | null {
  const positions = new Int32Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const position = ids.get(written[i]!);
    if (position === undefined) return null;
    positions[i] = position;
  }
  return positions;
}

function mapThrough(column: Int32Array, length: number, positions: Int32Array): Int32Array {
  const mapped = new Int32Array(length);
  for (let i = 0; i < length; i++) mapped[i] = positions[column[i]!]!;
  return mapped;
}

/** Days from year 0000 to 9999 fit in this span: a date and another number make one exact key. */
const DAY_SPAN = 3_652_426;
const DAY_OFFSET = 719_529;

/**
 * True when two rows of one employee have the same key (assembleOrganisation's duplicates):
 * rows are grouped by employee, then compared pairwise, or through a set for a long group.
 */
export function hasDuplicateKeys(employee: Int32Array, key: Float64Array, length: number): boolean {
  let employeeCount = 0;
  for (let i = 0; i < length; i++) if (employee[i]! >= employeeCount) employeeCount = employee[i]! + 1;
  const { start, order } = groupBy(employee.subarray(0, length), employeeCount);
  for (let e = 0; e < employeeCount; e++) {
    const from = start[e]!;
    const to = start[e + 1]!;
    if (to - from <= 32) {
      for (let i = from; i < to; i++) {
        const k = key[order[i]!]!;
        for (let j = i + 1; j < to; j++) if (key[order[j]!] === k) return true;
      }
    } else {
      const seen = new Set<number>();
      for (let i = from; i < to; i++) {
        const k = key[order[i]!]!;
        if (seen.has(k)) return true;
        seen.add(k);
      }
    }
  }
  return false;
}

/**
 * An awards file as columns whose references are still as written: employee[i] indexes
 * employeeIds and credential[i] credentialIds (each id cut out of the text once). Needs nothing
 * from the organisation, so it can run on another thread while the employees are read.
 */
export interface AwardRefColumns {
  length: number;
  employee: Int32Array;
  employeeIds: string[];
  credential: Int32Array;
  credentialIds: string[];
  issued: Int32Array;
  expires: Int32Array;
}

/**
 * An awards file read as columns (see AwardRefColumns), or null when readCsvFile would report
 * anything about it (an error or a warning) or read it with tolerance: a quote, a blank or ragged
 * line, a cell with edge spaces, a date not YYYY-MM-DD, an expiry before the issue date, no rows;
 * or when assembleOrganisation would find the same award (employee, credential, issue date) twice.
 */
export function readAwardRefColumns(bytes: Uint8Array, options: CsvReadOptions = {}): AwardRefColumns | null {
  const file = plainFile(bytes, 'awards', options);
  if (file === null) return null;
  const iEmployee = file.mapping.employee_id ?? -1;
  const iCredential = file.mapping.credential_id ?? -1;
  const iIssued = file.mapping.issued_on ?? -1;
  const iExpires = file.mapping.expires_on ?? -1;
  if (iEmployee < 0 || iCredential < 0 || iIssued < 0) return null;
  const codes = file.codes;
  let capacity = 1 << 16;
  let employee = new Int32Array(capacity);
  let credential = new Int32Array(capacity);
  let issued = new Int32Array(capacity);
  let expires = new Int32Array(capacity);
  let length = 0;
  const employees = cellDictionary(file, true);
  const credentials = cellDictionary(file, false);
  const rows = scanRows(file, (starts, ends) => {
    const e = employees.indexOf(starts[iEmployee]!, ends[iEmployee]!);
    const c = credentials.indexOf(starts[iCredential]!, ends[iCredential]!);
    const issuedDay = isoDayNumberAt(codes, starts[iIssued]!, ends[iIssued]!);
    if (e < 0 || c < 0 || Number.isNaN(issuedDay)) return false;
    let expiresDay = UNDATED;
    if (iExpires >= 0 && ends[iExpires]! > starts[iExpires]!) {
      expiresDay = isoDayNumberAt(codes, starts[iExpires]!, ends[iExpires]!);
      if (Number.isNaN(expiresDay) || expiresDay < issuedDay) return false;
    }
    if (length === capacity) {
      capacity *= 2;
      employee = grow(employee, capacity);
      credential = grow(credential, capacity);
      issued = grow(issued, capacity);
      expires = grow(expires, capacity);
    }
    employee[length] = e;
    credential[length] = c;
    issued[length] = issuedDay;
    expires[length] = expiresDay;
    length++;
    return true;
  });
  if (rows === null || rows === 0) return null;
  // The same award: same employee, credential and issue date (ids as written: resolving exact ids
  // cannot make two different ones the same).
  const key = new Float64Array(length);
  for (let i = 0; i < length; i++) key[i] = credential[i]! * DAY_SPAN + issued[i]! + DAY_OFFSET;
  if (hasDuplicateKeys(employee, key, length)) return null;
  return { length, employee, employeeIds: employees.values, credential, credentialIds: credentials.values, issued, expires };
}

/** The awards' references resolved to positions in the organisation, or null when one is not the exact id of a record. */
export function resolveAwardColumns(columns: AwardRefColumns, refs: ColumnReferences): AwardColumns | null {
  const employees = positionsOf(columns.employeeIds, refs.employees);
  const credentials = positionsOf(columns.credentialIds, refs.credentials);
  if (employees === null || credentials === null) return null;
  const { length, issued, expires } = columns;
  return { length, employee: mapThrough(columns.employee, length, employees), credential: mapThrough(columns.credential, length, credentials), issued, expires };
}

/** readAwardRefColumns and resolveAwardColumns in one step. */
export function readAwardColumns(input: { fileName: string; bytes: Uint8Array }, refs: ColumnReferences, options: CsvReadOptions = {}): AwardColumns | null {
  const columns = readAwardRefColumns(input.bytes, options);
  return columns === null ? null : resolveAwardColumns(columns, refs);
}

const SOURCE_CODE = { self: 0, manager: 1, test: 2 } as const;

/** The source of a non-blank cell as a code, -1 when it is not one; the canonical words without a slice. */
function sourceAt({ text, codes }: PlainFile, start: number, end: number): number {
  for (const word of ['manager', 'self', 'test'] as const) {
    if (end - start !== word.length) continue;
    let i = 0;
    while (i < word.length && codes[start + i] === word.charCodeAt(i)) i++;
    if (i === word.length) return SOURCE_CODE[word];
  }
  if (!isPlainCell(codes, start, end)) return -1;
  const read = readSource(text.slice(start, end));
  return read === null ? -1 : SOURCE_CODE[read];
}

/** An assessments file as columns whose employee and skill are indexes into employeeIds and skillIds, as written. */
export interface AssessmentRefColumns {
  length: number;
  employee: Int32Array;
  employeeIds: string[];
  skill: Int32Array;
  skillIds: string[];
  day: Int32Array;
  level: Int8Array;
}

/**
 * An assessments file (one row per assessment, by employee_id) read as columns, or null as for
 * readAwardRefColumns; also null when a level is not 0–5 or a word for one, when a level scale is
 * given, or when the same assessment (employee, skill, date, source) appears twice.
 */
export function readAssessmentRefColumns(bytes: Uint8Array, options: CsvReadOptions = {}): AssessmentRefColumns | null {
  if (options.levelScale !== undefined) return null;
  const file = plainFile(bytes, 'assessments', options);
  if (file === null) return null;
  const iEmployee = file.mapping.employee_id ?? -1;
  const iSkill = file.mapping.skill ?? -1;
  const iLevel = file.mapping.level ?? -1;
  const iSource = file.mapping.source ?? -1;
  const iAssessed = file.mapping.assessed_on ?? -1;
  if (iEmployee < 0 || iSkill < 0 || iLevel < 0) return null;
  const { text, codes } = file;
  let capacity = 1 << 16;
  let employee = new Int32Array(capacity);
  let skill = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let level = new Int8Array(capacity);
  let source = new Int8Array(capacity);
  let length = 0;
  const employees = cellDictionary(file, true);
  const skills = cellDictionary(file, false);
  const rows = scanRows(file, (starts, ends) => {
    const e = employees.indexOf(starts[iEmployee]!, ends[iEmployee]!);
    const s = skills.indexOf(starts[iSkill]!, ends[iSkill]!);
    if (e < 0 || s < 0) return false;
    const levelStart = starts[iLevel]!;
    const levelEnd = ends[iLevel]!;
    let value = levelEnd - levelStart === 1 ? codes[levelStart]! - 48 : -1;
    if (value < 0 || value > 5) {
      if (!isPlainCell(codes, levelStart, levelEnd)) return false;
      const cell = readLevelCell(text.slice(levelStart, levelEnd));
      if (cell.type !== 'level') return false;
      value = cell.level;
    }
    let sourceCode: number = SOURCE_CODE.manager;
    if (iSource >= 0 && ends[iSource]! > starts[iSource]!) {
      sourceCode = sourceAt(file, starts[iSource]!, ends[iSource]!);
      if (sourceCode < 0) return false;
    }
    let assessedDay = UNDATED;
    if (iAssessed >= 0 && ends[iAssessed]! > starts[iAssessed]!) {
      assessedDay = isoDayNumberAt(codes, starts[iAssessed]!, ends[iAssessed]!);
      if (Number.isNaN(assessedDay)) return false;
    }
    if (length === capacity) {
      capacity *= 2;
      employee = grow(employee, capacity);
      skill = grow(skill, capacity);
      day = grow(day, capacity);
      level = grow(level, capacity);
      source = grow(source, capacity);
    }
    employee[length] = e;
    skill[length] = s;
    day[length] = assessedDay;
    level[length] = value;
    source[length] = sourceCode;
    length++;
    return true;
  });
  if (rows === null || rows === 0) return null;
  // The same assessment: same employee, skill, date (or none) and source.
  const key = new Float64Array(length);
  for (let i = 0; i < length; i++) key[i] = (skill[i]! * 3 + source[i]!) * DAY_SPAN + (day[i] === UNDATED ? 0 : day[i]! + DAY_OFFSET);
  if (hasDuplicateKeys(employee, key, length)) return null;
  return { length, employee, employeeIds: employees.values, skill, skillIds: skills.values, day, level };
}

/** The assessments' references resolved to positions in the organisation, or null when one is not the exact id of a record. */
export function resolveAssessmentColumns(columns: AssessmentRefColumns, refs: ColumnReferences): AssessmentColumns | null {
  const employees = positionsOf(columns.employeeIds, refs.employees);
  const skills = positionsOf(columns.skillIds, refs.skills);
  if (employees === null || skills === null) return null;
  const { length, day, level } = columns;
  return { length, employee: mapThrough(columns.employee, length, employees), skill: mapThrough(columns.skill, length, skills), day, level };
}

/** readAssessmentRefColumns and resolveAssessmentColumns in one step. */
export function readAssessmentColumns(input: { fileName: string; bytes: Uint8Array }, refs: ColumnReferences, options: CsvReadOptions = {}): AssessmentColumns | null {
  const columns = readAssessmentRefColumns(input.bytes, options);
  return columns === null ? null : resolveAssessmentColumns(columns, refs);
}

function grow<T extends Int32Array | Int8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
