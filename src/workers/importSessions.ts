// Import sessions of this page: the wizard registers its worker, and POST /api/imports with
// `session` (served in this same page by the standalone API) commits what that worker holds.
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

export function findImportSession(id: string): ImportWorker | undefined {
  return sessions.get(id);
}
