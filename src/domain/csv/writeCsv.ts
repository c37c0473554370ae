// CSV export (SPEC §5): RFC 4180 with CRLF line ends like Excel, formula neutralisation, optional
// UTF-8 BOM and `;` delimiter; the report files, the organisation's canonical files and templates.
import type { Organisation, RecordKind } from '../schema';
import {
  GAP_LONG_COLUMNS, GAP_TEAM_COLUMNS, GOAL_EXPORT_COLUMNS, RECOMMENDATION_COLUMNS,
} from '../reports';
import { COVERAGE_DECIMALS, type GapLongRow, type GapTeamRow, type GoalExportRow, type RecommendationRow } from '../reports';
import { mayNeedPrefix, neutraliseFormula } from './formula';
import { CANONICAL_COLUMNS } from './headers';
import type { CsvValue, CsvWriteOptions } from './types';
import { gapStatus, type GapLongTable } from '../engine/gaps';

/** A text field as written: neutralised when a spreadsheet could run it, quoted when RFC 4180 needs it. */
function textField(value: string, delimiterCode: number): string {
  let quote = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 34 || code === 10 || code === 13 || code === delimiterCode) {
      quote = true;
      break;
    }
  }
  const safe = neutraliseFormula(value);
  return quote ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CHUNK_BYTES = 1 << 22;
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const textEncoder = new TextEncoder();

/**
 * CSV as UTF-8 bytes in chunks of about 4 MB, each complete (no character or field split across two),
 * so a caller can write them to a file as they come or decode them one by one. Building bytes
 * instead of a string per field is about 2× faster for a million rows; a class only to keep the
 * buffer and its position together in the hot loops.
 */
class CsvChunkWriter {
  /** The current chunk and where the next byte goes: written directly by a hot loop after `reserve`. */
  buffer = new Uint8Array(CHUNK_BYTES);
  position = 0;
  /** Finished chunks the caller has not taken yet. */
  private finished: Uint8Array[] = [];

  constructor(readonly delimiterCode: number) {}

  /** Room for `bytes` more bytes in the current chunk, starting a new chunk when they do not fit. */
  reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    if (this.position > 0) this.finished.push(this.buffer.subarray(0, this.position));
    this.buffer = new Uint8Array(Math.max(CHUNK_BYTES, bytes));
    this.position = 0;
  }

  delimiter(): void {
    this.reserve(1);
    this.buffer[this.position++] = this.delimiterCode;
  }

  lineEnd(): void {
    this.reserve(2);
    this.buffer[this.position++] = 13;
    this.buffer[this.position++] = 10;
  }

  /** Bytes encoded once (see `encodedField`) copied as they are. */
  bytes(encoded: Uint8Array): void {
    this.reserve(encoded.length);
    this.buffer.set(encoded, this.position);
    this.position += encoded.length;
  }

  text(value: string): void {
    const length = value.length;
    if (length === 0) return;
    // Fast path: plain ASCII that needs neither quotes nor the formula prefix is copied as is.
    if (!mayNeedPrefix(value)) {
      this.reserve(length);
      const buffer = this.buffer;
      const start = this.position;
      let i = 0;
      for (; i < length; i++) {
        const code = value.charCodeAt(i);
        if (code > 127 || code === 34 || code === 10 || code === 13 || code === this.delimiterCode) break;
        buffer[start + i] = code;
      }
      if (i === length) {
        this.position += length;
        return;
      }
    }
    const written = textField(value, this.delimiterCode);
    this.reserve(written.length * 3);
    this.position += textEncoder.encodeInto(written, this.buffer.subarray(this.position)).written;
  }

  /** A number is data, never a formula (-3 stays -3); not finite is written empty. */
  number(value: number): void {
    if (!Number.isFinite(value)) return;
    this.reserve(numberBytes(value));
    this.position = writeNumber(this.buffer, this.position, value);
  }

  value(value: CsvValue): void {
    if (typeof value === 'string') this.text(value);
    else if (typeof value === 'number') this.number(value);
  }

  row(values: readonly CsvValue[]): void {
    for (let f = 0; f < values.length; f++) {
      if (f > 0) this.delimiter();
      this.value(values[f]);
    }
    this.lineEnd();
  }

  /** Whether `take` has chunks to give: checked per row, so no empty array is made per row. */
  get hasChunks(): boolean {
    return this.finished.length > 0;
  }

  /** The chunks finished so far (all of them after `end`); the writer keeps no reference to them. */
  take(): Uint8Array[] {
    const chunks = this.finished;
    this.finished = [];
    return chunks;
  }

  end(): void {
    if (this.position > 0) this.finished.push(this.buffer.subarray(0, this.position));
    this.buffer = new Uint8Array(0);
    this.position = 0;
  }
}

/** Levels and counts are mostly one digit: written without making a string. */
function isDigit(value: number): boolean {
  return value >= 0 && value <= 9 && (value | 0) === value;
}

/** Bytes `writeNumber` needs for a finite number. */
function numberBytes(value: number): number {
  return isDigit(value) ? 1 : String(value).length;
}

/** Writes a finite number at `position` and returns the position after it. */
function writeNumber(buffer: Uint8Array, position: number, value: number): number {
  if (isDigit(value)) {
    buffer[position] = 48 + value;
    return position + 1;
  }
  const text = String(value); // digits, '.', '-', 'e', '+': ASCII that never needs quoting
  for (let i = 0; i < text.length; i++) buffer[position + i] = text.charCodeAt(i);
  return position + text.length;
}

/** The first four columns of the long report, as the employee's fields. */
const employeeFieldsOf = (employee: GapLongTable['employees'][number]): readonly string[] => [employee.id, employee.name, employee.team, employee.role];

/** Copies bytes encoded once at `position` and returns the position after them. */
function copyBytes(buffer: Uint8Array, position: number, bytes: Uint8Array): number {
  buffer.set(bytes, position);
  return position + bytes.length;
}

function startWriter(columns: readonly string[], options: CsvWriteOptions): CsvChunkWriter {
  const writer = new CsvChunkWriter((options.delimiter ?? ',').charCodeAt(0));
  if (options.bom) writer.bytes(UTF8_BOM);
  writer.row(columns);
  return writer;
}

/** The UTF-8 text of CSV chunks (a BOM among them kept). */
export function csvText(chunks: Iterable<Uint8Array>): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(decoder.decode(chunk));
  return parts.join('');
}

/**
 * Writes rows as CSV: `\r\n` after every line (header included), fields quoted when they hold the
 * delimiter, a quote, CR or LF; text a spreadsheet would run as a formula prefixed with `'`.
 * Yields UTF-8 chunks of about 4 MB as they fill, so a large export never needs one giant string.
 */
export function* writeCsvChunks(columns: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): Generator<Uint8Array> {
  const writer = startWriter(columns, options);
  for (const row of rows) {
    writer.row(row);
    if (writer.hasChunks) yield* writer.take();
  }
  writer.end();
  yield* writer.take();
}

/** writeCsvChunks as one string. */
export function writeCsv(columns: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): string {
  return csvText(writeCsvChunks(columns, rows, options));
}

function* mapRows<T>(rows: Iterable<T>, toValues: (row: T) => readonly CsvValue[]): Iterable<readonly CsvValue[]> {
  for (const row of rows) yield toValues(row);
}

/** Gap report, long (SPEC §5); rows arrive sorted. */
export function gapLongCsv(rows: readonly GapLongRow[], options?: CsvWriteOptions): string {
  return writeCsv(GAP_LONG_COLUMNS, mapRows(rows, (r) => [
    r.employee_id, r.employee_name, r.team, r.role, r.skill_id, r.skill_name, r.weight,
    r.required_level, r.verified_level, r.assessed_level, r.effective_level, r.gap, r.status,
  ]), options);
}

/**
 * Gap report, long (SPEC §5), as UTF-8 chunks written straight from the engine's columns: the
 * same bytes as gapLongCsv of gapReportLong, about 4× faster and without a million row objects
 * for `gapmap report`. Rows come grouped by employee, so an employee's four fields are encoded once
 * for all their rows; a requirement's skill id, skill name and weight, and each status, once for
 * the whole report; levels are single digits.
 */
export function* gapLongTableCsvChunks(table: GapLongTable, options: CsvWriteOptions = {}): Generator<Uint8Array> {
  const writer = startWriter(GAP_LONG_COLUMNS, options);
  const delimiterCode = writer.delimiterCode;
  const delimiter = String.fromCharCode(delimiterCode);
  const fieldsThen = (values: readonly string[], after: string): Uint8Array =>
    textEncoder.encode(`${values.map((value) => textField(value, delimiterCode)).join(delimiter)}${after}`);
  // A requirement's skill id, skill name and weight, encoded once for the whole report (with the
  // skill they were encoded for: a table whose requirement does not fix the skill is still right).
  const requirementFields: (Uint8Array | undefined)[] = [];
  const requirementFieldsSkill: number[] = [];
  const statusMet = fieldsThen([gapStatus(0)], '\r\n');
  const statusGap = fieldsThen([gapStatus(1)], '\r\n');
  const { employee: employeeColumn, skill: skillColumn, requirement: requirementColumn, required, verified, assessed, effective, gap } = table;
  // Rows come grouped by employee: their four fields are written for the first row, then copied
  // from there within the chunk for the next rows (written again when a new chunk starts).
  let lastEmployee = -1;
  let employeeChunk: Uint8Array | undefined;
  let employeeStart = 0;
  let employeeEnd = 0;
  for (let i = 0; i < table.length; i++) {
    const s = skillColumn[i]!;
    const q = requirementColumn[i]!;
    let skill = requirementFields[q];
    if (skill === undefined || requirementFieldsSkill[q] !== s) {
      skill = fieldsThen([table.skillIds[s]!, table.skillNames[s]!, table.weights[q]!], delimiter);
      requirementFields[q] = skill;
      requirementFieldsSkill[q] = s;
    }
    const status = gap[i] === 0 ? statusMet : statusGap;
    // The rest of the row: a level is an Int8, at most 4 bytes ("-128"), and its delimiter.
    const restBytes = skill.length + 5 * 5 + status.length;
    const e = employeeColumn[i]!;
    const employeeBytes = employeeEnd - employeeStart;
    if (e === lastEmployee && writer.buffer === employeeChunk && writer.position + employeeBytes + restBytes <= writer.buffer.length) {
      writer.buffer.copyWithin(writer.position, employeeStart, employeeEnd);
      writer.position += employeeBytes;
    } else {
      const fields = employeeFieldsOf(table.employees[e]!);
      // Room for the fields at their longest (3 bytes a character, quotes, prefix): they stay in one
      // chunk, to be copied for the next rows (if a field still starts a new chunk, they are not).
      let longest = restBytes;
      for (const field of fields) longest += (field.length + 3) * 3 + 1;
      writer.reserve(longest);
      employeeChunk = writer.buffer;
      employeeStart = writer.position;
      for (const field of fields) {
        writer.text(field);
        writer.delimiter();
      }
      employeeEnd = writer.position;
      lastEmployee = writer.buffer === employeeChunk ? e : -1;
    }
    const buffer = writer.buffer;
    let at = copyBytes(buffer, writer.position, skill);
    at = writeNumber(buffer, at, required[i]!);
    buffer[at++] = delimiterCode;
    at = writeNumber(buffer, at, verified[i]!);
    buffer[at++] = delimiterCode;
    at = writeNumber(buffer, at, assessed[i]!);
    buffer[at++] = delimiterCode;
    at = writeNumber(buffer, at, effective[i]!);
    buffer[at++] = delimiterCode;
    at = writeNumber(buffer, at, gap[i]!);
    buffer[at++] = delimiterCode;
    writer.position = copyBytes(buffer, at, status);
    if (writer.hasChunks) yield* writer.take();
  }
  writer.end();
  yield* writer.take();
}

function gapTeamValues(r: GapTeamRow): CsvValue[] {
  return [
    r.team, r.skill_id, r.skill_name, r.required_count, r.met_count,
    Number.isFinite(r.coverage) ? r.coverage.toFixed(COVERAGE_DECIMALS) : '', r.total_gap, r.weighted_gap, r.bench,
  ];
}

/** Gap report, team (SPEC §5), coverage with 4 decimals, as UTF-8 chunks; rows arrive sorted. */
export function gapTeamCsvChunks(rows: readonly GapTeamRow[], options?: CsvWriteOptions): Generator<Uint8Array> {
  return writeCsvChunks(GAP_TEAM_COLUMNS, mapRows(rows, gapTeamValues), options);
}

/** Gap report, team (SPEC §5), coverage with 4 decimals; rows arrive sorted. */
export function gapTeamCsv(rows: readonly GapTeamRow[], options?: CsvWriteOptions): string {
  return csvText(gapTeamCsvChunks(rows, options));
}

function recommendationValues(r: RecommendationRow): CsvValue[] {
  return [r.employee_id, r.credential_id, r.credential_name, r.cost, r.hours, r.skills_closed.join(';'), r.weighted_gap_closed];
}

/** `gapmap recommend` output (SPEC §6) as UTF-8 chunks, skills_closed `;`-separated; rows arrive sorted, made as they are read. */
export function recommendationCsvChunks(rows: Iterable<RecommendationRow>, options?: CsvWriteOptions): Generator<Uint8Array> {
  return writeCsvChunks(RECOMMENDATION_COLUMNS, mapRows(rows, recommendationValues), options);
}

/** `gapmap recommend` output (SPEC §6), skills_closed `;`-separated; rows arrive sorted. */
export function recommendationCsv(rows: readonly RecommendationRow[], options?: CsvWriteOptions): string {
  return csvText(recommendationCsvChunks(rows, options));
}
/** Goals export (SPEC §5): one row per goal with its status and overdue flag. */
export function goalsCsv(rows: readonly GoalExportRow[], options?: CsvWriteOptions): string {
  return writeCsv(GOAL_EXPORT_COLUMNS, mapRows(rows, (r) => GOAL_EXPORT_COLUMNS.map((column) => r[column])), options);
}

/** The organisation's records as the rows of the eight import files (canonical columns, references by id). */
export function organisationRows(org: Organisation): Record<RecordKind, Iterable<readonly CsvValue[]>> {
  return {
    employees: mapRows(org.employees, (e) => [e.id, e.name, e.email, e.team, e.role, e.manager, e.location]),
    skills: mapRows(org.skills, (s) => [s.id, s.name, s.category, s.description, s.code]),
    roles: (function* () {
      for (const role of org.roles) {
        if (role.requirements.length === 0) yield [role.id, role.name, '', '', ''];
        for (const r of role.requirements) yield [role.id, role.name, r.skill, r.level, r.weight];
      }
    })(),
    catalog: (function* () {
      for (const c of org.credentials) {
        const rest = (skill: string, level: number | undefined): CsvValue[] => [
          c.id, c.name, c.issuer, skill, level, c.hours, c.cost, c.currency, c.validityMonths, c.components?.join(';'), c.url,
        ];
        if (c.grants.length === 0) yield rest('', undefined);
        for (const grant of c.grants) yield rest(grant.skill, grant.level);
      }
    })(),
    awards: mapRows(org.awards, (a) => [a.employee, a.credential, a.issuedOn, a.expiresOn, a.evidenceUrl]),
    assessments: mapRows(org.assessments, (a) => [a.employee, a.skill, a.level, a.source, a.assessedOn]),
    goals: mapRows(org.goals, (g) => [g.id, g.employee, g.credential, g.dueOn, g.kind, g.status, g.assignedBy, g.createdOn]),
    interests: mapRows(org.interests, (i) => [i.employee, i.skill]),
  };
}

/** The organisation as the eight import files with canonical headers; readCsvFile + assembleOrganisation read it back unchanged. */
export function organisationCsvFiles(org: Organisation, options?: CsvWriteOptions): Record<RecordKind, string> {
  const rows = organisationRows(org);
  const files = {} as Record<RecordKind, string>;
  for (const kind of Object.keys(rows) as RecordKind[]) files[kind] = writeCsv(CANONICAL_COLUMNS[kind], rows[kind], options);
  return files;
}

const TEMPLATE_ROWS: Record<RecordKind, readonly (readonly CsvValue[])[]> = {
  employees: [
    ['E1001', 'Amara Okafor', 'amara.okafor@example.com', 'Data Platform', 'data-engineer', '', 'Leeds'],
    ['E1002', 'Jonas Weber', 'jonas.weber@example.com', 'Data Platform', 'data-engineer', 'E1001', 'Berlin'],
  ],
  skills: [
    ['sql', 'SQL', 'technical', 'Querying and modelling relational data', 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d'],
    ['stakeholder-mgmt', 'Stakeholder management', 'soft', '', ''],
  ],
  roles: [
    ['data-engineer', 'Data Engineer', 'sql', 4, 'critical'],
    ['data-engineer', 'Data Engineer', 'stakeholder-mgmt', 2, 'nice-to-have'],
  ],
  catalog: [
    ['aws-dea', 'AWS Certified Data Engineer – Associate', 'Amazon Web Services', 'sql', 3, 40, 150, 'USD', 36, '', 'https://aws.amazon.com/certification/'],
    ['sql-advanced', 'Advanced SQL badge', 'Acme Academy', 'sql', 4, 12, 89, 'GBP', '', '', ''],
  ],
  awards: [
    ['E1001', 'aws-dea', '2024-03-14', '2027-03-14', 'https://www.credly.com/badges/0f6c1e2a'],
    ['E1002', 'sql-advanced', '2025-01-20', '', ''],
  ],
  assessments: [
    ['E1001', 'sql', 4, 'manager', '2025-06-30'],
    ['E1002', 'stakeholder-mgmt', 3, 'self', '2025-06-30'],
  ],
  goals: [
    ['G-001', 'E1002', 'aws-dea', '2026-09-30', 'organisational', 'assigned', 'E1001', '2026-03-01'],
    ['G-002', 'E1001', 'sql-advanced', '2026-12-31', 'personal', 'in-progress', 'E1001', '2026-02-15'],
  ],
  interests: [
    ['E1001', 'stakeholder-mgmt'],
    ['E1002', 'sql'],
  ],
};

/** A downloadable template: canonical header and two realistic example rows. */
export function csvTemplate(kind: RecordKind): string {
  return writeCsv(CANONICAL_COLUMNS[kind], TEMPLATE_ROWS[kind]);
}
