// The API's contract and its refusals, exercised over HTTP against the real handlers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_STORES, type TestServer } from '../../../tests/support/testServer';
import { demoOrganisation } from '../../domain/demo/generate';
import { gapReportLong, prepareOrganisation } from '../../domain/engine';
import { gapLongCsv } from '../../domain/csv';
import { overviewSchema, teamDetailSchema, type Persona } from '../../api/contract';

const TODAY = '2026-11-25';
const organisation = demoOrganisation(TODAY);
let server: TestServer;
const teams = [...new Set(organisation.employees.map((employee) => employee.team))].sort();
const ownTeam = teams[0] ?? '';
const otherTeam = teams[1] ?? '';
const manager: Persona = { kind: 'manager', team: ownTeam };


async function get(path: string, persona: Persona = { kind: 'lnd' }) {
  return server.fetch(path, { headers: await server.authHeaders(persona) });
}

for (const kind of TEST_STORES) {
  describe(`the /api over HTTP, stored in ${kind}`, () => {
    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, organisation, label: 'app' });
    }, 60_000);
    afterAll(() => server.close());
    defineTests();
  });
}

function defineTests() {
describe('the /api', () => {
  it('answers the overview in the contract shape', async () => {
    const response = await get('/api/overview');
    expect(response.status).toBe(200);
    const overview = overviewSchema.parse(await response.json());
    expect(overview.employees).toBe(organisation.employees.length);
    expect(overview.trend).toHaveLength(12);
  });

  it('lets a manager see their own team', async () => {
    const response = await get(`/api/teams/${encodeURIComponent(ownTeam)}`, manager);
    expect(response.status).toBe(200);
    expect(teamDetailSchema.parse(await response.json()).team).toBe(ownTeam);
  });

  it("refuses a manager another team's page with 403", async () => {
    const response = await get(`/api/teams/${encodeURIComponent(otherTeam)}`, manager);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden' });
  });

  it("refuses a manager another team's employee with 403", async () => {
    const stranger = organisation.employees.find((employee) => employee.team === otherTeam);
    const response = await get(`/api/employees/${encodeURIComponent(stranger?.id ?? '')}`, manager);
    expect(response.status).toBe(403);
  });

  it('lists only their own team to a manager', async () => {
    const response = await get('/api/teams', manager);
    const body = (await response.json()) as { teams: { team: string }[] };
    expect(body.teams.map((team) => team.team)).toEqual([ownTeam]);
  });

  it('refuses HR a change to the data', async () => {
    const response = await server.fetch('/api/demo/reset', { method: 'POST', headers: await server.authHeaders({ kind: 'hr' }) });
    expect(response.status).toBe(403);
  });

  it('answers bad requests in the contract shape: 413 over the limit, 400 malformed JSON, 404 an unknown route', async () => {
    const headers = { ...(await server.authHeaders()), 'content-type': 'application/json' };
    const tooLarge = await server.fetch('/api/goals', { method: 'POST', headers, body: `{"employees":["${'x'.repeat(2 * 1024 * 1024)}"]}` });
    expect(tooLarge.status).toBe(413);
    // The unread rest of the body leaves the socket unusable: the client is told not to reuse it.
    expect(tooLarge.headers.get('connection')).toBe('close');
    expect(await tooLarge.json()).toEqual({ error: 'too-large', message: expect.stringMatching(/over the limit/) });
    const malformed = await server.fetch('/api/goals', { method: 'POST', headers, body: '{"employees": [' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'bad-body' });
    const unknown = await get('/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not-found', message: 'The API has no GET /api/no-such-thing.' });
  });

  it('answers the goals a page asks for: the first `limit` of those matching, how many match, and every count', async () => {
    const all = (await (await get('/api/goals')).json()) as { goals: { goal: { id: string }; overdue: boolean }[]; total: number; summary: { overdue: number } };
    // The demo's goals, by its own data: the overdue ones as the full answer marks them.
    const overdue = all.goals.filter((goal) => goal.overdue);
    expect(all.total).toBe(organisation.goals.length);
    expect(overdue.length).toBeGreaterThan(3);
    const page = (await (await get('/api/goals?status=overdue&limit=3&sort=due.asc')).json()) as typeof all;
    expect(page.total).toBe(overdue.length);
    expect(page.goals).toHaveLength(3);
    expect(page.goals.every((goal) => goal.overdue)).toBe(true);
    // The counts stay those of every goal, whatever is listed.
    expect(page.summary).toEqual(all.summary);
    for (const bad of ['status=late', 'sort=due', 'sort=salary.asc', 'limit=0']) {
      const refused = await get(`/api/goals?${bad}`);
      expect(refused.status).toBe(400);
    }
  });

  it('rejects an as-of date that is not a date', async () => {
    const response = await get('/api/overview?asOf=25/11/2026');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/YYYY-MM-DD/);
  });

  it('exports the gap report byte for byte as the domain writes it', async () => {
    const response = await get(`/api/reports/gaps?format=long&asOf=2026-06-30`);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const expected = gapLongCsv(gapReportLong(prepareOrganisation(organisation), '2026-06-30'));
    expect(await response.text()).toBe(expected);
  });
});

describe('the gap report export follows the filters on screen', () => {
  it('keeps only the rows of the chosen skill category and weight', async () => {
    const category = organisation.skills[0]?.category ?? '';
    const inCategory = new Set(organisation.skills.filter((skill) => skill.category === category).map((skill) => skill.id));
    const response = await get(`/api/reports/gaps?format=long&asOf=2026-06-30&category=${encodeURIComponent(category)}&weight=critical`);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('employee_id,employee_name,team,role,skill_id,skill_name,weight,required_level,verified_level,assessed_level,effective_level,gap,status');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(inCategory.has(row[4] ?? '')).toBe(true);
      expect(row[6]).toBe('critical');
    }
    const all = gapReportLong(prepareOrganisation(organisation), '2026-06-30').filter((row) => inCategory.has(row.skill_id) && row.weight === 'critical');
    expect(rows).toHaveLength(all.length);
  });

  it('counts only the people of the chosen role', async () => {
    const role = organisation.employees[0]?.role ?? '';
    const response = await get(`/api/reports/gaps?format=long&asOf=2026-06-30&role=${encodeURIComponent(role)}`);
    const rows = (await response.text()).trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows) expect(line.split(',')[3]).toBe(role);
  });
});
}
