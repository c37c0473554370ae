// Stores record arrays as columns (SPEC §4 "large files import in seconds"): IndexedDB clones a
// typed array as one block, where a million small objects cost seconds of structured cloning.

/** A column of strings (or blanks) as a dictionary and one index per record; 0 = field absent. */
interface DictionaryColumn {
  type: 'dictionary';
  field: string;
  /** values[0] is unused: index 0 means the record has no such field. */
  values: string[];
  index: Uint32Array;
}

/** A column of numbers; `present[i] = 0` when record i has no such field. */
interface NumberColumn {
  type: 'number';
  field: string;
  values: Float64Array;
  present: Uint8Array | null;
}

/** Anything else (arrays, nested objects, booleans): kept as is. */
interface PlainColumn {
  type: 'plain';
  field: string;
  values: unknown[];
}

type Column = DictionaryColumn | NumberColumn | PlainColumn;

export interface ColumnarChunk {
  count: number;
  columns: Column[];
}

function kindOfField(records: readonly object[], field: string): 'dictionary' | 'number' | 'plain' {
  let sawString = false;
  let sawNumber = false;
  for (const record of records) {
    const value = (record as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (typeof value === 'string') sawString = true;
    else if (typeof value === 'number') sawNumber = true;
    else return 'plain';
    if (sawString && sawNumber) return 'plain';
  }
  return sawNumber ? 'number' : 'dictionary';
}

/** Encodes flat records (the schema's Award, Employee…) into columns; decodeRecords gives them back equal. */
export function encodeRecords(records: readonly object[]): ColumnarChunk {
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const field in record) {
      if (!seen.has(field)) {
        seen.add(field);
        fields.push(field);
      }
    }
  }
  const count = records.length;
  const columns: Column[] = fields.map((field): Column => {
    const type = kindOfField(records, field);
    if (type === 'dictionary') {
      const values: string[] = [''];
      const position = new Map<string, number>();
      const index = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const value = (records[i] as Record<string, unknown>)[field] as string | undefined;
        if (value === undefined) continue;
        let at = position.get(value);
        if (at === undefined) {
          at = values.length;
          values.push(value);
          position.set(value, at);
        }
        index[i] = at;
      }
      return { type, field, values, index };
    }
    if (type === 'number') {
      const values = new Float64Array(count);
      let present: Uint8Array | null = null;
      for (let i = 0; i < count; i++) {
        const value = (records[i] as Record<string, unknown>)[field] as number | undefined;
        if (value === undefined) {
          present ??= new Uint8Array(count).fill(1);
          present[i] = 0;
        } else {
          values[i] = value;
        }
      }
      return { type, field, values, present };
    }
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) values[i] = (records[i] as Record<string, unknown>)[field];
    return { type, field, values };
  });
  return { count, columns };
}

export function decodeRecords<T>(chunk: ColumnarChunk): T[] {
  // Record by record, each built whole: a million records visited once each, not once per column.
  const { count, columns } = chunk;
  const records = new Array<Record<string, unknown>>(count);
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      if (column.type === 'dictionary') {
        const at = column.index[i]!;
        if (at !== 0) record[column.field] = column.values[at];
      } else if (column.type === 'number') {
        if (!column.present || column.present[i] === 1) record[column.field] = column.values[i];
      } else {
        const value = column.values[i];
        if (value !== undefined) record[column.field] = value;
      }
    }
    records[i] = record;
  }
  return records as T[];
}
