// Accounts and the proofs of who is asking (SPEC §9): local accounts with argon2id passwords, API
// tokens for scripts, browser sessions with idle and absolute expiry. Storage is the AccountStore's;
// the rules live here, so `gapmap users`, the admin pages and the sign-in routes share them.
import { randomUUID } from 'node:crypto';
import type { Account, AccountStore, ApiToken } from '../store/accountStore';
import { isAccountRole, type AccountRole, type Identity } from './caller';
import { digestOf, newSecret } from './secrets';
import { hashPassword, passwordProblem, verifyPassword, decoyHash, type Argon2Parameters } from './passwords';

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface SessionPolicy {
  /** A session unused this long is over. */
  idleMs: number;
  /** And any session this old, used or not. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 60 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** Writing "last seen" on every request would cost a write per read: once a minute is enough for the idle limit. */
const TOUCH_EVERY_MS = 60_000;

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const TEAM_NAME_MAX = 200;

export function normaliseEmail(email: string): string {
  const trimmed = email.trim();
  if (!EMAIL.test(trimmed) || trimmed.length > 254) throw new AccountError(`"${email}" is not an email address.`);
  return trimmed;
}

function checkedTeams(teams: readonly string[]): string[] {
  for (const team of teams) if (team.trim() === '' || team.length > TEAM_NAME_MAX) throw new AccountError('A team name must be 1 to 200 characters.');
  return [...new Set(teams)].sort();
}

export async function addAccount(
  store: AccountStore,
  input: { email: string; role: string; teams?: readonly string[]; password?: string; displayName?: string },
  now: Date = new Date(),
  parameters?: Argon2Parameters,
): Promise<Account> {
  const email = normaliseEmail(input.email);
  if (!isAccountRole(input.role)) throw new AccountError(`The role must be admin, manager or hr, not "${input.role}".`);
  if (await store.accountByEmail(email)) throw new AccountError(`There is already an account for ${email}.`);
  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new AccountError(problem);
    passwordHash = await hashPassword(input.password, parameters);
  }
  const account: Account = {
    id: `acct-${randomUUID()}`,
    email,
    displayName: input.displayName?.trim() || email,
    role: input.role,
    teams: input.role === 'manager' ? checkedTeams(input.teams ?? []) : [],
    ...(passwordHash ? { passwordHash } : {}),
    createdAt: now.toISOString(),
  };
  await store.addAccount(account);
  return account;
}

export async function requireAccount(store: AccountStore, email: string): Promise<Account> {
  const account = await store.accountByEmail(email.trim());
  if (!account) throw new AccountError(`There is no account for ${email}.`);
  return account;
}

/** Grants a manager more teams, or gives an account another role. */
export async function grant(store: AccountStore, email: string, change: { role?: string; teams?: readonly string[] }): Promise<Account> {
  const account = await requireAccount(store, email);
  if (change.role !== undefined && !isAccountRole(change.role)) throw new AccountError(`The role must be admin, manager or hr, not "${change.role}".`);
  const role: AccountRole = (change.role as AccountRole | undefined) ?? account.role;
  const teams = role === 'manager' ? checkedTeams([...(role === account.role ? account.teams : []), ...(change.teams ?? [])]) : [];
  await store.updateAccount(account.id, { role, teams });
  // A role taken away must not live on in a browser: the account signs in again.
  if (role !== account.role) await store.removeSessionsOf(account.id);
  return { ...account, role, teams };
}

/** Takes teams away from a manager. */
export async function revokeTeams(store: AccountStore, email: string, teams: readonly string[]): Promise<Account> {
  const account = await requireAccount(store, email);
  const remaining = account.teams.filter((team) => !teams.includes(team));
  await store.updateAccount(account.id, { teams: remaining });
  return { ...account, teams: remaining };
}

export async function setPassword(store: AccountStore, email: string, password: string, parameters?: Argon2Parameters): Promise<void> {
  const account = await requireAccount(store, email);
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  await store.updateAccount(account.id, { passwordHash: await hashPassword(password, parameters) });
  await store.removeSessionsOf(account.id);
}

/** Parses "30d", "12h", "90m" (at most a year: a token for ever is a key nobody remembers to take back). */
export function durationMs(text: string): number {
  const match = /^(\d+)\s*([dhm])$/.exec(text.trim());
  if (!match) throw new AccountError(`A duration is a number and d, h or m (30d, 12h), not "${text}".`);
  const ms = Number(match[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
  if (ms <= 0 || ms > 366 * 86_400_000) throw new AccountError('A token lasts from a minute to a year.');
  return ms;
}

export async function createApiToken(
  store: AccountStore,
  input: { email: string; role?: string; label?: string; expiresInMs: number },
  now: Date = new Date(),
): Promise<{ secret: string; token: ApiToken; account: Account }> {
  const account = await requireAccount(store, input.email);
  const role = input.role ?? account.role;
  if (!isAccountRole(role)) throw new AccountError(`The role must be admin, manager or hr, not "${role}".`);
  // A token acts for its account: never with more than the account may do.
  if (role !== account.role && account.role !== 'admin') throw new AccountError(`${account.email} is ${account.role}: a token for them cannot be ${role}.`);
  const secret = newSecret('gmt_');
  const token: ApiToken = {
    id: `tok-${randomUUID()}`,
    accountId: account.id,
    role,
    label: input.label?.trim() || `token for ${account.email}`,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.expiresInMs).toISOString(),
  };
  await store.addToken(token, digestOf(secret));
  return { secret, token, account };
}

function identityOf(account: Account, role: AccountRole, via: Identity['via']): Identity {
  return { accountId: account.id, displayName: account.displayName, email: account.email, role, grantedTeams: role === 'manager' ? account.teams : [], via };
}

export async function identifyToken(store: AccountStore, secret: string, now: Date = new Date()): Promise<Identity | undefined> {
  const found = await store.tokenWithAccount(digestOf(secret));
  if (!found) return undefined;
  const { token, account } = found;
  if (token.revokedAt || token.expiresAt <= now.toISOString()) return undefined;
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS) await store.touchToken(token.id, now.toISOString());
  // An account demoted since the token was made keeps only what it may do now.
  const role = account.role === 'admin' ? token.role : account.role;
  return identityOf(account, role, 'token');
}

/** The account whose password this is; undefined otherwise, after the same work either way. */
export async function checkPassword(store: AccountStore, email: string, password: string): Promise<Account | undefined> {
  const account = await store.accountByEmail(email.trim());
  if (password.length > 256) return undefined;
  if (!account?.passwordHash) {
    await verifyPassword(password, await decoyHash());
    return undefined;
  }
  return (await verifyPassword(password, account.passwordHash)) ? account : undefined;
}

/** A new session (a new id at every sign-in: an id planted before sign-in is worth nothing after). */
export async function startSession(store: AccountStore, accountId: string, via: 'password' | 'oidc' | 'setup', now: Date = new Date()): Promise<string> {
  const secret = newSecret();
  await store.addSession(digestOf(secret), { accountId, via, createdAt: now.toISOString(), lastSeenAt: now.toISOString() });
  return secret;
}

export async function identifySession(store: AccountStore, secret: string, policy: SessionPolicy = DEFAULT_SESSION_POLICY, now: Date = new Date()): Promise<Identity | undefined> {
  const digest = digestOf(secret);
  const found = await store.sessionWithAccount(digest);
  if (!found) return undefined;
  const { session, account } = found;
  const t = now.getTime();
  if (t - Date.parse(session.lastSeenAt) > policy.idleMs || t - Date.parse(session.createdAt) > policy.absoluteMs) {
    await store.removeSession(digest);
    return undefined;
  }
  if (t - Date.parse(session.lastSeenAt) > Math.min(TOUCH_EVERY_MS, policy.idleMs / 4)) await store.touchSession(digest, now.toISOString());
  return identityOf(account, account.role, 'session');
}

export async function endSession(store: AccountStore, secret: string): Promise<void> {
  await store.removeSession(digestOf(secret));
}

/** The public view of an account (never its password hash). */
export function accountView(account: Account) {
  return { id: account.id, email: account.email, displayName: account.displayName, role: account.role, teams: account.teams, hasPassword: account.passwordHash !== undefined, createdAt: account.createdAt };
}
