// The Node host (SPEC §8, `gapmap serve`): one process serves the built page and the /api on one
// origin, over PostgreSQL (a server by URL, or the embedded PGlite). Each process keeps the prepared
// organisation of the stored revision in memory; every request compares the revision, and a change
// made by another process is announced by NOTIFY so this one loads it before anyone asks.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { todayIso } from '../../../domain/dates';
import { demoOrganisation } from '../../../domain/demo/generate';
import type { IsoDate } from '../../../domain/schema';
import { createApp } from '../../http/app';
import { errorResponse, responseForError } from '../../http/requestContext';
import { createOrganisationState, type OrganisationState } from '../../state/organisationState';
import { CHANGES_CHANNEL, postgresDraftStore, postgresMappingStore, postgresPlanStore, postgresStore } from '../../store/postgresStore';
import { memoryPlanStore } from '../../state/plans';
import { openDatabase, type DatabaseChoice, type OpenedDatabase } from './openDatabase';
import { memoryMappingStore } from '../../store/achievementMappingStore';
import { postgresImportJobStore } from '../../store/postgresImportJobStore';
import { memoryAccountStore, type AccountStore } from '../../store/accountStore';
import { memoryAuditLog, type AuditLog } from '../../store/auditLog';
import { postgresAccountStore, postgresAuditLog } from '../../store/postgresAccountStore';
import { createSignIn, SIGN_IN_LIMITS, type SignIn, type SignInOptions } from '../../auth/signIn';
import { postgresRateLimit } from '../../auth/rateLimit';
import { createAccessRoutes } from '../../http/accessRoutes';
import { eraseLeavers } from '../../state/erasure';
import { createOidcSignIn, oidcSettingsFromEnv } from '../../auth/oidc';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../auth/accounts';
import { ACCOUNTS_CHANNEL, cacheProofs, type ProofCache } from '../../auth/proofCache';
import { scopeOf } from '../../auth/caller';
import { visibleTeams } from '../../http/requestContext';
import { HOST_ATTRIBUTE, SIGNED_IN_MARKER, VIEWER_ATTRIBUTE, personaKindOf, viewerMarkOf, type SignedInHint } from '../../../api/contract';

export interface ServeOptions extends DatabaseChoice {
  port?: number;
  /** 127.0.0.1 unless sign-in is configured (SPEC §9): without it anyone reaching the port could change everything. */
  host?: string;
  /** The built page (`vite build`); without it only the /api is served. */
  distDir?: string;
  /** Store the demo organisation when the database is empty. */
  demo?: boolean;
  today?: () => IsoDate;
  organisationName?: string;
  /** Erase leavers this many months after they left (default: GAPMAP_RETENTION_MONTHS; unset keeps them). */
  retentionMonths?: number;
  /** The identity provider's sign-in (oidc.ts), when configured. */
  oidc?: SignInOptions['oidc'];
}

export interface RunningServer {
  url: string;
  port: number;
  /** The address it listens on (127.0.0.1 until sign-in is configured). */
  host: string;
  state: OrganisationState;
  database: OpenedDatabase;
  access: ServerAccess;
  /** The one-time link that creates the first admin, when there is no admin yet. */
  setupUrl?: string;
  close(): Promise<void>;
}

/** The page's marker: the page learns at run time that its backend is this server (one dist/ for both hosts). */
export const SERVER_HOST_MARKER = '<meta name="gapmap-host" content="server">';

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React and the charts set styles through the DOM, never inline <style> or style="" in the HTML;
  // inline style attributes stay allowed for the few the charts' SVG writes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Who may use a server and what they did: accounts, sessions, tokens and the audit log. */
export interface ServerAccess {
  accounts: AccountStore;
  audit: AuditLog;
  signIn: SignIn;
  /** The sessions and tokens checked lately, kept in memory (proofCache.ts). */
  proofs: ProofCache;
}

export function serverAccess(database: OpenedDatabase | undefined, options: Omit<SignInOptions, 'accounts' | 'audit'> = {}): ServerAccess {
  // Over a database nothing is kept until hearAccountChanges listens: another process's change must be heard.
  const proofs = cacheProofs(database ? postgresAccountStore(database.db) : memoryAccountStore(), { listening: database === undefined });
  const accounts = proofs.accounts;
  const audit = database ? postgresAuditLog(database.db) : memoryAuditLog();
  const limits = database
    ? { perAccount: postgresRateLimit(database.db, 'account', SIGN_IN_LIMITS.perAccount), perAddress: postgresRateLimit(database.db, 'address', SIGN_IN_LIMITS.perAddress) }
    : undefined;
  return { accounts, audit, proofs, signIn: createSignIn({ ...(limits ? { limits } : {}), ...options, accounts, audit }) };
}

/** Listens for account, token and session changes made by any process, so this one forgets what it kept; returns the function that stops. */
export function hearAccountChanges(database: OpenedDatabase, access: ServerAccess): Promise<() => Promise<void>> {
  return database.db.listen(ACCOUNTS_CHANNEL, () => access.proofs.forget(), (listening) => access.proofs.setListening(listening));
}

export function createNodeApp(options: { state: OrganisationState; database?: OpenedDatabase; distDir?: string; organisationName?: string; access?: ServerAccess }): Hono {
  const access = options.access ?? serverAccess(options.database);
  const api = createApp(options.state, {
    host: 'server',
    organisationName: options.organisationName ?? process.env.GAPMAP_ORGANISATION_NAME ?? 'Your organisation',
    achievementMappings: options.database ? postgresMappingStore(options.database.db) : memoryMappingStore(),
    ...(options.database ? { importJobs: postgresImportJobStore(options.database.db), drafts: postgresDraftStore(options.database.db) } : {}),
    plans: options.database ? postgresPlanStore(options.database.db) : memoryPlanStore(),
    // Who is asking comes from the session or the token alone: the persona header is never read here.
    identify: access.signIn.identify,
    audit: access.audit,
    moreRoutes: ({ state, plans }) => createAccessRoutes(access.accounts, access.audit, state, plans),
  });
  const distDir = options.distDir && existsSync(join(options.distDir, 'index.html')) ? resolve(options.distDir) : undefined;
  const indexSource = distDir ? readFileSync(join(distDir, 'index.html'), 'utf8') : undefined;
  const app = new Hono();
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: 'same-origin', xFrameOptions: 'DENY' }));
  app.use('*', compress());
  app.use('/api/*', access.signIn.sameOrigin);
  app.use('/auth/*', access.signIn.sameOrigin);
  app.route('/', access.signIn.routes);
  app.use('/api/*', async (c, next) => {
    await next();
    // Answers carry people's data: never kept by a shared cache or the browser's disk cache.
    c.header('Cache-Control', 'no-store');
  });
  app.route('/', api);
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? errorResponse(404, 'not-found', `The API has no ${c.req.method} ${c.req.path}.`) : c.text('Not found', 404),
  );
  app.onError((error) => responseForError(error));

  if (distDir && indexSource !== undefined) {
    // No inline script (SPEC §9: the policy allows none): the static build's one-line script that
    // marks a page other than / is dropped, and the server marks such a page itself below.
    const indexHtml = indexSource
      .replace(/<script>[\s\S]*?<\/script>\s*/g, '')
      .replace('<head>', `<head>\n    ${SERVER_HOST_MARKER}`)
      .replace(/<html([^>]*)>/, `<html$1 ${HOST_ATTRIBUTE}="server">`);
    // The page says who is signed in (a hint for its first render: signed in, it shows the app at
    // once; signed out, the sign-in page), so the HTML differs by cookie: never kept by any cache
    // when it names someone, revalidated otherwise.
    const page = async (c: Context) => {
      const hint = await signedInHintOf(c.req.raw, access, options.state);
      const marker = `<meta name="${SIGNED_IN_MARKER}" content="${hint === 'signed-out' ? hint : escapeAttribute(JSON.stringify(hint))}">`;
      let html = indexHtml.replace(SERVER_HOST_MARKER, `${SERVER_HOST_MARKER}\n    ${marker}`);
      // The prerendered Overview stays hidden (styles.css) where it is not the page: at any address
      // but /, and signed out (the page is the sign-in form).
      const marks: string[] = [];
      if (hint === 'signed-out' || c.req.path !== '/') marks.push('data-other-page');
      // Who is signed in, for their navigation from the first paint (src/app/viewerMark.ts).
      const viewerMark = hint === 'signed-out' ? undefined : viewerMarkOf(personaKindOf(hint.role));
      if (viewerMark) marks.push(`${VIEWER_ATTRIBUTE}="${viewerMark}"`);
      if (marks.length > 0) html = html.replace(/<html([^>]*)>/, `<html$1 ${marks.join(' ')}>`);
      return new Response(html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': hint === 'signed-out' ? 'no-cache' : 'no-store', vary: 'Cookie' },
      });
    };
    // Hashed file names change with their content: cached for a year, never revalidated.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.get('/', page);
    app.get('/index.html', page);
    // The build wrote each asset compressed beside it (vite.config.ts precompressAssets): sent as it is.
    app.use('*', serveStatic({ root: distDir, precompressed: true }));
    // Every other page address is the single-page app's (the router reads the URL).
    app.get('*', (c) => (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/') ? c.notFound() : page(c)));
  }
  return app;
}

/** Who the request's session names, as the page's first render needs it (a manager's teams as /api/session lists them). */
async function signedInHintOf(request: Request, access: ServerAccess, state: OrganisationState): Promise<SignedInHint | 'signed-out'> {
  const identity = await access.signIn.identify(request).catch(() => undefined);
  if (!identity) return 'signed-out';
  if (identity.role !== 'manager') return { name: identity.displayName, role: identity.role, teams: [] };
  const eo = await state.current();
  return { name: identity.displayName, role: identity.role, teams: visibleTeams(eo, { ...identity, scope: scopeOf(identity, eo.org) }) };
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(options);
  const today = options.today ?? (() => todayIso());
  const store = postgresStore(database.db);
  const state = createOrganisationState(store, today, { whenEmpty: 'stay-empty' });
  if (options.demo && (await store.load()) === undefined) {
    await store.commit(demoOrganisation(today()), { source: 'edit', label: 'The demo organisation', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] });
  }
  // Another process stored a change: load it now, so the next request does not wait for it.
  const stopListening = await database.db.listen(CHANGES_CHANNEL, () => void state.current().catch(() => undefined));
  const settings = options.oidc === undefined ? oidcSettingsFromEnv() : undefined;
  const oidc = options.oidc ?? (settings ? createOidcSignIn(settings) : undefined);
  const access = serverAccess(database, { publicOrigin: process.env.GAPMAP_PUBLIC_URL, oidc, sessionPolicy: sessionPolicyFromEnv() });
  const stopHearingAccounts = await hearAccountChanges(database, access);
  const app = createNodeApp({ state, database, distDir: options.distDir, organisationName: options.organisationName, access });
  // Beyond this machine only when someone can sign in: without an account the port is open to nobody but localhost.
  const signInConfigured = oidc !== undefined || (await access.accounts.accounts()).some((account) => account.role === 'admin');
  const host = options.host && (signInConfigured || isLoopback(options.host)) ? options.host : '127.0.0.1';
  if (options.host && host !== options.host) {
    // Nothing may keep the process alive after the refusal: the database and its LISTEN close.
    await stopListening();
    await stopHearingAccounts();
    await database.close();
    throw new SignInNotConfiguredError(options.host);
  }
  const listening = await listen(app, { port: options.port ?? 8080, host });
  const setupSecret = await access.signIn.setupLinkIfNoAdmin();
  // Retention (SPEC §9): leavers are erased N months after they left — at start, then daily.
  const retentionMonths = options.retentionMonths ?? (process.env.GAPMAP_RETENTION_MONTHS ? Number(process.env.GAPMAP_RETENTION_MONTHS) : undefined);
  let retentionTimer: ReturnType<typeof setInterval> | undefined;
  if (retentionMonths !== undefined && Number.isInteger(retentionMonths) && retentionMonths > 0) {
    const applyRetention = () => eraseLeavers(state, access.audit, retentionMonths, today()).catch((error: unknown) => console.error('gapmap: retention failed:', error));
    await applyRetention();
    retentionTimer = setInterval(() => void applyRetention(), 24 * 60 * 60_000);
    retentionTimer.unref();
  }
  let closing: Promise<void> | undefined;
  return {
    ...listening,
    host,
    state,
    database,
    access,
    ...(setupSecret ? { setupUrl: `${process.env.GAPMAP_PUBLIC_URL ?? listening.url}/auth/setup?token=${setupSecret}` } : {}),
    close() {
      closing ??= (async () => {
        if (retentionTimer) clearInterval(retentionTimer);
        await listening.close();
        // Snapshots still being written after the last commit: a start after this one reads them.
        await state.store.settled?.();
        await stopListening();
        await stopHearingAccounts();
        await database.close();
      })();
      return closing;
    },
  };
}

/** GAPMAP_SESSION_IDLE_MINUTES and GAPMAP_SESSION_MAX_HOURS, else the defaults (2 hours idle, 12 hours in all). */
function sessionPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  const idle = Number(env.GAPMAP_SESSION_IDLE_MINUTES);
  const max = Number(env.GAPMAP_SESSION_MAX_HOURS);
  return {
    idleMs: idle > 0 ? idle * 60_000 : DEFAULT_SESSION_POLICY.idleMs,
    absoluteMs: max > 0 ? max * 3_600_000 : DEFAULT_SESSION_POLICY.absoluteMs,
  };
}

export class SignInNotConfiguredError extends Error {
  constructor(host: string) {
    super(`Gapmap listens on ${host} only once sign-in is configured: add an admin with 'gapmap users add --role admin --email …' or configure OpenID Connect (GAPMAP_OIDC_ISSUER…). Until then it serves 127.0.0.1 only.`);
    this.name = 'SignInNotConfiguredError';
  }
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** Serves a Hono app over HTTP (port 0: any free port). */
export async function listen(app: Hono, options: { port: number; host: string }): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolveServer, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolveServer(started));
    started.once('error', reject);
  });
  // Large uploads (an awards file of 1,000,000 rows) take longer than Node's default request timeout.
  if ('requestTimeout' in server) server.requestTimeout = 10 * 60_000;
  // An idle keep-alive connection is kept a minute (Node's default is 5 s): a client whose event
  // loop is busy (a script, a browser tab computing) may otherwise send its next request into a
  // socket the server is closing, and get ECONNRESET. Headers must be allowed a little longer still.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Keep-alive connections would hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
