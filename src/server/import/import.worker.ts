/// <reference lib="webworker" />
// The import worker (SPEC §4 large files): reads, validates and assembles the files off the main
// thread, keeps the records here, and commits the result itself in one IndexedDB transaction, so
// a million awards are never cloned across to the page.
import type { ParsedFile } from '../../domain/csv';
import type { Organisation } from '../../domain/schema';
import type { FileReadOptions, ImportMode } from '../../api/importContract';
import {
  ISSUES_SHOWN, commitRefusal, historyEntryOf, issuesCsv, planImport, previewOf, readImportFile, summariseFile, type ImportPlan,
} from './importPipeline';
import {
  StaleRevisionError, announceChange, commitChange, encodeOrganisation, openOrganisationDatabase, readOrganisation, readRevision, withWriteLock,
} from '../store/organisationDatabase';
import type { ImportPhase, ImportRequest, ImportResponse, ImportResults, PlanSummary } from './importProtocol';

declare const self: DedicatedWorkerGlobalScope;

interface HeldFile {
  fileName: string;
  bytes: Uint8Array;
  options: FileReadOptions;
  parsed: ParsedFile;
}

const files = new Map<string, HeldFile>();
let database: Promise<IDBDatabase> | undefined;
let base: { organisation: Organisation | undefined; revision: number } | undefined;
let plan: { plan: ImportPlan; key: string } | undefined;

const today = () => new Date().toISOString().slice(0, 10);
const db = () => (database ??= openOrganisationDatabase());

function progress(phase: ImportPhase, step: number, steps: number, fileName?: string): void {
  const message: ImportResponse = { requestId: null, progress: { phase, step, steps, ...(fileName ? { fileName } : {}) } };
  self.postMessage(message);
}

function read(id: string, held: Omit<HeldFile, 'parsed'>) {
  const started = performance.now();
  const parsed = readImportFile({ fileName: held.fileName, bytes: held.bytes, options: held.options }, today());
  files.set(id, { ...held, parsed });
  plan = undefined;
  return { id, ...summariseFile(parsed), readMs: Math.round(performance.now() - started) };
}

async function currentBase() {
  const revision = await readRevision(await db());
  if (!base || base.revision !== revision) {
    const stored = await readOrganisation(await db());
    base = { organisation: stored?.organisation, revision: stored?.revision ?? 0 };
  }
  return base;
}

const planKey = (mode: ImportMode, revision: number) => `${mode}:${revision}:${[...files.keys()].join('|')}`;

async function ensurePlan(mode: ImportMode): Promise<{ plan: ImportPlan; checkMs: number }> {
  const started = performance.now();
  const stored = await currentBase();
  const key = planKey(mode, stored.revision);
  if (plan?.key !== key) {
    progress('checking', 1, 1);
    plan = { plan: planImport([...files.values()].map((file) => file.parsed), stored.organisation, stored.revision, mode), key };
  }
  return { plan: plan.plan, checkMs: Math.round(performance.now() - started) };
}

async function check(mode: ImportMode): Promise<PlanSummary> {
  const { plan: current, checkMs } = await ensurePlan(mode);
  return {
    mode,
    errors: current.errors,
    warnings: current.warnings,
    issues: current.issues.slice(0, ISSUES_SHOWN),
    counts: current.counts,
    preview: previewOf(current, base?.organisation),
    refusal: commitRefusal(current, false),
    refusalWithValidRowsOnly: commitRefusal(current, true),
    checkMs,
  };
}

class Refused extends Error {}

async function commit(mode: ImportMode, validRowsOnly: boolean): Promise<ImportResults['commit']> {
  const database = await db();
  // The lock keeps another tab from committing between our check and our write.
  const result = await withWriteLock(async () => {
    const { plan: current, checkMs } = await ensurePlan(mode);
    const refusal = commitRefusal(current, validRowsOnly);
    if (refusal) throw new Refused(refusal);
    const started = performance.now();
    progress('committing', 1, 1);
    const encoded = encodeOrganisation(current.changes);
    const stored = await commitChange(database, encoded, historyEntryOf(current, validRowsOnly), { expectedRevision: current.baseRevision });
    base = { organisation: { ...(base?.organisation ?? current.organisation), ...current.changes } as Organisation, revision: stored.revision };
    plan = undefined;
    return { entry: stored.entry!, revision: stored.revision, commitMs: Math.round(performance.now() - started), checkMs };
  });
  announceChange(result.revision);
  return result;
}

async function handle(request: ImportRequest): Promise<unknown> {
  switch (request.type) {
    case 'add': {
      const summaries: ImportResults['add']['files'] = [];
      request.files.forEach((file, index) => {
        progress('reading', index + 1, request.files.length, file.fileName);
        summaries.push(read(file.id, { fileName: file.fileName, bytes: new Uint8Array(file.bytes), options: {} }));
      });
      return { files: summaries } satisfies ImportResults['add'];
    }
    case 'configure': {
      const held = files.get(request.id);
      if (!held) throw new Error(`No file ${request.id} in this import`);
      progress('reading', 1, 1, held.fileName);
      return read(request.id, { fileName: held.fileName, bytes: held.bytes, options: request.options }) satisfies ImportResults['configure'];
    }
    case 'remove':
      files.delete(request.id);
      plan = undefined;
      return { removed: true } satisfies ImportResults['remove'];
    case 'check':
      return check(request.mode);
    case 'commit':
      return commit(request.mode, request.validRowsOnly);
    case 'issues-csv': {
      const current = plan?.plan;
      const issues = current ? current.issues : [...files.values()].flatMap((file) => file.parsed.issues);
      return { text: issuesCsv(issues) } satisfies ImportResults['issues-csv'];
    }
  }
}

self.onmessage = async (event: MessageEvent<{ requestId: number; request: ImportRequest }>) => {
  const { requestId, request } = event.data;
  let response: ImportResponse;
  try {
    response = { requestId, ok: true, result: await handle(request) };
  } catch (error) {
    const name = error instanceof DOMException || error instanceof Error ? error.name : '';
    if (error instanceof Refused) response = { requestId, ok: false, code: 'refused', message: error.message };
    else if (error instanceof StaleRevisionError) response = { requestId, ok: false, code: 'stale', message: error.message };
    else if (name === 'QuotaExceededError') {
      response = {
        requestId, ok: false, code: 'quota',
        message: 'The browser has no storage left for Gapmap, so nothing was imported and the stored data is unchanged. Free some disk space or clear other sites’ data, then try again.',
      };
    } else response = { requestId, ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
