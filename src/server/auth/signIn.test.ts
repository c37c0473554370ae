// Sign-in on a server and the attacks SPEC §9 must withstand, over real HTTP: sessions (cookie flags,
// a new id at sign-in, sign out, sign out everywhere), cross-origin changes, guessing passwords and
// ids, revoked tokens, SQL and markup in text, bodies over the limit — each change with its audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/testServer';
import { TEST_DATABASE_URL } from '../../../tests/support/testDatabase';
import { PERSONA_HEADER } from '../../api/contract';
import type { Organisation } from '../../domain/schema';
import { addAccount, createApiToken } from './accounts';
import type { AuditAction } from '../store/auditLog';

const TODAY = '2026-11-25';
const PASSWORD = 'correct horse battery staple';

function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'emp-alice', name: 'Alice Aaltonen', team: 'Alpha', role: 'analyst' },
      { id: 'emp-bruno', name: 'Bruno Bergstrom', team: 'Beta', role: 'analyst' },
    ],
    credentials: [{ id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' }],
    awards: [],
    assessments: [],
    goals: [{ id: 'goal-alice', employee: 'emp-alice', credential: 'sql-3', dueOn: '2027-01-01', kind: 'organisational', status: 'assigned', assignedBy: 'L&D manager', createdOn: '2026-11-01' }],
    interests: [],
  };
}

const STORES = ['memory', ...(TEST_DATABASE_URL ? (['postgres'] as const) : [])] as const;

for (const kind of STORES) {
  describe(`sign-in and attacks, stored in ${kind}`, () => {
    let server: TestServer;
    let admin: Record<string, string>;
    let betaManager: Record<string, string>;

    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, organisation: organisation(), label: 'signin' });
      await addAccount(server.access.accounts, { email: 'ada@signin.test', role: 'admin', password: PASSWORD });
      await addAccount(server.access.accounts, { email: 'guessed@signin.test', role: 'hr', password: PASSWORD });
      admin = await server.authHeaders({ kind: 'lnd' });
      betaManager = await server.authHeaders({ kind: 'manager', team: 'Beta' });
    }, 60_000);
    afterAll(() => server.close());

    const sameOrigin = () => ({ origin: server.url, 'content-type': 'application/json' });

    async function signIn(email = 'ada@signin.test', password = PASSWORD, extra: Record<string, string> = {}) {
      return server.fetch('/auth/login', { method: 'POST', headers: { ...sameOrigin(), ...extra }, body: JSON.stringify({ email, password }) });
    }

    function sessionCookie(response: Response): string {
      const header = response.headers.get('set-cookie') ?? '';
      const match = /gapmap_session=([^;]+)/.exec(header);
      if (!match) throw new Error(`no session cookie in "${header}"`);
      return `gapmap_session=${match[1]}`;
    }

    async function auditRows(action: AuditAction) {
      return server.access.audit.list({ action });
    }

    it('signs in with a password: an HttpOnly, SameSite=Lax cookie (not Secure over plain http), and the session says who', async () => {
      const before = (await auditRows('signed-in')).length;
      const response = await signIn();
      expect(response.status).toBe(200);
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/Secure/i);
      const session = await server.fetch('/api/session', { headers: { cookie: sessionCookie(response) } });
      expect(session.status).toBe(200);
      expect(((await session.json()) as { user: unknown }).user).toEqual({ name: 'ada@signin.test', email: 'ada@signin.test', role: 'admin', via: 'session' });
      const rows = await auditRows('signed-in');
      expect(rows.length).toBe(before + 1);
      expect(rows[0]).toMatchObject({ actor: 'ada@signin.test', subject: 'ada@signin.test', detail: { via: 'password' } });
    });

    it('answers 401 to anyone signed out, and ignores the persona header', async () => {
      expect((await server.fetch('/api/overview')).status).toBe(401);
      expect((await server.fetch('/api/overview', { headers: { [PERSONA_HEADER]: 'lnd' } })).status).toBe(401);
      expect((await server.fetch('/api/session', { headers: { [PERSONA_HEADER]: 'hr', cookie: 'gapmap_session=made-up' } })).status).toBe(401);
    });

    it('gives a new session id at every sign-in and ends the one the browser brought', async () => {
      const first = sessionCookie(await signIn());
      const second = await signIn('ada@signin.test', PASSWORD, { cookie: first });
      expect(sessionCookie(second)).not.toBe(first);
      expect((await server.fetch('/api/session', { headers: { cookie: first } })).status).toBe(401);
      expect((await server.fetch('/api/session', { headers: { cookie: sessionCookie(second) } })).status).toBe(200);
    });

    it('refuses a session cookie reused after sign-out', async () => {
      const cookie = sessionCookie(await signIn());
      expect((await server.fetch('/auth/logout', { method: 'POST', headers: { ...sameOrigin(), cookie } })).status).toBe(200);
      expect((await server.fetch('/api/overview', { headers: { cookie } })).status).toBe(401);
    });

    it('signs out everywhere: every session of the account ends, and the audit log says so', async () => {
      const [a, b] = [sessionCookie(await signIn()), sessionCookie(await signIn())];
      const response = await server.fetch('/auth/logout-everywhere', { method: 'POST', headers: { ...sameOrigin(), cookie: a } });
      expect(response.status).toBe(200);
      expect((await server.fetch('/api/session', { headers: { cookie: a } })).status).toBe(401);
      expect((await server.fetch('/api/session', { headers: { cookie: b } })).status).toBe(401);
      expect((await auditRows('signed-out-everywhere'))[0]).toMatchObject({ actor: 'ada@signin.test' });
    });

    it('refuses a change from another origin (CSRF), with or without an Origin header, and changes nothing', async () => {
      const cookie = sessionCookie(await signIn());
      const body = JSON.stringify({ employees: ['emp-bruno'], credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' });
      const goalsBefore = (await auditRows('goals-assigned')).length;
      const attempts: Record<string, string>[] = [
        { origin: 'http://evil.test', cookie, 'content-type': 'application/json' },
        { 'sec-fetch-site': 'cross-site', cookie, 'content-type': 'application/json' },
        { cookie, 'content-type': 'application/json' },
      ];
      for (const headers of attempts) {
        const response = await server.fetch('/api/goals', { method: 'POST', headers, body });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: 'cross-origin' });
      }
      expect((await server.fetch('/auth/logout-everywhere', { method: 'POST', headers: { origin: 'http://evil.test', cookie } })).status).toBe(403);
      expect((await auditRows('goals-assigned')).length).toBe(goalsBefore);
      // The same request from the page's own origin is accepted, and audited.
      const own = await server.fetch('/api/goals', { method: 'POST', headers: { ...sameOrigin(), cookie }, body });
      expect(own.status).toBe(201);
      const [assigned] = await auditRows('goals-assigned');
      expect(assigned).toMatchObject({ actor: 'ada@signin.test', subject: 'sql-3', detail: { goals: [{ employee: expect.stringMatching(/^person-/) }] } });
      const pseudonym = (assigned!.detail.goals as { employee: string }[])[0]!.employee;
      expect((await server.access.audit.people([pseudonym])).get(pseudonym)).toBe('emp-bruno');
      await server.state.replace(organisation(), 'test: the fixture again');
    });

    it('locks an account after 10 wrong passwords: 50 in a row end in 429 with Retry-After, even for the right one, each refusal audited', async () => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let attempt = 0; attempt < 50; attempt++) {
        const response = await signIn('guessed@signin.test', `wrong password ${attempt}`);
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual(Array(40).fill(429));
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect((await signIn('guessed@signin.test', PASSWORD)).status).toBe(429);
      const refused = (await auditRows('sign-in-refused')).filter((row) => row.subject === 'guessed@signin.test');
      expect(refused.length).toBe(51);
      expect(refused.map((row) => row.detail.reason)).toContain('wrong email or password');
    }, 120_000);

    it('refuses a token once it is revoked, and audits both the making and the revoking', async () => {
      const made = await server.fetch('/api/tokens', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'guessed@signin.test', expiresInDays: 30, label: 'nightly export' }) });
      expect(made.status).toBe(201);
      const { secret, token } = (await made.json()) as { secret: string; token: { id: string } };
      const script = { authorization: `Bearer ${secret}` };
      expect((await server.fetch('/api/reports/gaps', { headers: script })).status).toBe(200);
      expect((await auditRows('token-created'))[0]).toMatchObject({ subject: 'guessed@signin.test', detail: { tokenId: token.id, label: 'nightly export', role: 'hr' } });
      const listed = (await (await server.fetch('/api/tokens', { headers: admin })).json()) as { tokens: Record<string, unknown>[] };
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect((await server.fetch(`/api/tokens/${token.id}`, { method: 'DELETE', headers: admin })).status).toBe(200);
      expect((await server.fetch('/api/reports/gaps', { headers: script })).status).toBe(401);
      expect((await auditRows('token-revoked'))[0]).toMatchObject({ subject: 'guessed@signin.test', detail: { tokenId: token.id } });
    });

    it('refuses an expired token', async () => {
      const { secret } = await createApiToken(server.access.accounts, { email: 'guessed@signin.test', expiresInMs: 1 });
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await server.fetch('/api/overview', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    });

    it("answers a manager guessing another team's ids in URLs and bodies exactly as for unknown ones, and changes nothing", async () => {
      const goalsBefore = (await auditRows('goals-assigned')).length;
      const statusesBefore = (await auditRows('goal-status-changed')).length;
      const assign = (employees: string[]) => server.fetch('/api/goals', { method: 'POST', headers: { ...betaManager, 'content-type': 'application/json' }, body: JSON.stringify({ employees, credential: 'sql-3', dueOn: '2027-03-01', kind: 'organisational' }) });
      const guessed = await assign(['emp-alice']);
      const unknown = await assign(['emp-nobody']);
      expect(guessed.status).toBe(403);
      expect(unknown.status).toBe(403);
      expect(await guessed.json()).toEqual(await unknown.json());
      const patch = (id: string) => server.fetch(`/api/goals/${id}`, { method: 'PATCH', headers: { ...betaManager, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'cancelled' }) });
      const [guessedGoal, unknownGoal] = [await patch('goal-alice'), await patch('goal-nobody')];
      expect([guessedGoal.status, unknownGoal.status]).toEqual([403, 403]);
      expect(await guessedGoal.json()).toEqual(await unknownGoal.json());
      for (const path of ['/api/employees/emp-alice/pathway', '/api/teams/Alpha/cohorts', '/api/overview?team=Alpha', '/api/reports/gaps?team=Alpha', '/api/lists/expiring?team=Alpha']) {
        expect((await server.fetch(path, { headers: betaManager })).status, path).toBe(403);
      }
      expect((await auditRows('goals-assigned')).length).toBe(goalsBefore);
      expect((await auditRows('goal-status-changed')).length).toBe(statusesBefore);
    });

    it('keeps SQL and markup in text fields as plain text, everywhere', async () => {
      const nasty = `Robert'); DROP TABLE accounts;-- <script>alert(1)</script> <img src=x onerror=alert(1)>`;
      const csv = `skill_id,name,category\nevil,"${nasty}",data\n`;
      const imported = await server.fetch('/api/imports', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'merge', files: [{ fileName: `skills'--<b>.csv`, text: csv }] }) });
      expect(imported.status).toBe(200);
      expect((await auditRows('import'))[0]).toMatchObject({ action: 'import', detail: { files: [`skills'--<b>.csv`] } });
      const catalog = (await (await server.fetch('/api/catalog', { headers: admin })).json()) as { skills: { id: string; name: string }[] };
      expect(catalog.skills.find((skill) => skill.id === 'evil')?.name).toBe(nasty);
      const search = await server.fetch(`/api/search?q=${encodeURIComponent("' OR 1=1 --")}`, { headers: betaManager });
      expect(search.status).toBe(200);
      const account = await server.fetch('/api/accounts', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@signin.test', role: 'hr', displayName: nasty }) });
      expect(account.status).toBe(201);
      expect((await auditRows('account-added'))[0]).toMatchObject({ subject: 'x@signin.test' });
      expect((await signIn(`' OR '1'='1`, `' OR '1'='1`)).status).toBe(401);
      // The accounts table is still there and answers.
      const accounts = (await (await server.fetch('/api/accounts', { headers: admin })).json()) as { accounts: { displayName: string }[] };
      expect(accounts.accounts.map((row) => row.displayName)).toContain(nasty);
      expect((await server.fetch('/api/accounts', { headers: admin })).headers.get('content-type')).toMatch(/^application\/json/);
      await server.state.replace(organisation(), 'test: the fixture again');
    });

    it('times the session and scope check inside the server (Server-Timing: auth)', async () => {
      const cookie = sessionCookie(await signIn());
      const durations: number[] = [];
      for (let i = 0; i < 200; i++) {
        const response = await server.fetch('/api/teams', { headers: i % 2 ? { cookie } : betaManager });
        const match = /auth;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
        expect(match).not.toBeNull();
        durations.push(Number(match![1]));
      }
      durations.sort((a, b) => a - b);
      const p95 = durations[Math.floor(durations.length * 0.95)]!;
      console.info(`session+scope check in ${kind}: p50 ${durations[100]!.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`);
      expect(p95).toBeLessThan(50);
    });

    // Last: the server closes the connection of a refused upload, which the client's pool may still hold.
    it('refuses a body over the limit with 413 and stores nothing', async () => {
      const before = (await auditRows('account-added')).length;
      const response = await server.fetch('/api/accounts', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'big@signin.test', role: 'hr', displayName: 'x'.repeat(2 * 1024 * 1024) }) });
      expect(response.status).toBe(413);
      expect((await auditRows('account-added')).length).toBe(before);
    });
  });
}
