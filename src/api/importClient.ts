// Requests of the import endpoints, the history's queryOptions (under gapmapQueries.all, so any
// change refreshes it), and the cross-tab watcher that refreshes every query when another tab,
// the import worker or an undo changes the stored organisation.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { getJson, postJson } from './client';
import type { Persona } from './contract';
import {
  commitResponseSchema, importHistorySchema, ORGANISATION_CHANNEL, undoResponseSchema, type CommitRequest, type OrganisationChangedMessage,
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
