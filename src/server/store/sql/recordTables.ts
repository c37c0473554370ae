// How each record kind maps onto its table (migrations.ts): columns in COPY and SELECT order,
// each with the record field it holds. Optional fields are NULL in the table and absent from the
// record read back, so a record survives the round trip exactly (same JSON, same exports).
import type { StoredKind } from '../../../api/importContract';
import { copyField } from './sqlDatabase';

type ColumnType = 'text' | 'date' | 'number' | 'json';

interface Column {
  name: string;
  field: string;
  type: ColumnType;
}

const column = (name: string, field: string, type: ColumnType = 'text'): Column => ({ name, field, type });

export const RECORD_TABLES: Record<StoredKind, readonly Column[]> = {
  skills: [column('id', 'id'), column('name', 'name'), column('category', 'category'), column('description', 'description'), column('code', 'code')],
  roles: [column('id', 'id'), column('name', 'name'), column('requirements', 'requirements', 'json')],
  employees: [
    column('id', 'id'), column('name', 'name'), column('email', 'email'), column('team', 'team'), column('role', 'role'),
    column('manager_id', 'manager'), column('location', 'location'),
  ],
  credentials: [
    column('id', 'id'), column('name', 'name'), column('issuer', 'issuer'), column('grants', 'grants', 'json'),
    column('hours', 'hours', 'number'), column('cost', 'cost', 'number'), column('currency', 'currency'),
    column('validity_months', 'validityMonths', 'number'), column('components', 'components', 'json'), column('url', 'url'),
  ],
  awards: [
    column('employee_id', 'employee'), column('credential_id', 'credential'), column('issued_on', 'issuedOn', 'date'),
    column('expires_on', 'expiresOn', 'date'), column('evidence_url', 'evidenceUrl'), column('verification', 'verification'),
    column('verification_reason', 'verificationReason'),
  ],
  assessments: [
    column('employee_id', 'employee'), column('skill_id', 'skill'), column('level', 'level', 'number'), column('source', 'source'),
    column('assessed_on', 'assessedOn', 'date'),
  ],
  goals: [
    column('id', 'id'), column('employee_id', 'employee'), column('credential_id', 'credential'), column('due_on', 'dueOn', 'date'),
    column('kind', 'kind'), column('status', 'status'), column('assigned_by', 'assignedBy'), column('created_on', 'createdOn', 'date'),
  ],
  interests: [column('employee_id', 'employee'), column('skill_id', 'skill')],
};

/** The columns COPY writes: the generation and position, then the kind's own. */
export function copyColumns(kind: StoredKind): string[] {
  return ['generation', 'position', ...RECORD_TABLES[kind].map((item) => item.name)];
}

/** The records of one generation as lines of COPY's text format. */
export function* copyLines(kind: StoredKind, generation: number, records: readonly object[]): Generator<string> {
  const columns = RECORD_TABLES[kind];
  for (let position = 0; position < records.length; position++) {
    const record = records[position] as Record<string, unknown>;
    let line = `${generation}\t${position}`;
    for (const { field, type } of columns) {
      const value = record[field];
      line += '\t' + copyField(value === undefined ? null : type === 'json' ? JSON.stringify(value) : (value as string | number | null));
    }
    yield line + '\n';
  }
}

/** SELECT of one generation in order; dates come back as text (YYYY-MM-DD), never as Date objects. */
export function selectGeneration(kind: StoredKind): string {
  const list = RECORD_TABLES[kind].map(({ name, type }) => (type === 'date' ? `${name}::text` : name)).join(', ');
  return `select ${list} from ${kind} where generation = $1 order by position`;
}

/** Rows of selectGeneration back into records. */
export function recordsOf(kind: StoredKind, rows: readonly unknown[][]): object[] {
  const columns = RECORD_TABLES[kind];
  const records: object[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const record: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      const { field, type } = columns[c]!;
      // pg gives jsonb parsed, PGlite too; a number column may arrive as a string (numeric, int8).
      record[field] = type === 'number' ? Number(value) : type === 'json' && typeof value === 'string' ? JSON.parse(value) : value;
    }
    records[r] = record;
  }
  return records;
}

/**
 * A record as its table holds it: the kind's fields only, absent when blank (NULL), numbers as
 * numbers — what recordsOf gives back for the same row.
 */
export function storedShape(kind: StoredKind, record: object): object {
  const source = record as Record<string, unknown>;
  const shaped: Record<string, unknown> = {};
  for (const { field, type } of RECORD_TABLES[kind]) {
    const value = source[field];
    if (value === null || value === undefined) continue;
    shaped[field] = type === 'number' ? Number(value) : value;
  }
  return shaped;
}
