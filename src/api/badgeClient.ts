// Requests of the badge endpoints: check or commit earned badges as awards, and the remembered
// achievement mapping (its queryOptions under gapmapQueries.all, so any change refreshes it).
import { queryOptions } from '@tanstack/react-query';
import { getJson, postJson, putJson } from './client';
import type { Persona } from './contract';
import {
  achievementMappingsSchema, badgeCommitResponseSchema, type BadgeCommitRequest, type RememberMappingRequest,
} from './badgeContract';
import { gapmapQueries } from './queries';

export const badgeQueries = {
  mappings: (persona: Persona) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'badge-mappings', persona],
      queryFn: ({ signal }) => getJson(achievementMappingsSchema, persona, '/badges/mappings', {}, signal),
    }),
  /** The dry run: what each credential would become. Refreshed with everything (a mapping confirmed, an undo). */
  check: (persona: Persona, request: Omit<BadgeCommitRequest, 'dryRun'>) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'badge-check', persona, request],
      queryFn: () => commitBadges(persona, { ...request, dryRun: true }),
      staleTime: Infinity,
    }),
};

/** Verifies and matches every credential; with dryRun nothing is stored. A refusal arrives as an ApiError. */
export function commitBadges(persona: Persona, request: BadgeCommitRequest) {
  return postJson(badgeCommitResponseSchema, persona, '/badges/commit', request);
}

export function rememberAchievementMapping(persona: Persona, request: RememberMappingRequest) {
  return putJson(achievementMappingsSchema, persona, '/badges/mappings', request);
}
