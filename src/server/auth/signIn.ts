// Sign-in on a server (SPEC §9): who a request comes from (a session cookie or an API token, never
// the persona header), the /auth routes (password sign-in, sign out, sign out everywhere, the
// one-time setup link), the same-origin rule for unsafe methods (CSRF) and the attempt limits.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AccountStore } from '../store/accountStore';
import type { AuditLog } from '../store/auditLog';
import type { Identity } from './caller';
import { addAccount, AccountError, normaliseEmail, checkPassword, DEFAULT_SESSION_POLICY, endSession, identifySession, identifyToken, startSession, type SessionPolicy } from './accounts';
import { createRateLimit, type RateLimit } from './rateLimit';
import { digestOf, newSecret } from './secrets';
import { passwordProblem } from './passwords';

export const SESSION_COOKIE = 'gapmap_session';

/** Failed sign-ins allowed in 15 minutes: per account, and per address (several people behind one office address). */
export const SIGN_IN_LIMITS = {
  perAccount: { max: 10, windowMs: 15 * 60_000 },
  perAddress: { max: 50, windowMs: 15 * 60_000 },
} as const;

export interface SignInLimits {
  perAccount: RateLimit;
  perAddress: RateLimit;
}
const SETUP_LINK_MS = 60 * 60_000;

export interface SignInOptions {
  accounts: AccountStore;
  audit: AuditLog;
  sessionPolicy?: SessionPolicy;
  /** The server's own origin as browsers see it (behind a proxy); by default the request's. */
  publicOrigin?: string;
  now?: () => Date;
  /** The identity provider's routes, when one is configured (oidc.ts). */
  oidc?: {
    name: string;
    mount(app: Hono, signIn: SignInContext): void;
    /** Where a browser ends its session at the provider too; undefined when the provider offers no such address. */
    signOutUrl?(): Promise<string | undefined>;
  };
  /** Default: in this process's memory (a server passes the database's, shared by its processes). */
  limits?: SignInLimits;
}

/** What the OpenID Connect routes need to finish a sign-in the same way a password does. */
export interface SignInContext {
  accounts: AccountStore;
  audit: AuditLog;
  now(): Date;
  /** Starts a session for the account and sets the cookie on the response. */
  signedIn(c: Context, accountId: string, via: 'password' | 'oidc' | 'setup'): Promise<void>;
  addressOf(c: Context): string;
}

export interface SignIn {
  identify(request: Request): Promise<Identity | undefined>;
  /** Unsafe methods only from the page's own origin (or with an API token, which no browser sends by itself). */
  sameOrigin: MiddlewareHandler;
  routes: Hono;
  /** Prints nothing; returns the link's secret when no admin exists yet (the first start). */
  setupLinkIfNoAdmin(): Promise<string | undefined>;
}

function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function bearerOf(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function isHttps(c: Context, publicOrigin: string | undefined): boolean {
  return (publicOrigin ?? c.req.url).startsWith('https:');
}

const refusal = (c: Context, status: 400 | 401 | 403 | 429, error: string, message: string) => c.json({ error, message }, status);

export function createSignIn(options: SignInOptions): SignIn {
  const { accounts, audit } = options;
  const now = options.now ?? (() => new Date());
  const policy = options.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  const limits = options.limits ?? {
    perAccount: createRateLimit(SIGN_IN_LIMITS.perAccount),
    perAddress: createRateLimit(SIGN_IN_LIMITS.perAddress),
  };

  const addressOf = (c: Context) => {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  const context: SignInContext = {
    accounts,
    audit,
    now,
    addressOf,
    async signedIn(c, accountId, via) {
      // A new id at every sign-in, and the one the browser brought (if any) ended.
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous) await endSession(accounts, previous);
      const secret = await startSession(accounts, accountId, via, now());
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c, options.publicOrigin),
        path: '/',
        maxAge: Math.floor(policy.absoluteMs / 1000),
      });
      const account = await accounts.accountById(accountId);
      await audit.append({ actorId: accountId, actor: account?.email ?? accountId, action: 'signed-in', subject: account?.email ?? '', detail: { via, address: addressOf(c) } });
    },
  };

  async function identify(request: Request): Promise<Identity | undefined> {
    const bearer = bearerOf(request);
    // A request that shows a token is judged by the token alone: a bad one is not rescued by a cookie.
    if (bearer !== undefined || request.headers.has('authorization')) return bearer ? identifyToken(accounts, bearer, now()) : undefined;
    const session = cookieOf(request, SESSION_COOKIE);
    return session ? identifySession(accounts, session, policy, now()) : undefined;
  }

  const sameOrigin: MiddlewareHandler = async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const own = options.publicOrigin ? new URL(options.publicOrigin).origin : new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const allowed = origin !== undefined ? origin === own : site !== undefined ? site === 'same-origin' : bearerOf(c.req.raw) !== undefined && cookieOf(c.req.raw, SESSION_COOKIE) === undefined;
    if (!allowed) return refusal(c, 403, 'cross-origin', 'This change must come from Gapmap\u2019s own page.');
    return next();
  };

  const routes = new Hono();

  routes.get('/auth/config', (c) => c.json({ password: true, ...(options.oidc ? { oidc: { name: options.oidc.name, url: '/auth/oidc/login' } } : {}) }));

  routes.post('/auth/login', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const email = typeof (body as { email?: unknown })?.email === 'string' ? ((body as { email: string }).email).trim() : '';
    const password = typeof (body as { password?: unknown })?.password === 'string' ? (body as { password: string }).password : '';
    if (email === '' || password === '') return refusal(c, 400, 'bad-request', 'Give an email and a password.');
    const address = addressOf(c);
    const keys = [`account:${email.toLowerCase()}`, `address:${address}`];
    const wait = Math.max(await limits.perAccount.retryAfter(keys.slice(0, 1)), await limits.perAddress.retryAfter(keys.slice(1)));
    if (wait > 0) {
      await audit.append({ actorId: 'anonymous', actor: address, action: 'sign-in-refused', subject: email, detail: { reason: 'too many attempts', address } });
      c.header('Retry-After', String(wait));
      return refusal(c, 429, 'too-many-attempts', `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`);
    }
    const account = await checkPassword(accounts, email, password);
    if (!account) {
      await limits.perAccount.failed(keys.slice(0, 1));
      await limits.perAddress.failed(keys.slice(1));
      await audit.append({ actorId: 'anonymous', actor: address, action: 'sign-in-refused', subject: email, detail: { reason: 'wrong email or password', address } });
      return refusal(c, 401, 'bad-credentials', 'That email and password do not match an account.');
    }
    await limits.perAccount.clear(keys[0]!);
    await context.signedIn(c, account.id, 'password');
    return c.json({ ok: true });
  });

  routes.post('/auth/logout', async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const session = secret ? await accounts.sessionByDigest(digestOf(secret)) : undefined;
    if (secret) await endSession(accounts, secret);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, options.publicOrigin) });
    // Signed in at the identity provider: the page goes there next, or the next "sign in" would be silent.
    const atProvider = session?.via === 'oidc' ? await options.oidc?.signOutUrl?.() : undefined;
    return c.json({ ok: true, ...(atProvider ? { identityProviderSignOut: atProvider } : {}) });
  });

  routes.post('/auth/logout-everywhere', async (c) => {
    const identity = await identify(c.req.raw);
    if (!identity) return refusal(c, 401, 'signed-out', 'Sign in to use Gapmap.');
    const ended = await accounts.removeSessionsOf(identity.accountId);
    await audit.append({ actorId: identity.accountId, actor: identity.email ?? identity.displayName, action: 'signed-out-everywhere', subject: identity.email ?? '', detail: { sessions: ended } });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, options.publicOrigin) });
    return c.json({ ok: true, sessions: ended });
  });

  // The first admin, from the one-time link printed at first start: a plain form (no script, so the
  // strict CSP holds), answered by a POST that creates the account and signs it in.
  routes.get('/auth/setup', (c) =>
    c.html(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up Gapmap</title></head><body><main>' +
        '<h1>Create the first admin account</h1><form method="post" action="/auth/setup">' +
        `<input type="hidden" name="token" value="${escapeHtml(c.req.query('token') ?? '')}">` +
        '<p><label>Email <input name="email" type="email" autocomplete="username" required></label></p>' +
        '<p><label>Password (12 characters or more) <input name="password" type="password" autocomplete="new-password" minlength="12" required></label></p>' +
        '<p><button type="submit">Create the admin account</button></p></form></main></body></html>',
    ),
  );

  routes.post('/auth/setup', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    // What was typed is checked first: a typing mistake must not use up the one-time link.
    const problem = (() => {
      try {
        normaliseEmail(field('email'));
        return passwordProblem(field('password'));
      } catch (error) {
        return error instanceof AccountError ? error.message : 'The email is not valid.';
      }
    })();
    if (problem) return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up Gapmap</title></head><body><main><h1>Not created</h1><p>${escapeHtml(problem)}</p><p><a href="/auth/setup?token=${encodeURIComponent(field('token'))}">Try again</a></p></main></body></html>`, 400);
    const existing = await accounts.accounts();
    if (existing.some((account) => account.role === 'admin') || !(await accounts.useSetupLink(digestOf(field('token')), now().toISOString()))) {
      return c.html('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up Gapmap</title></head><body><main><h1>This setup link is no longer valid</h1><p>Ask your Gapmap administrator, or run <code>gapmap users add --role admin</code> on the server.</p></main></body></html>', 403);
    }
    try {
      const account = await addAccount(accounts, { email: field('email'), role: 'admin', password: field('password') }, now());
      await audit.append({ actorId: account.id, actor: account.email, action: 'account-added', subject: account.email, detail: { role: 'admin', by: 'setup link' } });
      await context.signedIn(c, account.id, 'setup');
      return c.redirect('/', 303);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Set up Gapmap</title></head><body><main><h1>Not created</h1><p>${escapeHtml(error.message)}</p><p>The link has been used; restart Gapmap for a new one.</p></main></body></html>`, 400);
    }
  });

  options.oidc?.mount(routes, context);

  return {
    identify,
    sameOrigin,
    routes,
    async setupLinkIfNoAdmin() {
      if ((await accounts.accounts()).some((account) => account.role === 'admin')) return undefined;
      const secret = newSecret();
      await accounts.addSetupLink(digestOf(secret), new Date(now().getTime() + SETUP_LINK_MS).toISOString());
      return secret;
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
