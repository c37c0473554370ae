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

  it('answers each list under a what-if draft beside the stored one: rows new in the draft, changed figures, rows gone', async () => {
    const draftOf = async (requirements: { skill: string; level: number; weight: 'critical' | 'important' }[]) => {
      const response = await server.fetch('/api/whatif', { method: 'PUT', headers: { ...(await server.authHeaders(lnd)), 'content-type': 'application/json' }, body: JSON.stringify({ roles: [{ id: 'analyst', name: 'Analyst', requirements }] }) });
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    type Compared<T, B> = Rows<T & { baseline: B | null }> & { baseline: { total: number; goneTotal: number; gone: T[] } };

    // Draft "harder": Analyst needs SQL 4 (critical) instead of 3. Alan and Grace hold SQL 3, Ada and =SUM nothing.
    const harder = await draftOf([{ skill: 'sql', level: 4, weight: 'critical' }]);
    // Critical gaps: stored Ada and =SUM short of 3 by 3; the draft adds Alan and Grace, short of 4 by 1.
    const gaps = await getJson<Compared<{ employee: string; required: number; effective: number; gap: number }, { required: number; effective: number; gap: number }>>(`/api/lists/critical-gaps?asOf=${TODAY}&scenario=${harder}`);
    expect(gaps.rows.map((row) => [row.employee, row.required, row.effective, row.gap, row.baseline])).toEqual([
      ['e1', 4, 0, 4, { required: 3, effective: 0, gap: 3 }],
      ['e2', 4, 3, 1, null],
      ['e3', 4, 3, 1, null],
      ['e4', 4, 0, 4, { required: 3, effective: 0, gap: 3 }],
    ]);
    expect([gaps.baseline.total, gaps.total, gaps.baseline.goneTotal]).toEqual([2, 4, 0]);
    // Single points of failure: each team's one SQL 3 holder (required by 2, met by 1) meets no SQL 4: nobody holds it.
    const spofs = await getJson<Compared<{ team: string; highestRequired: number; metCount: number; holders: unknown[] }, { highestRequired: number; requiredCount: number; metCount: number; holders: number }>>(`/api/lists/single-points-of-failure?asOf=${TODAY}&scenario=${harder}`);
    expect(spofs.rows.map((row) => [row.team, row.highestRequired, row.metCount, row.holders.length, row.baseline])).toEqual([
      ['Data', 4, 0, 0, { highestRequired: 3, requiredCount: 2, metCount: 1, holders: 1 }],
      ['Payments', 4, 0, 0, { highestRequired: 3, requiredCount: 2, metCount: 1, holders: 1 }],
    ]);
    // Requirements do not move expiry dates or due dates: the same rows with the same figures both ways.
    const expiring = await getJson<Compared<{ employee: string; expiresOn: string }, { expiresOn: string }>>(`/api/lists/expiring?asOf=${TODAY}&scenario=${harder}`);
    expect(expiring.rows.map((row) => [row.employee, row.expiresOn, row.baseline])).toEqual([['e2', '2026-12-31', { expiresOn: '2026-12-31' }], ['e3', '2027-01-15', { expiresOn: '2027-01-15' }]]);
    const overdue = await getJson<Compared<{ goal: string; daysOverdue: number }, { daysOverdue: number }>>(`/api/lists/overdue-goals?asOf=${TODAY}&scenario=${harder}`);
    expect(overdue.rows.map((row) => [row.goal, row.daysOverdue, row.baseline])).toEqual([['g4', 24, { daysOverdue: 24 }], ['g1', 5, { daysOverdue: 5 }]]);
    expect(overdue.baseline).toEqual({ total: 2, goneTotal: 0, gone: [] });
    // Data's SQL cell: Ada short of 4 by 4 (stored 3 by 3), Alan new (short of 4 by 1).
    const cell = await getJson<{ people: { employee: string; gap: number; baseline: unknown }[]; baseline: unknown }>(`/api/teams/Data/skills/sql/gaps?asOf=${TODAY}&scenario=${harder}`);
    expect(cell.people.map((person) => [person.employee, person.gap, person.baseline])).toEqual([['e1', 4, { required: 3, effective: 0, gap: 3 }], ['e2', 1, null]]);
    expect(cell.baseline).toEqual({ total: 1, gone: [] });
    // The exports list the draft's rows with the columns of SPEC §5, nothing about the baseline.
    const csv = await (await get(`/api/lists/critical-gaps?asOf=${TODAY}&format=csv&scenario=${harder}`)).text();
    expect(csv.split('\r\n')[0]).toBe('team,employee_id,employee_name,role,skill_id,skill_name,required_level,effective_level,gap,credentials_that_close_it');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);

    // Draft "nothing required": every stored row is gone, listed so the reader sees what the draft closes.
    const none = await draftOf([]);
    const closed = await getJson<Compared<{ employee: string; gap: number }, unknown>>(`/api/lists/critical-gaps?asOf=${TODAY}&scenario=${none}`);
    expect([closed.total, closed.baseline.total, closed.baseline.goneTotal]).toEqual([0, 2, 2]);
    expect(closed.baseline.gone.map((row) => [row.employee, row.gap])).toEqual([['e1', 3], ['e4', 3]]);
    const noSpofs = await getJson<Compared<{ team: string }, unknown>>(`/api/lists/single-points-of-failure?asOf=${TODAY}&scenario=${none}`);
    expect(noSpofs.baseline.gone.map((row) => row.team)).toEqual(['Data', 'Payments']);
    const noCell = await getJson<{ people: unknown[]; baseline: unknown }>(`/api/teams/Data/skills/sql/gaps?asOf=${TODAY}&scenario=${none}`);
    expect(noCell).toMatchObject({ people: [], baseline: { total: 1, gone: [{ employee: 'e1', name: 'Ada Lovelace', required: 3, effective: 0, gap: 3 }] } });

    // Without a draft in the address there is nothing to compare.
    const plain = await getJson<object>(`/api/lists/critical-gaps?asOf=${TODAY}`);
    expect(plain).not.toHaveProperty('baseline');
    expect(JSON.stringify(plain)).not.toContain('"baseline"');
    for (const id of [harder, none]) await server.fetch(`/api/whatif?scenario=${id}`, { method: 'DELETE', headers: await server.authHeaders(lnd) });
  });

  it('finds a person by the start of a word, in any case', async () => {
    const search = await getJson<{ results: { kind: string; label: string }[] }>('/api/search?q=HOPP');
    expect(search.results).toEqual([{ kind: 'person', id: 'e3', label: 'Grace Hopper', detail: 'Payments · Analyst' }]);
  });
}
