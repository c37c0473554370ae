// People & access and the audit log over HTTP (SPEC §9), for admins only: accounts with their role
// and granted teams, API tokens (the secret shown once), and the audit log with filters and CSV.
import { z } from 'zod';
import { route, json } from './routeTable';
import { writeCsv } from '../../domain/csv';
import { accountView, addAccount, AccountError, createApiToken, durationMs, grant } from '../auth/accounts';
import { ACCOUNT_ROLES } from '../auth/caller';
import type { AccountStore } from '../store/accountStore';
import { AUDIT_ACTIONS, pseudonymsIn, type AuditAction, type AuditLog } from '../store/auditLog';
import { bodyOf, callerOf, csvOptionsOf, csvResponse, guarded, param, RequestRefused } from './requestContext';
import type { Caller } from '../auth/caller';
import type { OrganisationState } from '../state/organisationState';
import { erasePerson, ErasureUnsupportedError } from '../state/erasure';
import type { PlanStore } from '../state/plans';

function assertAdmin(caller: Caller) {
  if (caller.role !== 'admin') throw new RequestRefused(403, 'forbidden', 'Only an admin manages people and access.');
}

/** Account rules broken by a request are the caller's mistake (400), not the server's. */
async function refusingAccountErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError) throw new RequestRefused(400, 'bad-request', error.message);
    throw error;
  }
}

const teamsSchema = z.array(z.string().min(1).max(200)).max(1000);
const newAccountSchema = z.object({ email: z.string().max(254), role: z.enum(ACCOUNT_ROLES), teams: teamsSchema.optional(), displayName: z.string().max(200).optional(), password: z.string().max(256).optional() });
const changeAccountSchema = z.object({ role: z.enum(ACCOUNT_ROLES).optional(), teams: teamsSchema.optional() });
const newTokenSchema = z.object({ email: z.string().max(254), role: z.enum(ACCOUNT_ROLES).optional(), label: z.string().max(200).optional(), expiresInDays: z.number().int().min(1).max(366) });

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'subject', 'detail', 'people'] as const;

export function createAccessRoutes(accounts: AccountStore, audit: AuditLog, state: OrganisationState, plans?: PlanStore) {
  const actorOf = (caller: Caller) => ({ actorId: caller.accountId, actor: caller.email ?? caller.displayName });
  return [
    route.get('/api/accounts', guarded(async ({ request }) => {
      assertAdmin(callerOf(request));
      return json({ accounts: (await accounts.accounts()).map(accountView) });
    })),

    route.post('/api/accounts', guarded(async ({ request }) => {
      const caller = callerOf(request);
      assertAdmin(caller);
      const input = await bodyOf(request, newAccountSchema);
      const account = await refusingAccountErrors(() => addAccount(accounts, input));
      await audit.append({ ...actorOf(caller), action: 'account-added', subject: account.email, detail: { role: account.role, teams: account.teams } });
      return json({ account: accountView(account) }, { status: 201 });
    })),

    route.patch('/api/accounts/:id', guarded(async ({ request, params }) => {
      const caller = callerOf(request);
      assertAdmin(caller);
      const change = await bodyOf(request, changeAccountSchema);
      const account = await accounts.accountById(param(params.id));
      if (!account) throw new RequestRefused(404, 'not-found', 'There is no such account.');
      if (account.id === caller.accountId && change.role !== undefined && change.role !== 'admin') throw new RequestRefused(409, 'last-admin', 'You cannot take away your own admin role.');
      // Teams given here replace the granted ones (the page shows the whole list).
      if (change.teams !== undefined) await accounts.updateAccount(account.id, { teams: [] });
      const updated = await refusingAccountErrors(() => grant(accounts, account.email, { role: change.role, teams: change.teams ?? (change.role === 'manager' && account.role === 'manager' ? account.teams : undefined) }));
      await audit.append({ ...actorOf(caller), action: 'account-changed', subject: account.email, detail: { before: { role: account.role, teams: account.teams }, after: { role: updated.role, teams: updated.teams } } });
      return json({ account: accountView(updated) });
    })),

    route.delete('/api/accounts/:id', guarded(async ({ request, params }) => {
      const caller = callerOf(request);
      assertAdmin(caller);
      const account = await accounts.accountById(param(params.id));
      if (!account) throw new RequestRefused(404, 'not-found', 'There is no such account.');
      if (account.id === caller.accountId) throw new RequestRefused(409, 'last-admin', 'You cannot remove your own account.');
      await accounts.removeAccount(account.id);
      await audit.append({ ...actorOf(caller), action: 'account-removed', subject: account.email, detail: { role: account.role } });
      return json({ ok: true });
    })),

    route.get('/api/tokens', guarded(async ({ request }) => {
      assertAdmin(callerOf(request));
      const emails = new Map((await accounts.accounts()).map((account) => [account.id, account.email]));
      return json({ tokens: (await accounts.tokens()).map((token) => ({ ...token, email: emails.get(token.accountId) ?? '' })) });
    })),

    route.post('/api/tokens', guarded(async ({ request }) => {
      const caller = callerOf(request);
      assertAdmin(caller);
      const input = await bodyOf(request, newTokenSchema);
      const made = await refusingAccountErrors(() => createApiToken(accounts, { email: input.email, role: input.role, label: input.label, expiresInMs: durationMs(`${input.expiresInDays}d`) }));
      await audit.append({ ...actorOf(caller), action: 'token-created', subject: made.account.email, detail: { tokenId: made.token.id, role: made.token.role, label: made.token.label, expiresAt: made.token.expiresAt } });
      // The only time the secret is shown: it is stored as a digest.
      return json({ token: { ...made.token, email: made.account.email }, secret: made.secret }, { status: 201 });
    })),

    route.delete('/api/tokens/:id', guarded(async ({ request, params }) => {
      const caller = callerOf(request);
      assertAdmin(caller);
      const id = param(params.id);
      const token = (await accounts.tokens()).find((candidate) => candidate.id === id);
      if (!token) throw new RequestRefused(404, 'not-found', 'There is no such token.');
      if (await accounts.revokeToken(id, new Date().toISOString())) {
        const account = await accounts.accountById(token.accountId);
        await audit.append({ ...actorOf(caller), action: 'token-revoked', subject: account?.email ?? token.accountId, detail: { tokenId: id, label: token.label } });
      }
      return json({ ok: true });
    })),

    route.post('/api/people/:id/erase', guarded(async ({ request, params }) => {
      const caller = callerOf(request);
      assertAdmin(caller);
      try {
        const done = await erasePerson(state, audit, param(params.id), actorOf(caller), 'request', plans ? { plans } : {});
        if (!done) throw new RequestRefused(404, 'not-found', 'There is no employee with this id.');
      } catch (error) {
        if (error instanceof ErasureUnsupportedError) throw new RequestRefused(501, 'unsupported', error.message);
        throw error;
      }
      return json({ ok: true });
    })),

    route.get('/api/audit', guarded(async ({ request }) => {
      assertAdmin(callerOf(request));
      const url = new URL(request.url);
      const action = url.searchParams.get('action') || undefined;
      if (action !== undefined && !(AUDIT_ACTIONS as readonly string[]).includes(action)) throw new RequestRefused(400, 'bad-action', `There is no audit action "${action}".`);
      const instant = (name: string) => {
        const value = url.searchParams.get(name) || undefined;
        if (value !== undefined && Number.isNaN(Date.parse(value))) throw new RequestRefused(400, 'bad-date', `${name} must be a date (YYYY-MM-DD) or an instant.`);
        return value;
      };
      const events = await audit.list({ action: action as AuditAction | undefined, actor: url.searchParams.get('actor') || undefined, from: instant('from'), to: instant('to') });
      // Rows name people by pseudonym: those not erased are named again for the admin reading them.
      const ids = await audit.people(pseudonymsIn(events));
      const { org } = await state.current();
      const names = new Map(org.employees.map((employee) => [employee.id, employee.name]));
      const people: Record<string, { id: string; name?: string }> = {};
      for (const [pseudonym, id] of ids) people[pseudonym] = { id, ...(names.has(id) ? { name: names.get(id)! } : {}) };
      if (url.searchParams.get('format') === 'csv') {
        const rows = events.map((event) => {
          const named = pseudonymsIn([event]).flatMap((pseudonym) => (people[pseudonym] ? [`${pseudonym} = ${people[pseudonym].name ?? ''} (${people[pseudonym].id})`] : []));
          return [String(event.id), event.at, event.actor, event.action, event.subject, JSON.stringify(event.detail), named.join('; ')];
        });
        return csvResponse(writeCsv(AUDIT_CSV_COLUMNS, rows, csvOptionsOf(url)), 'gapmap-audit.csv');
      }
      // Each event says which pseudonyms it holds, so the page never searches its detail for them.
      return json({ events: events.map((event) => ({ ...event, named: pseudonymsIn([event]) })), people });
    })),
  ];
}
