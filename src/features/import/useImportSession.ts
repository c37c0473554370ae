// The wizard's state: one import worker per import, the files it read, the check of the whole
// import against the stored data, progress, cancel (= terminate the worker) and the commit.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileReadOptions, ImportMode } from '../../api/importContract';
import type { FileSummary } from '../../server/import/importPipeline';
import type { PlanSummary } from '../../server/import/importProtocol';
import { startImportWorker, ImportWorkerError, type ImportProgress, type ImportWorker } from '../../server/import/importWorkerClient';
import { endImportSession, registerImportSession } from '../../server/import/importSessions';

export interface SessionFile extends FileSummary {
  id: string;
  options: FileReadOptions;
  readMs: number;
  size: number;
}

export interface Busy extends Partial<ImportProgress> {
  label: string;
  startedAt: number;
}

let fileCounter = 0;

export function useImportSession() {
  const workerRef = useRef<{ worker: ImportWorker; session: string } | null>(null);
  const [files, setFiles] = useState<SessionFile[]>([]);
  const [mode, setModeState] = useState<ImportMode>('replace');
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);

  const worker = useCallback(() => {
    if (!workerRef.current) {
      const started = startImportWorker();
      started.onProgress((progress) => setBusy((current) => (current ? { ...current, ...progress } : current)));
      workerRef.current = { worker: started, session: registerImportSession(started) };
    }
    return workerRef.current;
  }, []);

  const stopWorker = useCallback(() => {
    const current = workerRef.current;
    if (!current) return;
    endImportSession(current.session);
    current.worker.terminate();
    workerRef.current = null;
  }, []);

  useEffect(() => stopWorker, [stopWorker]);

  /** Runs one step with the progress shown; a cancelled step is not an error. */
  const run = useCallback(async <T,>(label: string, step: () => Promise<T>): Promise<T | undefined> => {
    setBusy({ label, startedAt: performance.now() });
    setError(null);
    try {
      return await step();
    } catch (caught) {
      if (!(caught instanceof ImportWorkerError && caught.code === 'cancelled')) setError(caught instanceof Error ? caught.message : String(caught));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);

  const check = useCallback(async (nextMode: ImportMode) => {
    const summary = await run('Checking the import against the stored data', () => worker().worker.call({ type: 'check', mode: nextMode }));
    if (summary) setPlan(summary);
  }, [run, worker]);

  const addFiles = useCallback(async (picked: readonly File[]) => {
    if (picked.length === 0) return;
    const result = await run(`Reading ${picked.length === 1 ? picked[0]!.name : `${picked.length} files`}`, async () => {
      const inputs = await Promise.all(picked.map(async (file) => ({ id: `f${++fileCounter}`, fileName: file.name, bytes: await file.arrayBuffer(), size: file.size })));
      const read = await worker().worker.call(
        { type: 'add', files: inputs.map(({ id, fileName, bytes }) => ({ id, fileName, bytes })) },
        inputs.map((input) => input.bytes),
      );
      return read.files.map((summary, index): SessionFile => ({ ...summary, options: {}, size: inputs[index]?.size ?? 0 }));
    });
    if (!result) return;
    setFiles((current) => [...current, ...result]);
    await check(mode);
  }, [check, mode, run, worker]);

  const configure = useCallback(async (id: string, options: FileReadOptions) => {
    const file = files.find((candidate) => candidate.id === id);
    const summary = await run(`Reading ${file?.fileName ?? 'the file'} again`, () => worker().worker.call({ type: 'configure', id, options }));
    if (!summary) return;
    setFiles((current) => current.map((candidate) => (candidate.id === id ? { ...candidate, ...summary, options } : candidate)));
    await check(mode);
  }, [check, files, mode, run, worker]);

  const remove = useCallback(async (id: string) => {
    await run('Removing the file', () => worker().worker.call({ type: 'remove', id }));
    const left = files.filter((file) => file.id !== id);
    setFiles(left);
    if (left.length > 0) await check(mode);
    else setPlan(null);
  }, [check, files, mode, run, worker]);

  const setMode = useCallback(async (next: ImportMode) => {
    setModeState(next);
    if (files.length > 0) await check(next);
  }, [check, files.length]);

  /** Cancel: the worker and whatever it was doing end; nothing was stored. */
  const cancel = useCallback(() => {
    stopWorker();
    setFiles([]);
    setPlan(null);
    setBusy(null);
    setError('Cancelled: nothing was stored. Pick the files again to start over.');
  }, [stopWorker]);

  /** After a commit: a fresh worker for the next import. */
  const reset = useCallback(() => {
    stopWorker();
    setFiles([]);
    setPlan(null);
  }, [stopWorker]);

  const issuesCsv = useCallback(() => worker().worker.call({ type: 'issues-csv' }), [worker]);

  return {
    files, mode, plan, busy, error, setError, addFiles, configure, remove, setMode, cancel, reset, issuesCsv, run,
    session: () => worker().session,
  };
}

export type ImportSession = ReturnType<typeof useImportSession>;
