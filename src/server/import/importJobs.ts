// The import wizard's backend (SPEC §4): a job receives files, reads each (detection, mapping,
// located issues), checks the whole import against the stored organisation, then commits it as one
// transaction, or is cancelled. Files live in the job store; this process keeps what it parsed of
// them (per file version), so a check after an option change reads only that file again.
import type { ParsedFile } from '../../domain/csv';
import type { FileReadOptions, FileSummary, ImportMode, JobCommitResponse, PlanSummary } from '../../api/importContract';
import type { OrganisationState } from '../state/organisationState';
import type { NewEntry } from '../store/organisationDatabase';
import type { AuditRowOf } from '../store/organisationStore';
import { ISSUES_SHOWN, commitRefusal, historyEntryOf, issuesCsv, planImport, previewOf, readImportFile, summariseFile, type ImportPlan } from './importPipeline';
import type { ImportJobStore, StoredJobFile } from './importJobStore';
import { isBadgeTemplateFile, mapBadgeTemplates } from '../../domain/csv';
import { memoryMappingStore, type AchievementMappingStore } from '../store/achievementMappingStore';

export class ImportJobError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportJobError';
  }
}

interface ParsedCopy {
  version: number;
  parsed: ParsedFile;
  summary: FileSummary;
}

/** Parsed files are kept for a few jobs at a time: a million awards weigh a few hundred MB. */
const JOBS_KEPT = 3;

export function createImportJobs(state: OrganisationState, store: ImportJobStore, mappings: AchievementMappingStore = memoryMappingStore()) {
  const parsedByJob = new Map<string, Map<string, ParsedCopy>>();
  const plans = new Map<string, { key: string; plan: ImportPlan; base: ImportPlan['organisation'] | undefined }>();

  function remember(jobId: string): Map<string, ParsedCopy> {
    let copies = parsedByJob.get(jobId);
    if (!copies) {
      copies = new Map();
      parsedByJob.set(jobId, copies);
      while (parsedByJob.size > JOBS_KEPT) {
        const oldest = parsedByJob.keys().next().value!;
        parsedByJob.delete(oldest);
        plans.delete(oldest);
      }
    }
    return copies;
  }

  function forget(jobId: string): void {
    parsedByJob.delete(jobId);
    plans.delete(jobId);
  }

  async function read(jobId: string, file: StoredJobFile): Promise<ParsedCopy> {
    const copies = remember(jobId);
    const cached = copies.get(file.fileId);
    if (cached && cached.version === file.version) return cached;
    const started = performance.now();
    const parsed = readImportFile({ fileName: file.fileName, bytes: file.bytes, options: file.options }, state.today());
    // A badge platform's templates map to the stored catalog, by the mappings the user confirmed once.
    if (isBadgeTemplateFile(parsed)) mapBadgeTemplates(parsed, (await state.current()).org.credentials, await mappings.load());
    const summary: FileSummary = {
      id: file.fileId, ...summariseFile(parsed), options: file.options, size: file.bytes.byteLength, readMs: Math.round(performance.now() - started),
    };
    const copy = { version: file.version, parsed, summary };
    copies.set(file.fileId, copy);
    plans.delete(jobId);
    return copy;
  }

  /** Every file of the job, parsed; only a file this process has not parsed at its version is fetched with its bytes. */
  async function parsedFiles(jobId: string): Promise<ParsedCopy[]> {
    const listed = await store.files(jobId);
    const result: ParsedCopy[] = [];
    for (const file of listed) {
      const held = parsedByJob.get(jobId)?.get(file.fileId);
      if (held && held.version === file.version) {
        result.push(held);
        continue;
      }
      const withBytes = await store.file(jobId, file.fileId);
      if (withBytes) result.push(await read(jobId, withBytes));
    }
    // A file removed by another process is no longer part of the job here either.
    const copies = parsedByJob.get(jobId);
    if (copies) for (const id of [...copies.keys()]) if (!listed.some((file) => file.fileId === id)) copies.delete(id);
    return result;
  }

  async function planOf(jobId: string, mode: ImportMode): Promise<{ plan: ImportPlan; base: ImportPlan['organisation'] | undefined; checkMs: number }> {
    const started = performance.now();
    const files = await parsedFiles(jobId);
    const { eo, revision, empty } = await state.snapshot();
    const key = `${mode}:${revision}:${files.map((file) => `${file.summary.id}@${file.version}`).join('|')}`;
    let held = plans.get(jobId);
    if (held?.key !== key) {
      const base = empty ? undefined : eo.org;
      held = { key, plan: planImport(files.map((file) => file.parsed), base, revision, mode), base };
      plans.set(jobId, held);
    }
    return { plan: held.plan, base: held.base, checkMs: Math.round(performance.now() - started) };
  }

  async function assertJob(jobId: string, caller: string): Promise<void> {
    const owner = await store.owner(jobId);
    // Someone else's job answers exactly like a missing one: its existence is not revealed.
    if (owner === undefined || owner !== caller) throw new ImportJobError(404, 'no-import', 'This import is no longer open (it was committed, cancelled or never started): pick the files again.');
  }

  return {
    async create(caller: string) {
      return { id: await store.create(caller), files: [] };
    },

    async get(jobId: string, caller: string) {
      await assertJob(jobId, caller);
      return { id: jobId, files: (await parsedFiles(jobId)).map((file) => file.summary) };
    },

    async addFile(jobId: string, caller: string, fileName: string, bytes: Uint8Array): Promise<FileSummary> {
      await assertJob(jobId, caller);
      const stored = await store.putFile(jobId, { fileName, bytes });
      return (await read(jobId, stored)).summary;
    },

    async configure(jobId: string, caller: string, fileId: string, options: FileReadOptions): Promise<FileSummary> {
      await assertJob(jobId, caller);
      const stored = await store.setOptions(jobId, fileId, options);
      const withBytes = stored && (await store.file(jobId, fileId));
      if (!withBytes) throw new ImportJobError(404, 'no-file', 'This file is no longer part of the import.');
      return (await read(jobId, withBytes)).summary;
    },

    async removeFile(jobId: string, caller: string, fileId: string): Promise<void> {
      await assertJob(jobId, caller);
      await store.removeFile(jobId, fileId);
      parsedByJob.get(jobId)?.delete(fileId);
      plans.delete(jobId);
    },

    async check(jobId: string, caller: string, mode: ImportMode): Promise<PlanSummary> {
      await assertJob(jobId, caller);
      const { plan, base, checkMs } = await planOf(jobId, mode);
      return {
        mode,
        errors: plan.errors,
        warnings: plan.warnings,
        issues: plan.issues.slice(0, ISSUES_SHOWN),
        counts: plan.counts,
        preview: previewOf(plan, base) as PlanSummary['preview'],
        refusal: commitRefusal(plan, false),
        refusalWithValidRowsOnly: commitRefusal(plan, true),
        checkMs,
      };
    },

    async commit(jobId: string, caller: string, mode: ImportMode, validRowsOnly: boolean, by?: string, audit?: AuditRowOf): Promise<JobCommitResponse> {
      await assertJob(jobId, caller);
      const { plan, checkMs } = await planOf(jobId, mode);
      const refusal = commitRefusal(plan, validRowsOnly);
      if (refusal) throw new ImportJobError(422, 'refused', refusal);
      const started = performance.now();
      const entry: NewEntry = { ...historyEntryOf(plan, validRowsOnly), ...(by ? { by } : {}) };
      // Checked against the revision it was assembled over: a change stored meanwhile refuses it (409).
      const stored = await state.store.commit(plan.changes, entry, { expectedRevision: plan.baseRevision, ...(audit ? { audit } : {}) });
      await store.delete(jobId);
      forget(jobId);
      return { entry: stored.entry!, revision: stored.revision, commitMs: Math.round(performance.now() - started), checkMs };
    },

    async issuesCsv(jobId: string, caller: string): Promise<string> {
      await assertJob(jobId, caller);
      const held = plans.get(jobId);
      const issues = held ? held.plan.issues : (await parsedFiles(jobId)).flatMap((file) => file.parsed.issues);
      return issuesCsv(issues);
    },

    async cancel(jobId: string, caller: string): Promise<void> {
      await assertJob(jobId, caller);
      await store.delete(jobId);
      forget(jobId);
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
