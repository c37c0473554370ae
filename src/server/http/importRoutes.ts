// The import endpoints of the standalone /api (SPEC §4): commit files (or a session the page's
// import worker holds), a dry run, the history and undo. Only the L&D manager may change data.
import { route, json } from './routeTable';
import { decodePersona, PERSONA_HEADER } from '../../api/contract';
import { commitRequestSchema, type CommitResponse } from '../../api/importContract';
import { ISSUES_SHOWN, commitRefusal, historyEntryOf, planImport, readImportFile } from '../import/importPipeline';
import { commitImportSession as commitSessionOfThisPage } from '../import/importSessions';
import { ImportWorkerError } from '../import/importWorkerClient';
import type { OrganisationState } from '../state/organisationState';
import { errorResponse, responseForError } from './requestContext';

/**
 * Commits what an open import session (the page's import worker) holds, or answers undefined when
 * no such session is open. Injected because the sessions live in the page: in tests the handlers
 * run in the page too, in the browser they run in the API worker and ask the page (src/server/hosts/browser/browser.ts).
 */
export type CommitImportSession = typeof commitSessionOfThisPage;

/** Files travel whole in one import: an awards file of 1,000,000 rows is about 65 MB. */
export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

const QUOTA_MESSAGE = 'The browser has no storage left for Gapmap, so nothing was imported and the stored data is unchanged. Free some disk space or clear other sites’ data, then try again.';

function isQuotaError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'QuotaExceededError';
}

/** 403 unless the persona is the L&D manager; 400 for a header that names no persona. */
function refusalForChange(request: Request): Response | null {
  const persona = decodePersona(request.headers.get(PERSONA_HEADER));
  if (!persona) return errorResponse(400, 'bad-persona', `Unknown persona "${request.headers.get(PERSONA_HEADER)}".`);
  if (persona.kind !== 'lnd') return errorResponse(403, 'forbidden', 'Only the L&D manager can import data or undo an import.');
  return null;
}

export function createImportRoutes(state: OrganisationState, commitImportSession: CommitImportSession = commitSessionOfThisPage) {
  return [
    route.get('/api/imports', async ({ request }) => {
      const persona = decodePersona(request.headers.get(PERSONA_HEADER));
      if (!persona) return errorResponse(400, 'bad-persona', 'Unknown persona.');
      if (persona.kind === 'manager') return errorResponse(403, 'forbidden', 'The import history is for the L&D manager and HR.');
      return json(await state.store.history());
    }),

    route.post('/api/imports', async ({ request }) => {
      const refused = refusalForChange(request);
      if (refused) return refused;
      const parsed = commitRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) return errorResponse(400, 'bad-request', `The import request is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
      const body = parsed.data;
      try {
        if (body.session) {
          // The standalone fast path: the page's worker already holds the records and commits them itself.
          if (body.dryRun) return errorResponse(400, 'bad-request', 'A dry run of a session is the worker’s check step.');
          const done = await commitImportSession(body.session, { mode: body.mode, validRowsOnly: body.validRowsOnly });
          if (!done) return errorResponse(404, 'no-session', 'This import is no longer open in this page: pick the files again.');
          return json<CommitResponse>({
            committed: true, entry: done.entry, errors: done.entry.errors, warnings: done.entry.warnings, issues: done.entry.issues, counts: done.entry.counts, commitMs: done.commitMs,
          });
        }
        const files = body.files ?? [];
        const parsedFiles = files.map((file) => readImportFile({ fileName: file.fileName, text: file.text, options: file.options }, state.today()));
        const stored = await state.store.load();
        const plan = planImport(parsedFiles, stored?.organisation, stored?.revision ?? 0, body.mode);
        const summary = { errors: plan.errors, warnings: plan.warnings, issues: plan.issues.slice(0, ISSUES_SHOWN), counts: plan.counts };
        if (body.dryRun) return json<CommitResponse>({ committed: false, ...summary });
        const refusal = commitRefusal(plan, body.validRowsOnly);
        if (refusal) return json({ error: 'refused', message: refusal, ...summary }, { status: 422 });
        // Assembled over the stored revision it read: a change stored meanwhile refuses it (409), never interleaves.
        const { entry } = await state.store.commit(plan.changes, historyEntryOf(plan, body.validRowsOnly), { expectedRevision: plan.baseRevision });
        return json<CommitResponse>({ committed: true, entry, ...summary });
      } catch (error) {
        if (isQuotaError(error)) return errorResponse(507, 'quota-exceeded', QUOTA_MESSAGE);
        if (error instanceof ImportWorkerError) {
          const status = error.code === 'refused' ? 422 : error.code === 'stale' ? 409 : error.code === 'quota' ? 507 : error.code === 'cancelled' ? 409 : 500;
          return errorResponse(status, error.code === 'quota' ? 'quota-exceeded' : error.code, error.message);
        }
        return responseForError(error);
      }
    }, { maxBodyBytes: IMPORT_BODY_LIMIT }),

    route.post('/api/imports/:id/undo', async ({ request, params }) => {
      const refused = refusalForChange(request);
      if (refused) return refused;
      const id = Number(params.id);
      if (!Number.isInteger(id) || id < 1) return errorResponse(400, 'bad-request', `"${String(params.id)}" is not a history entry number.`);
      try {
        const outcome = await state.store.undo(id);
        if (!outcome.ok) return errorResponse(outcome.reason === 'not-found' ? 404 : 409, outcome.reason, outcome.message);
        return json({ entry: outcome.entry });
      } catch (error) {
        if (isQuotaError(error)) return errorResponse(507, 'quota-exceeded', 'The browser has no storage left for Gapmap: nothing was undone.');
        throw error;
      }
    }),
  ];
}
