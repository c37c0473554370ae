// SPEC §9 as one table: every route of the server's route table, called as anonymous, admin, two
// managers and HR — the status each must answer, and no body (JSON, CSV, search, recommendations)
// naming a person outside the caller's scope. A route added without a row here fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/testServer';
import type { Organisation } from '../../domain/schema';
import { createRoutes } from './app';
import { createAccessRoutes } from './accessRoutes';
import { addAccount, createApiToken } from '../auth/accounts';

const TODAY = '2026-11-25';

/**
 * Mira leads Alpha (Alice and Arthur name her as their manager) but is herself in Leads; Bob is
 * granted Beta (Bruno, Bella); Gina in Gamma is nobody's. Every name and id is unique in any text.
 */
function organisation(): Organisation {
  const person = (id: string, name: string, team: string, manager?: string, email?: string) => ({ id, name, team, role: 'analyst', ...(manager ? { manager } : {}), ...(email ? { email } : {}) });
  const goal = (employee: string) => ({ id: `goal-${employee}`, employee, credential: 'sql-3', dueOn: '2026-10-01', kind: 'organisational' as const, status: 'assigned' as const, assignedBy: 'L&D manager', createdOn: '2026-09-01' });
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }, { id: 'py', name: 'Python', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }, { skill: 'py', level: 2, weight: 'important' }] }],
    employees: [
      person('emp-mira', 'Mira Lindqvist', 'Leads', undefined, 'Mira@Example.test'),
      person('emp-alice', 'Alice Aaltonen', 'Alpha', 'emp-mira'),
      person('emp-arthur', 'Arthur Ambrose', 'Alpha', 'emp-mira'),
      person('emp-bruno', 'Bruno Bergstrom', 'Beta'),
      person('emp-bella', 'Bella Barros', 'Beta'),
      person('emp-gina', 'Gina Gallo', 'Gamma'),
    ],
    credentials: [
      { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR', validityMonths: 12 },
      { id: 'py-2', name: 'Python Basics', issuer: 'Academy', grants: [{ skill: 'py', level: 2 }], hours: 5, cost: 100, currency: 'EUR' },
    ],
    // Current awards that expire within 90 days, so the expiring list names people in every team.
    awards: ['emp-alice', 'emp-bruno', 'emp-gina', 'emp-mira'].map((employee) => ({ employee, credential: 'sql-3', issuedOn: '2026-01-10', verification: 'verified' as const })),
    assessments: [],
    goals: ['emp-mira', 'emp-alice', 'emp-arthur', 'emp-bruno', 'emp-bella', 'emp-gina'].map(goal),
    interests: [],
  };
}

const PEOPLE = organisation().employees.map((employee) => ({ id: employee.id, name: employee.name }));
type CallerName = 'anonymous' | 'admin' | 'managerA' | 'managerB' | 'hr';
const CALLERS: CallerName[] = ['anonymous', 'hr', 'managerA', 'managerB', 'admin'];
/** Whom each caller may see (by hand from the fixture): admin and HR everyone. */
const IN_SCOPE: Record<CallerName, string[]> = {
  anonymous: [],
  admin: PEOPLE.map((person) => person.id),
  hr: PEOPLE.map((person) => person.id),
  managerA: ['emp-alice', 'emp-arthur'],
  managerB: ['emp-bruno', 'emp-bella'],
};

type Statuses = Record<Exclude<CallerName, 'anonymous'>, number>;
const everyone = (status: number): Statuses => ({ admin: status, managerA: status, managerB: status, hr: status });
const adminOnly = (adminStatus: number): Statuses => ({ admin: adminStatus, managerA: 403, managerB: 403, hr: 403 });
/** Alpha is manager A's (led), not manager B's. */
const alphaOnly = (status: number): Statuses => ({ admin: status, managerA: status, managerB: 403, hr: status });

interface Row {
  path: string;
  body?: unknown;
  /** Raw bytes instead of JSON. */
  text?: string;
  expect: Statuses;
  /** This request changes data: the organisation is put back after each call. */
  changes?: boolean;
}

/** A training plan of one line in Alpha (Alice on Python Basics), due at the end of 2027-Q1. */
const PLAN = { items: [{ id: 'cohort:py-2', label: 'Python Basics', kind: 'cohort', quarter: '2027-Q1', lines: [{ employee: 'emp-alice', credential: 'py-2' }] }], budget: 500 };

let spare: { accountId: string; tokenId: string };
const drafts = { toKeep: '', toDiscard: '' };
const TABLE: Record<string, Row | (() => Row)> = {
  'GET /api/session': { path: '/api/session', expect: everyone(200) },
  'GET /api/overview': { path: '/api/overview', expect: everyone(200) },
  'GET /api/teams': { path: '/api/teams', expect: everyone(200) },
  'GET /api/teams/:team': { path: '/api/teams/Alpha', expect: alphaOnly(200) },
  'GET /api/employees': { path: '/api/employees', expect: everyone(200) },
  'GET /api/employees/:id': { path: '/api/employees/emp-alice', expect: alphaOnly(200) },
  'GET /api/goals': { path: '/api/goals', expect: everyone(200) },
  'GET /api/catalog': { path: '/api/catalog', expect: everyone(200) },
  'GET /api/roles': { path: '/api/roles', expect: everyone(200) },
  'GET /api/heatmap/org': { path: '/api/heatmap/org', expect: everyone(200) },
  'GET /api/heatmap/team/:team': { path: '/api/heatmap/team/Alpha', expect: alphaOnly(200) },
  'GET /api/reports/gaps': { path: '/api/reports/gaps?format=long', expect: everyone(200) },
  'GET /api/backup': { path: '/api/backup', expect: adminOnly(200) },
  'POST /api/demo/reset': { path: '/api/demo/reset', expect: adminOnly(200), changes: true },
  'POST /api/goals': { path: '/api/goals', body: { employees: ['emp-alice'], credential: 'py-2', dueOn: '2027-01-01', kind: 'organisational' }, expect: { admin: 201, managerA: 201, managerB: 403, hr: 403 }, changes: true },
  'PATCH /api/goals/:id': { path: '/api/goals/goal-emp-alice', body: { status: 'in-progress' }, expect: { admin: 200, managerA: 200, managerB: 403, hr: 403 }, changes: true },
  'GET /api/reports/goals': { path: '/api/reports/goals', expect: everyone(200) },
  'GET /api/plan': { path: '/api/plan', expect: everyone(200) },
  'PUT /api/plan': { path: '/api/plan', body: PLAN, expect: alphaOnly(200) },
  'POST /api/plan/summary': { path: '/api/plan/summary', body: PLAN, expect: alphaOnly(200) },
  'POST /api/plan/export': { path: '/api/plan/export', body: PLAN, expect: alphaOnly(200) },
  'POST /api/plan/assign': { path: '/api/plan/assign', body: PLAN, expect: { admin: 201, managerA: 201, managerB: 403, hr: 403 }, changes: true },
  'GET /api/employees/:id/pathway': { path: '/api/employees/emp-alice/pathway', expect: alphaOnly(200) },
  'GET /api/teams/:team/cohorts': { path: '/api/teams/Alpha/cohorts', expect: alphaOnly(200) },
  'GET /api/teams/:team/budget': { path: '/api/teams/Alpha/budget?budget=1000', expect: alphaOnly(200) },
  'GET /api/whatif': { path: '/api/whatif', expect: everyone(200) },
  'PUT /api/whatif': { path: '/api/whatif', body: { roles: organisation().roles }, expect: adminOnly(200) },
  // Drafts the admin made before the table runs (beforeAll), named by the address as the page does.
  'POST /api/whatif/keep': () => ({ path: `/api/whatif/keep?scenario=${drafts.toKeep}`, expect: adminOnly(200), changes: true }),
  'DELETE /api/whatif': () => ({ path: `/api/whatif?scenario=${drafts.toDiscard}`, expect: adminOnly(200) }),
  'GET /api/imports': { path: '/api/imports', expect: { admin: 200, managerA: 403, managerB: 403, hr: 200 } },
  'POST /api/imports': { path: '/api/imports', body: { mode: 'merge', files: [{ fileName: 'skills.csv', text: 'skill_id,name,category\nrust,Rust,tech\n' }] }, expect: adminOnly(200), changes: true },
  'POST /api/imports/:id/undo': { path: '/api/imports/999999/undo', expect: adminOnly(404) },
  'POST /api/import-jobs': { path: '/api/import-jobs', expect: adminOnly(201) },
  'GET /api/import-jobs/:job': { path: '/api/import-jobs/job-none', expect: adminOnly(404) },
  'POST /api/import-jobs/:job/files': { path: '/api/import-jobs/job-none/files?name=skills.csv', text: 'skill_id,name,category\n', expect: adminOnly(404) },
  'PATCH /api/import-jobs/:job/files/:file': { path: '/api/import-jobs/job-none/files/f1', body: { options: {} }, expect: adminOnly(404) },
  'DELETE /api/import-jobs/:job/files/:file': { path: '/api/import-jobs/job-none/files/f1', expect: adminOnly(404) },
  'POST /api/import-jobs/:job/check': { path: '/api/import-jobs/job-none/check', body: { mode: 'merge' }, expect: adminOnly(404) },
  'POST /api/import-jobs/:job/commit': { path: '/api/import-jobs/job-none/commit', body: { mode: 'merge' }, expect: adminOnly(404) },
  'GET /api/import-jobs/:job/issues': { path: '/api/import-jobs/job-none/issues', expect: adminOnly(404) },
  'DELETE /api/import-jobs/:job': { path: '/api/import-jobs/job-none', expect: adminOnly(404) },
  'GET /api/badges/mappings': { path: '/api/badges/mappings', expect: everyone(200) },
  'PUT /api/badges/mappings': { path: '/api/badges/mappings', body: { achievement: { id: 'urn:badge:sql' }, credentialId: 'sql-3' }, expect: adminOnly(200) },
  'POST /api/badges/commit': { path: '/api/badges/commit', body: { files: [] }, expect: adminOnly(400) },
  'GET /api/lists/critical-gaps': { path: '/api/lists/critical-gaps', expect: everyone(200) },
  'GET /api/lists/single-points-of-failure': { path: '/api/lists/single-points-of-failure', expect: everyone(200) },
  'GET /api/lists/expiring': { path: '/api/lists/expiring', expect: everyone(200) },
  'GET /api/lists/overdue-goals': { path: '/api/lists/overdue-goals', expect: everyone(200) },
  'GET /api/teams/:team/skills/:skill/gaps': { path: '/api/teams/Alpha/skills/sql/gaps', expect: alphaOnly(200) },
  'GET /api/search': { path: '/api/search?q=a', expect: everyone(200) },
  'GET /api/accounts': { path: '/api/accounts', expect: adminOnly(200) },
  'POST /api/accounts': { path: '/api/accounts', body: { email: 'new.person@example.test', role: 'hr' }, expect: adminOnly(201) },
  'PATCH /api/accounts/:id': () => ({ path: `/api/accounts/${spare.accountId}`, body: { role: 'manager', teams: ['Gamma'] }, expect: adminOnly(200) }),
  'DELETE /api/tokens/:id': () => ({ path: `/api/tokens/${spare.tokenId}`, expect: adminOnly(200) }),
  'DELETE /api/accounts/:id': () => ({ path: `/api/accounts/${spare.accountId}`, expect: adminOnly(200) }),
  'GET /api/tokens': { path: '/api/tokens', expect: adminOnly(200) },
  'POST /api/tokens': { path: '/api/tokens', body: { email: 'hr@table.test', expiresInDays: 1 }, expect: adminOnly(201) },
  'GET /api/audit': { path: '/api/audit', expect: adminOnly(200) },
  // Admin last: Gina is erased (the fixture comes back after the row).
  'POST /api/people/:id/erase': { path: '/api/people/emp-gina/erase', expect: adminOnly(200), changes: true },
};

let server: TestServer;
const headers: Partial<Record<CallerName, Record<string, string>>> = {};

async function tokenFor(email: string, role: string, teams: string[] = []) {
  await addAccount(server.access.accounts, { email, role, teams });
  const { secret } = await createApiToken(server.access.accounts, { email, expiresInMs: 3_600_000 });
  return { authorization: `Bearer ${secret}` };
}

beforeAll(async () => {
  server = await startTestServer('memory', { today: TODAY, organisation: organisation(), label: 'access' });
  headers.anonymous = {};
  headers.admin = await tokenFor('admin@table.test', 'admin');
  headers.hr = await tokenFor('hr@table.test', 'hr');
  // Manager A has no grant: Alpha is theirs because Alice and Arthur name Mira (same email, other case) as manager.
  headers.managerA = await tokenFor('mira@example.test', 'manager');
  headers.managerB = await tokenFor('bob@table.test', 'manager', ['Beta']);
  const spareAccount = await addAccount(server.access.accounts, { email: 'spare@table.test', role: 'hr' });
  for (const which of ['toKeep', 'toDiscard'] as const) {
    const made = await server.fetch('/api/whatif', { method: 'PUT', headers: { ...headers.admin, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ roles: organisation().roles }) });
    drafts[which] = ((await made.json()) as { id: string }).id;
  }
  spare = { accountId: spareAccount.id, tokenId: (await createApiToken(server.access.accounts, { email: 'admin@table.test', label: 'spare', expiresInMs: 3_600_000 })).token.id };
}, 60_000);
afterAll(() => server.close());

function routeKeys(): string[] {
  return createRoutes(server.state, { moreRoutes: ({ state }) => createAccessRoutes(server.access.accounts, server.access.audit, state) }).map((route) => `${route.method} ${route.path}`);
}

async function call(caller: CallerName, method: string, row: Row): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers[caller], origin: server.url } };
  if (row.text !== undefined) init.body = row.text;
  else if (row.body !== undefined) {
    init.body = JSON.stringify(row.body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return server.fetch(row.path, init);
}

/** The people a body names (by id or by name), anywhere in its text. */
function peopleNamedIn(text: string): string[] {
  return PEOPLE.filter((person) => text.includes(person.id) || text.includes(person.name)).map((person) => person.id);
}

describe('every route × every caller', () => {
  it('has a row for every route of the route table, and no row for a route that does not exist', () => {
    expect(Object.keys(TABLE).sort()).toEqual(routeKeys().sort());
  });

  it('answers each caller the status of its role, and names nobody outside their scope', async () => {
    const failures: string[] = [];
    for (const key of routeKeys()) {
      const entry = TABLE[key];
      if (!entry) continue;
      const row = typeof entry === 'function' ? entry() : entry;
      const method = key.split(' ')[0]!;
      for (const caller of CALLERS) {
        const response = await call(caller, method, row);
        const expected = caller === 'anonymous' ? 401 : row.expect[caller];
        if (response.status !== expected) failures.push(`${key} as ${caller}: ${response.status}, expected ${expected}`);
        const type = response.headers.get('content-type') ?? '';
        const text = type.includes('gzip') ? '' : await response.text();
        const outside = peopleNamedIn(text).filter((id) => !IN_SCOPE[caller].includes(id));
        if (outside.length > 0) failures.push(`${key} as ${caller} names ${outside.join(', ')}`);
        if (row.changes && response.status < 300) await server.state.replace(organisation(), 'test: the fixture again');
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('finds in search only the people in scope, whoever is searched for', async () => {
    for (const caller of ['managerA', 'managerB', 'hr'] as const) {
      for (const person of PEOPLE) {
        const response = await server.fetch(`/api/search?q=${encodeURIComponent(person.name)}`, { headers: headers[caller] });
        // The results only: the answer repeats the query itself.
        const found = peopleNamedIn(JSON.stringify(((await response.json()) as { results: unknown[] }).results));
        expect(found.every((id) => IN_SCOPE[caller].includes(id)), `${caller} searching ${person.name}`).toBe(true);
        if (IN_SCOPE[caller].includes(person.id)) expect(found, `${caller} searching ${person.name}`).toContain(person.id);
      }
    }
  });

  it('answers a manager the same 403 for an unknown id as for one outside their scope', async () => {
    const unknown = await server.fetch('/api/employees/emp-nobody', { headers: headers.managerB });
    const outside = await server.fetch('/api/employees/emp-alice', { headers: headers.managerB });
    expect(unknown.status).toBe(403);
    expect(await unknown.json()).toEqual(await outside.json());
    const unknownTeam = await server.fetch('/api/teams/Nowhere', { headers: headers.managerB });
    const otherTeam = await server.fetch('/api/teams/Alpha', { headers: headers.managerB });
    expect(unknownTeam.status).toBe(403);
    expect(await unknownTeam.json()).toEqual(await otherTeam.json());
  });
});
