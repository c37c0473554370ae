// queryOptions factories of the drill-down lists, a team's gaps in one skill and search (issue 13);
// keys hold everything the request reads, like gapmapQueries (and sit under its key, so a change invalidates them).
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './client';
import type { Persona } from './contract';
import type { Evidence } from './queries';
import {
  criticalGapListSchema, expiringListSchema, overdueGoalListSchema, searchResponseSchema, singlePointOfFailureListSchema, skillGapsSchema,
} from './listContract';

const root = ['gapmap', 'lists'] as const;

export const listQueries = {
  criticalGaps: (persona: Persona, asOf: string, sort: string | undefined, evidence?: Evidence, limit?: number) =>
    queryOptions({
      queryKey: [...root, 'critical-gaps', persona, asOf, sort, evidence, limit],
      queryFn: ({ signal }) => getJson(criticalGapListSchema, persona, '/lists/critical-gaps', { asOf, sort, evidence, limit }, signal),
    }),
  singlePointsOfFailure: (persona: Persona, asOf: string, sort: string | undefined, evidence?: Evidence, limit?: number) =>
    queryOptions({
      queryKey: [...root, 'single-points-of-failure', persona, asOf, sort, evidence, limit],
      queryFn: ({ signal }) => getJson(singlePointOfFailureListSchema, persona, '/lists/single-points-of-failure', { asOf, sort, evidence, limit }, signal),
    }),
  expiring: (persona: Persona, asOf: string, sort: string | undefined, evidence?: Evidence, limit?: number) =>
    queryOptions({
      queryKey: [...root, 'expiring', persona, asOf, sort, evidence, limit],
      queryFn: ({ signal }) => getJson(expiringListSchema, persona, '/lists/expiring', { asOf, sort, evidence, limit }, signal),
    }),
  overdueGoals: (persona: Persona, asOf: string, sort: string | undefined, evidence?: Evidence, limit?: number) =>
    queryOptions({
      queryKey: [...root, 'overdue-goals', persona, asOf, sort, evidence, limit],
      queryFn: ({ signal }) => getJson(overdueGoalListSchema, persona, '/lists/overdue-goals', { asOf, sort, evidence, limit }, signal),
    }),
  skillGaps: (persona: Persona, team: string, skill: string, asOf: string, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...root, 'skill-gaps', persona, team, skill, asOf, evidence],
      queryFn: ({ signal }) => getJson(skillGapsSchema, persona, `/teams/${encodeURIComponent(team)}/skills/${encodeURIComponent(skill)}/gaps`, { asOf, evidence }, signal),
    }),
  search: (persona: Persona, query: string) =>
    queryOptions({
      queryKey: [...root, 'search', persona, query],
      queryFn: ({ signal }) => getJson(searchResponseSchema, persona, '/search', { q: query }, signal),
      staleTime: 30_000,
    }),
};
