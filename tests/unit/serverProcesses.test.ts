// `gapmap serve` as users run it: real processes on one PostgreSQL, killed in the middle of an
// import, racing imports, a database that goes away and comes back, the embedded database's lock.
import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../src/domain/schema';
import { postgresAccountStore } from '../../src/server/store/postgresAccountStore';
import { addAccount, createApiToken } from '../../src/server/auth/accounts';
import { connectPostgres } from '../../src/server/store/sql/postgresDatabase';
import { migrate, MIGRATIONS } from '../../src/server/store/sql/migrations';
import type { SqlDatabase } from '../../src/server/store/sql/sqlDatabase';
import { postgresStore } from '../../src/server/store/postgresStore';
import { createOrganisationState } from '../../src/server/state/organisationState';
import { createNodeApp, listen } from '../../src/server/hosts/node/serve';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/testDatabase';
import { serveRefusal, startServerProcess } from '../support/serverProcess';

const TODAY = '2026-11-25';
/** An admin's API token, made by the product on the seeded database (set by seeded()). */
let LND: Record<string, string> = {};

const PEOPLE = 10_000;
const id = (n: number) => `E${String(n).padStart(5, '0')}`;

/** 10,000 people in two teams, one role needing SQL 3, ten credentials that grant it. */
function organisation(): Organisation {
  const credentials = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Course ${i}`, issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }] }));
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: Array.from({ length: PEOPLE }, (_, i) => ({ id: id(i), name: `Person ${i}`, team: i % 2 ? 'Data' : 'Payments', role: 'analyst' })),
    credentials,
    awards: [],
    assessments: [],
    goals: [],
    interests: [],
  };
}

/** An awards file of `rows` distinct awards (everyone × 10 credentials × as many days as needed). */
function awardsCsv(rows: number, firstDay = Date.UTC(2020, 0, 1)): string {
  const lines = ['employee_id,credential_id,issued_on'];
  for (let n = 0; n < rows; n++) {
    const day = new Date(firstDay + Math.floor(n / (PEOPLE * 10)) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${id(n % PEOPLE)},c${Math.floor(n / PEOPLE) % 10},${day}`);
  }
  return `${lines.join('\n')}\n`;
}

function importBody(text: string) {
  return JSON.stringify({ mode: 'replace', files: [{ fileName: 'awards.csv', text }] });
}

async function seeded(label: string): Promise<{ database: TestDatabase; db: SqlDatabase }> {
  const database = (await createTestDatabase(label))!;
  const db = await connectPostgres(database.url);
  await migrate(db);
  await postgresStore(db).commit(organisation(), { source: 'edit', label: 'seed', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] });
  const accounts = postgresAccountStore(db);
  await addAccount(accounts, { email: 'admin@processes.test', role: 'admin' });
  LND = { authorization: `Bearer ${(await createApiToken(accounts, { email: 'admin@processes.test', expiresInMs: 3_600_000 })).secret}` };
  return { database, db };
}

async function counts(db: SqlDatabase) {
  const [state] = await db.query<{ revision: string }>('select revision from organisation_state');
  const [awards] = await db.query<{ count: string }>('select count(*) from awards');
  const [history] = await db.query<{ count: string }>('select count(*) from change_history');
  return { revision: Number(state!.revision), awardRows: Number(awards!.count), history: Number(history!.count) };
}

async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!TEST_DATABASE_URL)('several processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let db: SqlDatabase;
  beforeAll(async () => {
    ({ database, db } = await seeded('processes'));
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("a second process sees the first one's change on its next request", async () => {
    const [first, second] = await Promise.all([
      startServerProcess(['--database-url', database.url]),
      startServerProcess(['--database-url', database.url]),
    ]);
    try {
      // The second process prepares the organisation before the change.
      expect((await (await fetch(`${second.url}/api/goals`, { headers: LND })).json()).goals).toHaveLength(0);
      const assigned = await fetch(`${first.url}/api/goals`, {
        method: 'POST',
        headers: { ...LND, 'content-type': 'application/json' },
        body: JSON.stringify({ employees: [id(1)], credential: 'c1', dueOn: '2027-06-30', kind: 'organisational' }),
      });
      expect(assigned.status).toBe(201);
      const seen = (await (await fetch(`${second.url}/api/goals`, { headers: LND })).json()) as { goals: { goal: { employee: string; credential: string } }[] };
      expect(seen.goals.map((row) => row.goal)).toEqual([expect.objectContaining({ employee: id(1), credential: 'c1' })]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, 120_000);

  it('two imports at once are serialised or one is refused with a clear message, never interleaved', async () => {
    const [first, second] = await Promise.all([
      startServerProcess(['--database-url', database.url]),
      startServerProcess(['--database-url', database.url]),
    ]);
    try {
      const before = await counts(db);
      // Two different award sets: 20,000 from 2020 and 30,000 from 2022.
      const files = [awardsCsv(20_000), awardsCsv(30_000, Date.UTC(2022, 0, 1))];
      const responses = await Promise.all(
        [first, second].map((server, i) => fetch(`${server.url}/api/imports`, { method: 'POST', headers: { ...LND, 'content-type': 'application/json' }, body: importBody(files[i]!) })),
      );
      const statuses = responses.map((response) => response.status);
      for (const status of statuses) expect([200, 409]).toContain(status);
      expect(statuses).toContain(200);
      for (const response of responses.filter((candidate) => candidate.status === 409)) {
        expect(((await response.json()) as { message: string }).message).toMatch(/changed|again/i);
      }
      const after = await counts(db);
      expect(after.history - before.history).toBe(statuses.filter((status) => status === 200).length);
      // What is stored is one file's awards, whole: never a mixture.
      const stored = (await (await fetch(`${first.url}/api/session`, { headers: LND })).json()) as { counts: { awards: number } };
      expect([20_000, 30_000]).toContain(stored.counts.awards);
      const rows = await db.query<{ min: string; max: string }>(
        `select min(issued_on)::text as min, max(issued_on)::text as max from awards where generation = (select generation from kind_generations where kind = 'awards')`,
      );
      expect(stored.counts.awards === 20_000 ? rows[0]!.min.startsWith('2020') : rows[0]!.min.startsWith('2022')).toBe(true);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  }, 180_000);

  it('a process killed (SIGKILL) in the middle of a 1,000,000-award import leaves the database exactly as before, and the next start is clean', async () => {
    const server = await startServerProcess(['--database-url', database.url]);
    const before = await counts(db);
    const request = fetch(`${server.url}/api/imports`, { method: 'POST', headers: { ...LND, 'content-type': 'application/json' }, body: importBody(awardsCsv(1_000_000)) }).catch(
      (error: unknown) => error,
    );
    // Killed while PostgreSQL is receiving the awards (COPY inside the commit's transaction).
    await waitFor(async () => {
      const copying = await db.query(`select pid from pg_stat_activity where datname = current_database() and query ilike 'copy awards%'`);
      return copying.length > 0 ? true : undefined;
    }, 'the COPY of the awards');
    await server.kill();
    expect(await request).toBeInstanceOf(Error);
    await waitFor(async () => {
      const copying = await db.query(`select pid from pg_stat_activity where datname = current_database() and query ilike 'copy awards%' and state <> 'idle'`);
      return copying.length === 0 ? true : undefined;
    }, 'PostgreSQL to roll the import back');
    expect(await counts(db)).toEqual(before);
    const restarted = await startServerProcess(['--database-url', database.url]);
    try {
      const overview = await fetch(`${restarted.url}/api/overview`, { headers: LND });
      expect(overview.status).toBe(200);
      expect(((await overview.json()) as { employees: number }).employees).toBe(PEOPLE);
    } finally {
      await restarted.stop();
    }
  }, 240_000);

  it('two processes migrating a new database at once apply each migration once', async () => {
    const fresh = (await createTestDatabase('migrate'))!;
    const [a, b] = await Promise.all([connectPostgres(fresh.url), connectPostgres(fresh.url)]);
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      const versions = MIGRATIONS.map((migration) => migration.version);
      expect(applied.flat().sort((x, y) => x - y)).toEqual(versions);
      expect((await a.query<{ version: number }>('select version from gapmap_migrations order by version')).map((row) => row.version)).toEqual(versions);
    } finally {
      await a.close();
      await b.close();
      await fresh.drop();
    }
  }, 60_000);
});

/** A TCP proxy to PostgreSQL that a test can cut and restore, never touching the shared server. */
function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    open,
    get port() {
      return port;
    },
    async cut() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
    },
  };
}

describe.skipIf(!TEST_DATABASE_URL)('the database connection cut under load', () => {
  it('answers 503 with a clear body while the database is away, and recovers by itself when it returns', async () => {
    const { database, db: seedDb } = await seeded('cut');
    await seedDb.close();
    const target = new URL(database.url);
    const proxy = tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    const db = await connectPostgres(viaProxy.toString());
    const state = createOrganisationState(postgresStore(db), () => TODAY, { whenEmpty: 'stay-empty' });
    const server = await listen(createNodeApp({ state, database: { db, description: 'test', close: async () => undefined } }), { port: 0, host: '127.0.0.1' });
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: LND });
    try {
      expect((await get('/api/overview')).status).toBe(200);
      // Under load: requests in flight when the connection is cut, and more while it is away.
      const inFlight = Array.from({ length: 20 }, (_, i) => get(i % 2 ? '/api/overview' : '/api/teams'));
      await proxy.cut();
      const during = await Promise.all([...inFlight, ...Array.from({ length: 10 }, () => get('/api/overview'))]);
      const refused = during.filter((response) => response.status !== 200);
      expect(refused.length).toBeGreaterThan(0);
      for (const response of refused) {
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ error: 'database-unavailable', message: expect.stringMatching(/cannot reach its database/) });
      }
      await proxy.open();
      const recovered = await waitFor(async () => {
        const response = await get('/api/overview');
        return response.status === 200 ? response : undefined;
      }, 'the server to recover', 20_000);
      expect(((await recovered.json()) as { employees: number }).employees).toBe(PEOPLE);
    } finally {
      await server.close();
      await db.close();
      await proxy.cut();
      await database.drop();
    }
  }, 60_000);
});

describe('the embedded database', () => {
  it('refuses a second process on the same data folder with a clear message', async () => {
    const data = mkdtempSync(join(tmpdir(), 'gapmap-data-'));
    const first = await startServerProcess(['--data', data]);
    try {
      const second = await serveRefusal(['--data', data]);
      expect(second.code).toBe(1);
      expect(second.output).toMatch(/in use by another Gapmap process/);
      expect(second.output).toMatch(/--database-url/);
    } finally {
      await first.stop();
    }
    // Stopped cleanly, the folder is free again.
    const again = await startServerProcess(['--data', data]);
    await again.stop();
  }, 120_000);
});
