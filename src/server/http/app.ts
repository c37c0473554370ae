// The backend of SPEC §8 as one host-agnostic app, Request → Response: the routes of the /api
// contract mounted on a Hono app whose fetch() runs in the browser's API worker, in `gapmap serve`
// (Node) and in tests. Handlers stay thin: read the request, check the caller's scope, call the domain, respond.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { route, json, type Route } from './routeTable';
import { cachedJson } from '../state/responseCache';
import { gapReportLong, gapReportTeam, teamsOf } from '../../domain/engine';
import type { SessionInfo } from '../../api/contract';
import { gapLongCsv, gapTeamCsv } from '../../domain/csv';
import type { Organisation } from '../../domain/schema';
import type { OrganisationState } from '../state/organisationState';
import { auditedChange, baselineOf, setCaller, personaOf, draftIdOf, responseForError, asOfOf, assertMayChangeData, assertMaySeeTeam, csvOptionsOf, csvResponse, errorResponse, guarded, notFound, param, callerOf, RequestRefused, scopeOf, viewOf, visibleTeams } from './requestContext';
import { createGoalRoutes } from './goalRoutes';
import { createRecommendRoutes } from './recommendRoutes';
import { createPlanRoutes } from './planRoutes';
import { defaultPlanStore, type PlanStore } from '../state/plans';
import { createWhatIfRoutes } from './whatIfRoutes';
import { withWhatIf, type DraftStore } from '../state/whatIf';
import { maySeeTeam, identityOfPersona, scopeOf as scopeOfIdentity, type Caller, type Identity, type TeamScope } from '../auth/caller';
import { memoryAuditLog, type AuditLog } from '../store/auditLog';
import { createImportRoutes } from './importRoutes';
import type { ImportJobStore } from '../import/importJobStore';
import { createBadgeRoutes } from './badgeRoutes';
import { createListRoutes } from './listRoutes';
import { xlsxReportResponse } from './xlsxExport';
import { gapLongReportTable, gapTeamReportTable } from '../../domain/xlsx';
import { defaultMappingStore, type AchievementMappingStore } from '../store/achievementMappingStore';
import { backupOf, encodeBackup } from '../backup/backupFile';
import {
  employeeDetailResponse,
  employeeListResponse,
  goalListResponse,
  orgHeatmapResponse,
  overviewResponse,
  teamDetailResponse,
  teamHeatmapResponse,
  teamListResponse,
  lookups,
} from '../state/responses';

/** The gap report's filters, as the About sheet of its workbook names them. */
const GAP_LONG_FILTERS = { role: 'role', category: 'skill category', weight: 'weight' };
const GAP_TEAM_FILTERS = { role: 'role', category: 'skill category' };

/**
 * A file downloaded while looking at a what-if draft says so in its name, so a hypothetical report is
 * never mistaken for a real one; its columns stay those of SPEC §5.
 */
function markedIfWhatIf(request: Request, response: Response): Response {
  const disposition = response.headers.get('content-disposition');
  if (draftIdOf(request) === undefined || !disposition) return response;
  response.headers.set('content-disposition', disposition.replace(/filename="/, 'filename="what-if-draft-'));
  return response;
}

export interface RouteOptions {
  /** Which host serves the app (the page adapts: persona switch or sign-in, first-run screen). */
  host?: 'browser' | 'server';
  organisationName?: string;
  /** Where confirmed badge-achievement mappings are kept (default: IndexedDB in a browser, else memory). */
  achievementMappings?: AchievementMappingStore;
  /** Where what-if drafts are kept (default: IndexedDB in a browser, else memory). */
  drafts?: DraftStore;
  /** Where each author's training plan is kept (default: IndexedDB in a browser, else memory). */
  plans?: PlanStore;
  /** Where import jobs keep their files (default: memory, the browser host's one process). */
  importJobs?: ImportJobStore;
  /**
   * Who is asking. Default: the persona header (the browser host's demo switch). A server passes
   * its sign-in (session or API token) and never reads the persona header; undefined = signed out (401).
   */
  identify?: (request: Request) => Promise<Identity | undefined>;
  /** Where changes are recorded (default: an audit log in memory). */
  audit?: AuditLog;
  /** More routes with the same caller checks (the server's accounts and audit pages). */
  moreRoutes?: (context: { state: OrganisationState; audit: AuditLog; plans: PlanStore }) => Route[];
}

/** The browser host's caller: the persona header stands in for sign-in. */
export async function identifyByPersona(request: Request): Promise<Identity> {
  return identityOfPersona(personaOf(request));
}

// A manager's led teams per stored organisation: worked out once per revision, not per request.
const ledTeamsCache = new WeakMap<object, Map<string, TeamScope>>();

/** Only a manager with an email can lead teams by `manager`: their scope needs the current organisation. */
function needsOrganisation(identity: Identity): boolean {
  return identity.role === 'manager' && identity.email !== undefined;
}

function callerFor(identity: Identity, org: Organisation | undefined): Caller {
  if (!needsOrganisation(identity) || !org) return { ...identity, scope: scopeOfIdentity(identity, undefined) };
  let byAccount = ledTeamsCache.get(org);
  if (!byAccount) ledTeamsCache.set(org, (byAccount = new Map()));
  const key = `${identity.email}\u0000${identity.grantedTeams.join('\u0000')}`;
  let scope = byAccount.get(key);
  if (!scope) byAccount.set(key, (scope = scopeOfIdentity(identity, org)));
  return { ...identity, scope };
}

export function createRoutes(storedState: OrganisationState, options: RouteOptions = {}): Route[] {
  // Every view computes on the what-if scenario while one is open.
  const state = withWhatIf(storedState, options.drafts);
  const audit = options.audit ?? memoryAuditLog();
  const mappings = options.achievementMappings ?? defaultMappingStore();
  const plans = options.plans ?? defaultPlanStore();
  return [
    route.get('/api/session', guarded(async ({ request }) => {
      const eo = await state.current(draftIdOf(request));
      const caller = callerOf(request);
      const { org } = eo;
      return json<SessionInfo>({
        host: options.host ?? 'browser',
        user: { name: caller.displayName, ...(caller.email ? { email: caller.email } : {}), role: caller.role, via: caller.via },
        firstRun: await state.isEmpty(),
        asOf: asOfOf(request, state),
        organisationName: options.organisationName ?? 'Northwind Group (demo)',
        teams: visibleTeams(eo, caller),
        counts: {
          employees: org.employees.length,
          teams: teamsOf(eo).length,
          skills: org.skills.length,
          credentials: org.credentials.length,
          awards: org.awards.length,
        },
      });
    })),

    route.get('/api/overview', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const caller = callerOf(request);
      const { scope, label } = scopeOf(request, eo, caller);
      const asOf = asOfOf(request, state);
      const baseline = await baselineOf(request, state);
      return cachedJson(eo, `overview|${asOf}|${label}|${JSON.stringify(scope ?? null)}`, () => overviewResponse(eo, asOf, scope, label, baseline));
    })),

    route.get('/api/teams', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const asOf = asOfOf(request, state);
      const teams = visibleTeams(eo, callerOf(request));
      const baseline = await baselineOf(request, state);
      return cachedJson(eo, `teams|${asOf}|${JSON.stringify(teams)}`, () => teamListResponse(eo, asOf, teams, baseline));
    })),

    route.get('/api/teams/:team', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const team = param(params.team);
      assertMaySeeTeam(callerOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      const asOf = asOfOf(request, state);
      const baseline = await baselineOf(request, state);
      return cachedJson(eo, `team|${asOf}|${team}`, () => teamDetailResponse(eo, team, asOf, baseline));
    })),

    route.get('/api/employees', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const caller = callerOf(request);
      const { scope } = scopeOf(request, eo, caller);
      return json(employeeListResponse(eo, scope?.teams));
    })),

    route.get('/api/employees/:id', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const id = param(params.id);
      const employee = eo.org.employees.find((candidate) => candidate.id === id);
      const caller = callerOf(request);
      if (!employee) return notFound(caller, `There is no employee with id ${id}.`);
      assertMaySeeTeam(caller, employee.team);
      const asOf = asOfOf(request, state);
      // Their manager is named only to someone who may see the manager too.
      const managerTeam = employee.manager ? eo.org.employees.find((candidate) => candidate.id === employee.manager)?.team : undefined;
      const showManager = managerTeam !== undefined && maySeeTeam(caller, managerTeam);
      const baseline = await baselineOf(request, state);
      return cachedJson(eo, `employee|${asOf}|${id}|${showManager}`, () => {
        const detail = employeeDetailResponse(eo, id, asOf, baseline);
        if (!detail || showManager) return detail;
        const { manager: _hidden, ...person } = detail.employee;
        return { ...detail, employee: person, managerName: undefined };
      });
    })),

    route.get('/api/goals', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const { scope } = scopeOf(request, eo, callerOf(request));
      return json(goalListResponse(eo, asOfOf(request, state), scope, await baselineOf(request, state)));
    })),

    route.get('/api/catalog', guarded(async ({ request }) => {
      const { org } = await state.current(draftIdOf(request));
      return json({ credentials: org.credentials, skills: org.skills });
    })),

    route.get('/api/roles', guarded(async ({ request }) => {
      const { org } = await state.current(draftIdOf(request));
      const headcount = new Map<string, number>();
      for (const employee of org.employees) headcount.set(employee.role, (headcount.get(employee.role) ?? 0) + 1);
      return json({ roles: org.roles.map((role) => ({ ...role, employees: headcount.get(role.id) ?? 0 })), skills: org.skills });
    })),

    route.get('/api/heatmap/org', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const asOf = asOfOf(request, state);
      const teams = visibleTeams(eo, callerOf(request));
      const baseline = await baselineOf(request, state);
      return cachedJson(eo, `heatmap-org|${asOf}|${JSON.stringify(teams)}`, () => orgHeatmapResponse(eo, asOf, teams, baseline));
    })),

    route.get('/api/heatmap/team/:team', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const team = param(params.team);
      assertMaySeeTeam(callerOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      const asOf = asOfOf(request, state);
      const baseline = await baselineOf(request, state);
      return cachedJson(eo, `heatmap-team|${asOf}|${team}`, () => teamHeatmapResponse(eo, team, asOf, baseline));
    })),

    route.get('/api/reports/gaps', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const url = new URL(request.url);
      const asOf = asOfOf(request, state);
      const csvOptions = csvOptionsOf(url);
      const format = url.searchParams.get('format') ?? 'long';
      if (format !== 'long' && format !== 'team' && format !== 'xlsx' && format !== 'team-xlsx') {
        throw new RequestRefused(400, 'bad-format', `format must be long, team, xlsx (the long report as an Excel workbook) or team-xlsx, not "${format}".`);
      }
      const layout = format === 'team' || format === 'team-xlsx' ? 'team' : 'long';
      // The export follows what is on screen: team and role narrow who is counted; category and
      // weight (long format) narrow which rows are written. Unfiltered, it is `gapmap report` byte for byte.
      const { scope: teamScope, label } = scopeOf(request, eo, callerOf(request));
      const role = url.searchParams.get('role');
      const scope = role ? { ...teamScope, roles: [role] } : teamScope;
      const category = url.searchParams.get('category');
      const weight = url.searchParams.get('weight');
      const inCategory = category ? new Set(eo.org.skills.filter((skill) => skill.category === category).map((skill) => skill.id)) : undefined;
      const longRows = () => gapReportLong(eo, asOf, scope).filter((row) => (!inCategory || inCategory.has(row.skill_id)) && (!weight || row.weight === weight));
      const teamRows = () => gapReportTeam(eo, asOf, scope).filter((row) => !inCategory || inCategory.has(row.skill_id));
      if (format === 'xlsx' || format === 'team-xlsx') {
        const about = {
          title: layout === 'long' ? 'Gap report, one row per person and required skill' : 'Team report, one row per team and required skill',
          asOf,
          scope: label,
          filters: layout === 'long' ? GAP_LONG_FILTERS : GAP_TEAM_FILTERS,
          host: options.host ?? 'browser',
        };
        const table = layout === 'long' ? gapLongReportTable(longRows(), lookups(eo).roleName) : gapTeamReportTable(teamRows());
        return xlsxReportResponse(request, about, table, `gap-report-${layout}-${asOf}.xlsx`);
      }
      const csv = layout === 'long' ? gapLongCsv(longRows(), csvOptions) : gapTeamCsv(teamRows(), csvOptions);
      return csvResponse(csv, `gap-report-${format}-${asOf}.csv`);
    })),

    route.get('/api/backup', guarded(async ({ request }) => {
      // "Download everything": the stored organisation (never a what-if scenario), its history and badge mappings.
      assertMayChangeData(callerOf(request));
      const stored = await state.stored();
      const backup = backupOf({
        organisation: stored.org,
        history: (await state.store.history()).entries,
        achievementMappings: await mappings.load(),
        madeBy: options.host ?? 'browser',
      });
      return new Response(await encodeBackup(backup) as BodyInit, {
        headers: { 'content-type': 'application/gzip', 'content-disposition': `attachment; filename="gapmap-backup-${state.today()}.json.gz"` },
      });
    })),

    route.post('/api/demo/reset', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const audited = auditedChange(audit, state.store, request, 'demo-reset', (entry) => ({ subject: '', detail: { employees: entry?.counts.employees?.after ?? 0 } }));
      const eo = await state.resetToDemo(audited.row);
      await audited.after();
      return json({ ok: true as const, employees: eo.org.employees.length });
    })),
    ...createGoalRoutes(state, audit, options.host ?? 'browser'),
    ...createRecommendRoutes(state),
    ...createPlanRoutes(state, audit, plans),
    ...createWhatIfRoutes(state, audit),
    ...createImportRoutes(storedState, options.importJobs, audit, mappings),
    ...createBadgeRoutes(state, mappings, audit),
    ...createListRoutes(state, options.host ?? 'browser'),
    ...(options.moreRoutes?.({ state: storedState, audit, plans }) ?? []),
  ];
}

/** Mounts the routes on a Hono app: body limits per route, and every failure in the contract's error shape. */
export function createApp(storedState: OrganisationState, options: RouteOptions = {}): Hono {
  const app = new Hono();
  const identify = options.identify ?? identifyByPersona;
  for (const { method, path, handler, maxBodyBytes } of createRoutes(storedState, options)) {
    const limit = bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        const refused = errorResponse(413, 'too-large', `The request body is over the limit of this route (${formatBytes(maxBodyBytes)}).`);
        // The rest of the body is never read, so this connection cannot carry another request:
        // say so, or a keep-alive client sends its next request into a socket that is closing.
        refused.headers.set('connection', 'close');
        return refused;
      },
    });
    app.on(method, path, limit, async (c) => {
      const request = c.req.raw;
      // Who is asking and what they may see, decided here for every route; the time it takes is
      // reported (Server-Timing: auth) so the load bench can hold it to its budget.
      // A manager's scope also needs the current organisation (the teams they lead): the wait for it
      // is the revision check every request makes before it answers, timed apart as "org".
      const started = performance.now();
      let caller: Caller;
      let orgMs = 0;
      try {
        const identity = await identify(request);
        if (!identity) return errorResponse(401, 'signed-out', 'Sign in to use Gapmap.');
        let org: Organisation | undefined;
        if (needsOrganisation(identity)) {
          const orgStarted = performance.now();
          org = (await storedState.current()).org;
          orgMs = performance.now() - orgStarted;
        }
        caller = callerFor(identity, org);
      } catch (error) {
        return responseForError(error);
      }
      setCaller(request, caller);
      const authMs = performance.now() - started - orgMs;
      const response = markedIfWhatIf(request, await handler({ request, params: c.req.param() as Record<string, string> }));
      return withTiming(response, authMs, orgMs);
    });
  }
  app.notFound((c) => errorResponse(404, 'not-found', `The API has no ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError((error) => responseForError(error));
  return app;
}

function withTiming(response: Response, authMs: number, orgMs: number): Response {
  try {
    response.headers.append('Server-Timing', `auth;dur=${authMs.toFixed(3)}`);
    if (orgMs > 0) response.headers.append('Server-Timing', `org;dur=${orgMs.toFixed(3)}`);
    return response;
  } catch {
    // Immutable headers (a response passed through from fetch): the timing is only a nicety.
    return response;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
