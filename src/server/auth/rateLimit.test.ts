// The sign-in attempt limit holds across processes: failures counted by one process refuse the
// next attempt in another (two limits over one database stand for two server processes).
import { describe, expect, it } from 'vitest';
import { DATABASE_STORES, testDatabasesOfThisFile } from '../../../tests/support/testServer';
import { createRateLimit, postgresRateLimit, type RateLimit } from './rateLimit';

const WINDOW = { max: 3, windowMs: 15 * 60_000 };
const T0 = Date.parse('2026-11-25T10:00:00Z');

async function failThrice(limit: RateLimit, key: string) {
  for (let i = 0; i < 3; i++) await limit.failed([key], T0 + i * 1_000);
}

describe('the attempt limit in memory', () => {
  it('refuses after max failures until the oldest of them leaves the window', async () => {
    const limit = createRateLimit(WINDOW);
    await limit.failed(['account:ada'], T0);
    await limit.failed(['account:ada'], T0 + 1_000);
    expect(await limit.retryAfter(['account:ada'], T0 + 2_000)).toBe(0);
    await limit.failed(['account:ada'], T0 + 2_000);
    // The first failure (T0) leaves the 15-minute window at T0 + 900 s: 898 s after T0 + 2 s.
    expect(await limit.retryAfter(['account:ada'], T0 + 2_000)).toBe(898);
    expect(await limit.retryAfter(['account:ada'], T0 + 900_000)).toBe(0);
    expect(await limit.retryAfter(['account:bob'], T0 + 2_000)).toBe(0);
  });
});

describe.each(DATABASE_STORES)('the attempt limit shared in %s', (kind) => {
  const openDatabase = testDatabasesOfThisFile('ratelimit');

  it('counts failures from every process, forgets them after the window, and a success clears the account', async () => {
    const database = await openDatabase(kind);
    const processA = postgresRateLimit(database.db, 'account', WINDOW);
    const processB = postgresRateLimit(database.db, 'account', WINDOW);
    await processA.failed(['account:ada'], T0);
    await processB.failed(['account:ada'], T0 + 1_000);
    await processA.failed(['account:ada'], T0 + 2_000);
    expect(await processB.retryAfter(['account:ada'], T0 + 2_000)).toBe(898);
    expect(await processA.retryAfter(['account:bob'], T0 + 2_000)).toBe(0);
    // Another limit's name (per address) does not count these.
    expect(await postgresRateLimit(database.db, 'address', WINDOW).retryAfter(['account:ada'], T0 + 2_000)).toBe(0);
    expect(await processB.retryAfter(['account:ada'], T0 + 900_000)).toBe(0);
    await failThrice(processA, 'account:cleo');
    await processB.clear('account:cleo');
    expect(await processA.retryAfter(['account:cleo'], T0 + 3_000)).toBe(0);
    // Keys are kept as digests: the table never holds what was tried.
    const stored = await database.db.query<{ key: string }>('select key from sign_in_failures');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((row) => row.key.includes('ada') || row.key.includes('account'))).toBe(false);
  }, 60_000);
});
