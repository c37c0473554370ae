// One import from files to a change ready to store (SPEC §4): read each file, assemble over the
// stored organisation in `replace` or `merge` mode, decide whether it may be committed, and
// describe it for the wizard and the history. Pure: the worker and the API handler share it.
import { assembleOrganisation, readCsvFile, writeCsv, type ImportIssue, type ParsedFile, type PendingDecision } from '../../domain/csv';
import type { IsoDate, Organisation, RecordKind } from '../../domain/schema';
import { STORED_KINDS, type FileReadOptions, type HistoryEntry, type ImportMode, type StoredKind } from '../../api/importContract';
import { changedKinds } from '../store/changedKinds';
import type { NewEntry } from '../store/organisationDatabase';

/** Issues sent to the page and kept in the history: enough to read, the CSV download has all. */
export const ISSUES_SHOWN = 1_000;
export const PREVIEW_ROWS = 20;

export interface ImportFileInput {
  fileName: string;
  bytes?: Uint8Array;
  text?: string;
  options?: FileReadOptions;
}

export function readImportFile(input: ImportFileInput, importedOn?: IsoDate): ParsedFile {
  const options = { ...input.options, ...(importedOn ? { importedOn } : {}) };
  return readCsvFile({ fileName: input.fileName, ...(input.bytes ? { bytes: input.bytes } : { text: input.text ?? '' }) }, options);
}

/** What the wizard shows of one read file (no records: a million rows stay in the worker). */
export interface FileSummary {
  fileName: string;
  kind: RecordKind | null;
  encoding: string;
  bom: boolean;
  delimiter: string;
  headers: string[];
  mapping: Record<string, number>;
  wide: boolean;
  sheet?: string;
  sheets?: string[];
  rowCount: number;
  recordCount: number;
  pending: PendingDecision[];
  errors: number;
  warnings: number;
}

export function summariseFile(parsed: ParsedFile): FileSummary {
  let errors = 0;
  for (const issue of parsed.issues) if (issue.severity === 'error') errors++;
  return {
    fileName: parsed.fileName,
    kind: parsed.kind,
    encoding: parsed.encoding,
    bom: parsed.bom,
    delimiter: parsed.delimiter,
    headers: parsed.headers,
    mapping: parsed.mapping,
    wide: parsed.wide,
    ...(parsed.sheets !== undefined ? { sheets: parsed.sheets } : {}),
    ...(parsed.sheet !== undefined ? { sheet: parsed.sheet } : {}),
    rowCount: parsed.rowCount,
    recordCount: parsed.records.values.length,
    pending: parsed.pending,
    errors,
    warnings: parsed.issues.length - errors,
  };
}

export interface ImportPlan {
  mode: ImportMode;
  files: ParsedFile[];
  organisation: Organisation;
  /** Only the collections the import changes. */
  changes: Partial<Organisation>;
  counts: HistoryEntry['counts'];
  issues: ImportIssue[];
  errors: number;
  warnings: number;
  /** The stored revision the plan was assembled over. */
  baseRevision: number;
}

export function planImport(files: readonly ParsedFile[], base: Organisation | undefined, baseRevision: number, mode: ImportMode): ImportPlan {
  const assembled = assembleOrganisation(files, base, mode);
  const issues: ImportIssue[] = [];
  for (const file of files) for (const issue of file.issues) issues.push(issue);
  for (const issue of assembled.issues) issues.push(issue);
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors++;
  const changes: Partial<Record<StoredKind, unknown[]>> = {};
  const counts: HistoryEntry['counts'] = {};
  for (const kind of changedKinds(base, assembled.organisation)) {
    changes[kind] = assembled.organisation[kind];
    counts[kind] = { before: base?.[kind].length ?? 0, after: assembled.organisation[kind].length };
  }
  return {
    mode, files: [...files], organisation: assembled.organisation, changes: changes as Partial<Organisation>, counts,
    issues, errors, warnings: issues.length - errors, baseRevision,
  };
}

/** Why the plan may not be committed as asked, or null when it may. */
export function commitRefusal(plan: ImportPlan, validRowsOnly: boolean): string | null {
  if (plan.files.length === 0) return 'Choose at least one file to import.';
  const unknownKind = plan.files.find((file) => file.kind === null);
  if (unknownKind) return `Choose what ${unknownKind.fileName} holds (its kind) before importing it.`;
  if (plan.errors > 0 && !validRowsOnly) {
    return `The files have ${plan.errors} error${plan.errors === 1 ? '' : 's'}: correct them and read the files again, or choose "import only the valid rows".`;
  }
  if (Object.keys(plan.changes).length === 0) return 'Nothing would change: the stored data already holds these records.';
  return null;
}

export function historyEntryOf(plan: ImportPlan, validRowsOnly: boolean): NewEntry {
  const names = plan.files.map((file) => file.fileName);
  return {
    source: 'import',
    label: `Import of ${names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`}`,
    mode: plan.mode,
    validRowsOnly,
    files: plan.files.map((file) => ({ fileName: file.fileName, kind: file.kind, rows: file.rowCount, encoding: file.encoding, delimiter: file.delimiter })),
    errors: plan.errors,
    warnings: plan.warnings,
    issues: plan.issues.slice(0, ISSUES_SHOWN),
  };
}

/** The first records of each changed collection that come from the files, as they will be stored. */
export function previewOf(plan: ImportPlan, base: Organisation | undefined, rows = PREVIEW_ROWS): Partial<Record<StoredKind, { rows: object[]; total: number }>> {
  const preview: Partial<Record<StoredKind, { rows: object[]; total: number }>> = {};
  for (const kind of STORED_KINDS) {
    const records = plan.changes[kind] as readonly object[] | undefined;
    if (!records) continue;
    const kept = new Set<unknown>(base?.[kind] ?? []);
    const shown: object[] = [];
    for (const record of records) {
      if (kept.has(record)) continue;
      shown.push(record);
      if (shown.length >= rows) break;
    }
    preview[kind] = { rows: shown, total: records.length };
  }
  return preview;
}

export const ISSUE_COLUMNS = ['file', 'row', 'column', 'value', 'severity', 'message'] as const;

/** Every issue as a CSV file the user can open in a spreadsheet. */
export function issuesCsv(issues: readonly ImportIssue[]): string {
  return writeCsv(ISSUE_COLUMNS, issues.map((issue) => [issue.file, issue.row, issue.column, issue.value, issue.severity, issue.message]));
}
