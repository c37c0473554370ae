// The training plan over HTTP against the real handlers and stores: priced and totalled from the
// catalog, exported as CSV, and assigned as goals in one stored change with one audit entry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_STORES, type TestServer } from '../../../tests/support/testServer';
import type { Persona, PlanSummary } from '../../api/contract';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';

/** Two teams, two courses: SQL Practitioner 200 € / 10 h, Python Basics 100 € / 5 h. */
function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }, { id: 'py', name: 'Python', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'e1', name: 'Ada Lovelace', team: 'Data', role: 'analyst' },
      { id: 'e2', name: 'Alan Turing', team: 'Data', role: 'analyst' },
      { id: 'e3', name: 'Grace Hopper', team: 'Payments', role: 'analyst' },
    ],
    credentials: [
      { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' },
      { id: 'py-2', name: 'Python Basics', issuer: 'Academy', grants: [{ skill: 'py', level: 2 }], hours: 5, cost: 100, currency: 'EUR' },
    ],
    awards: [],
    assessments: [],
    // Alan already has an open goal for SQL Practitioner.
    goals: [{ id: 'g-alan', employee: 'e2', credential: 'sql-3', dueOn: '2027-01-31', kind: 'organisational', status: 'in-progress', assignedBy: 'L&D', createdOn: '2026-11-01' }],
    interests: [],
  };
}

/** A cohort in 2027-Q1 (Ada and Alan on SQL) and a pathway in 2027-Q2 (Grace on SQL and Python). */
const PLAN = {
  items: [
    { id: 'cohort:Data:sql-3', label: 'SQL Practitioner (Data)', kind: 'cohort', quarter: '2027-Q1', lines: [{ employee: 'e1', credential: 'sql-3' }, { employee: 'e2', credential: 'sql-3' }] },
    { id: 'pathway:e3', label: 'Grace Hopper’s pathway', kind: 'pathway', quarter: '2027-Q2', lines: [{ employee: 'e3', credential: 'sql-3' }, { employee: 'e3', credential: 'py-2' }] },
  ],
  budget: 600,
};

let server: TestServer;
const lnd: Persona = { kind: 'lnd' };
const dataManager: Persona = { kind: 'manager', team: 'Data' };

async function post(path: string, persona: Persona, body: unknown) {
  return server.fetch(path, { method: 'POST', headers: { ...(await server.authHeaders(persona)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

for (const kind of TEST_STORES) {
  describe(`the training plan over HTTP, stored in ${kind}`, () => {
    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, organisation: organisation(), label: 'plan' });
    }, 60_000);
    beforeEach(async () => {
      await server.state.replace(organisation(), 'test: a fresh organisation');
    });
    afterAll(() => server.close());

    it('prices the plan under a what-if draft on both catalogs, or says the stored one lacks a course', async () => {
      const put = async (credentials: Organisation['credentials']) =>
        ((await (await server.fetch('/api/whatif', { method: 'PUT', headers: { ...(await server.authHeaders(lnd)), 'content-type': 'application/json' }, body: JSON.stringify({ credentials }) })).json()) as { id: string }).id;
      // Draft: SQL Practitioner costs 250 € and takes 12 h. By hand: 3 × (250 €, 12 h) + (100 €, 5 h) = 850 €, 41 h; stored 700 €, 35 h.
      const dearer = await put(organisation().credentials.map((credential) => (credential.id === 'sql-3' ? { ...credential, cost: 250, hours: 12 } : credential)));
      const summary = (await (await post(`/api/plan/summary?asOf=${TODAY}&scenario=${dearer}`, lnd, PLAN)).json()) as PlanSummary;
      expect([summary.total.cost, summary.total.hours]).toEqual([850, 41]);
      // Stored, by hand: Data 2 × SQL = 400 €, 20 h (2027-Q1); Payments SQL + Python = 300 €, 15 h (2027-Q2); 600 − 700 = −100 left.
      expect(summary.baseline).toEqual({
        cost: 700,
        hours: 35,
        remaining: -100,
        byTeam: [{ team: 'Data', cost: 400, hours: 20 }, { team: 'Payments', cost: 300, hours: 15 }],
        byQuarter: [{ quarter: '2027-Q1', cost: 400, hours: 20 }, { quarter: '2027-Q2', cost: 300, hours: 15 }],
      });
      // Draft: a new course, booked in the plan; the stored catalog cannot price it.
      const added = await put([...organisation().credentials, { id: 'sql-5', name: 'SQL Expert', issuer: 'Academy', grants: [{ skill: 'sql', level: 5 }], hours: 40, cost: 900, currency: 'EUR' }]);
      const withNew = { items: [{ id: 'pathway:e1', label: 'Ada', kind: 'pathway', quarter: '2027-Q1', lines: [{ employee: 'e1', credential: 'sql-5' }] }], budget: null };
      const newSummary = (await (await post(`/api/plan/summary?asOf=${TODAY}&scenario=${added}`, lnd, withNew)).json()) as PlanSummary;
      expect([newSummary.total.cost, newSummary.baseline]).toEqual([900, null]);
      expect((await (await post(`/api/plan/summary?asOf=${TODAY}`, lnd, PLAN)).json()) as object).not.toHaveProperty('baseline');
      for (const id of [dearer, added]) await server.fetch(`/api/whatif?scenario=${id}`, { method: 'DELETE', headers: await server.authHeaders(lnd) });
    });

    it('totals the plan per team and per quarter from the catalog, against the budget', async () => {
      const response = await post(`/api/plan/summary?asOf=${TODAY}`, lnd, PLAN);
      expect(response.status).toBe(200);
      const summary = (await response.json()) as PlanSummary;
      // By hand: 3 × SQL (200 €, 10 h) + 1 × Python (100 €, 5 h) = 700 €, 35 h; 100 € over 600.
      expect(summary.total).toEqual({ lines: 4, people: 3, cost: 700, hours: 35, assigned: 1 });
      expect(summary.byTeam).toEqual([
        { team: 'Data', lines: 2, people: 2, cost: 400, hours: 20, assigned: 1 },
        { team: 'Payments', lines: 2, people: 1, cost: 300, hours: 15, assigned: 0 },
      ]);
      expect(summary.byQuarter).toEqual([
        { quarter: '2027-Q1', dueOn: '2027-03-31', lines: 2, people: 2, cost: 400, hours: 20, assigned: 1 },
        { quarter: '2027-Q2', dueOn: '2027-06-30', lines: 2, people: 1, cost: 300, hours: 15, assigned: 0 },
      ]);
      expect(summary.remaining).toBe(-100);
      expect(summary.quarters).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
      expect(summary.defaultQuarter).toBe('2027-Q1');
      expect(summary.lines.find((line) => line.employeeId === 'e2')?.goal).toEqual({ id: 'g-alan', dueOn: '2027-01-31', status: 'in-progress' });
    });

    it('exports the plan as CSV', async () => {
      const response = await post(`/api/plan/export?asOf=${TODAY}`, lnd, PLAN);
      expect(response.status).toBe(200);
      const lines = (await response.text()).split('\r\n');
      expect(lines[0]).toBe('quarter,due_on,team,employee_id,employee_name,credential_id,credential_name,cost,hours,from,goal_status');
      expect(lines[2]).toBe('2027-Q1,2027-03-31,Data,e2,Alan Turing,sql-3,SQL Practitioner,200,10,SQL Practitioner (Data),in-progress');
      expect(lines).toHaveLength(6); // header, 4 lines, the empty string after the last CRLF
    });

    it('assigns the whole plan in one stored change with one audit entry, each goal due at its quarter’s end', async () => {
      const before = await server.state.snapshot();
      const response = await post('/api/plan/assign', lnd, PLAN);
      expect(response.status).toBe(201);
      const body = (await response.json()) as { created: { employee: string; credential: string; dueOn: string }[]; skipped: { employee: string }[] };
      expect(body.created.map((goal) => [goal.employee, goal.credential, goal.dueOn])).toEqual([
        ['e1', 'sql-3', '2027-03-31'],
        ['e3', 'sql-3', '2027-06-30'],
        ['e3', 'py-2', '2027-06-30'],
      ]);
      expect(body.skipped).toEqual([]); // Alan's pair already had a goal: the plan does not ask again
      const after = await server.state.snapshot();
      expect(after.revision).toBe(before.revision + 1);
      expect(after.eo.org.goals).toHaveLength(4);
      const audited = await server.access.audit.list({ action: 'goals-assigned' });
      expect(audited[0]).toMatchObject({ subject: 'training plan', detail: { credentials: ['sql-3', 'py-2'] } });
      // People by pseudonym, which the log's link table (not the row) leads back to.
      const named = (audited[0]!.detail.goals as { employee: string }[]).map((goal) => goal.employee);
      const ids = await server.access.audit.people(named);
      expect(named.map((pseudonym) => ids.get(pseudonym))).toEqual(['e1', 'e3', 'e3']);
      // Assigned again: nothing left to assign.
      const again = (await (await post('/api/plan/assign', lnd, PLAN)).json()) as { created: unknown[] };
      expect(again.created).toEqual([]);
    });

    it('refuses a manager a plan naming someone outside their teams, and assigns nothing', async () => {
      expect((await post(`/api/plan/summary?asOf=${TODAY}`, dataManager, PLAN)).status).toBe(403);
      expect((await post('/api/plan/assign', dataManager, PLAN)).status).toBe(403);
      expect((await server.state.current()).org.goals).toHaveLength(1);
      const own = { ...PLAN, items: [PLAN.items[0]] };
      expect((await post('/api/plan/assign', dataManager, own)).status).toBe(201);
    });

    it('refuses a plan with a quarter that is not one, or a line for nobody, saying why', async () => {
      const badQuarter = await post('/api/plan/summary', lnd, { items: [{ ...PLAN.items[0], quarter: '2027-Q5' }], budget: null });
      expect(badQuarter.status).toBe(400);
      const nobody = await post('/api/plan/summary', lnd, { items: [{ ...PLAN.items[0], lines: [{ employee: 'e9', credential: 'sql-3' }] }], budget: null });
      expect(nobody.status).toBe(400);
      expect(((await nobody.json()) as { message: string }).message).toContain('e9');
    });

    it('keeps each author’s plan: saved whole, read back by its author only, and a bad one refused with nothing changed', async () => {
      const put = async (persona: Persona, body: unknown) =>
        server.fetch('/api/plan', { method: 'PUT', headers: { ...(await server.authHeaders(persona)), 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const get = async (persona: Persona) => (await server.fetch('/api/plan', { headers: await server.authHeaders(persona) })).json();
      const saved = { items: PLAN.items, budget: PLAN.budget };
      expect((await put(lnd, saved)).status).toBe(200);
      expect(await get(lnd)).toEqual(saved);
      // Another author has a plan of their own, empty until they save one.
      expect(await get(dataManager)).toEqual({ items: [], budget: null });
      await put(dataManager, { items: [PLAN.items[0]], budget: null });
      expect(await get(lnd)).toEqual(saved);
      // An item without lines is refused, saying where; the stored plan stays as it was.
      const refused = await put(lnd, { items: [{ ...PLAN.items[0], lines: [] }], budget: 10 });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toContain('items.0.lines');
      expect(await get(lnd)).toEqual(saved);
      // A manager keeps a plan of their own teams only; a line for someone who has left can stay until removed.
      expect((await put(dataManager, { items: [PLAN.items[1]], budget: null })).status).toBe(403);
      const withLeaver = { items: [{ ...PLAN.items[0], lines: [{ employee: 'e1', credential: 'sql-3' }, { employee: 'e-left', credential: 'sql-3' }] }], budget: null };
      expect((await put(dataManager, withLeaver)).status).toBe(200);
      expect(await get(dataManager)).toEqual(withLeaver);
    });
  });
}
