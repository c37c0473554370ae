// `gapmap users` (SPEC §6, §9): accounts, roles, team grants and API tokens on a server's database,
// for the first admin and for organisations without an identity provider. Every change is audited.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input (a password piped in, never on the command line). */
  stdin?(): Promise<string>;
}

export const USERS_HELP = `gapmap users add --email E --role admin|manager|hr [--team T]... [--name N] [--password-stdin]
gapmap users list
gapmap users grant --email E [--role R] [--team T]...     another role, or more teams for a manager
gapmap users revoke --email E --team T...                 takes teams away from a manager
gapmap users revoke --token ID                            a token stops working at once
gapmap users remove --email E                             the account, its tokens and sessions
gapmap users password --email E --password-stdin          sets a password (ends the account's sessions)
gapmap users token --email E [--role R] --expires 30d [--label L]   prints a new API token once
  each with [--data DIR | --database-url URL] (default ./gapmap-data, or DATABASE_URL)
A password is read from standard input (--password-stdin), never from the command line.`;

const SUBCOMMANDS = ['add', 'list', 'grant', 'revoke', 'remove', 'password', 'token'] as const;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runUsersCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(`${USERS_HELP}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) {
    io.stderr(`gapmap users: unknown subcommand '${sub}' (${SUBCOMMANDS.join(', ')}).\n`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string', multiple: true },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        token: { type: 'string' },
        expires: { type: 'string' },
        label: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`gapmap users ${sub}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const needsEmail = sub !== 'list' && !(sub === 'revoke' && values.token);
  if (needsEmail && !values.email) {
    io.stderr(`gapmap users ${sub}: --email is required.\n`);
    return 2;
  }
  if (sub === 'add' && !values.role) {
    io.stderr('gapmap users add: --role admin|manager|hr is required.\n');
    return 2;
  }
  if (sub === 'token' && !values.expires) {
    io.stderr('gapmap users token: --expires (e.g. 30d) is required: a token for ever is a key nobody remembers to take back.\n');
    return 2;
  }
  if (sub === 'password' && !values['password-stdin']) {
    io.stderr('gapmap users password: give the password on standard input with --password-stdin.\n');
    return 2;
  }
  const { openDatabase } = await import('../server/hosts/node/openDatabase');
  const { postgresAccountStore, postgresAuditLog } = await import('../server/store/postgresAccountStore');
  const accountsModule = await import('../server/auth/accounts');
  const { AccountError } = accountsModule;
  const password = values['password-stdin'] ? (await (io.stdin ?? readStdin)()).replace(/\r?\n$/, '') : undefined;
  const database = await openDatabase({ dataDir: values.data, databaseUrl: values['database-url'] ?? process.env.DATABASE_URL });
  const store = postgresAccountStore(database.db);
  const audit = postgresAuditLog(database.db);
  const actor = { actorId: 'cli', actor: `gapmap users (${safeUser()})` };
  try {
    const email = values.email ?? '';
    if (sub === 'list') {
      const accounts = await store.accounts();
      io.stdout('email,role,teams,password\n');
      for (const account of accounts) io.stdout(`${account.email},${account.role},${account.teams.join(';')},${account.passwordHash ? 'yes' : 'no'}\n`);
      const tokens = await store.tokens();
      if (tokens.length > 0) {
        const emails = new Map(accounts.map((account) => [account.id, account.email]));
        io.stdout('\ntoken_id,email,role,label,expires_at,revoked_at\n');
        for (const token of tokens) io.stdout(`${token.id},${emails.get(token.accountId) ?? ''},${token.role},${token.label},${token.expiresAt},${token.revokedAt ?? ''}\n`);
      }
      return 0;
    }
    if (sub === 'add') {
      const account = await accountsModule.addAccount(store, { email, role: values.role ?? '', teams: values.team ?? [], displayName: values.name, password });
      await audit.append({ ...actor, action: 'account-added', subject: account.email, detail: { role: account.role, teams: account.teams } });
      io.stdout(`Added ${account.email} as ${account.role}${account.teams.length ? ` of ${account.teams.join(', ')}` : ''}${account.passwordHash ? ' with a password' : ''}.\n`);
      return 0;
    }
    if (sub === 'grant') {
      const before = await accountsModule.requireAccount(store, email);
      const account = await accountsModule.grant(store, email, { role: values.role, teams: values.team ?? [] });
      await audit.append({ ...actor, action: 'account-changed', subject: account.email, detail: { before: { role: before.role, teams: before.teams }, after: { role: account.role, teams: account.teams } } });
      io.stdout(`${account.email} is ${account.role}${account.teams.length ? ` of ${account.teams.join(', ')}` : ''}.\n`);
      return 0;
    }
    if (sub === 'revoke') {
      if (values.token) {
        const token = (await store.tokens()).find((candidate) => candidate.id === values.token);
        if (!token || !(await store.revokeToken(token.id, new Date().toISOString()))) {
          io.stderr(`gapmap users revoke: there is no active token ${values.token}.\n`);
          return 1;
        }
        await audit.append({ ...actor, action: 'token-revoked', subject: (await store.accountById(token.accountId))?.email ?? token.accountId, detail: { tokenId: token.id, label: token.label } });
        io.stdout(`Token ${token.id} revoked.\n`);
        return 0;
      }
      const before = await accountsModule.requireAccount(store, email);
      const account = await accountsModule.revokeTeams(store, email, values.team ?? []);
      await audit.append({ ...actor, action: 'account-changed', subject: account.email, detail: { before: { role: before.role, teams: before.teams }, after: { role: account.role, teams: account.teams } } });
      io.stdout(`${account.email} is ${account.role}${account.teams.length ? ` of ${account.teams.join(', ')}` : ' of no granted team'}.\n`);
      return 0;
    }
    if (sub === 'remove') {
      const account = await accountsModule.requireAccount(store, email);
      await store.removeAccount(account.id);
      await audit.append({ ...actor, action: 'account-removed', subject: account.email, detail: { role: account.role } });
      io.stdout(`Removed ${account.email}.\n`);
      return 0;
    }
    if (sub === 'password') {
      await accountsModule.setPassword(store, email, password ?? '');
      await audit.append({ ...actor, action: 'account-changed', subject: email, detail: { password: 'set' } });
      io.stdout(`Password set for ${email}; their sessions have ended.\n`);
      return 0;
    }
    // token
    const made = await accountsModule.createApiToken(store, { email, role: values.role, label: values.label, expiresInMs: accountsModule.durationMs(values.expires ?? '') });
    await audit.append({ ...actor, action: 'token-created', subject: made.account.email, detail: { tokenId: made.token.id, role: made.token.role, label: made.token.label, expiresAt: made.token.expiresAt } });
    io.stderr(`Token ${made.token.id} for ${made.account.email} (${made.token.role}) until ${made.token.expiresAt}. It is shown only now:\n`);
    io.stdout(`${made.secret}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      io.stderr(`gapmap users ${sub}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
