// Requests of the import endpoints, the history's queryOptions (under gapmapQueries.all, so any
// change refreshes it), and the cross-tab watcher that refreshes every query when another tab,
// the import worker or an undo changes the stored organisation.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { deleteJson, getJson, getText, patchJson, postBytes, postJson } from './client';
import type { Persona } from './contract';
import {
  commitResponseSchema, fileSummarySchema, importHistorySchema, importJobSchema, jobCommitResponseSchema, ORGANISATION_CHANNEL, planSummarySchema, undoResponseSchema,
  type CommitRequest, type FileReadOptions, type ImportMode, type OrganisationChangedMessage,
} from './importContract';
import { gapmapQueries } from './queries';

export const importQueries = {
  history: (persona: Persona) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'imports', persona],
      queryFn: ({ signal }) => getJson(importHistorySchema, persona, '/imports', {}, signal),
    }),
};

/** Commits an import (or, with dryRun, only checks it). A refusal arrives as an ApiError (422, 403, 409, 507). */
export function commitImport(persona: Persona, request: CommitRequest) {
  return postJson(commitResponseSchema, persona, '/imports', request);
}

export function undoImport(persona: Persona, id: number) {
  return postJson(undoResponseSchema, persona, `/imports/${id}/undo`);
}

/**
 * Invalidates every Gapmap query when the stored organisation changes in another tab or worker.
 * Call once when the app starts; returns the function that stops watching.
 */
export function watchOrganisationChanges(queryClient: QueryClient): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(ORGANISATION_CHANNEL);
  channel.onmessage = (event: MessageEvent<OrganisationChangedMessage>) => {
    if (event.data?.type === 'organisation-changed') void queryClient.invalidateQueries({ queryKey: gapmapQueries.all });
  };
  return () => channel.close();
}

// ---- import jobs: the wizard uploads each file to the backend, which reads and checks it there.

const jobPath = (job: string) => `/import-jobs/${encodeURIComponent(job)}`;

export const importJobs = {
  create: (persona: Persona) => postJson(importJobSchema, persona, '/import-jobs'),
  addFile: (persona: Persona, job: string, fileName: string, bytes: ArrayBuffer, signal?: AbortSignal) =>
    postBytes(fileSummarySchema, persona, `${jobPath(job)}/files`, { name: fileName }, bytes, signal),
  configure: (persona: Persona, job: string, fileId: string, options: FileReadOptions) =>
    patchJson(fileSummarySchema, persona, `${jobPath(job)}/files/${encodeURIComponent(fileId)}`, { options }),
  removeFile: (persona: Persona, job: string, fileId: string) =>
    deleteJson(z.object({ removed: z.literal(true) }), persona, `${jobPath(job)}/files/${encodeURIComponent(fileId)}`),
  check: (persona: Persona, job: string, mode: ImportMode, signal?: AbortSignal) => postJson(planSummarySchema, persona, `${jobPath(job)}/check`, { mode }, signal),
  commit: (persona: Persona, job: string, mode: ImportMode, validRowsOnly: boolean) =>
    postJson(jobCommitResponseSchema, persona, `${jobPath(job)}/commit`, { mode, validRowsOnly }),
  issuesCsv: (persona: Persona, job: string) => getText(persona, `${jobPath(job)}/issues`),
  cancel: (persona: Persona, job: string) => deleteJson(z.object({ cancelled: z.literal(true) }), persona, jobPath(job)),
};
