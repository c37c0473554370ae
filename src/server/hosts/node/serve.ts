// The Node host (SPEC §8, `gapmap serve`): one process serves the built page and the /api on one
// origin, over PostgreSQL (a server by URL, or the embedded PGlite). Each process keeps the prepared
// organisation of the stored revision in memory; every request compares the revision, and a change
// made by another process is announced by NOTIFY so this one loads it before anyone asks.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
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
import { CHANGES_CHANNEL, postgresDraftStore, postgresMappingStore, postgresStore } from '../../store/postgresStore';
import { openDatabase, type DatabaseChoice, type OpenedDatabase } from './openDatabase';
import { memoryMappingStore } from '../../store/achievementMappingStore';
import { postgresImportJobStore } from '../../store/postgresImportJobStore';

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
}

export interface RunningServer {
  url: string;
  port: number;
  state: OrganisationState;
  database: OpenedDatabase;
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

export function createNodeApp(options: { state: OrganisationState; database?: OpenedDatabase; distDir?: string; organisationName?: string }): Hono {
  const api = createApp(options.state, {
    host: 'server',
    organisationName: options.organisationName ?? process.env.GAPMAP_ORGANISATION_NAME ?? 'Your organisation',
    achievementMappings: options.database ? postgresMappingStore(options.database.db) : memoryMappingStore(),
    ...(options.database ? { importJobs: postgresImportJobStore(options.database.db), drafts: postgresDraftStore(options.database.db) } : {}),
  });
  const app = new Hono();
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: 'same-origin', xFrameOptions: 'DENY' }));
  app.use('*', compress());
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

  const distDir = options.distDir && existsSync(join(options.distDir, 'index.html')) ? resolve(options.distDir) : undefined;
  if (distDir) {
    const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8').replace('<head>', `<head>\n    ${SERVER_HOST_MARKER}`);
    const page = () => new Response(indexHtml, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
    // Hashed file names change with their content: cached for a year, never revalidated.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.get('/', page);
    app.get('/index.html', page);
    app.use('*', serveStatic({ root: distDir }));
    // Every other page address is the single-page app's (the router reads the URL).
    app.get('*', (c) => (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/') ? c.notFound() : page()));
  }
  return app;
}

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
  const app = createNodeApp({ state, database, distDir: options.distDir, organisationName: options.organisationName });
  const listening = await listen(app, { port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  let closing: Promise<void> | undefined;
  return {
    ...listening,
    state,
    database,
    close() {
      closing ??= (async () => {
        await listening.close();
        await stopListening();
        await database.close();
      })();
      return closing;
    },
  };
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
