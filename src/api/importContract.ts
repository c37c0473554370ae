// The import endpoints of the /api (SPEC §4, §8): commit files (replace | merge, valid rows only),
// a dry run, the import history and undo. Shared by the client, the msw handlers and the worker.
// Schemas are built on first use (z.lazy), as in contract.ts.
import { z } from 'zod';
import { RECORD_KINDS } from '../domain/schema';

export const importModeSchema = z.lazy(() => z.enum(['replace', 'merge']));
export type ImportMode = z.infer<typeof importModeSchema>;

export const importIssueSchema = z.lazy(() => z.object({
  file: z.string(),
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  /** In an .xlsx workbook: the sheet and cell (`Awards!C7`). */
  cell: z.string().optional(),
}));

/** The organisation's collections (catalog records are `credentials`). */
export const STORED_KINDS = ['skills', 'roles', 'employees', 'credentials', 'awards', 'assessments', 'goals', 'interests'] as const;
export type StoredKind = (typeof STORED_KINDS)[number];
export const storedKindSchema = z.lazy(() => z.enum(STORED_KINDS));

const kindCountsSchema = z.lazy(() => z.partialRecord(storedKindSchema, z.object({ before: z.number(), after: z.number() })));

export const historyEntrySchema = z.lazy(() => z.object({
  id: z.number(),
  /** When it was committed, as an ISO timestamp. */
  at: z.string(),
  source: z.enum(['import', 'edit']),
  label: z.string(),
  mode: importModeSchema.nullable(),
  validRowsOnly: z.boolean(),
  files: z.array(z.object({ fileName: z.string(), kind: z.enum(RECORD_KINDS).nullable(), rows: z.number(), encoding: z.string(), delimiter: z.string() })),
  /** Records of each changed collection before and after. */
  counts: kindCountsSchema,
  errors: z.number(),
  warnings: z.number(),
  /** The issues kept with the entry (the first 1,000). */
  issues: z.array(importIssueSchema),
  /** Its previous records are still kept, so it can be undone while it is the latest change. */
  undoable: z.boolean(),
  undoneAt: z.string().optional(),
  /** Who made the change, on a server with sign-in. */
  by: z.string().optional(),
}));
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const importHistorySchema = z.lazy(() => z.object({
  /** Newest first. */
  entries: z.array(historyEntrySchema),
  /** The id of the latest change in effect (the one Undo applies to); 0 when none. */
  head: z.number(),
}));
export type ImportHistory = z.infer<typeof importHistorySchema>;

export const fileReadOptionsSchema = z.lazy(() => z.object({
  kind: z.enum(RECORD_KINDS).optional(),
  mapping: z.record(z.string(), z.number()).optional(),
  dateOrderByColumn: z.record(z.string(), z.enum(['DMY', 'MDY'])).optional(),
  levelScale: z.object({ min: z.number(), max: z.number() }).optional(),
  /** The sheet to read of an .xlsx workbook (default: the first). */
  sheet: z.string().optional(),
}));
export type FileReadOptions = z.infer<typeof fileReadOptionsSchema>;

/** POST /api/imports: the files themselves, as text, in one request (a script's upload). */
export const commitRequestSchema = z.lazy(() => z.object({
  mode: importModeSchema,
  validRowsOnly: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  files: z.array(z.object({ fileName: z.string(), text: z.string(), options: fileReadOptionsSchema.default({}) })).optional(),
}));
export type CommitRequest = z.input<typeof commitRequestSchema>;

export const commitResponseSchema = z.lazy(() => z.object({
  committed: z.boolean(),
  entry: historyEntrySchema.optional(),
  errors: z.number(),
  warnings: z.number(),
  /** The first 1,000 issues. */
  issues: z.array(importIssueSchema),
  counts: z.partialRecord(storedKindSchema, z.object({ before: z.number(), after: z.number() })),
  /** How long storing took (encoding and the IndexedDB transaction), when the server measures it. */
  commitMs: z.number().optional(),
}));
export type CommitResponse = z.infer<typeof commitResponseSchema>;

export const undoResponseSchema = z.lazy(() => z.object({ entry: historyEntrySchema }));

/** Posted on BroadcastChannel(ORGANISATION_CHANNEL) after any change is stored, to every tab. */
export const ORGANISATION_CHANNEL = 'gapmap';
export interface OrganisationChangedMessage {
  type: 'organisation-changed';
  revision: number;
}

// ---------------------------------------------------------------- import jobs (the wizard)
// An import in progress is a job the backend keeps: the files' bytes are uploaded to it one by one,
// read and checked there, then committed (or the job is cancelled). Any process can continue it.

export const pendingDecisionSchema = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('date-order'), column: z.string(), samples: z.array(z.string()) }),
  z.object({ type: z.literal('level-scale'), column: z.string(), observedMin: z.number(), observedMax: z.number() }),
  z.object({ type: z.literal('badge-template'), column: z.string(), templateId: z.string(), templateName: z.string().optional(), rows: z.number() }),
]));

/** What the wizard shows of one read file (no records: a million rows stay on the backend). */
export const fileSummarySchema = z.lazy(() => z.object({
  /** The file's id within its job. */
  id: z.string(),
  fileName: z.string(),
  kind: z.enum(RECORD_KINDS).nullable(),
  encoding: z.string(),
  bom: z.boolean(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number()),
  wide: z.boolean(),
  /** An .xlsx workbook: the sheet read and all its sheets, for the sheet picker. */
  sheet: z.string().optional(),
  sheets: z.array(z.string()).optional(),
  rowCount: z.number(),
  recordCount: z.number(),
  pending: z.array(pendingDecisionSchema),
  errors: z.number(),
  warnings: z.number(),
  options: fileReadOptionsSchema,
  size: z.number(),
  readMs: z.number(),
}));
export type FileSummary = z.infer<typeof fileSummarySchema>;

export const importJobSchema = z.lazy(() => z.object({ id: z.string(), files: z.array(fileSummarySchema) }));
export type ImportJob = z.infer<typeof importJobSchema>;

export const planSummarySchema = z.lazy(() => z.object({
  mode: importModeSchema,
  errors: z.number(),
  warnings: z.number(),
  /** The first issues (1,000); the CSV download has them all. */
  issues: z.array(importIssueSchema),
  counts: kindCountsSchema,
  preview: z.partialRecord(storedKindSchema, z.object({ rows: z.array(z.record(z.string(), z.unknown())), total: z.number() })),
  /** Why a commit as things stand would be refused, without and with "valid rows only". */
  refusal: z.string().nullable(),
  refusalWithValidRowsOnly: z.string().nullable(),
  checkMs: z.number(),
}));
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const fileOptionsRequestSchema = z.lazy(() => z.object({ options: fileReadOptionsSchema }));
export const jobCheckRequestSchema = z.lazy(() => z.object({ mode: importModeSchema }));
export const jobCommitRequestSchema = z.lazy(() => z.object({ mode: importModeSchema, validRowsOnly: z.boolean().default(false) }));
export const jobCommitResponseSchema = z.lazy(() => z.object({ entry: historyEntrySchema, revision: z.number(), commitMs: z.number(), checkMs: z.number() }));
export type JobCommitResponse = z.infer<typeof jobCommitResponseSchema>;
