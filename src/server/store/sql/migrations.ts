// The database schema as numbered migrations, applied at start in one transaction under an
// advisory lock, so two processes starting together never migrate at once (the second waits,
// then finds nothing to do). SQL stays within PostgreSQL 15 (PGlite is 18).
//
// Records: one table per kind with typed columns, keys and constraints. Each change writes a new
// *generation* of the kinds it touches (kind_generations points at the current one), so a commit
// or an undo is one short transaction and the previous generation is what undo brings back.
import type { SqlDatabase } from './sqlDatabase';

const MIGRATION_LOCK = 748_201_001; // any constant shared by every Gapmap process

const generationKey = 'generation bigint not null, position integer not null, primary key (generation, position)';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'records, generations and the change history',
    sql: `
      create table organisation_state (
        singleton boolean primary key default true check (singleton),
        revision bigint not null default 0,
        head integer not null default 0,
        next_generation bigint not null default 1,
        next_entry_id integer not null default 1,
        initialised boolean not null default false
      );
      insert into organisation_state default values;

      create table kind_generations (
        kind text primary key check (kind in ('skills','roles','employees','credentials','awards','assessments','goals','interests')),
        generation bigint not null,
        count integer not null check (count >= 0)
      );

      create table change_history (
        id integer primary key,
        at timestamptz not null,
        source text not null check (source in ('import', 'edit')),
        label text not null,
        mode text check (mode in ('replace', 'merge')),
        valid_rows_only boolean not null,
        files jsonb not null,
        counts jsonb not null,
        errors integer not null,
        warnings integer not null,
        issues jsonb not null,
        undoable boolean not null,
        undone_at timestamptz,
        parent integer not null,
        previous jsonb not null,
        next jsonb not null,
        actor text
      );

      create table skills (${generationKey},
        id text not null check (id <> ''), name text not null, category text not null, description text, code text,
        unique (generation, id));
      create table roles (${generationKey},
        id text not null check (id <> ''), name text not null, requirements jsonb not null check (jsonb_typeof(requirements) = 'array'),
        unique (generation, id));
      create table employees (${generationKey},
        id text not null check (id <> ''), name text not null, email text, team text not null, role text not null, manager_id text, location text,
        unique (generation, id));
      create table credentials (${generationKey},
        id text not null check (id <> ''), name text not null, issuer text not null, grants jsonb not null,
        hours double precision check (hours >= 0), cost double precision check (cost >= 0), currency text,
        validity_months integer check (validity_months > 0), components jsonb, url text,
        unique (generation, id));
      create table awards (${generationKey},
        employee_id text not null, credential_id text not null, issued_on date not null, expires_on date,
        evidence_url text, verification text not null check (verification in ('unverified', 'verified', 'failed')),
        verification_reason text,
        check (expires_on is null or expires_on >= issued_on));
      create table assessments (${generationKey},
        employee_id text not null, skill_id text not null, level smallint not null check (level between 0 and 5),
        source text not null check (source in ('self', 'manager', 'test')), assessed_on date);
      create table goals (${generationKey},
        id text not null check (id <> ''), employee_id text not null, credential_id text not null, due_on date not null,
        kind text not null check (kind in ('organisational', 'personal')),
        status text not null check (status in ('assigned', 'in-progress', 'completed', 'cancelled')),
        assigned_by text not null, created_on date not null,
        unique (generation, id));
      create table interests (${generationKey}, employee_id text not null, skill_id text not null);

      create table achievement_mappings (achievement text primary key, credential_id text not null);
    `,
  },
  {
    version: 2,
    name: 'import jobs: an import in progress, continued by any process',
    sql: `
      create table import_jobs (
        id text primary key,
        owner text not null,
        created_at timestamptz not null default now(),
        next_file integer not null default 1
      );
      create table import_job_files (
        job_id text not null references import_jobs (id) on delete cascade,
        file_id text not null,
        position integer not null,
        file_name text not null,
        options jsonb not null default '{}',
        bytes bytea not null,
        version integer not null default 1,
        primary key (job_id, file_id)
      );
    `,
  },
  {
    version: 3,
    name: 'what-if drafts, one per person',
    sql: `
      create table whatif_drafts (
        owner text primary key,
        scenario jsonb not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 4,
    name: 'generation snapshots: each generation of records also as one columnar value, for fast starts',
    sql: `
      create table generation_snapshots (
        generation bigint not null,
        part integer not null,
        data bytea not null,
        primary key (generation, part)
      );
    `,
  },
  {
    version: 5,
    // Drafts of version 3 were one per person and are dropped: a draft now has an id an address names.
    name: 'what-if drafts with an id and an author, shared by address',
    sql: `
      drop table whatif_drafts;
      create table whatif_drafts (
        id text primary key,
        owner text not null,
        scenario jsonb not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 6,
    name: 'accounts, API tokens, sessions, the setup link and the append-only audit log',
    sql: `
      create table accounts (
        id text primary key,
        email text not null check (email <> ''),
        display_name text not null,
        role text not null check (role in ('admin', 'manager', 'hr')),
        teams jsonb not null default '[]' check (jsonb_typeof(teams) = 'array'),
        password_hash text,
        created_at timestamptz not null
      );
      create unique index accounts_email on accounts (lower(email));
      create table api_tokens (
        id text primary key,
        account_id text not null references accounts (id) on delete cascade,
        digest text not null unique,
        role text not null check (role in ('admin', 'manager', 'hr')),
        label text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        last_used_at timestamptz
      );
      create table sessions (
        digest text primary key,
        account_id text not null references accounts (id) on delete cascade,
        via text not null check (via in ('password', 'oidc', 'setup')),
        created_at timestamptz not null,
        last_seen_at timestamptz not null
      );
      create index sessions_account on sessions (account_id);
      create table setup_links (digest text primary key, expires_at timestamptz not null, used_at timestamptz);
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor_id text not null,
        actor text not null,
        action text not null,
        subject text not null,
        detail jsonb not null default '{}'
      );
      create index audit_log_at on audit_log (at);
      -- Append-only: whatever connects with the app's rights cannot rewrite history.
      create function audit_log_is_append_only() returns trigger language plpgsql as $$
        begin raise exception 'the audit log is append-only'; end
      $$;
      create trigger audit_log_append_only before update or delete or truncate on audit_log
        for each statement execute function audit_log_is_append_only();
    `,
  },
  {
    version: 7,
    name: 'leavers (for the retention rule) and sign-ins pending at the identity provider',
    sql: `
      create table pending_logins (digest text primary key, data text not null, expires_at timestamptz not null);
      create table leavers (
        employee_id text primary key,
        name text not null,
        left_on date not null
      );
    `,
  },
  {
    version: 8,
    name: 'announce changes to accounts, tokens and sessions (processes cache who is asking)',
    // Each process keeps the sessions and tokens it has checked in memory (accountCache.ts); any
    // change that could withdraw a right — from any process, the CLI or a hand-written statement —
    // announces itself so every process forgets what it cached. Touching "last seen" does not.
    sql: `
      create function gapmap_announce_account_change() returns trigger language plpgsql as $$
        begin perform pg_notify('gapmap_accounts', tg_table_name); return null; end
      $$;
      create trigger accounts_announce after update or delete or truncate on accounts
        for each statement execute function gapmap_announce_account_change();
      create trigger api_tokens_announce after update of account_id, role, expires_at, revoked_at or delete or truncate on api_tokens
        for each statement execute function gapmap_announce_account_change();
      create trigger sessions_announce after update of account_id, created_at or delete or truncate on sessions
        for each statement execute function gapmap_announce_account_change();
    `,
  },
  {
    version: 9,
    name: 'failed sign-ins, shared by every process (the attempt limits)',
    sql: `
      create table sign_in_failures (limit_name text not null, key text not null, at timestamptz not null);
      create index sign_in_failures_key on sign_in_failures (limit_name, key, at);
    `,
  },
  {
    version: 10,
    name: 'the people audit rows name, by pseudonym (erasure deletes the link)',
    sql: `
      create table audit_people (employee_id text primary key, pseudonym text not null unique);
    `,
  },
  {
    version: 11,
    name: 'training plans, one per author (they name people: erasure purges them)',
    sql: `
      create table training_plans (
        owner text primary key,
        plan jsonb not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
];

/** Applies the migrations this database lacks; safe to call from several processes at once. */
export async function migrate(db: SqlDatabase): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('create table if not exists gapmap_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
    const applied = new Set((await tx.query<{ version: number }>('select version from gapmap_migrations')).map((row) => Number(row.version)));
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into gapmap_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}
