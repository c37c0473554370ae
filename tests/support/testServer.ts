// The backend over real HTTP for tests: the Node host (`createNodeApp`: security headers, body
// limits, errors) on a free port, with the store a test asks for — memory, the embedded PGlite, or
// a real PostgreSQL server (a database of its own, dropped at the end) when GAPMAP_TEST_DATABASE_URL is set.
import { afterAll } from 'vitest';
import type { IsoDate, Organisation } from '../../src/domain/schema';
import { createOrganisationState, type OrganisationState } from '../../src/server/state/organisationState';
import { memoryStore, type OrganisationStore } from '../../src/server/store/organisationStore';
import { postgresStore, CHANGES_CHANNEL } from '../../src/server/store/postgresStore';
import { connectPostgres } from '../../src/server/store/sql/postgresDatabase';
import { openPglite } from '../../src/server/store/sql/pgliteDatabase';
import { migrate } from '../../src/server/store/sql/migrations';
import type { SqlDatabase } from '../../src/server/store/sql/sqlDatabase';
import { createNodeApp, listen, serverAccess, hearAccountChanges, type ServerAccess } from '../../src/server/hosts/node/serve';
import { addAccount, createApiToken } from '../../src/server/auth/accounts';
import { encodePersona, type Persona } from '../../src/api/contract';
import { createTestDatabase, TEST_DATABASE_URL } from './testDatabase';

export type TestStoreKind = 'memory' | 'pglite' | 'postgres';

/** Every store this machine can test: PostgreSQL only where a server is configured. */
export const TEST_STORES: TestStoreKind[] = ['memory', 'pglite', ...(TEST_DATABASE_URL ? (['postgres'] as const) : [])];

/** The stores that are a database (PGlite, and PostgreSQL where a server is configured). */
export const DATABASE_STORES = TEST_STORES.filter((kind): kind is Exclude<TestStoreKind, 'memory'> => kind !== 'memory');

/** Opens test databases for one file and drops them all after it (call at the top of a describe). */
export function testDatabasesOfThisFile(label: string) {
  const opened: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const database of opened) await database.drop();
  });
  return async (kind: Exclude<TestStoreKind, 'memory'>) => {
    const database = await openTestDatabase(kind, label);
    opened.push(database);
    return database;
  };
}

export interface TestServer {
  url: string;
  state: OrganisationState;
  store: OrganisationStore;
  db?: SqlDatabase;
  /** The database's URL (postgres only): a second process can connect to it. */
  databaseUrl?: string;
  /** Accounts, sessions, tokens and the audit log of this server. */
  access: ServerAccess;
  /**
   * The headers of a caller with an API token made by the product (an account per persona: L&D is an
   * admin, a persona manager a manager granted that team). Made once per persona and reused.
   */
  authHeaders(persona?: Persona): Promise<Record<string, string>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Tokens for test callers, made through the product's own account functions. */
export function testCallers(access: ServerAccess) {
  const tokens = new Map<string, Promise<string>>();
  return (persona: Persona = { kind: 'lnd' }): Promise<Record<string, string>> => {
    const key = encodePersona(persona);
    let token = tokens.get(key);
    if (!token) {
      token = (async () => {
        const role = persona.kind === 'lnd' ? 'admin' : persona.kind;
        const email = persona.kind === 'manager' ? `manager.${tokens.size}@callers.test` : `${persona.kind}@callers.test`;
        await addAccount(access.accounts, { email, role, teams: persona.kind === 'manager' ? [persona.team] : [], displayName: persona.kind === 'manager' ? `Manager of ${persona.team}` : undefined });
        return (await createApiToken(access.accounts, { email, expiresInMs: 24 * 60 * 60_000 })).secret;
      })();
      tokens.set(key, token);
    }
    return token.then((secret) => ({ authorization: `Bearer ${secret}` }));
  };
}

export async function openTestDatabase(kind: Exclude<TestStoreKind, 'memory'>, label: string): Promise<{ db: SqlDatabase; url?: string; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite('memory://');
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const database = await createTestDatabase(label);
  if (!database) throw new Error('GAPMAP_TEST_DATABASE_URL is not set');
  const db = await connectPostgres(database.url);
  await migrate(db);
  return {
    db,
    url: database.url,
    async drop() {
      await db.close();
      await database.drop();
    },
  };
}

export async function startTestServer(kind: TestStoreKind, options: { today: IsoDate; organisation?: Organisation; label: string }): Promise<TestServer> {
  let store: OrganisationStore;
  let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  if (kind === 'memory') {
    store = memoryStore(options.organisation);
  } else {
    opened = await openTestDatabase(kind, options.label);
    store = postgresStore(opened.db);
    if (options.organisation) {
      await store.commit(options.organisation, { source: 'edit', label: 'test organisation', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] }, { record: false });
    }
  }
  const state = createOrganisationState(store, () => options.today, { whenEmpty: 'stay-empty' });
  const stopListening = opened ? await opened.db.listen(CHANGES_CHANNEL, () => void state.current().catch(() => undefined)) : async () => undefined;
  const database = opened ? { db: opened.db, description: kind, close: async () => undefined } : undefined;
  const access = serverAccess(database);
  const stopHearingAccounts = database ? await hearAccountChanges(database, access) : async () => undefined;
  const app = createNodeApp({ state, database, access });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    state,
    store,
    db: opened?.db,
    databaseUrl: opened?.url,
    access,
    authHeaders: testCallers(access),
    fetch: (path, init) => fetch(`${server.url}${path}`, init),
    async close() {
      await server.close();
      await stopListening();
      await stopHearingAccounts();
      await opened?.drop();
    },
  };
}
