// Sign-in and access on a server (SPEC §9), for the page: whether a server sent it, who is signed in,
// the /auth calls (password, sign out), and the admin's accounts, tokens and audit log.
import { z } from 'zod';
import type { QueryClient } from '@tanstack/react-query';
import { sendRequest } from './transport';
import { ApiError, apiUrl, type QueryParams } from './client';
import { apiErrorSchema, sessionSchema, signedInHintSchema, SIGNED_IN_MARKER, type SessionInfo, type SignedInHint } from './contract';

/** True when `gapmap serve` sent this page (its index.html carries the host marker). */
export function isServerHost(): boolean {
  return typeof document !== 'undefined' && document.querySelector('meta[name="gapmap-host"]')?.getAttribute('content') === 'server';
}

/** Who the server found signed in when it sent this page (contract.ts: a hint, never a proof); undefined without a marker. */
export function signedInHint(): SignedInHint | 'signed-out' | undefined {
  const content = document.querySelector(`meta[name="${SIGNED_IN_MARKER}"]`)?.getAttribute('content');
  if (!content) return undefined;
  if (content === 'signed-out') return 'signed-out';
  try {
    const parsed = signedInHintSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function failure(response: Response): Promise<ApiError> {
  const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? new ApiError(response.status, parsed.data.error, parsed.data.message) : new ApiError(response.status, 'http', `The server answered ${response.status}.`);
}

/** Who is signed in, or 'signed-out'. */
export async function fetchSignedInSession(): Promise<SessionInfo | 'signed-out'> {
  const response = await sendRequest(apiUrl('/session'));
  if (response.status === 401) return 'signed-out';
  if (!response.ok) throw await failure(response);
  return sessionSchema.parse(await response.json());
}

/**
 * The sign-in gate's question on a server: who is signed in (src/app/SignIn.tsx). Its answer is
 * about the stored data (its counts, whether this is a first run), so its key sits under the stored
 * data's queries (gapmapQueries.all with no draft open): whatever changes them asks it again too.
 */
export const signedInQuery = { queryKey: ['gapmap', 'stored', 'signed-in'] as const, queryFn: fetchSignedInSession, staleTime: 60_000 };

/**
 * A server's /api/session answer for the stored data, through the sign-in gate's query: on a server
 * the answer is the signed-in person's whatever persona the page speaks in, and asking it once
 * instead of twice at every start spares the server and the page a request (both asked it at once).
 * A request already on its way is shared; an answer the stored data's change made stale is asked again.
 */
export async function signedInSession(client: QueryClient): Promise<SessionInfo> {
  const session = await client.fetchQuery(signedInQuery);
  if (session === 'signed-out') throw new ApiError(401, 'signed-out', 'Sign in to use Gapmap.');
  return session;
}

export const authConfigSchema = z.lazy(() => z.object({ password: z.boolean(), oidc: z.object({ name: z.string(), url: z.string() }).optional() }));
export type AuthConfig = z.infer<typeof authConfigSchema>;

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await sendRequest('/auth/config');
  if (!response.ok) throw await failure(response);
  return authConfigSchema.parse(await response.json());
}

async function postAuth(path: string, body?: unknown): Promise<void> {
  const response = await sendRequest(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
}

export const signInWithPassword = (email: string, password: string) => postAuth('/auth/login', { email, password });
/** Signs out of Gapmap; answers where to go to sign out at the identity provider too, when signed in there. */
export async function signOut(): Promise<string | undefined> {
  const response = await sendRequest('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw await failure(response);
  const body = z.object({ identityProviderSignOut: z.string().url().optional() }).parse(await response.json());
  return body.identityProviderSignOut;
}
export const signOutEverywhere = () => postAuth('/auth/logout-everywhere');

// ---- People & access, the audit log (admins)

export const accountSchema = z.lazy(() => z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: z.enum(['admin', 'manager', 'hr']), teams: z.array(z.string()), hasPassword: z.boolean(), createdAt: z.string() }));
export type AccountView = z.infer<typeof accountSchema>;
export const tokenSchema = z.lazy(() => z.object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'manager', 'hr']), label: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().optional(), lastUsedAt: z.string().optional() }));
export type TokenView = z.infer<typeof tokenSchema>;
export const auditEventSchema = z.lazy(() => z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), subject: z.string(), detail: z.record(z.string(), z.unknown()), named: z.array(z.string()) }));
export type AuditEventView = z.infer<typeof auditEventSchema>;

async function call<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown, params?: QueryParams): Promise<T> {
  const response = await sendRequest(apiUrl(path, params), {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await failure(response);
  return schema.parse(await response.json());
}

const ok = z.object({ ok: z.literal(true) }).passthrough();

export const accessApi = {
  accounts: () => call(z.object({ accounts: z.array(accountSchema) }), 'GET', '/accounts'),
  addAccount: (input: { email: string; role: string; teams: string[]; displayName?: string }) => call(z.object({ account: accountSchema }), 'POST', '/accounts', input),
  changeAccount: (id: string, change: { role?: string; teams?: string[] }) => call(z.object({ account: accountSchema }), 'PATCH', `/accounts/${encodeURIComponent(id)}`, change),
  removeAccount: (id: string) => call(ok, 'DELETE', `/accounts/${encodeURIComponent(id)}`),
  tokens: () => call(z.object({ tokens: z.array(tokenSchema) }), 'GET', '/tokens'),
  createToken: (input: { email: string; role?: string; label?: string; expiresInDays: number }) => call(z.object({ token: tokenSchema, secret: z.string() }), 'POST', '/tokens', input),
  revokeToken: (id: string) => call(ok, 'DELETE', `/tokens/${encodeURIComponent(id)}`),
  audit: (filter: { action?: string; actor?: string; from?: string; to?: string }) =>
    call(z.object({ events: z.array(auditEventSchema), people: z.record(z.string(), z.object({ id: z.string(), name: z.string().optional() })) }), 'GET', '/audit', undefined, filter),
  auditCsvUrl: (filter: { action?: string; actor?: string; from?: string; to?: string }) => apiUrl('/audit', { ...filter, format: 'csv' }),
  erase: (employeeId: string) => call(ok, 'POST', `/people/${encodeURIComponent(employeeId)}/erase`),
};
