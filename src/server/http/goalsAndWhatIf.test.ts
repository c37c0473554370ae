// Goals and what-if over HTTP against the real handlers: scope checks, completion, scenarios.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_STORES, type TestServer } from '../../../tests/support/testServer';
import { orgHeatmapSchema, type Persona } from '../../api/contract';
import { coverageShare, decodeOrgHeatmap } from '../../api/heatmapCells';
import type { Organisation } from '../../domain/schema';

const TODAY = '2026-11-25';

/** A small organisation: two teams, one role needing SQL 3, a course granting it. */
function smallOrganisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }, { id: 'py', name: 'Python', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' },
      { id: 'e2', name: 'Alan Turing', email: 'alan@example.com', team: 'Data', role: 'analyst' },
      { id: 'e3', name: 'Grace Hopper', email: 'grace@example.com', team: 'Payments', role: 'analyst' },
    ],
    credentials: [
      { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' },
      { id: 'py-2', name: 'Python Basics', issuer: 'Academy', grants: [{ skill: 'py', level: 2 }], hours: 5, cost: 100, currency: 'EUR' },
    ],
    awards: [],
    assessments: [],
    goals: [],
    interests: [],
  };
}

let server: TestServer;

async function send(method: string, path: string, persona: Persona, body?: unknown) {
  return server.fetch(path, {
    method,
    headers: { ...(await server.authHeaders(persona)), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const lnd: Persona = { kind: 'lnd' };
const dataManager: Persona = { kind: 'manager', team: 'Data' };

for (const kind of TEST_STORES) {
  describe(`goals and what-if over HTTP, stored in ${kind}`, () => {
    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, organisation: smallOrganisation(), label: 'goals' });
    }, 60_000);
    beforeEach(async () => {
      await server.state.replace(smallOrganisation(), 'test: a fresh organisation');
    });
    afterAll(() => server.close());
    defineTests();
  });
}

function defineTests() {
describe('assigning goals', () => {
  it('assigns a credential to everyone in a cohort in one request', async () => {
    const response = await send('POST', '/api/goals', dataManager, { employees: ['e1', 'e2'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { created: { employee: string; assignedBy: string; createdOn: string }[] };
    expect(body.created.map((goal) => goal.employee)).toEqual(['e1', 'e2']);
    expect(body.created[0]).toMatchObject({ assignedBy: 'Manager of Data', createdOn: TODAY });
    const goals = (await (await send('GET', '/api/goals', dataManager)).json()) as { goals: unknown[] };
    expect(goals.goals).toHaveLength(2);
    // Who assigned what to whom, in the audit log.
    const [audited] = await server.access.audit.list({ action: 'goals-assigned' });
    const pseudonym = expect.stringMatching(/^person-[0-9a-f]{12}$/);
    expect(audited).toMatchObject({ actor: expect.stringMatching(/^manager\.\d+@callers\.test$/), subject: 'sql-3', detail: { credential: 'sql-3', dueOn: '2027-03-01', role: 'manager', goals: [{ employee: pseudonym }, { employee: pseudonym }] } });
    // The row names people by pseudonym only; the link back to them is kept apart (erasure deletes it).
    expect(JSON.stringify(audited)).not.toMatch(/"e1"|"e2"/);
    const named = (audited!.detail.goals as { employee: string }[]).map((goal) => goal.employee);
    const ids = await server.access.audit.people(named);
    expect(named.map((name) => ids.get(name))).toEqual(['e1', 'e2']);
  });

  it('assigns different courses to different people (a stack’s cohort) in one request and one audit entry', async () => {
    const response = await send('POST', '/api/goals', lnd, { pairs: [{ employee: 'e1', credential: 'sql-3' }, { employee: 'e2', credential: 'py-2' }, { employee: 'e1', credential: 'sql-3' }], dueOn: '2027-03-01', kind: 'organisational' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { created: { employee: string; credential: string; dueOn: string }[] };
    // The same pair twice makes one goal.
    expect(body.created.map((goal) => [goal.employee, goal.credential, goal.dueOn])).toEqual([
      ['e1', 'sql-3', '2027-03-01'],
      ['e2', 'py-2', '2027-03-01'],
    ]);
    const audited = await server.access.audit.list({ action: 'goals-assigned' });
    const pseudonym = expect.stringMatching(/^person-[0-9a-f]{12}$/);
    expect(audited[0]).toMatchObject({ subject: 'sql-3, py-2', detail: { credentials: ['sql-3', 'py-2'], goals: [{ employee: pseudonym, credential: 'sql-3' }, { employee: pseudonym, credential: 'py-2' }] } });
    const named = (audited[0]!.detail.goals as { employee: string }[]).map((goal) => goal.employee);
    const ids = await server.access.audit.people(named);
    expect(named.map((name) => ids.get(name))).toEqual(['e1', 'e2']);
  });

  it("refuses a manager a goal for another team's employee, and assigns nothing", async () => {
    const auditedBefore = (await server.access.audit.list({ action: 'goals-assigned' })).length;
    const response = await send('POST', '/api/goals', dataManager, { employees: ['e1', 'e3'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' });
    expect(response.status).toBe(403);
    expect(await server.access.audit.list({ action: 'goals-assigned' })).toHaveLength(auditedBefore);
    const goals = (await (await send('GET', '/api/goals', lnd)).json()) as { goals: unknown[] };
    expect(goals.goals).toHaveLength(0);
  });

  it('refuses HR any assignment', async () => {
    const response = await send('POST', '/api/goals', { kind: 'hr' }, { employees: ['e1'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' });
    expect(response.status).toBe(403);
  });

  it('refuses a due date in the past, saying so', async () => {
    const response = await send('POST', '/api/goals', lnd, { employees: ['e1'], credential: 'sql-3', dueOn: '2026-01-01', kind: 'personal' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/in the past/);
  });

  it('skips a person who already has an open goal for the credential', async () => {
    await send('POST', '/api/goals', lnd, { employees: ['e1'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' });
    const again = (await (await send('POST', '/api/goals', lnd, { employees: ['e1', 'e2'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' })).json()) as {
      created: unknown[];
      skipped: { employee: string }[];
    };
    expect(again.created).toHaveLength(1);
    expect(again.skipped.map((item) => item.employee)).toEqual(['e1']);
  });

  it('completes a goal by itself once the award is on file', async () => {
    await send('POST', '/api/goals', lnd, { employees: ['e1'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' });
    const stored = (await server.state.current()).org;
    await server.state.replace({ ...stored, awards: [{ employee: 'e1', credential: 'sql-3', issuedOn: TODAY, verification: 'unverified' }] });
    const goals = (await (await send('GET', '/api/goals', lnd)).json()) as { goals: { completed: boolean; completedOn?: string; status: string }[] };
    expect(goals.goals[0]).toMatchObject({ completed: true, completedOn: TODAY, status: 'completed' });
  });
});

describe('which evidence counts', () => {
  it('counts a manager assessment for all evidence and for verified credentials and assessments, but not for verified credentials only', async () => {
    const stored = (await server.state.current()).org;
    await server.state.replace({ ...stored, assessments: [{ employee: 'e1', skill: 'sql', level: 3, source: 'manager', assessedOn: '2026-10-01' }] });
    const effective = async (evidence: string) => {
      const heatmap = (await (await send('GET', `/api/heatmap/team/Data?evidence=${evidence}`, lnd)).json()) as { employees: { id: string }[]; effective: number[]; skills: { id: string }[] };
      const row = heatmap.employees.findIndex((employee) => employee.id === 'e1');
      return heatmap.effective[row * heatmap.skills.length + heatmap.skills.findIndex((skill) => skill.id === 'sql')];
    };
    expect(await effective('all')).toBe(3);
    expect(await effective('verified')).toBe(3);
    expect(await effective('credentials')).toBe(0);
    expect((await send('GET', '/api/overview?evidence=everything', lnd)).status).toBe(400);
  });
});

describe('what-if', () => {
  const strictRoles = () => smallOrganisation().roles.map((role) => ({ ...role, requirements: [{ skill: 'sql', level: 5, weight: 'critical' as const }] }));
  const required = async (path: string, persona: Persona = lnd) => ((await (await send('GET', path, persona)).json()) as { required: number[] }).required;

  it('is a draft the address names: views that name it compute on it, the stored data stays until kept', async () => {
    expect(await required('/api/heatmap/team/Data')).toEqual([3, 3]);
    const opened = (await (await send('PUT', '/api/whatif', lnd, { roles: strictRoles() })).json()) as { id: string };
    expect(opened).toEqual({ active: true, id: expect.stringMatching(/^[0-9a-f]{32}$/), mine: true, changes: ['Analyst: SQL 3 → 5, critical'] });
    expect(await required(`/api/heatmap/team/Data?scenario=${opened.id}`)).toEqual([5, 5]);
    // Without the draft in the address, even its author sees the organisation as stored.
    expect(await required('/api/heatmap/team/Data')).toEqual([3, 3]);
    expect((await server.state.current()).org.roles[0]?.requirements[0]?.level).toBe(3);
    // A second change edits the same draft.
    const changed = (await (await send('PUT', `/api/whatif?scenario=${opened.id}`, lnd, { credentials: smallOrganisation().credentials.slice(0, 1) })).json()) as { id: string };
    expect(changed.id).toBe(opened.id);
    expect((await send('DELETE', `/api/whatif?scenario=${opened.id}`, lnd)).status).toBe(200);
    // Discarded: an address that still names it says so, in the contract's shape.
    const gone = await send('GET', `/api/heatmap/team/Data?scenario=${opened.id}`, lnd);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: 'no-scenario' });
    expect(await (await send('GET', `/api/whatif?scenario=${opened.id}`, lnd)).json()).toEqual({ active: false, changes: [], gone: true });
  });

  it("can be shared by its address, yet only its author changes, keeps or discards it; nobody else's view changes", async () => {
    const { id } = (await (await send('PUT', '/api/whatif', lnd, { roles: strictRoles() })).json()) as { id: string };
    const hr: Persona = { kind: 'hr' };
    expect(await required('/api/heatmap/team/Data', hr)).toEqual([3, 3]);
    expect(await required(`/api/heatmap/team/Data?scenario=${id}`, hr)).toEqual([5, 5]);
    expect(await (await send('GET', `/api/whatif?scenario=${id}`, hr)).json()).toMatchObject({ active: true, id, mine: false });
    expect(await (await send('GET', '/api/whatif', hr)).json()).toEqual({ active: false, changes: [] });
    expect((await send('POST', `/api/whatif/keep?scenario=${id}`, hr)).status).toBe(403);
    // A goal assigned by the author while looking at the draft lands on the stored organisation, without the draft's roles.
    expect((await send('POST', `/api/goals?scenario=${id}`, lnd, { employees: ['e1'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' })).status).toBe(201);
    expect((await server.state.current()).org.roles[0]?.requirements[0]?.level).toBe(3);
    expect((await server.state.current()).org.goals).toHaveLength(1);
    // An export made under the draft says so in its file name; the real one does not.
    expect((await send('GET', `/api/reports/gaps?format=team&scenario=${id}`, hr)).headers.get('content-disposition')).toMatch(/filename="what-if-draft-gap-report-team-/);
    expect((await send('GET', '/api/reports/gaps?format=team', hr)).headers.get('content-disposition')).toMatch(/filename="gap-report-team-/);
    await send('DELETE', `/api/whatif?scenario=${id}`, lnd);
  });

  it('stores the draft when kept, and the draft is gone', async () => {
    const credentials = [...smallOrganisation().credentials, { id: 'sql-5', name: 'SQL Expert', issuer: 'Academy', grants: [{ skill: 'sql', level: 5 }], hours: 40, cost: 900, currency: 'EUR' }];
    const { id } = (await (await send('PUT', '/api/whatif', lnd, { credentials })).json()) as { id: string };
    const kept = await send('POST', `/api/whatif/keep?scenario=${id}`, lnd);
    expect(await kept.json()).toEqual({ active: false, changes: [] });
    expect((await server.state.current()).org.credentials.map((credential) => credential.id)).toEqual(['sql-3', 'py-2', 'sql-5']);
    expect((await server.access.audit.list({ action: 'whatif-kept' }))[0]).toMatchObject({ detail: { changes: expect.arrayContaining(['Credential SQL Expert added to the catalog']), role: 'admin' } });
    expect((await send('POST', `/api/whatif/keep?scenario=${id}`, lnd)).status).toBe(404);
  });

  it('answers every figure of a draft beside the same figure on the stored organisation, and names each change', async () => {
    // Stored: Analyst needs SQL 3 (critical, weight 3). Ada and Grace hold SQL 3, Alan holds Python 2 only.
    // Draft: Analyst needs SQL 5 (critical) and Python 2 (important, weight 2).
    const awards = [
      { employee: 'e1', credential: 'sql-3', issuedOn: '2026-01-10', verification: 'verified' as const },
      { employee: 'e2', credential: 'py-2', issuedOn: '2026-01-10', verification: 'verified' as const },
      { employee: 'e3', credential: 'sql-3', issuedOn: '2026-01-10', verification: 'verified' as const },
    ];
    await server.state.replace({ ...smallOrganisation(), awards }, 'test: three awards');
    const draftRoles = [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 5, weight: 'critical' as const }, { skill: 'py', level: 2, weight: 'important' as const }] }];
    const { id, changes } = (await (await send('PUT', '/api/whatif', lnd, { roles: draftRoles })).json()) as { id: string; changes: string[] };
    expect(changes).toEqual(['Analyst: SQL 3 → 5, critical', 'Analyst: Python added at 2, important']);
    const get = async <T,>(path: string) => (await (await send('GET', path, lnd)).json()) as T;

    // Readiness = Σ w·min(E,R) / Σ w·R. Stored: Ada 9/9, Alan 0/9, Grace 9/9 → 18/27.
    // Draft: Ada (3·3 + 0)/(15 + 4) = 9/19, Alan (0 + 2·2)/19 = 4/19, Grace 9/19 → 22/57.
    const overview = await get<{ readiness: number; criticalGaps: number; singlePointsOfFailure: number; topGaps: { skill: string; weightedGap: number; peopleWithGap: number }[]; baseline: { readiness: number; criticalGaps: number; singlePointsOfFailure: number; forecastReadiness: number; expiringCount: number; goalCompletionRate: number | null; topGaps: unknown[]; trend: { date: string; readiness: number }[] } ; trend: { date: string; readiness: number }[] }>(`/api/overview?asOf=${TODAY}&scenario=${id}`);
    expect(overview.readiness).toBeCloseTo(22 / 57, 10);
    expect(overview.baseline.readiness).toBeCloseTo(18 / 27, 10);
    expect(overview.baseline.forecastReadiness).toBeCloseTo(18 / 27, 10); // sql-3 never expires
    // Critical gaps: stored only Alan misses SQL 3; the draft's SQL 5 is missed by all three.
    expect([overview.baseline.criticalGaps, overview.criticalGaps]).toEqual([1, 3]);
    // Single points of failure: SQL in each team has one person at 3 (stored) and nobody at 5 (draft).
    expect([overview.baseline.singlePointsOfFailure, overview.singlePointsOfFailure]).toEqual([2, 2]);
    expect(overview.baseline.expiringCount).toBe(0);
    expect(overview.baseline.goalCompletionRate).toBeNull(); // no goals
    // The trend's month ends (Oct 2025 … Oct 2026): before the awards of 10 Jan 2026 nobody held anything (0 both ways);
    // from January on, the stored and the draft's readiness as worked out above.
    expect(overview.baseline.trend.map((point) => point.date)).toEqual(overview.trend.map((point) => point.date));
    expect(overview.baseline.trend.map((point) => point.readiness)).toEqual(overview.trend.map((point) => (point.date < '2026-01-10' ? 0 : expect.closeTo(18 / 27, 10))));
    expect(overview.trend.map((point) => point.readiness)).toEqual(overview.trend.map((point) => (point.date < '2026-01-10' ? 0 : expect.closeTo(22 / 57, 10))));
    // Top gaps of the draft: SQL 3 people short of 5 (2 + 5 + 2 levels × 3 = 27), Python Ada and Grace (2 × 2 × 2 = 8);
    // as stored, SQL only Alan (3 × 3 = 9) and Python nobody.
    expect(overview.topGaps.map(({ skill, weightedGap, peopleWithGap }) => ({ skill, weightedGap, peopleWithGap }))).toEqual([
      { skill: 'sql', weightedGap: 27, peopleWithGap: 3 },
      { skill: 'py', weightedGap: 8, peopleWithGap: 2 },
    ]);
    expect(overview.baseline.topGaps).toEqual([
      { skill: 'sql', weightedGap: 9, peopleWithGap: 1 },
      { skill: 'py', weightedGap: 0, peopleWithGap: 0 },
    ]);
    // Without the draft in the address there is nothing to compare.
    expect(await get<object>(`/api/overview?asOf=${TODAY}`)).not.toHaveProperty('baseline');

    const teams = await get<{ teams: { team: string; readiness: number; baseline: { readiness: number } }[] }>(`/api/teams?asOf=${TODAY}&scenario=${id}`);
    // Data: stored (9 + 0)/18, draft (9 + 4)/38; Payments: stored 9/9, draft 9/19.
    expect(teams.teams.map((team) => [team.team, team.baseline.readiness, team.readiness])).toEqual([
      ['Data', 0.5, expect.closeTo(13 / 38, 10)],
      ['Payments', 1, expect.closeTo(9 / 19, 10)],
    ]);

    const data = await get<{ readiness: number; skills: { skill: string; coverage: number | null; weightedGap: number }[]; baseline: { readiness: number; members: { id: string; readiness: number; gaps: number; weightedGap: number }[]; skills: { skill: string; skillName: string; coverage: number | null; weightedGap: number }[] } }>(`/api/teams/Data?asOf=${TODAY}&scenario=${id}`);
    expect(data.baseline.readiness).toBe(0.5);
    expect(data.readiness).toBeCloseTo(13 / 38, 10);
    // Stored: Ada meets SQL 3; Alan misses it by 3 levels (weighted 3 × 3 = 9).
    expect(data.baseline.members).toEqual([
      { id: 'e1', readiness: 1, gaps: 0, weightedGap: 0 },
      { id: 'e2', readiness: 0, gaps: 1, weightedGap: 9 },
    ]);
    // SQL: stored 1 of 2 meet level 3 (gap 9); draft nobody meets 5 (Ada 2 × 3 + Alan 5 × 3 = 21). Python only in the draft: Alan meets 2, Ada misses it by 2 (2 × 2 = 4).
    expect(data.baseline.skills.map(({ skill, skillName, coverage, weightedGap }) => [skill, skillName, coverage, weightedGap])).toEqual([['sql', 'SQL', 0.5, 9]]);
    expect(data.skills.map(({ skill, coverage, weightedGap }) => [skill, coverage, weightedGap]).sort()).toEqual([['py', 0.5, 4], ['sql', 0, 21]]);

    // The org heatmap: columns py, sql; rows Data, Payments; the stored coverage cell for cell.
    const heatmap = decodeOrgHeatmap(orgHeatmapSchema.parse(await get<unknown>(`/api/heatmap/org?asOf=${TODAY}&scenario=${id}`)));
    expect(heatmap.skills.map((skill) => skill.id)).toEqual(['py', 'sql']);
    expect(Array.from(heatmap.coverage, coverageShare)).toEqual([0.5, 0, 0, 0]);
    expect(Array.from(heatmap.baselineCoverage ?? [], coverageShare)).toEqual([null, 0.5, null, 1]);
    expect(heatmap.teams.baselineReadiness).toEqual([0.5, 1]);

    // The Data team heatmap: rows Ada, Alan; columns py, sql. Stored: SQL 3 only; draft: Python 2 and SQL 5.
    const teamHeatmap = await get<{ skills: { id: string }[]; required: number[]; gap: number[]; baseline: { required: number[]; effective: number[]; gap: number[] } }>(`/api/heatmap/team/Data?asOf=${TODAY}&scenario=${id}`);
    expect(teamHeatmap.skills.map((skill) => skill.id)).toEqual(['py', 'sql']);
    expect([teamHeatmap.required, teamHeatmap.gap]).toEqual([[2, 5, 2, 5], [2, 2, 0, 5]]);
    expect(teamHeatmap.baseline).toEqual({ required: [0, 3, 0, 3], effective: [0, 3, 2, 0], gap: [0, 0, 0, 3] });
    expect(await get<object>(`/api/heatmap/team/Data?asOf=${TODAY}`)).not.toHaveProperty('baseline');

    // Alan as stored: SQL 3 missed entirely (readiness 0); in the draft he meets Python 2 (4/19).
    const alan = await get<{ readiness: number; baseline: { readiness: number; requirements: { skill: string; required: number; gap: number; met: boolean }[] } }>(`/api/employees/e2?asOf=${TODAY}&scenario=${id}`);
    expect(alan.readiness).toBeCloseTo(4 / 19, 10);
    expect(alan.baseline.readiness).toBe(0);
    expect(alan.baseline.requirements.map(({ skill, required, gap, met }) => ({ skill, required, gap, met }))).toEqual([{ skill: 'sql', required: 3, gap: 3, met: false }]);
    await send('DELETE', `/api/whatif?scenario=${id}`, lnd);
  });

  it("answers a team's cohorts, budget plan and a person's pathway under a draft beside the stored ones", async () => {
    // Stored: Analyst needs SQL 3 (critical, weight 3); Ada holds SQL 3, Alan nothing (Data team).
    // Draft: Analyst needs SQL 5, and the catalog adds SQL Expert (SQL 5, €900, 40 h).
    const awards = [{ employee: 'e1', credential: 'sql-3', issuedOn: '2026-01-10', verification: 'verified' as const }];
    await server.state.replace({ ...smallOrganisation(), awards }, 'test: Ada holds SQL 3');
    const credentials = [...smallOrganisation().credentials, { id: 'sql-5', name: 'SQL Expert', issuer: 'Academy', grants: [{ skill: 'sql', level: 5 }], hours: 40, cost: 900, currency: 'EUR' }];
    const roles = [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 5, weight: 'critical' as const }] }];
    const { id } = (await (await send('PUT', '/api/whatif', lnd, { roles, credentials })).json()) as { id: string };
    const get = async <T,>(path: string) => (await (await send('GET', path, lnd)).json()) as T;

    // Stored: one cohort, SQL Practitioner for Alan (3 levels × 3 = 9, €200, 10 h).
    // Draft: SQL Expert for Ada (2 × 3) and Alan (5 × 3): 21, 2 × €900, 2 × 40 h; SQL Practitioner no longer recommended.
    const cohorts = await get<{ cohorts: { credentialId: string; weightedGapClosed: number; totalCost: number }[]; totals: { people: number; cost: number; hours: number; weightedGapClosed: number }; baseline: unknown }>(`/api/teams/Data/cohorts?asOf=${TODAY}&scenario=${id}`);
    expect(cohorts.cohorts.map(({ credentialId, weightedGapClosed, totalCost }) => [credentialId, weightedGapClosed, totalCost])).toEqual([['sql-5', 21, 1800]]);
    expect(cohorts.totals).toMatchObject({ people: 2, cost: 1800, hours: 80, weightedGapClosed: 21 });
    expect(cohorts.baseline).toEqual({
      totals: { people: 1, bookings: 1, assigned: 0, cost: 200, hours: 10, weightedGapClosed: 9 },
      cohorts: [{ credentialId: 'sql-3', name: 'SQL Practitioner', people: 1, weightedGapClosed: 9, totalCost: 200, totalHours: 10 }],
    });
    // A budget of €1,000. Stored: Alan's SQL Practitioner (€200) closes all 9. Draft: one SQL Expert fits;
    // Alan's (15) beats Ada's (6), of the 21 courses can close.
    const budget = await get<{ spent: number; weightedGapClosed: number; totalWeightedGap: number; baseline: unknown }>(`/api/teams/Data/budget?budget=1000&asOf=${TODAY}&scenario=${id}`);
    expect([budget.spent, budget.weightedGapClosed, budget.totalWeightedGap]).toEqual([900, 15, 21]);
    expect(budget.baseline).toEqual({ spent: 200, weightedGapClosed: 9, totalWeightedGap: 9 });
    // Alan's own pathway. Stored: SQL Practitioner (1 course, €200, 10 h, 3 levels × 3 = 9). Draft: SQL Expert (€900, 40 h, 5 × 3 = 15).
    const pathway = await get<{ totalCost: number; totalHours: number; weightedGapClosed: number; baseline: unknown }>(`/api/employees/e2/pathway?asOf=${TODAY}&scenario=${id}`);
    expect([pathway.totalCost, pathway.totalHours, pathway.weightedGapClosed]).toEqual([900, 40, 15]);
    expect(pathway.baseline).toEqual({ courses: 1, totalCost: 200, totalHours: 10, weightedGapClosed: 9, unclosable: 0 });
    expect(await get<object>(`/api/employees/e2/pathway?asOf=${TODAY}`)).not.toHaveProperty('baseline');
    expect(await get<object>(`/api/teams/Data/cohorts?asOf=${TODAY}`)).not.toHaveProperty('baseline');
    expect(await get<object>(`/api/teams/Data/budget?budget=1000&asOf=${TODAY}`)).not.toHaveProperty('baseline');
    await send('DELETE', `/api/whatif?scenario=${id}`, lnd);
  });

  it('answers the goal counts under a draft beside the stored ones, with the goals whose state the draft changes', async () => {
    // Ada earned SQL Practitioner on 10 Jan 2026 (no expiry as stored); her goal for it was created on 1 Jun, due 1 Nov.
    // Stored, she holds it on 1 Jun: completed. The draft makes it valid 3 months (to 10 Apr), so from 1 Jun
    // she never holds it: open, and overdue on 25 Nov.
    const awards = [{ employee: 'e1', credential: 'sql-3', issuedOn: '2026-01-10', verification: 'verified' as const }];
    const goals = [{ id: 'g1', employee: 'e1', credential: 'sql-3', createdOn: '2026-06-01', dueOn: '2026-11-01', status: 'assigned' as const, kind: 'organisational' as const, assignedBy: 'L&D manager' }];
    await server.state.replace({ ...smallOrganisation(), awards, goals }, 'test: a goal met by an award');
    const credentials = smallOrganisation().credentials.map((credential) => (credential.id === 'sql-3' ? { ...credential, validityMonths: 3 } : credential));
    const { id } = (await (await send('PUT', '/api/whatif', lnd, { credentials })).json()) as { id: string };
    const get = async <T,>(path: string) => (await (await send('GET', path, lnd)).json()) as T;

    const list = await get<{ summary: object; byTeam: { team: string; summary: object }[]; baseline: unknown }>(`/api/goals?asOf=${TODAY}&scenario=${id}`);
    expect(list.summary).toEqual({ total: 1, completed: 0, overdue: 1, open: 1, completionRate: 0 });
    expect(list.baseline).toEqual({
      summary: { total: 1, completed: 1, overdue: 0, open: 0, completionRate: 1 },
      byTeam: [{ team: 'Data', summary: { total: 1, completed: 1, overdue: 0, open: 0, completionRate: 1 } }],
      changedGoals: [{ id: 'g1', completed: true, overdue: false, status: 'completed' }],
    });
    // The overdue list: the goal is new in the draft (24 days late), and the stored list was empty.
    const overdue = await get<{ rows: { goal: string; daysOverdue: number; baseline: unknown }[]; baseline: unknown }>(`/api/lists/overdue-goals?asOf=${TODAY}&scenario=${id}`);
    expect(overdue.rows.map((row) => [row.goal, row.daysOverdue, row.baseline])).toEqual([['g1', 24, null]]);
    expect(overdue.baseline).toEqual({ total: 0, goneTotal: 0, gone: [] });
    expect(await get<object>(`/api/goals?asOf=${TODAY}`)).not.toHaveProperty('baseline');
    await send('DELETE', `/api/whatif?scenario=${id}`, lnd);
  });

  it('moves an expiry date in the expiring list under a draft that changes the validity, beside the stored date', async () => {
    // Ada earned SQL Practitioner on 10 Dec 2025. Stored valid 12 months: expires 10 Dec 2026, 15 days after 25 Nov.
    // Draft: valid 13 months, so 10 Jan 2027 (46 days): still within 90 days, a month later than stored.
    const credentials = smallOrganisation().credentials.map((credential) => (credential.id === 'sql-3' ? { ...credential, validityMonths: 12 } : credential));
    const awards = [{ employee: 'e1', credential: 'sql-3', issuedOn: '2025-12-10', verification: 'verified' as const }];
    await server.state.replace({ ...smallOrganisation(), credentials, awards }, 'test: a credential valid a year');
    const drafted = credentials.map((credential) => (credential.id === 'sql-3' ? { ...credential, validityMonths: 13 } : credential));
    const { id } = (await (await send('PUT', '/api/whatif', lnd, { credentials: drafted })).json()) as { id: string };
    const expiring = (await (await send('GET', `/api/lists/expiring?asOf=${TODAY}&scenario=${id}`, lnd)).json()) as { rows: { employee: string; expiresOn: string; baseline: unknown }[]; baseline: unknown };
    expect(expiring.rows.map((row) => [row.employee, row.expiresOn, row.baseline])).toEqual([['e1', '2027-01-10', { expiresOn: '2026-12-10' }]]);
    expect(expiring.baseline).toEqual({ total: 1, goneTotal: 0, gone: [] });
    await send('DELETE', `/api/whatif?scenario=${id}`, lnd);
  });

  it('refuses a scenario that names a skill that does not exist', async () => {
    const roles = [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'cobol', level: 2, weight: 'important' }] }];
    const response = await send('PUT', '/api/whatif', lnd, { roles });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/cobol/);
  });

  it('refuses a manager a what-if', async () => {
    const response = await send('PUT', '/api/whatif', dataManager, { roles: [] });
    expect(response.status).toBe(403);
  });
});
}
