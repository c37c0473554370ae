// The /api of SPEC §8, served in the browser by the msw worker and in tests by msw/node.
// Handlers stay thin: read the request, check the persona's scope, call the domain, respond.
import { http, HttpResponse } from 'msw';
import { gapReportLong, gapReportTeam, teamsOf, type EngineOrganisation, type Scope } from '../src/domain/engine';
import { gapLongCsv, gapTeamCsv } from '../src/domain/csv';
import { isIsoDate } from '../src/domain/dates';
import type { IsoDate } from '../src/domain/schema';
import { decodePersona, PERSONA_HEADER, type ApiErrorBody, type Persona } from '../src/api/contract';
import type { OrganisationState } from './organisationState';
import { createImportHandlers } from './importHandlers';
import {
  employeeDetailResponse,
  employeeListResponse,
  goalListResponse,
  orgHeatmapResponse,
  overviewResponse,
  teamDetailResponse,
  teamHeatmapResponse,
  teamListResponse,
} from './responses';

function errorResponse(status: number, error: string, message: string) {
  return HttpResponse.json<ApiErrorBody>({ error, message }, { status });
}

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function personaOf(request: Request): Persona {
  const persona = decodePersona(request.headers.get(PERSONA_HEADER));
  if (!persona) throw new RequestRefused(400, 'bad-persona', `Unknown persona "${request.headers.get(PERSONA_HEADER)}".`);
  return persona;
}

/** The teams a persona may see: a manager only their own. */
function visibleTeams(eo: EngineOrganisation, persona: Persona): string[] {
  const all = teamsOf(eo);
  return persona.kind === 'manager' ? all.filter((team) => team === persona.team) : all;
}

function assertMaySeeTeam(persona: Persona, team: string) {
  if (persona.kind === 'manager' && persona.team !== team) {
    throw new RequestRefused(403, 'forbidden', `A manager of ${persona.team} cannot see the team ${team}.`);
  }
}

function assertMayChangeData(persona: Persona) {
  if (persona.kind !== 'lnd') throw new RequestRefused(403, 'forbidden', 'Only the L&D manager can change the organisation data.');
}

function asOfOf(request: Request, state: OrganisationState): IsoDate {
  const asOf = new URL(request.url).searchParams.get('asOf');
  if (asOf === null || asOf === '') return state.today();
  if (!isIsoDate(asOf)) throw new RequestRefused(400, 'bad-date', `asOf must be a date as YYYY-MM-DD, not "${asOf}".`);
  return asOf;
}

function scopeOf(request: Request, eo: EngineOrganisation, persona: Persona): { scope: Scope | undefined; label: string } {
  const team = new URL(request.url).searchParams.get('team');
  if (team) {
    assertMaySeeTeam(persona, team);
    return { scope: { teams: [team] }, label: team };
  }
  if (persona.kind === 'manager') return { scope: { teams: visibleTeams(eo, persona) }, label: persona.team };
  return { scope: undefined, label: 'Whole organisation' };
}

type Handler = (args: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => Promise<Response>;

/** Wraps a handler so refusals become typed error responses, never an unhandled exception. */
function guarded(handler: Handler): Handler {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof RequestRefused) return errorResponse(error.status, error.code, error.message);
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof DOMException && error.name === 'QuotaExceededError') {
        return errorResponse(507, 'quota-exceeded', 'The browser has no storage left for Gapmap. Nothing was changed. Free some disk space or clear other sites\u2019 data, then try again.');
      }
      return errorResponse(500, 'internal', message);
    }
  };
}

function param(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? decodeURIComponent(value) : '';
}

export function createHandlers(state: OrganisationState) {
  return [
    http.get('/api/session', guarded(async ({ request }) => {
      const eo = await state.current();
      const persona = personaOf(request);
      const { org } = eo;
      return HttpResponse.json({
        asOf: asOfOf(request, state),
        organisationName: 'Northwind Group (demo)',
        teams: visibleTeams(eo, persona),
        counts: {
          employees: org.employees.length,
          teams: teamsOf(eo).length,
          skills: org.skills.length,
          credentials: org.credentials.length,
          awards: org.awards.length,
        },
      });
    })),

    http.get('/api/overview', guarded(async ({ request }) => {
      const eo = await state.current();
      const persona = personaOf(request);
      const { scope, label } = scopeOf(request, eo, persona);
      return HttpResponse.json(overviewResponse(eo, asOfOf(request, state), scope, label));
    })),

    http.get('/api/teams', guarded(async ({ request }) => {
      const eo = await state.current();
      return HttpResponse.json(teamListResponse(eo, asOfOf(request, state), visibleTeams(eo, personaOf(request))));
    })),

    http.get('/api/teams/:team', guarded(async ({ request, params }) => {
      const eo = await state.current();
      const team = param(params.team);
      assertMaySeeTeam(personaOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      return HttpResponse.json(teamDetailResponse(eo, team, asOfOf(request, state)));
    })),

    http.get('/api/employees', guarded(async ({ request }) => {
      const eo = await state.current();
      const persona = personaOf(request);
      const { scope } = scopeOf(request, eo, persona);
      return HttpResponse.json(employeeListResponse(eo, scope?.teams));
    })),

    http.get('/api/employees/:id', guarded(async ({ request, params }) => {
      const eo = await state.current();
      const id = param(params.id);
      const employee = eo.org.employees.find((candidate) => candidate.id === id);
      if (!employee) return errorResponse(404, 'not-found', `There is no employee with id ${id}.`);
      assertMaySeeTeam(personaOf(request), employee.team);
      return HttpResponse.json(employeeDetailResponse(eo, id, asOfOf(request, state)));
    })),

    http.get('/api/goals', guarded(async ({ request }) => {
      const eo = await state.current();
      const { scope } = scopeOf(request, eo, personaOf(request));
      return HttpResponse.json(goalListResponse(eo, asOfOf(request, state), scope));
    })),

    http.get('/api/catalog', guarded(async () => {
      const { org } = await state.current();
      return HttpResponse.json({ credentials: org.credentials, skills: org.skills });
    })),

    http.get('/api/roles', guarded(async () => {
      const { org } = await state.current();
      const headcount = new Map<string, number>();
      for (const employee of org.employees) headcount.set(employee.role, (headcount.get(employee.role) ?? 0) + 1);
      return HttpResponse.json({ roles: org.roles.map((role) => ({ ...role, employees: headcount.get(role.id) ?? 0 })), skills: org.skills });
    })),

    http.get('/api/heatmap/org', guarded(async ({ request }) => {
      const eo = await state.current();
      return HttpResponse.json(orgHeatmapResponse(eo, asOfOf(request, state), visibleTeams(eo, personaOf(request))));
    })),

    http.get('/api/heatmap/team/:team', guarded(async ({ request, params }) => {
      const eo = await state.current();
      const team = param(params.team);
      assertMaySeeTeam(personaOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      return HttpResponse.json(teamHeatmapResponse(eo, team, asOfOf(request, state)));
    })),

    http.get('/api/reports/gaps', guarded(async ({ request }) => {
      const eo = await state.current();
      const url = new URL(request.url);
      const { scope } = scopeOf(request, eo, personaOf(request));
      const asOf = asOfOf(request, state);
      const options = { bom: url.searchParams.get('bom') === '1', delimiter: url.searchParams.get('delimiter') === ';' ? (';' as const) : (',' as const) };
      const format = url.searchParams.get('format') ?? 'long';
      if (format !== 'long' && format !== 'team') throw new RequestRefused(400, 'bad-format', `format must be long or team, not "${format}".`);
      const csv = format === 'long' ? gapLongCsv(gapReportLong(eo, asOf, scope), options) : gapTeamCsv(gapReportTeam(eo, asOf, scope), options);
      return new HttpResponse(csv, {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="gap-report-${format}-${asOf}.csv"` },
      });
    })),

    http.post('/api/demo/reset', guarded(async ({ request }) => {
      assertMayChangeData(personaOf(request));
      const eo = await state.resetToDemo();
      return HttpResponse.json({ ok: true as const, employees: eo.org.employees.length });
    })),
    ...createImportHandlers(state),
  ];
}
