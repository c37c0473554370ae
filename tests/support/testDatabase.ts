// A PostgreSQL database of its own for one test file, on the server GAPMAP_TEST_DATABASE_URL names
// (CI sets it to the machine's PostgreSQL): NOTIFY and advisory locks are per database, so test
// files never see each other's. Dropped at the end. Undefined when no server is configured.
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.GAPMAP_TEST_DATABASE_URL;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTestDatabase(label: string): Promise<TestDatabase | undefined> {
  if (!TEST_DATABASE_URL) return undefined;
  const name = `gapmap_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
