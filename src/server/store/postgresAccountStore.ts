// Accounts, tokens, sessions, the setup link and the audit log in PostgreSQL (migration 6), through
// SqlDatabase, so the same code runs on a server (pg) and the embedded PGlite.
import type { AccountRole } from '../auth/caller';
import type { Account, AccountStore, ApiToken, StoredSession } from './accountStore';
import { AUDIT_LIST_LIMIT, endOf, newPersonPseudonym, peopleNamedIn, withPseudonyms, type AuditAction, type AuditLog, type NewAuditEvent } from './auditLog';
import type { SqlDatabase, SqlQueryable, SqlValue } from './sql/sqlDatabase';

const iso = (value: Date | string | null | undefined) => (value === null || value === undefined ? undefined : (value instanceof Date ? value : new Date(value)).toISOString());

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  role: AccountRole;
  teams: string[];
  password_hash: string | null;
  created_at: Date | string;
}

function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    teams: row.teams,
    ...(row.password_hash ? { passwordHash: row.password_hash } : {}),
    createdAt: iso(row.created_at)!,
  };
}

interface TokenRow {
  id: string;
  account_id: string;
  role: AccountRole;
  label: string;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
}

function tokenOf(row: TokenRow): ApiToken {
  const revokedAt = iso(row.revoked_at);
  const lastUsedAt = iso(row.last_used_at);
  return {
    id: row.id,
    accountId: row.account_id,
    role: row.role,
    label: row.label,
    createdAt: iso(row.created_at)!,
    expiresAt: iso(row.expires_at)!,
    ...(revokedAt ? { revokedAt } : {}),
    ...(lastUsedAt ? { lastUsedAt } : {}),
  };
}

const ACCOUNT_COLUMNS = 'id, email, display_name, role, teams, password_hash, created_at';
const TOKEN_COLUMNS = 'id, account_id, role, label, created_at, expires_at, revoked_at, last_used_at';

export function postgresAccountStore(db: SqlDatabase): AccountStore {
  return {
    async addAccount(account) {
      await db.query('insert into accounts (id, email, display_name, role, teams, password_hash, created_at) values ($1, $2, $3, $4, $5::jsonb, $6, $7)', [
        account.id, account.email, account.displayName, account.role, JSON.stringify(account.teams), account.passwordHash ?? null, account.createdAt,
      ]);
    },
    async accountById(id) {
      const [row] = await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts where id = $1`, [id]);
      return row && accountOf(row);
    },
    async accountByEmail(email) {
      const [row] = await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts where lower(email) = lower($1)`, [email]);
      return row && accountOf(row);
    },
    async accounts() {
      return (await db.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from accounts order by email`)).map(accountOf);
    },
    async updateAccount(id, change) {
      const sets: string[] = [];
      const values: SqlValue[] = [];
      const set = (column: string, value: SqlValue, cast = '') => {
        values.push(value);
        sets.push(`${column} = $${values.length}${cast}`);
      };
      if (change.role !== undefined) set('role', change.role);
      if (change.teams !== undefined) set('teams', JSON.stringify(change.teams), '::jsonb');
      if (change.passwordHash !== undefined) set('password_hash', change.passwordHash);
      if (change.displayName !== undefined) set('display_name', change.displayName);
      if (sets.length === 0) return;
      values.push(id);
      await db.query(`update accounts set ${sets.join(', ')} where id = $${values.length}`, values);
    },
    async removeAccount(id) {
      // Tokens and sessions go with it (on delete cascade).
      await db.query('delete from accounts where id = $1', [id]);
    },
    async addToken(token, digest) {
      await db.query('insert into api_tokens (id, account_id, digest, role, label, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7)', [
        token.id, token.accountId, digest, token.role, token.label, token.createdAt, token.expiresAt,
      ]);
    },
    async tokenByDigest(digest) {
      const [row] = await db.query<TokenRow>(`select ${TOKEN_COLUMNS} from api_tokens where digest = $1`, [digest]);
      return row && tokenOf(row);
    },
    async tokens() {
      return (await db.query<TokenRow>(`select ${TOKEN_COLUMNS} from api_tokens order by created_at, id`)).map(tokenOf);
    },
    async revokeToken(id, at) {
      const rows = await db.query('update api_tokens set revoked_at = $2 where id = $1 and revoked_at is null returning id', [id, at]);
      return rows.length > 0;
    },
    async touchToken(id, at) {
      await db.query('update api_tokens set last_used_at = $2 where id = $1', [id, at]);
    },
    async tokenWithAccount(digest) {
      const [row] = await db.query<TokenRow & { email: string; display_name: string; teams: string[]; password_hash: string | null; account_role: AccountRole; account_created_at: Date | string }>(
        `select t.id, t.account_id, t.role, t.label, t.created_at, t.expires_at, t.revoked_at, t.last_used_at,
                a.email, a.display_name, a.teams, a.password_hash, a.role as account_role, a.created_at as account_created_at
           from api_tokens t join accounts a on a.id = t.account_id where t.digest = $1`,
        [digest],
      );
      if (!row) return undefined;
      return {
        token: tokenOf(row),
        account: accountOf({ id: row.account_id, email: row.email, display_name: row.display_name, role: row.account_role, teams: row.teams, password_hash: row.password_hash, created_at: row.account_created_at }),
      };
    },
    async sessionWithAccount(digest) {
      const [row] = await db.query<AccountRow & { via: StoredSession['via']; session_created_at: Date | string; last_seen_at: Date | string }>(
        `select a.id, a.email, a.display_name, a.role, a.teams, a.password_hash, a.created_at, s.via, s.created_at as session_created_at, s.last_seen_at
           from sessions s join accounts a on a.id = s.account_id where s.digest = $1`,
        [digest],
      );
      if (!row) return undefined;
      return { session: { accountId: row.id, via: row.via, createdAt: iso(row.session_created_at)!, lastSeenAt: iso(row.last_seen_at)! }, account: accountOf(row) };
    },
    async addSession(digest, session) {
      await db.query('insert into sessions (digest, account_id, via, created_at, last_seen_at) values ($1, $2, $3, $4, $5)', [digest, session.accountId, session.via, session.createdAt, session.lastSeenAt]);
    },
    async sessionByDigest(digest) {
      const [row] = await db.query<{ account_id: string; via: StoredSession['via']; created_at: Date | string; last_seen_at: Date | string }>(
        'select account_id, via, created_at, last_seen_at from sessions where digest = $1',
        [digest],
      );
      return row && { accountId: row.account_id, via: row.via, createdAt: iso(row.created_at)!, lastSeenAt: iso(row.last_seen_at)! };
    },
    async touchSession(digest, at) {
      await db.query('update sessions set last_seen_at = $2 where digest = $1', [digest, at]);
    },
    async removeSession(digest) {
      await db.query('delete from sessions where digest = $1', [digest]);
    },
    async removeSessionsOf(accountId) {
      return (await db.query('delete from sessions where account_id = $1 returning digest', [accountId])).length;
    },
    async addPendingLogin(digest, data, expiresAt) {
      // Old abandoned sign-ins go as new ones arrive.
      await db.query('delete from pending_logins where expires_at < now()');
      await db.query('insert into pending_logins (digest, data, expires_at) values ($1, $2, $3)', [digest, data, expiresAt]);
    },
    async takePendingLogin(digest, at) {
      const [row] = await db.query<{ data: string; expires_at: Date | string }>('delete from pending_logins where digest = $1 returning data, expires_at', [digest]);
      return row && iso(row.expires_at)! > at ? row.data : undefined;
    },
    async addSetupLink(digest, expiresAt) {
      await db.query('insert into setup_links (digest, expires_at) values ($1, $2)', [digest, expiresAt]);
    },
    async useSetupLink(digest, at) {
      const rows = await db.query('update setup_links set used_at = $2 where digest = $1 and used_at is null and expires_at > $2 returning digest', [digest, at]);
      return rows.length > 0;
    },
  };
}

interface AuditRow {
  id: string | number;
  at: Date | string;
  actor_id: string;
  actor: string;
  action: AuditAction;
  subject: string;
  detail: Record<string, unknown>;
}

/**
 * One audit row, on the database or inside a change's own transaction (the store's commit writes it
 * there). The people it names get a pseudonym each in audit_people (migration 10), which erasure deletes.
 */
export async function appendAuditRow(db: SqlQueryable, event: NewAuditEvent): Promise<void> {
  const pseudonyms = new Map<string, string>();
  const ids = [...peopleNamedIn(event.detail)];
  if (ids.length > 0) {
    // Two statements however many people (a whole training plan names thousands), not two per person;
    // ids travel as one JSON array, whatever characters they hold.
    const fresh = ids.map((id) => ({ id, pseudonym: newPersonPseudonym() }));
    await db.query(
      `insert into audit_people (employee_id, pseudonym)
         select person->>'id', person->>'pseudonym' from jsonb_array_elements($1::jsonb) as person
       on conflict (employee_id) do nothing`,
      [JSON.stringify(fresh)],
    );
    const rows = await db.query<{ employee_id: string; pseudonym: string }>('select employee_id, pseudonym from audit_people where employee_id in (select jsonb_array_elements_text($1::jsonb))', [JSON.stringify(ids)]);
    for (const row of rows) pseudonyms.set(row.employee_id, row.pseudonym);
  }
  await db.query('insert into audit_log (actor_id, actor, action, subject, detail) values ($1, $2, $3, $4, $5::jsonb)', [
    event.actorId, event.actor, event.action, event.subject, JSON.stringify(withPseudonyms(event.detail, pseudonyms)),
  ]);
}

export function postgresAuditLog(db: SqlDatabase): AuditLog {
  return {
    append: (event) => appendAuditRow(db, event),
    async people(wanted) {
      if (wanted.length === 0) return new Map();
      const rows = await db.query<{ employee_id: string; pseudonym: string }>('select employee_id, pseudonym from audit_people where pseudonym in (select jsonb_array_elements_text($1::jsonb))', [JSON.stringify(wanted)]);
      return new Map(rows.map((row) => [row.pseudonym, row.employee_id]));
    },
    async list(filter = {}) {
      const where: string[] = [];
      const values: SqlValue[] = [];
      const add = (condition: (n: string) => string, value: SqlValue) => {
        values.push(value);
        where.push(condition(`$${values.length}`));
      };
      if (filter.action) add((n) => `action = ${n}`, filter.action);
      if (filter.actor) add((n) => `strpos(lower(actor), lower(${n})) > 0`, filter.actor);
      if (filter.from) add((n) => `at >= ${n}::timestamptz`, filter.from);
      if (filter.to) add((n) => `at <= ${n}::timestamptz`, endOf(filter.to));
      values.push(Math.min(filter.limit ?? AUDIT_LIST_LIMIT, AUDIT_LIST_LIMIT));
      const rows = await db.query<AuditRow>(
        `select id, at, actor_id, actor, action, subject, detail from audit_log ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit $${values.length}`,
        values,
      );
      return rows.map((row) => ({ id: Number(row.id), at: iso(row.at)!, actorId: row.actor_id, actor: row.actor, action: row.action, subject: row.subject, detail: row.detail }));
    },
  };
}
