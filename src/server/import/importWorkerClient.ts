// The page's handle on one import worker: typed requests answered by promises, progress as
// callbacks, and cancel = terminate (an unfinished IndexedDB transaction dies with the worker).
import type { ImportPhase, ImportRequest, ImportResponse, ImportResults } from './importProtocol';

export class ImportWorkerError extends Error {
  constructor(
    readonly code: 'refused' | 'quota' | 'stale' | 'failed' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'ImportWorkerError';
  }
}

export interface ImportProgress {
  phase: ImportPhase;
  fileName?: string;
  step: number;
  steps: number;
}

export interface ImportWorker {
  call<K extends ImportRequest['type']>(request: Extract<ImportRequest, { type: K }>, transfer?: Transferable[]): Promise<ImportResults[K]>;
  onProgress(listener: (progress: ImportProgress) => void): () => void;
  /** Cancels whatever runs: pending calls reject with code 'cancelled'. */
  terminate(): void;
}

export function startImportWorker(): ImportWorker {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'gapmap-import' });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(progress: ImportProgress) => void>();
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    const message = event.data;
    if (message.requestId === null) {
      for (const listener of listeners) listener(message.progress);
      return;
    }
    const waiting = pending.get(message.requestId);
    if (!waiting) return;
    pending.delete(message.requestId);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new ImportWorkerError(message.code, message.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new ImportWorkerError('failed', event.message || 'The import worker stopped.'));
    pending.clear();
  };
  return {
    call(request, transfer = []) {
      const requestId = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ requestId, request }, transfer);
      });
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate() {
      worker.terminate();
      for (const waiting of pending.values()) waiting.reject(new ImportWorkerError('cancelled', 'The import was cancelled: nothing was stored.'));
      pending.clear();
    },
  };
}
