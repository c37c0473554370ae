// The drill-down lists, a team's gaps in one skill and search over HTTP against the real handlers
// with each store: rows as worked out by hand, sorting, CSV with formulas neutralised, and a
// manager never seeing anyone outside their team (JSON, CSV and search alike).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_STORES, type TestServer } from '../../../tests/support/testServer';
import type { Persona } from '../../api/contract';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';

/**
 * Data: Ada (nothing), Alan (SQL 3 until 2026-12-31). Payments: Grace (SQL 3 until 2027-01-15) and
 * "=SUM(1+1)" (nothing; a name a spreadsheet would run). Analysts need SQL 3, critical. Goals:
 * Ada's due 2026-11-20 and =SUM's due 2026-11-01, both open, so overdue by 5 and 24 days.
 */
function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' },
      { id: 'e2', name: 'Alan Turing', email: 'alan@example.com', team: 'Data', role: 'analyst' },
      { id: 'e3', name: 'Grace Hopper', email: 'grace@example.com', team: 'Payments', role: 'analyst' },
      { id: 'e4', name: '=SUM(1+1)', email: 'sum@example.com', team: 'Payments', role: 'analyst' },
    ],
    credentials: [
      { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' },
      { id: 'sql-1', name: 'SQL Taster', issuer: 'Academy', grants: [{ skill: 'sql', level: 1 }], hours: 1, cost: 10, currency: 'EUR' },
    ],
    awards: [
      { employee: 'e2', credential: 'sql-3', issuedOn: '2026-01-01', expiresOn: '2026-12-31', verification: 'verified' },
      { employee: 'e3', credential: 'sql-3', issuedOn: '2025-06-01', expiresOn: '2027-01-15', verification: 'verified' },
    ],
    assessments: [],
    goals: [
      { id: 'g1', employee: 'e1', credential: 'sql-3', createdOn: '2026-10-01', dueOn: '2026-11-20', status: 'assigned', kind: 'organisational', assignedBy: 'L&D manager' },
      { id: 'g4', employee: 'e4', credential: 'sql-3', createdOn: '2026-09-01', dueOn: '2026-11-01', status: 'in-progress', kind: 'organisational', assignedBy: 'L&D manager' },
    ],
    interests: [],
  };
}

let server: TestServer;
const lnd: Persona = { kind: 'lnd' };
const dataManager: Persona = { kind: 'manager', team: 'Data' };

async function get(path: string, persona: Persona = lnd) {
  return server.fetch(path, { headers: await server.authHeaders(persona) });
}
async function getJson<T>(path: string, persona: Persona = lnd): Promise<T> {
  const response = await get(path, persona);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
type Rows<T> = { total: number; scope: string; rows: T[] };

for (const kind of TEST_STORES) {
  describe(`drill-down lists over HTTP, stored in ${kind}`, () => {
    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, organisation: organisation(), label: 'lists' });
    }, 60_000);
    afterAll(() => server.close());
    defineTests();
  });
}

function defineTests() {
  it('lists each critical gap with the credentials that close it, as many as the Overview counts', async () => {
    const list = await getJson<Rows<{ employee: string; team: string; required: number; effective: number; gap: number; fixes: string[] }> & { credentials: { id: string }[] }>(`/api/lists/critical-gaps?asOf=${TODAY}`);
    expect(list.rows.map((row) => [row.team, row.employee, row.required, row.effective, row.gap, row.fixes])).toEqual([
      ['Data', 'e1', 3, 0, 3, ['sql-3']],
      ['Payments', 'e4', 3, 0, 3, ['sql-3']],
    ]);
    expect(list.credentials.map((credential) => credential.id)).toEqual(['sql-3']);
    const overview = await getJson<{ criticalGaps: number; singlePointsOfFailure: number; expiringCount: number; goals: { overdue: number } }>(`/api/overview?asOf=${TODAY}`);
    expect(overview).toMatchObject({ criticalGaps: 2, singlePointsOfFailure: 2, expiringCount: 2, goals: { overdue: 2 } });
  });

  it('sorts as the URL says, and refuses a column it does not know', async () => {
    const list = await getJson<Rows<{ employee: string }>>(`/api/lists/critical-gaps?asOf=${TODAY}&sort=-team`);
    expect(list.rows.map((row) => row.employee)).toEqual(['e4', 'e1']);
    const refused = await get(`/api/lists/critical-gaps?sort=salary`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain('sort must be one of team, employee');
  });

  it('lists single points of failure with the holder and whom to train', async () => {
    const list = await getJson<Rows<{ team: string; holders: { name: string }[]; candidates: { id: string }[]; fixes: string[] }>>(`/api/lists/single-points-of-failure?asOf=${TODAY}`);
    expect(list.rows.map((row) => [row.team, row.holders.map((holder) => holder.name), row.candidates.map((candidate) => candidate.id), row.fixes])).toEqual([
      ['Data', ['Alan Turing'], ['e1'], ['sql-3']],
      ['Payments', ['Grace Hopper'], ['e4'], ['sql-3']],
    ]);
  });

  it('lists credentials expiring in 90 days, soonest first, or latest first when asked', async () => {
    const list = await getJson<Rows<{ employee: string; expiresOn: string }>>(`/api/lists/expiring?asOf=${TODAY}`);
    expect(list.rows.map((row) => [row.employee, row.expiresOn])).toEqual([['e2', '2026-12-31'], ['e3', '2027-01-15']]);
    const reversed = await getJson<Rows<{ employee: string }>>(`/api/lists/expiring?asOf=${TODAY}&sort=-expiresOn`);
    expect(reversed.rows.map((row) => row.employee)).toEqual(['e3', 'e2']);
  });

  it('lists overdue goals with the days they are late', async () => {
    const list = await getJson<Rows<{ goal: string; daysOverdue: number }>>(`/api/lists/overdue-goals?asOf=${TODAY}`);
    expect(list.rows.map((row) => [row.goal, row.daysOverdue])).toEqual([['g4', 24], ['g1', 5]]);
  });

  it('exports a list as CSV with a formula-like name neutralised', async () => {
    const response = await get(`/api/lists/critical-gaps?asOf=${TODAY}&format=csv`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(await response.text()).toBe(
      'team,employee_id,employee_name,role,skill_id,skill_name,required_level,effective_level,gap,credentials_that_close_it\r\n' +
        'Data,e1,Ada Lovelace,Analyst,sql,SQL,3,0,3,SQL Practitioner\r\n' +
        "Payments,e4,'=SUM(1+1),Analyst,sql,SQL,3,0,3,SQL Practitioner\r\n",
    );
  });

  it("never shows a manager anyone outside their team: lists, exports and search", async () => {
    const outsiders = ['e3', 'e4', 'Grace', 'SUM', 'Payments'];
    for (const list of ['critical-gaps', 'single-points-of-failure', 'expiring', 'overdue-goals']) {
      const body = await (await get(`/api/lists/${list}?asOf=${TODAY}`, dataManager)).text();
      const csv = await (await get(`/api/lists/${list}?asOf=${TODAY}&format=csv`, dataManager)).text();
      for (const outsider of outsiders) {
        expect(body, `${list} JSON`).not.toContain(outsider);
        expect(csv, `${list} CSV`).not.toContain(outsider);
      }
      expect(body).toMatch(/"total":[12]/);
    }
    expect((await get(`/api/lists/critical-gaps?team=Payments`, dataManager)).status).toBe(403);
    const search = await getJson<{ results: { id: string }[] }>('/api/search?q=g', dataManager);
    expect(search.results.map((result) => result.id)).not.toContain('e3');
    const lndSearch = await getJson<{ results: { id: string }[] }>('/api/search?q=g', lnd);
    expect(lndSearch.results.map((result) => result.id)).toContain('e3');
  });

  it("lists a team's people short of a skill, and the credentials that close it", async () => {
    const gaps = await getJson<{ people: { employee: string; required: number; effective: number }[]; credentials: { id: string }[] }>(`/api/teams/Data/skills/sql/gaps?asOf=${TODAY}`);
    expect(gaps.people.map((person) => [person.employee, person.required, person.effective])).toEqual([['e1', 3, 0]]);
    // SQL Taster grants level 1 only: it would not close a level-3 gap.
    expect(gaps.credentials.map((credential) => credential.id)).toEqual(['sql-3']);
    expect((await get('/api/teams/Payments/skills/sql/gaps', dataManager)).status).toBe(403);
    expect((await get('/api/teams/Data/skills/cobol/gaps')).status).toBe(404);
  });

  it('finds a person by the start of a word, in any case', async () => {
    const search = await getJson<{ results: { kind: string; label: string }[] }>('/api/search?q=HOPP');
    expect(search.results).toEqual([{ kind: 'person', id: 'e3', label: 'Grace Hopper', detail: 'Payments · Analyst' }]);
  });
}
