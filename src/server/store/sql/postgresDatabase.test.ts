// The pool's refusals are the database being out of reach (503 to the caller), not a bug (500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/testDatabase';
import { connectPostgres } from './postgresDatabase';
import { DatabaseUnavailableError, type SqlDatabase } from './sqlDatabase';

let database: TestDatabase | undefined;
beforeAll(async () => {
  database = await createTestDatabase('pool');
});
afterAll(async () => {
  await database?.drop();
});

describe.skipIf(!process.env.GAPMAP_TEST_DATABASE_URL)('a PostgreSQL pool under pressure', () => {
  it('answers DatabaseUnavailableError when every connection stays busy past the timeout, and serves again once one is free', async () => {
    const db: SqlDatabase = await connectPostgres(database!.url, { maxConnections: 1, connectionTimeoutMs: 300 });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The pool's only connection, busy in a transaction until released.
      const busy = db.transaction(async (tx) => {
        await tx.query('select 1');
        await held;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(db.query('select 1 as one')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      release();
      await busy;
      expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('answers DatabaseUnavailableError when nothing listens at the address', async () => {
    const url = new URL(database!.url);
    url.port = '1'; // nothing listens on port 1
    const db = await connectPostgres(url.toString(), { connectionTimeoutMs: 1_000 });
    try {
      await expect(db.query('select 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await db.close();
    }
  });
});
