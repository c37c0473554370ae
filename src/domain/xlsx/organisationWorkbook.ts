// The organisation as one Excel workbook, a sheet per kind with the import files' canonical columns
// (SPEC §4, §5 round trip): what Gapmap writes here, the import reads back unchanged, sheet by kind.
import { CANONICAL_COLUMNS } from '../csv/headers';
import { organisationRows } from '../csv/writeCsv';
import { RECORD_KINDS, type Organisation, type RecordKind } from '../schema';
import { writeXlsx, type XlsxColumn, type XlsxSheet } from './writeXlsx';

const NUMERIC_COLUMNS = new Set(['level', 'hours', 'cost', 'validity_months']);

function columnsOf(kind: RecordKind): XlsxColumn[] {
  return CANONICAL_COLUMNS[kind].map((column) => ({
    header: column,
    type: column.endsWith('_on') ? 'date' : NUMERIC_COLUMNS.has(column) ? 'number' : 'text',
  }));
}

/** One sheet per kind (named employees, skills, roles, catalog…), dates as Excel dates. */
export function organisationWorkbook(org: Organisation): Uint8Array {
  const rows = organisationRows(org);
  const sheets: XlsxSheet[] = RECORD_KINDS.map((kind) => ({ name: kind, columns: columnsOf(kind), rows: rows[kind] }));
  return writeXlsx(sheets, { title: 'Gapmap organisation data' });
}
