// The /api of SPEC §8, served in the browser by msw's getResponse in the API worker (mocks/api.worker.ts) and in tests by msw/node.
// Handlers stay thin: read the request, check the persona's scope, call the domain, respond.
import { http, HttpResponse } from 'msw';
import { gapReportLong, gapReportTeam, teamsOf, type EngineOrganisation } from '../src/domain/engine';
import type { EmployeeDetail } from '../src/api/contract';
import { gapLongCsv, gapTeamCsv } from '../src/domain/csv';
import type { OrganisationState } from './organisationState';
import { asOfOf, assertMayChangeData, assertMaySeeTeam, csvOptionsOf, csvResponse, errorResponse, guarded, param, personaOf, RequestRefused, scopeOf, viewOf, visibleTeams } from './requestContext';
import { createGoalHandlers } from './goalHandlers';
import { createRecommendHandlers } from './recommendHandlers';
import { createWhatIfHandlers } from './whatIfHandlers';
import { withWhatIf } from './whatIf';
import { createImportHandlers, type CommitImportSession } from './importHandlers';
import { createBadgeHandlers } from './badgeHandlers';
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

/** Each held award with the reason of its verification status (SPEC §7 Employee: verified / failed, why). */
function withVerificationReasons(eo: EngineOrganisation, detail: EmployeeDetail | undefined): EmployeeDetail | undefined {
  if (!detail) return detail;
  const own = eo.org.awards.filter((award) => award.employee === detail.employee.id);
  return {
    ...detail,
    held: detail.held.map((item) => {
      if (item.via !== 'award' || item.verificationReason !== undefined) return item;
      const award = own.find((candidate) => candidate.credential === item.credentialId && candidate.issuedOn === item.issuedOn);
      return award?.verificationReason ? { ...item, verificationReason: award.verificationReason } : item;
    }),
  };
}

export interface HandlerOptions {
  /** How POST /api/imports reaches the page's import sessions (default: the sessions of this context). */
  commitImportSession?: CommitImportSession;
}

export function createHandlers(storedState: OrganisationState, options: HandlerOptions = {}) {
  // Every view computes on the what-if scenario while one is open.
  const state = withWhatIf(storedState);
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
      const eo = await viewOf(request, state);
      const persona = personaOf(request);
      const { scope, label } = scopeOf(request, eo, persona);
      return HttpResponse.json(overviewResponse(eo, asOfOf(request, state), scope, label));
    })),

    http.get('/api/teams', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      return HttpResponse.json(teamListResponse(eo, asOfOf(request, state), visibleTeams(eo, personaOf(request))));
    })),

    http.get('/api/teams/:team', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const team = param(params.team);
      assertMaySeeTeam(personaOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      return HttpResponse.json(teamDetailResponse(eo, team, asOfOf(request, state)));
    })),

    http.get('/api/employees', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const persona = personaOf(request);
      const { scope } = scopeOf(request, eo, persona);
      return HttpResponse.json(employeeListResponse(eo, scope?.teams));
    })),

    http.get('/api/employees/:id', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const id = param(params.id);
      const employee = eo.org.employees.find((candidate) => candidate.id === id);
      if (!employee) return errorResponse(404, 'not-found', `There is no employee with id ${id}.`);
      assertMaySeeTeam(personaOf(request), employee.team);
      return HttpResponse.json(withVerificationReasons(eo, employeeDetailResponse(eo, id, asOfOf(request, state))));
    })),

    http.get('/api/goals', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
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
      const eo = await viewOf(request, state);
      return HttpResponse.json(orgHeatmapResponse(eo, asOfOf(request, state), visibleTeams(eo, personaOf(request))));
    })),

    http.get('/api/heatmap/team/:team', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const team = param(params.team);
      assertMaySeeTeam(personaOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      return HttpResponse.json(teamHeatmapResponse(eo, team, asOfOf(request, state)));
    })),

    http.get('/api/reports/gaps', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const url = new URL(request.url);
      const asOf = asOfOf(request, state);
      const options = csvOptionsOf(url);
      const format = url.searchParams.get('format') ?? 'long';
      if (format !== 'long' && format !== 'team') throw new RequestRefused(400, 'bad-format', `format must be long or team, not "${format}".`);
      // The export follows what is on screen: team and role narrow who is counted; category and
      // weight (long format) narrow which rows are written. Unfiltered, it is `gapmap report` byte for byte.
      const { scope: teamScope } = scopeOf(request, eo, personaOf(request));
      const role = url.searchParams.get('role');
      const scope = role ? { ...teamScope, roles: [role] } : teamScope;
      const category = url.searchParams.get('category');
      const weight = url.searchParams.get('weight');
      const inCategory = category ? new Set(eo.org.skills.filter((skill) => skill.category === category).map((skill) => skill.id)) : undefined;
      const csv =
        format === 'long'
          ? gapLongCsv(gapReportLong(eo, asOf, scope).filter((row) => (!inCategory || inCategory.has(row.skill_id)) && (!weight || row.weight === weight)), options)
          : gapTeamCsv(gapReportTeam(eo, asOf, scope).filter((row) => !inCategory || inCategory.has(row.skill_id)), options);
      return csvResponse(csv, `gap-report-${format}-${asOf}.csv`);
    })),

    http.post('/api/demo/reset', guarded(async ({ request }) => {
      assertMayChangeData(personaOf(request));
      const eo = await state.resetToDemo();
      return HttpResponse.json({ ok: true as const, employees: eo.org.employees.length });
    })),
    ...createGoalHandlers(state),
    ...createRecommendHandlers(state),
    ...createWhatIfHandlers(state),
    ...createImportHandlers(state, options.commitImportSession),
    ...createBadgeHandlers(state),
  ];
}
