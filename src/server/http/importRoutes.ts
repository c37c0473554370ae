// The import endpoints of the /api (SPEC §4, §8). Two ways in, one pipeline:
// - an import job, as the wizard uses it: upload each file's bytes, read options, check, commit or cancel;
// - POST /api/imports with the files' text in one request, as a script (a nightly HR upload) would.
// The history and undo of every stored change. Only the L&D manager may change data.
import { route, json } from './routeTable';
import { commitRequestSchema, fileOptionsRequestSchema, jobCheckRequestSchema, jobCommitRequestSchema, type CommitResponse } from '../../api/importContract';
import { ISSUES_SHOWN, commitRefusal, historyEntryOf, planImport, readImportFile } from '../import/importPipeline';
import { createImportJobs, ImportJobError } from '../import/importJobs';
import { memoryImportJobStore, type ImportJobStore } from '../import/importJobStore';
import type { OrganisationState } from '../state/organisationState';
import type { AchievementMappingStore } from '../store/achievementMappingStore';
import { isBadgeTemplateFile, mapBadgeTemplates } from '../../domain/csv';
import { memoryAuditLog, type AuditLog } from '../store/auditLog';
import type { HistoryEntry } from '../../api/importContract';
import { auditedChange, assertMayChangeData, errorResponse, guarded, param, callerOf, RequestRefused } from './requestContext';

/** Files travel whole in one request: an awards file of 1,000,000 rows is about 65 MB. */
export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

const QUOTA_MESSAGE = 'The browser has no storage left for Gapmap, so nothing was imported and the stored data is unchanged. Free some disk space or clear other sites’ data, then try again.';

function isQuotaError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError';
}

/** The L&D manager may import; anyone else is refused (403), an unknown caller 400. Returns who is asking. */
function importer(request: Request): string {
  const caller = callerOf(request);
  assertMayChangeData(caller);
  return caller.accountId;
}

async function jsonBody<T>(request: Request, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }): Promise<T> {
  const body: unknown = await request.json().catch(() => {
    throw new RequestRefused(400, 'bad-body', 'The request body is not JSON.');
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RequestRefused(400, 'bad-request', `The request is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
  return parsed.data;
}

/** What the audit log keeps of a stored change: which entry, which files, how many records of each kind. */
function importDetail(entry: HistoryEntry | undefined): Record<string, unknown> {
  if (!entry) return {};
  return { entry: entry.id, mode: entry.mode, files: entry.files.map((file) => file.fileName), counts: entry.counts };
}

/** Job failures and storage errors as the contract's error answers. */
function importGuarded(handler: Parameters<typeof guarded>[0]): Parameters<typeof guarded>[0] {
  return guarded(async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof ImportJobError) return errorResponse(error.status, error.code, error.message);
      if (isQuotaError(error)) return errorResponse(507, 'quota-exceeded', QUOTA_MESSAGE);
      throw error;
    }
  });
}

export function createImportRoutes(state: OrganisationState, jobStore: ImportJobStore = memoryImportJobStore(), audit: AuditLog = memoryAuditLog(), mappings?: AchievementMappingStore) {
  const jobs = createImportJobs(state, jobStore, mappings);
  return [
    route.get('/api/imports', guarded(async ({ request }) => {
      const caller = callerOf(request);
      if (caller.role === 'manager') throw new RequestRefused(403, 'forbidden', 'The import history is for admins and HR.');
      return json(await state.store.history());
    })),

    route.post('/api/imports', importGuarded(async ({ request }) => {
      importer(request);
      const body = await jsonBody(request, commitRequestSchema);
      const files = body.files ?? [];
      const parsedFiles = files.map((file) => readImportFile({ fileName: file.fileName, text: file.text, options: file.options }, state.today()));
      const { eo, revision, empty } = await state.snapshot();
      const remembered = mappings ? await mappings.load() : {};
      for (const parsed of parsedFiles) if (isBadgeTemplateFile(parsed)) mapBadgeTemplates(parsed, eo.org.credentials, remembered);
      const plan = planImport(parsedFiles, empty ? undefined : eo.org, revision, body.mode);
      const summary = { errors: plan.errors, warnings: plan.warnings, issues: plan.issues.slice(0, ISSUES_SHOWN), counts: plan.counts };
      if (body.dryRun) return json<CommitResponse>({ committed: false, ...summary });
      const refusal = commitRefusal(plan, body.validRowsOnly);
      if (refusal) return json({ error: 'refused', message: refusal, ...summary }, { status: 422 });
      // Assembled over the stored revision it read: a change stored meanwhile refuses it (409), never interleaves.
      const audited = auditedChange(audit, state.store, request, 'import', (entry) => ({ subject: entry?.label ?? 'import', detail: importDetail(entry) }));
      const { entry } = await state.store.commit(plan.changes, historyEntryOf(plan, body.validRowsOnly), { expectedRevision: plan.baseRevision, audit: audited.row });
      await audited.after(entry);
      return json<CommitResponse>({ committed: true, entry, ...summary });
    }), { maxBodyBytes: IMPORT_BODY_LIMIT }),

    route.post('/api/imports/:id/undo', guarded(async ({ request, params }) => {
      importer(request);
      const id = Number(params.id);
      if (!Number.isInteger(id) || id < 1) return errorResponse(400, 'bad-request', `"${String(params.id)}" is not a history entry number.`);
      try {
        const audited = auditedChange(audit, state.store, request, 'import-undone', (entry) => ({ subject: entry?.label ?? '', detail: { undone: id, ...importDetail(entry) } }));
        const outcome = await state.store.undo(id, audited.row);
        if (!outcome.ok) return errorResponse(outcome.reason === 'not-found' ? 404 : 409, outcome.reason, outcome.message);
        await audited.after(outcome.entry);
        return json({ entry: outcome.entry });
      } catch (error) {
        if (isQuotaError(error)) return errorResponse(507, 'quota-exceeded', 'The browser has no storage left for Gapmap: nothing was undone.');
        throw error;
      }
    })),

    // ---- import jobs (the wizard)
    route.post('/api/import-jobs', importGuarded(async ({ request }) => json(await jobs.create(importer(request)), { status: 201 }))),

    route.get('/api/import-jobs/:job', importGuarded(async ({ request, params }) => json(await jobs.get(param(params.job), importer(request))))),

    route.post('/api/import-jobs/:job/files', importGuarded(async ({ request, params }) => {
      const caller = importer(request);
      const fileName = new URL(request.url).searchParams.get('name')?.trim();
      if (!fileName) throw new RequestRefused(400, 'bad-request', 'Say the file name with ?name=.');
      const bytes = new Uint8Array(await request.arrayBuffer());
      return json(await jobs.addFile(param(params.job), caller, fileName, bytes), { status: 201 });
    }), { maxBodyBytes: IMPORT_BODY_LIMIT }),

    route.patch('/api/import-jobs/:job/files/:file', importGuarded(async ({ request, params }) => {
      const caller = importer(request);
      const { options } = await jsonBody(request, fileOptionsRequestSchema);
      return json(await jobs.configure(param(params.job), caller, param(params.file), options));
    })),

    route.delete('/api/import-jobs/:job/files/:file', importGuarded(async ({ request, params }) => {
      await jobs.removeFile(param(params.job), importer(request), param(params.file));
      return json({ removed: true });
    })),

    route.post('/api/import-jobs/:job/check', importGuarded(async ({ request, params }) => {
      const caller = importer(request);
      const { mode } = await jsonBody(request, jobCheckRequestSchema);
      return json(await jobs.check(param(params.job), caller, mode));
    })),

    route.post('/api/import-jobs/:job/commit', importGuarded(async ({ request, params }) => {
      const caller = importer(request);
      const { mode, validRowsOnly } = await jsonBody(request, jobCommitRequestSchema);
      const audited = auditedChange(audit, state.store, request, 'import', (entry) => ({ subject: entry?.label ?? 'import', detail: importDetail(entry) }));
      const committed = await jobs.commit(param(params.job), caller, mode, validRowsOnly, undefined, audited.row);
      await audited.after(committed.entry);
      return json(committed);
    })),

    route.get('/api/import-jobs/:job/issues', importGuarded(async ({ request, params }) => {
      const csv = await jobs.issuesCsv(param(params.job), importer(request));
      return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="import-issues.csv"' } });
    })),

    route.delete('/api/import-jobs/:job', importGuarded(async ({ request, params }) => {
      await jobs.cancel(param(params.job), importer(request));
      return json({ cancelled: true });
    })),
  ];
}
