// Import sessions of this page: the wizard registers its worker, and POST /api/imports with
// `session` (answered by the standalone API, which asks this page) commits what that worker holds.
import type { ImportMode } from '../../api/importContract';
import type { ImportResults } from './importProtocol';
import type { ImportWorker } from './importWorkerClient';

const sessions = new Map<string, ImportWorker>();
let counter = 0;

export function registerImportSession(worker: ImportWorker): string {
  const id = `import-${Date.now().toString(36)}-${++counter}`;
  sessions.set(id, worker);
  return id;
}

export function endImportSession(id: string): void {
  sessions.delete(id);
}

/** Commits what an open session's worker holds; undefined when no such session is open in this page. */
export async function commitImportSession(id: string, request: { mode: ImportMode; validRowsOnly: boolean }): Promise<ImportResults['commit'] | undefined> {
  const worker = sessions.get(id);
  return worker ? worker.call({ type: 'commit', mode: request.mode, validRowsOnly: request.validRowsOnly }) : undefined;
}
