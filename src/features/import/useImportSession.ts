// The wizard's state: one import job on the backend per import, the files uploaded to it, the
// check of the whole import against the stored data, cancel (the request stops and the job is
// dropped: nothing is stored) and the commit. The page only sends bytes and shows summaries.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Persona } from '../../api/contract';
import type { FileReadOptions, FileSummary, ImportMode, PlanSummary } from '../../api/importContract';
import { importJobs } from '../../api/importClient';

export type SessionFile = FileSummary;

export interface Busy {
  label: string;
  startedAt: number;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function useImportSession(persona: Persona) {
  const jobRef = useRef<Promise<string> | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [files, setFiles] = useState<SessionFile[]>([]);
  const [mode, setModeState] = useState<ImportMode>('replace');
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);

  const job = useCallback(() => {
    jobRef.current ??= importJobs.create(persona).then((created) => created.id);
    jobRef.current.catch(() => (jobRef.current = null));
    return jobRef.current;
  }, [persona]);

  /** Drops the job on the backend (its files and what it read); nothing was stored. */
  const dropJob = useCallback(() => {
    const current = jobRef.current;
    jobRef.current = null;
    if (current) void current.then((id) => importJobs.cancel(persona, id)).catch(() => undefined);
  }, [persona]);

  useEffect(() => dropJob, [dropJob]);

  /** Runs one step with the progress shown; a cancelled step is not an error. */
  const run = useCallback(async <T,>(label: string, step: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy({ label, startedAt: performance.now() });
    setError(null);
    try {
      return await step(controller.signal);
    } catch (caught) {
      if (!isAbort(caught)) setError(caught instanceof Error ? caught.message : String(caught));
      return undefined;
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setBusy(null);
    }
  }, []);

  const check = useCallback(async (nextMode: ImportMode) => {
    const summary = await run('Checking the import against the stored data', async (signal) => importJobs.check(persona, await job(), nextMode, signal));
    if (summary) setPlan(summary);
  }, [job, persona, run]);

  const addFiles = useCallback(async (picked: readonly File[]) => {
    if (picked.length === 0) return;
    const added = await run(`Reading ${picked.length === 1 ? picked[0]!.name : `${picked.length} files`}`, async (signal) => {
      const id = await job();
      const summaries: SessionFile[] = [];
      for (const file of picked) summaries.push(await importJobs.addFile(persona, id, file.name, await file.arrayBuffer(), signal));
      return summaries;
    });
    if (!added) return;
    setFiles((current) => [...current, ...added]);
    await check(mode);
  }, [check, job, mode, persona, run]);

  const configure = useCallback(async (id: string, options: FileReadOptions) => {
    const file = files.find((candidate) => candidate.id === id);
    const summary = await run(`Reading ${file?.fileName ?? 'the file'} again`, async () => importJobs.configure(persona, await job(), id, options));
    if (!summary) return;
    setFiles((current) => current.map((candidate) => (candidate.id === id ? summary : candidate)));
    await check(mode);
  }, [check, files, job, mode, persona, run]);

  const remove = useCallback(async (id: string) => {
    await run('Removing the file', async () => importJobs.removeFile(persona, await job(), id));
    const left = files.filter((file) => file.id !== id);
    setFiles(left);
    if (left.length > 0) await check(mode);
    else setPlan(null);
  }, [check, files, job, mode, persona, run]);

  const setMode = useCallback(async (next: ImportMode) => {
    setModeState(next);
    if (files.length > 0) await check(next);
  }, [check, files.length]);

  /** Cancel: the request in flight stops, the job is dropped; nothing was stored. */
  const cancel = useCallback(() => {
    abortRef.current?.abort();
    dropJob();
    setFiles([]);
    setPlan(null);
    setBusy(null);
    setError('Cancelled: nothing was stored. Pick the files again to start over.');
  }, [dropJob]);

  /** After a commit: the job is gone on the backend; the next import starts a new one. */
  const reset = useCallback(() => {
    jobRef.current = null;
    setFiles([]);
    setPlan(null);
  }, []);

  const commit = useCallback(async (validRowsOnly: boolean) => importJobs.commit(persona, await job(), mode, validRowsOnly), [job, mode, persona]);

  const issuesCsv = useCallback(async () => importJobs.issuesCsv(persona, await job()), [job, persona]);

  return { files, mode, plan, busy, error, setError, addFiles, configure, remove, setMode, cancel, reset, issuesCsv, commit, run };
}

export type ImportSession = ReturnType<typeof useImportSession>;
