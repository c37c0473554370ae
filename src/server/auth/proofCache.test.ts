// Sessions and tokens kept in memory must never outlive a withdrawn right: a revoked token, a
// demoted account, a session ended — whether this process made the change or another one did
// (another server process, `gapmap users`, a statement typed by hand), which the database announces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_STORES, startTestServer, type TestServer } from '../../../tests/support/testServer';
import type { Organisation } from '../../domain/schema';
import { memoryAccountStore, type AccountStore } from '../store/accountStore';
import { addAccount, createApiToken, grant, identifyToken } from './accounts';
import { cacheProofs } from './proofCache';

const TODAY = '2026-11-25';

function organisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'emp-alice', name: 'Alice Aaltonen', team: 'Alpha', role: 'analyst' },
      { id: 'emp-bruno', name: 'Bruno Bergstrom', team: 'Beta', role: 'analyst' },
    ],
    credentials: [],
    awards: [],
    assessments: [],
    goals: [],
    interests: [],
  };
}

/** A memory store that counts the per-request reads, to see what the cache answers itself. */
function countingStore(): { store: AccountStore; reads: () => number } {
  const inner = memoryAccountStore();
  let reads = 0;
  return {
    store: {
      ...inner,
      tokenWithAccount: (digest) => {
        reads += 1;
        return inner.tokenWithAccount(digest);
      },
    },
    reads: () => reads,
  };
}

describe('the proof cache in one process', () => {
  it('answers a token it has checked from memory, and refuses it at once after this process revokes it', async () => {
    const { store, reads } = countingStore();
    const { accounts } = cacheProofs(store);
    await addAccount(accounts, { email: 'script@cache.test', role: 'hr' });
    const { secret, token } = await createApiToken(accounts, { email: 'script@cache.test', expiresInMs: 60 * 60_000 });
    expect((await identifyToken(accounts, secret))?.role).toBe('hr');
    expect((await identifyToken(accounts, secret))?.role).toBe('hr');
    expect(reads()).toBe(1);
    await accounts.revokeToken(token.id, new Date().toISOString());
    expect(await identifyToken(accounts, secret)).toBeUndefined();
  });

  it('gives a demoted account its new role on the next request', async () => {
    const { accounts } = cacheProofs(memoryAccountStore());
    await addAccount(accounts, { email: 'boss@cache.test', role: 'admin' });
    const { secret } = await createApiToken(accounts, { email: 'boss@cache.test', expiresInMs: 60 * 60_000 });
    expect((await identifyToken(accounts, secret))?.role).toBe('admin');
    await grant(accounts, 'boss@cache.test', { role: 'hr' });
    expect((await identifyToken(accounts, secret))?.role).toBe('hr');
  });

  it('still judges expiry at every request from what it kept', async () => {
    const { accounts } = cacheProofs(memoryAccountStore());
    await addAccount(accounts, { email: 'short@cache.test', role: 'hr' });
    const made = new Date('2026-11-25T10:00:00Z');
    const { secret } = await createApiToken(accounts, { email: 'short@cache.test', expiresInMs: 60_000 }, made);
    expect(await identifyToken(accounts, secret, new Date('2026-11-25T10:00:30Z'))).toBeDefined();
    expect(await identifyToken(accounts, secret, new Date('2026-11-25T10:01:00Z'))).toBeUndefined();
  });

  it('keeps nothing for longer than ten seconds, and nothing at all while announcements cannot be heard', async () => {
    let clock = 0;
    const { store, reads } = countingStore();
    const proofs = cacheProofs(store, { now: () => clock });
    await addAccount(proofs.accounts, { email: 'clock@cache.test', role: 'hr' });
    const { secret } = await createApiToken(proofs.accounts, { email: 'clock@cache.test', expiresInMs: 60 * 60_000 });
    await identifyToken(proofs.accounts, secret);
    clock = 9_000;
    await identifyToken(proofs.accounts, secret);
    expect(reads()).toBe(1);
    clock = 10_500;
    await identifyToken(proofs.accounts, secret);
    expect(reads()).toBe(2);
    proofs.setListening(false);
    await identifyToken(proofs.accounts, secret);
    await identifyToken(proofs.accounts, secret);
    expect(reads()).toBe(4);
  });
});

// A change made outside this process's account store: a second process, the CLI or psql. On a
// database the announcement (migration 8's triggers) must reach the cache; without it the cache
// would keep answering for ten seconds and these polls, which give up after five, would fail.
for (const kind of DATABASE_STORES) {
  describe(`a change made by another process, stored in ${kind}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind, { today: TODAY, organisation: organisation(), label: 'proofcache' });
    }, 60_000);
    afterAll(() => server.close());

    const statusWith = async (headers: Record<string, string>, path = '/api/overview') => (await server.fetch(path, { headers })).status;

    it('a token revoked elsewhere is refused', async () => {
      await addAccount(server.access.accounts, { email: 'revoked@cache.test', role: 'hr' });
      const { secret, token } = await createApiToken(server.access.accounts, { email: 'revoked@cache.test', expiresInMs: 60 * 60_000 });
      const headers = { authorization: `Bearer ${secret}` };
      expect(await statusWith(headers)).toBe(200);
      expect(await statusWith(headers)).toBe(200);
      await server.db!.query('update api_tokens set revoked_at = now() where id = $1', [token.id]);
      await expect.poll(() => statusWith(headers), { timeout: 5_000, interval: 50 }).toBe(401);
    });

    it('an account demoted elsewhere loses what it may do', async () => {
      await addAccount(server.access.accounts, { email: 'demoted@cache.test', role: 'admin' });
      const { secret } = await createApiToken(server.access.accounts, { email: 'demoted@cache.test', expiresInMs: 60 * 60_000 });
      const headers = { authorization: `Bearer ${secret}` };
      expect(await statusWith(headers, '/api/accounts')).toBe(200);
      await server.db!.query(`update accounts set role = 'hr' where email = $1`, ['demoted@cache.test']);
      await expect.poll(() => statusWith(headers, '/api/accounts'), { timeout: 5_000, interval: 50 }).toBe(403);
    });

    it('a session ended elsewhere is signed out', async () => {
      const account = await addAccount(server.access.accounts, { email: 'browser@cache.test', role: 'hr', password: 'correct horse battery staple' });
      const login = await server.fetch('/auth/login', {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'browser@cache.test', password: 'correct horse battery staple' }),
      });
      const cookie = /gapmap_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
      expect(cookie).toBeDefined();
      const headers = { cookie: cookie! };
      expect(await statusWith(headers)).toBe(200);
      await server.db!.query('delete from sessions where account_id = $1', [account.id]);
      await expect.poll(() => statusWith(headers), { timeout: 5_000, interval: 50 }).toBe(401);
    });
  });
}
