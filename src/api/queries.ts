// queryOptions factories, one per resource: keys hold everything the request reads (persona,
// as-of date, evidence filter, scope), so a persona switch or a date change never shows stale data.
import { queryOptions } from '@tanstack/react-query';
import { contractSchemas, getJson, lazySchema } from './client';
import type { ObjectiveView, Persona } from './contract';

const schema = <Name extends keyof Awaited<ReturnType<typeof contractSchemas>>>(name: Name) => lazySchema(contractSchemas, name);

/** `verified`: figures count only verified awards (and assessments); undefined: every award. */
export type Evidence = 'verified';

export const gapmapQueries = {
  all: ['gapmap'] as const,
  session: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'session', persona], queryFn: ({ signal }) => getJson(schema('sessionSchema'), persona, '/session', {}, signal) }),
  overview: (persona: Persona, asOf: string | undefined, team: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'overview', persona, asOf, team, evidence],
      queryFn: ({ signal }) => getJson(schema('overviewSchema'), persona, '/overview', { asOf, team, evidence }, signal),
    }),
  teams: (persona: Persona, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'teams', persona, asOf, evidence], queryFn: ({ signal }) => getJson(schema('teamListSchema'), persona, '/teams', { asOf, evidence }, signal) }),
  team: (persona: Persona, team: string, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'team', persona, team, asOf, evidence],
      queryFn: ({ signal }) => getJson(schema('teamDetailSchema'), persona, `/teams/${encodeURIComponent(team)}`, { asOf, evidence }, signal),
    }),
  employees: (persona: Persona, team: string | undefined) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'employees', persona, team],
      queryFn: ({ signal }) => getJson(schema('employeeListSchema'), persona, '/employees', { team }, signal),
    }),
  employee: (persona: Persona, id: string, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'employee', persona, id, asOf, evidence],
      queryFn: ({ signal }) => getJson(schema('employeeDetailSchema'), persona, `/employees/${encodeURIComponent(id)}`, { asOf, evidence }, signal),
    }),
  goals: (persona: Persona, asOf: string | undefined, team: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'goals', persona, asOf, team, evidence],
      queryFn: ({ signal }) => getJson(schema('goalListSchema'), persona, '/goals', { asOf, team, evidence }, signal),
    }),
  catalog: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'catalog', persona], queryFn: ({ signal }) => getJson(schema('catalogSchema'), persona, '/catalog', {}, signal) }),
  roles: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'roles', persona], queryFn: ({ signal }) => getJson(schema('rolesSchema'), persona, '/roles', {}, signal) }),
  orgHeatmap: (persona: Persona, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'heatmap', 'org', persona, asOf, evidence],
      queryFn: ({ signal }) => getJson(schema('orgHeatmapSchema'), persona, '/heatmap/org', { asOf, evidence }, signal),
    }),
  teamHeatmap: (persona: Persona, team: string, asOf: string | undefined, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'heatmap', 'team', persona, team, asOf, evidence],
      queryFn: ({ signal }) => getJson(schema('teamHeatmapSchema'), persona, `/heatmap/team/${encodeURIComponent(team)}`, { asOf, evidence }, signal),
    }),
  pathway: (persona: Persona, employeeId: string, asOf: string | undefined, objective: ObjectiveView, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'pathway', persona, employeeId, asOf, objective, evidence],
      queryFn: ({ signal }) => getJson(schema('pathwaySchema'), persona, `/employees/${encodeURIComponent(employeeId)}/pathway`, { asOf, objective, evidence }, signal),
    }),
  cohorts: (persona: Persona, team: string, asOf: string | undefined, objective: ObjectiveView, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'cohorts', persona, team, asOf, objective, evidence],
      queryFn: ({ signal }) => getJson(schema('cohortsSchema'), persona, `/teams/${encodeURIComponent(team)}/cohorts`, { asOf, objective, evidence }, signal),
    }),
  budget: (persona: Persona, team: string, asOf: string | undefined, objective: ObjectiveView, budget: number, evidence?: Evidence) =>
    queryOptions({
      queryKey: [...gapmapQueries.all, 'budget', persona, team, asOf, objective, budget, evidence],
      queryFn: ({ signal }) => getJson(schema('budgetPlanSchema'), persona, `/teams/${encodeURIComponent(team)}/budget`, { asOf, objective, budget, evidence }, signal),
    }),
  whatIf: (persona: Persona) =>
    queryOptions({ queryKey: [...gapmapQueries.all, 'whatif', persona], queryFn: ({ signal }) => getJson(schema('whatIfStatusSchema'), persona, '/whatif', {}, signal) }),
};
