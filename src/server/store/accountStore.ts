// Where a server keeps its people and their proofs (SPEC §9): accounts with a role and granted teams,
// API tokens, browser sessions and the one-time setup link — secrets only as SHA-256 digests.
// In PostgreSQL on a server (postgresAccountStore.ts); in memory for tests of the memory store.
import type { AccountRole } from '../auth/caller';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: AccountRole;
  /** Teams granted to a manager (sorted). */
  teams: string[];
  /** PHC argon2id string; undefined when the account signs in only through the identity provider. */
  passwordHash?: string;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  accountId: string;
  role: AccountRole;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

export interface StoredSession {
  accountId: string;
  via: 'password' | 'oidc' | 'setup';
  createdAt: string;
  lastSeenAt: string;
}

export interface AccountStore {
  addAccount(account: Account): Promise<void>;
  accountById(id: string): Promise<Account | undefined>;
  /** Case-insensitive. */
  accountByEmail(email: string): Promise<Account | undefined>;
  accounts(): Promise<Account[]>;
  updateAccount(id: string, change: Partial<Pick<Account, 'role' | 'teams' | 'passwordHash' | 'displayName'>>): Promise<void>;
  /** Removes the account with its tokens and sessions. */
  removeAccount(id: string): Promise<void>;

  addToken(token: ApiToken, digest: string): Promise<void>;
  tokenByDigest(digest: string): Promise<ApiToken | undefined>;
  tokens(): Promise<ApiToken[]>;
  revokeToken(id: string, at: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;

  /** The token and its account in one read (every script request asks this). */
  tokenWithAccount(digest: string): Promise<{ token: ApiToken; account: Account } | undefined>;
  /** The session and its account in one read (every page request asks this). */
  sessionWithAccount(digest: string): Promise<{ session: StoredSession; account: Account } | undefined>;

  addSession(digest: string, session: StoredSession): Promise<void>;
  sessionByDigest(digest: string): Promise<StoredSession | undefined>;
  touchSession(digest: string, at: string): Promise<void>;
  removeSession(digest: string): Promise<void>;
  removeSessionsOf(accountId: string): Promise<number>;

  /** A sign-in started at the identity provider: its state, nonce and PKCE verifier until it comes back. */
  addPendingLogin(digest: string, data: string, expiresAt: string): Promise<void>;
  /** The pending sign-in, removed as it is read (a second use finds nothing), if not expired. */
  takePendingLogin(digest: string, at: string): Promise<string | undefined>;

  addSetupLink(digest: string, expiresAt: string): Promise<void>;
  /** Marks the link used; true only the first time, and only before it expires. */
  useSetupLink(digest: string, at: string): Promise<boolean>;
}

export function memoryAccountStore(): AccountStore {
  const accounts = new Map<string, Account>();
  const tokens = new Map<string, { token: ApiToken; digest: string }>();
  const sessions = new Map<string, StoredSession>();
  const setupLinks = new Map<string, { expiresAt: string; usedAt?: string }>();
  const pendingLogins = new Map<string, { data: string; expiresAt: string }>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async addAccount(account) {
      if ([...accounts.values()].some((other) => other.email.toLowerCase() === account.email.toLowerCase())) throw new Error(`An account with the email ${account.email} exists.`);
      accounts.set(account.id, copy(account));
    },
    async accountById(id) {
      const account = accounts.get(id);
      return account && copy(account);
    },
    async accountByEmail(email) {
      const account = [...accounts.values()].find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
      return account && copy(account);
    },
    async accounts() {
      return [...accounts.values()].map(copy).sort((a, b) => (a.email < b.email ? -1 : 1));
    },
    async updateAccount(id, change) {
      const account = accounts.get(id);
      if (account) accounts.set(id, { ...account, ...copy(change) });
    },
    async removeAccount(id) {
      accounts.delete(id);
      for (const [key, { token }] of tokens) if (token.accountId === id) tokens.delete(key);
      for (const [key, session] of sessions) if (session.accountId === id) sessions.delete(key);
    },
    async addToken(token, digest) {
      tokens.set(token.id, { token: copy(token), digest });
    },
    async tokenByDigest(digest) {
      const found = [...tokens.values()].find((entry) => entry.digest === digest);
      return found && copy(found.token);
    },
    async tokens() {
      return [...tokens.values()].map((entry) => copy(entry.token)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    },
    async revokeToken(id, at) {
      const entry = tokens.get(id);
      if (!entry || entry.token.revokedAt) return false;
      entry.token.revokedAt = at;
      return true;
    },
    async touchToken(id, at) {
      const entry = tokens.get(id);
      if (entry) entry.token.lastUsedAt = at;
    },
    async tokenWithAccount(digest) {
      const token = await this.tokenByDigest(digest);
      const account = token && (await this.accountById(token.accountId));
      return token && account ? { token, account } : undefined;
    },
    async sessionWithAccount(digest) {
      const session = await this.sessionByDigest(digest);
      const account = session && (await this.accountById(session.accountId));
      return session && account ? { session, account } : undefined;
    },
    async addSession(digest, session) {
      sessions.set(digest, copy(session));
    },
    async sessionByDigest(digest) {
      const session = sessions.get(digest);
      return session && copy(session);
    },
    async touchSession(digest, at) {
      const session = sessions.get(digest);
      if (session) session.lastSeenAt = at;
    },
    async removeSession(digest) {
      sessions.delete(digest);
    },
    async removeSessionsOf(accountId) {
      let removed = 0;
      for (const [key, session] of sessions) {
        if (session.accountId === accountId) {
          sessions.delete(key);
          removed++;
        }
      }
      return removed;
    },
    async addPendingLogin(digest, data, expiresAt) {
      pendingLogins.set(digest, { data, expiresAt });
    },
    async takePendingLogin(digest, at) {
      const pending = pendingLogins.get(digest);
      pendingLogins.delete(digest);
      return pending && pending.expiresAt > at ? pending.data : undefined;
    },
    async addSetupLink(digest, expiresAt) {
      setupLinks.set(digest, { expiresAt });
    },
    async useSetupLink(digest, at) {
      const link = setupLinks.get(digest);
      if (!link || link.usedAt || link.expiresAt <= at) return false;
      link.usedAt = at;
      return true;
    },
  };
}
