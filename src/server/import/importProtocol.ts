// Messages between the import wizard (main thread) and the import worker: files go in once as
// transferred bytes; only summaries, the first issues and preview rows come back, never a
// million records.
import type { ImportIssue } from '../../domain/csv';
import type { FileReadOptions, HistoryEntry, ImportMode, StoredKind } from '../../api/importContract';
import type { FileSummary } from './importPipeline';

export type ImportRequest =
  | { type: 'add'; files: { id: string; fileName: string; bytes: ArrayBuffer }[] }
  | { type: 'configure'; id: string; options: FileReadOptions }
  | { type: 'remove'; id: string }
  | { type: 'check'; mode: ImportMode }
  | { type: 'commit'; mode: ImportMode; validRowsOnly: boolean }
  | { type: 'issues-csv' };

export interface PlanSummary {
  mode: ImportMode;
  errors: number;
  warnings: number;
  /** The first issues (ISSUES_SHOWN); the CSV download has them all. */
  issues: ImportIssue[];
  counts: HistoryEntry['counts'];
  preview: Partial<Record<StoredKind, { rows: object[]; total: number }>>;
  /** Why a commit as things stand would be refused, without and with "valid rows only". */
  refusal: string | null;
  refusalWithValidRowsOnly: string | null;
  checkMs: number;
}

export interface ImportResults {
  add: { files: (FileSummary & { id: string; readMs: number })[] };
  configure: FileSummary & { id: string; readMs: number };
  remove: { removed: true };
  check: PlanSummary;
  commit: { entry: HistoryEntry; revision: number; commitMs: number; checkMs: number };
  'issues-csv': { text: string };
}

export type ImportPhase = 'reading' | 'checking' | 'committing';

export type ImportResponse =
  | { requestId: number; ok: true; result: unknown }
  | { requestId: number; ok: false; code: 'refused' | 'quota' | 'stale' | 'failed'; message: string }
  | { requestId: null; progress: { phase: ImportPhase; fileName?: string; step: number; steps: number } };
