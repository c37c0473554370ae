// The first admin and everyone after (SPEC §6, §9): `gapmap users` on a server's database (each
// change audited), the one-time setup link a new server prints, and `gapmap serve` refusing to
// listen beyond 127.0.0.1 until someone can sign in.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/testDatabase';
import { serveRefusal, startServerProcess } from '../support/serverProcess';
import { connectPostgres } from '../../src/server/store/sql/postgresDatabase';

const ROOT = new URL('../..', import.meta.url).pathname;

function gapmap(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/gapmap.js', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!TEST_DATABASE_URL)('gapmap users, the setup link and where serve listens', () => {
  let database: TestDatabase;
  let db: string[];
  beforeAll(async () => {
    database = (await createTestDatabase('users'))!;
    db = ['--database-url', database.url];
  });
  afterAll(() => database?.drop());

  it('a new server with no admin listens on 127.0.0.1 only, refuses another address, and prints a one-time setup link that makes the first admin', async () => {
    const refused = await serveRefusal(['--host', '0.0.0.0', ...db]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/only once sign-in is configured/);

    const server = await startServerProcess(db);
    try {
      const link = /(http:\/\/\S+\/auth\/setup\?token=\S+)/.exec(server.output())?.[1];
      expect(link).toBeDefined();
      expect((await fetch(link!)).status).toBe(200);
      const token = new URL(link!).searchParams.get('token')!;
      const post = (password: string) =>
        fetch(`${server.url}/auth/setup`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, email: 'first@users.test', password }) });
      // A password too short is refused without using up the link.
      expect((await post('short')).status).toBe(400);
      const created = await post('the first admin password');
      expect(created.status).toBe(303);
      const cookie = /gapmap_session=[^;]+/.exec(created.headers.get('set-cookie') ?? '')![0];
      const session = (await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as { user: { email: string; role: string } };
      expect(session.user).toMatchObject({ email: 'first@users.test', role: 'admin' });
      // Used once: never again.
      expect((await post('the first admin password')).status).toBe(403);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('adds, lists, grants, revokes and removes accounts and tokens, each change in the audit log', async () => {
    expect(gapmap(['users', 'add', '--email', 'mia@users.test', '--role', 'manager', '--team', 'Inbound', ...db]).code).toBe(0);
    expect(gapmap(['users', 'add', '--email', 'MIA@users.test', '--role', 'hr', ...db])).toMatchObject({ code: 1, stderr: expect.stringMatching(/already an account/) });
    expect(gapmap(['users', 'add', '--email', 'no-role@users.test', ...db]).code).toBe(2);
    expect(gapmap(['users', 'add', '--email', 'pat@users.test', '--role', 'hr', '--password-stdin', ...db], 'too short\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 12/) });
    expect(gapmap(['users', 'grant', '--email', 'mia@users.test', '--team', 'Outbound', ...db]).stdout).toMatch(/manager of Inbound, Outbound/);
    expect(gapmap(['users', 'revoke', '--email', 'mia@users.test', '--team', 'Inbound', ...db]).stdout).toMatch(/manager of Outbound/);
    const token = gapmap(['users', 'token', '--email', 'mia@users.test', '--expires', '30d', '--label', 'nightly', ...db]);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^gmt_[\w-]{43}$/);
    const list = gapmap(['users', 'list', ...db]).stdout;
    expect(list).toContain('mia@users.test,manager,Outbound,no');
    expect(list).not.toContain(token.stdout.trim());
    const tokenId = /(tok-[\w-]+),mia@users.test,manager,nightly/.exec(list)?.[1];
    expect(tokenId).toBeDefined();

    // The token works against a running server, and not once revoked.
    const server = await startServerProcess(db);
    try {
      const headers = { authorization: `Bearer ${token.stdout.trim()}` };
      expect((await fetch(`${server.url}/api/session`, { headers })).status).toBe(200);
      expect(gapmap(['users', 'revoke', '--token', tokenId!, ...db]).code).toBe(0);
      expect((await fetch(`${server.url}/api/session`, { headers })).status).toBe(401);
    } finally {
      await server.stop();
    }
    expect(gapmap(['users', 'remove', '--email', 'mia@users.test', ...db]).code).toBe(0);

    const sql = await connectPostgres(database.url);
    try {
      const rows = await sql.query<{ actor: string; action: string; subject: string }>(`select actor, action, subject from audit_log where subject ilike 'mia@%' order by id`);
      expect(rows.map((row) => row.action)).toEqual(['account-added', 'account-changed', 'account-changed', 'token-created', 'token-revoked', 'account-removed']);
      expect(rows.every((row) => row.actor.startsWith('gapmap users'))).toBe(true);
    } finally {
      await sql.close();
    }
  }, 180_000);
});

