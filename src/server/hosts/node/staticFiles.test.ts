// How `gapmap serve` sends the built page, over real HTTP: hashed assets cached for a year and
// never revalidated, compressed for a client that accepts it; index.html (and every page address,
// which is the same single-page app) revalidated on each visit, so a new build is seen at once.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeApp, listen, serverAccess, type ServerAccess } from './serve';
import { addAccount, startSession } from '../../auth/accounts';
import { SESSION_COOKIE } from '../../auth/signIn';
import { createOrganisationState } from '../../state/organisationState';
import { memoryStore } from '../../store/organisationStore';

const TODAY = '2026-11-25';
// A script long enough to be worth compressing (hono/compress skips bodies under 1 KiB).
const SCRIPT = `export const shell = ${JSON.stringify('the app '.repeat(400))};\n`;
const BROTLI = brotliCompressSync(SCRIPT);
const GZIP = gzipSync(SCRIPT, { level: 9 });
const INLINE_SCRIPT = "if (location.pathname !== '/') document.documentElement.setAttribute('data-other-page', '');";
const INDEX = `<!doctype html><html lang="en"><head><title>Gapmap</title><script>${INLINE_SCRIPT}</script></head><body><div id="root"><h1>Overview</h1></div></body></html>`;

let server: { url: string; close(): Promise<void> } | undefined;
let access: ServerAccess;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'gapmap-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'start-AbC123xy.js'), SCRIPT);
  // An asset the build also wrote compressed (vite.config.ts precompressAssets), as brotli and gzip.
  writeFileSync(join(dist, 'assets', 'react-XyZ789ab.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'react-XyZ789ab.js.br'), BROTLI);
  writeFileSync(join(dist, 'assets', 'react-XyZ789ab.js.gz'), GZIP);
  const state = createOrganisationState(memoryStore(), () => TODAY, { whenEmpty: 'stay-empty' });
  access = serverAccess(undefined);
  server = await listen(createNodeApp({ state, distDir: dist, access }), { port: 0, host: '127.0.0.1' });
});

afterAll(() => server?.close());

/** A GET as a browser sends it, the raw bytes and headers as they came (node's http does not decompress). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server!.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('gapmap serve sends the built page', () => {
  it('sends a hashed asset with a year of immutable caching, gzipped for a client that accepts gzip', async () => {
    const response = await get('/assets/start-AbC123xy.js', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(response.body).toString()).toBe(SCRIPT);
  });

  it('sends the same asset uncompressed to a client that does not accept gzip', async () => {
    const response = await get('/assets/start-AbC123xy.js');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(SCRIPT);
  });

  it('sends the file the build compressed with brotli, as it is, to a browser that accepts brotli', async () => {
    const response = await get('/assets/react-XyZ789ab.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body.equals(BROTLI)).toBe(true);
    expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
  });

  it('sends the build’s gzip file to a client that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gzipped = await get('/assets/react-XyZ789ab.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.equals(GZIP)).toBe(true);
    const plain = await get('/assets/react-XyZ789ab.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('sends index.html, at / and at any page address, with no-cache and the server-host marker', async () => {
    for (const path of ['/', '/index.html', '/heatmap']) {
      const response = await get(path, { 'accept-encoding': 'gzip' });
      expect(response.status, path).toBe(200);
      expect(response.headers['cache-control'], path).toBe('no-cache');
      const html = response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body).toString() : response.body.toString();
      expect(html, path).toContain('<meta name="gapmap-host" content="server">');
      expect(html, path).toContain('<h1>Overview</h1>');
      // Nobody signed in: the page starts with the sign-in form, not the Overview (hidden before the first paint).
      expect(html, path).toContain('<meta name="gapmap-session" content="signed-out">');
      expect(html, path).toContain('<html lang="en" data-host="server" data-other-page>');
    }
  });

  it('sends no inline script and allows none: the static build\'s marking script is dropped, the server marks a deep link itself', async () => {
    const account = await addAccount(access.accounts, { email: 'grace@static.test', role: 'admin', displayName: 'Grace' });
    const cookie = `${SESSION_COOKIE}=${await startSession(access.accounts, account.id, 'password')}`;
    for (const path of ['/', '/heatmap']) {
      const response = await get(path, { cookie });
      expect(String(response.headers['content-security-policy']), path).toMatch(/script-src 'self'(;|$)/);
      const html = response.body.toString();
      expect(html, path).not.toContain('<script>');
      expect(html, path).not.toContain(INLINE_SCRIPT);
      // Signed in: the Overview is the page at / only.
      expect(html.includes('data-other-page'), path).toBe(path !== '/');
    }
  });

  it('tells a signed-in page who is signed in (name and role, no secret), never to be stored, varying by cookie', async () => {
    const account = await addAccount(access.accounts, { email: 'ada@static.test', role: 'admin', displayName: 'Ada "Countess" <Lovelace>' });
    const secret = await startSession(access.accounts, account.id, 'password');
    const response = await get('/', { cookie: `${SESSION_COOKIE}=${secret}` });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['vary']).toMatch(/cookie/i);
    const html = response.body.toString();
    // An admin's navigation is the L&D manager's (the prerendered one): only the host is marked.
    expect(html).toContain('<html lang="en" data-host="server">');
    // The name escaped for the attribute: the quote and the angle brackets cannot end it or open a tag.
    expect(html).toContain('<meta name="gapmap-session" content="{&quot;name&quot;:&quot;Ada \\&quot;Countess\\&quot; &lt;Lovelace&gt;&quot;,&quot;role&quot;:&quot;admin&quot;,&quot;teams&quot;:[]}">');
    expect(html).not.toContain(secret);
  });

  it('marks a signed-in HR person or manager on the page, for their navigation from the first paint', async () => {
    for (const role of ['hr', 'manager'] as const) {
      const account = await addAccount(access.accounts, { email: `${role}@static.test`, role, displayName: role, teams: role === 'manager' ? ['Payments'] : [] });
      const response = await get('/', { cookie: `${SESSION_COOKIE}=${await startSession(access.accounts, account.id, 'password')}` });
      expect(response.body.toString(), role).toContain(`<html lang="en" data-host="server" data-viewer="${role}">`);
    }
  });

  it('treats a session it does not know as signed out', async () => {
    const response = await get('/', { cookie: `${SESSION_COOKIE}=not-a-session` });
    expect(response.body.toString()).toContain('<meta name="gapmap-session" content="signed-out">');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404, never the page in its place', async () => {
    const response = await get('/assets/start-missing1.js');
    expect(response.status).toBe(404);
    expect(response.headers['cache-control']).toBeUndefined();
  });
});
