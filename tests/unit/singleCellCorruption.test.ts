// No cascades (issue 14): corrupting any single cell of a valid organisation's files gives no error
// outside that cell's row — every error is located at the row that was broken (property-based).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assembleOrganisation, formatIssue, parseCsvRecords, readCsvFile, writeCsv } from '../../src/domain/csv';
import type { RecordKind } from '../../src/domain/schema';

const BASE = resolve(import.meta.dirname, '../fixtures/broken/_base');
const KINDS: readonly RecordKind[] = ['skills', 'roles', 'employees', 'catalog', 'awards', 'assessments'];
/**
 * The columns that give a record its identity. Breaking one (blank, or another value) loses the id
 * that other files refer to: those references are then genuinely unresolvable ("no employee E1"),
 * which is an error where they are, not a cascade. So identity cells are left out of the property.
 */
const KEYS: Partial<Record<RecordKind, string>> = { skills: 'skill_id', roles: 'role', employees: 'employee_id', catalog: 'credential_id' };

const tables = KINDS.map((kind) => {
  const text = readFileSync(join(BASE, `${kind}.csv`), 'utf8');
  const records = parseCsvRecords(text, ',').records.filter((record) => record.some((cell) => cell !== ''));
  return { kind, header: records[0]!, rows: records.slice(1) };
});

const junk = fc.oneof(
  fc.constantFrom('', '???', '=1+1', '-7', '99', '7', 'expertish', '2025-02-30', '31/31/2031', 'n/a', ' ', '"', 'x'.repeat(300), '1e9'),
  fc.string({ maxLength: 12 }),
);

const corruption = fc
  .integer({ min: 0, max: tables.length - 1 })
  .chain((file) => {
    const table = tables[file]!;
    return fc.record({
      file: fc.constant(file),
      row: fc.integer({ min: 0, max: table.rows.length - 1 }),
      column: fc.integer({ min: 0, max: table.header.length - 1 }),
      value: junk,
    });
  })
  .filter(({ file, row, column, value }) => {
    const table = tables[file]!;
    if (table.rows[row]![column] === value) return false;
    return table.header[column] !== KEYS[table.kind];
  });

describe('a single corrupted cell', () => {
  it('the valid files have no finding at all', () => {
    const parsed = tables.map((table) => readCsvFile({ fileName: `${table.kind}.csv`, text: writeCsv(table.header, table.rows) }, { kind: table.kind }));
    expect([...parsed.flatMap((file) => file.issues), ...assembleOrganisation(parsed).issues]).toEqual([]);
  });

  it('produces no error outside its own row', () => {
    fc.assert(
      fc.property(corruption, ({ file, row, column, value }) => {
        const parsed = tables.map((table, index) => {
          const rows = index === file ? table.rows.map((cells, r) => (r === row ? cells.map((cell, c) => (c === column ? value : cell)) : cells)) : table.rows;
          return readCsvFile({ fileName: `${table.kind}.csv`, text: writeCsv(table.header, rows) }, { kind: table.kind });
        });
        const issues = [...parsed.flatMap((one) => one.issues), ...assembleOrganisation(parsed).issues];
        const corrupted = `${tables[file]!.kind}.csv`;
        // The header is row 1: data row r is spreadsheet row r + 2.
        const outside = issues.filter((issue) => issue.severity === 'error' && !(issue.file === corrupted && issue.row === row + 2));
        expect(outside.map(formatIssue)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
