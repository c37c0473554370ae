// queryOptions factories, one per resource: keys hold everything the request reads (persona,
// as-of date, evidence filter, scope), so a persona switch or a date change never shows stale data.
import { queryOptions } from '@tanstack/react-query';
import { getJson, postQuery } from './client';
import { isServerHost, signedInSession } from './access';
import { draftInAddress } from './scenario';
import { decodeOrgHeatmap } from './heatmapCells';
import {
  budgetPlanSchema,
  catalogSchema,
  cohortsSchema,
  pathwaySchema,
  planSummarySchema,
  employeeDetailSchema,
  employeeListSchema,
  goalListSchema,
  orgHeatmapSchema,
  overviewSchema,
  rolesSchema,
  sessionSchema,
  teamDetailSchema,
  teamHeatmapSchema,
  teamListSchema,
  whatIfStatusSchema,
  type ObjectiveView,
  type Persona,
  type PlanRequest,
} from './contract';

/**
 * `verified`: figures count only verified awards, and assessments; `credentials`: only verified
 * awards (no assessments); undefined: every award and assessment.
 */
export type Evidence = 'verified' | 'credentials';

export const gapmapQueries = {
  /** Every query's key starts with this: the draft the address names keeps its figures apart. */
  get all() {
    return ['gapmap', draftInAddress() ?? 'stored'] as const;
  },
  /** Prefix of every query whatever the draft: what a change to the stored data invalidates. */
  everything: ['gapmap'] as const,
  session: (persona: Persona) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'session', persona],
      // On a server, with no what-if draft open, the same request as the sign-in gate's, asked once.
      queryFn: ({ signal, client }) => (isServerHost() && !draftInAddress() ? signedInSession(client) : getJson(sessionSchema, persona, '/session', {}, signal)),
    }),
  overview: (persona: Persona, asOf: string | undefined, team: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'overview', persona, asOf, team, evidence],
      queryFn: ({ signal }) => getJson(overviewSchema, persona, '/overview', { asOf, team, evidence }, signal),
    }),
  teams: (persona: Persona, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'teams', persona, asOf, evidence], queryFn: ({ signal }) => getJson(teamListSchema, persona, '/teams', { asOf, evidence }, signal) }),
  team: (persona: Persona, team: string, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'team', persona, team, asOf, evidence],
      queryFn: ({ signal }) => getJson(teamDetailSchema, persona, `/teams/${encodeURIComponent(team)}`, { asOf, evidence }, signal),
    }),
  employees: (persona: Persona, team: string | undefined) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'employees', persona, team],
      queryFn: ({ signal }) => getJson(employeeListSchema, persona, '/employees', { team }, signal),
    }),
  employee: (persona: Persona, id: string, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'employee', persona, id, asOf, evidence],
      queryFn: ({ signal }) => getJson(employeeDetailSchema, persona, `/employees/${encodeURIComponent(id)}`, { asOf, evidence }, signal),
    }),
  /** `list`: the status, words and sort (`column.asc|desc`) of the goals wanted, the first `limit` of them (the counts cover every goal). */
  goals: (persona: Persona, asOf: string | undefined, team: string | undefined, evidence?: Evidence, list: { status?: string; find?: string; sort?: string; limit?: number } = {}) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'goals', persona, asOf, team, evidence, list],
      queryFn: ({ signal }) => getJson(goalListSchema, persona, '/goals', { asOf, team, evidence, ...list }, signal),
    }),
  catalog: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'catalog', persona], queryFn: ({ signal }) => getJson(catalogSchema, persona, '/catalog', {}, signal) }),
  roles: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'roles', persona], queryFn: ({ signal }) => getJson(rolesSchema, persona, '/roles', {}, signal) }),
  orgHeatmap: (persona: Persona, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'heatmap', 'org', persona, asOf, evidence],
      // Decoded once here, so the cache holds typed arrays and a revisit decodes nothing.
      queryFn: async ({ signal }) => decodeOrgHeatmap(await getJson(orgHeatmapSchema, persona, '/heatmap/org', { asOf, evidence }, signal)),
      // Typed arrays are never "equal" to the previous answer's: comparing would only cost time.
      structuralSharing: false,
    }),
  teamHeatmap: (persona: Persona, team: string, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'heatmap', 'team', persona, team, asOf, evidence],
      queryFn: ({ signal }) => getJson(teamHeatmapSchema, persona, `/heatmap/team/${encodeURIComponent(team)}`, { asOf, evidence }, signal),
    }),
  pathway: (persona: Persona, employeeId: string, asOf: string | undefined, objective: ObjectiveView, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'pathway', persona, employeeId, asOf, objective, evidence],
      queryFn: ({ signal }) => getJson(pathwaySchema, persona, `/employees/${encodeURIComponent(employeeId)}/pathway`, { asOf, objective, evidence }, signal),
    }),
  cohorts: (persona: Persona, team: string, asOf: string | undefined, objective: ObjectiveView, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'cohorts', persona, team, asOf, objective, evidence],
      queryFn: ({ signal }) => getJson(cohortsSchema, persona, `/teams/${encodeURIComponent(team)}/cohorts`, { asOf, objective, evidence }, signal),
    }),
  budget: (persona: Persona, team: string, asOf: string | undefined, objective: ObjectiveView, budget: number, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'budget', persona, team, asOf, objective, budget, evidence],
      queryFn: ({ signal }) => getJson(budgetPlanSchema, persona, `/teams/${encodeURIComponent(team)}/budget`, { asOf, objective, budget, evidence }, signal),
    }),
  /** The training plan the page keeps, priced and totalled by the backend. */
  planSummary: (persona: Persona, plan: PlanRequest, planKey: string, asOf: string | undefined, evidence?: Evidence) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- `planKey` is `plan` as one string (JSON.stringify, memoised by the caller): cheaper to hash on every render than thousands of lines
    queryOptions({
      queryKey: [...gapmapQueries.all, 'plan', persona, asOf, evidence, planKey],
      queryFn: ({ signal }) => postQuery(planSummarySchema, persona, '/plan/summary', { asOf, evidence }, plan, signal),
    }),
  whatIf: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'whatif', persona], queryFn: ({ signal }) => getJson(whatIfStatusSchema, persona, '/whatif', {}, signal) }),
};
