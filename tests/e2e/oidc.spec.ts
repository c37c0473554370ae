// Sign-in with the organisation's identity provider, in a browser (SPEC §9): a real OpenID Provider
// (oidc-provider) runs in this test process; `gapmap serve` is configured for it by environment. The
// whole redirect flow, an identity without an account, a wrong state, a replayed code, an expired session.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../support/testDatabase';
import { freePort, OIDC_CLIENT, startOidcProvider } from '../support/oidcProvider';

const ROOT = join(import.meta.dirname, '../..');
/** A session unused this long is over (6 s, so the expiry test need not wait long). */
const IDLE_MINUTES = 0.1;

let server: ChildProcess | undefined;
let provider: Awaited<ReturnType<typeof startOidcProvider>> | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let url = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider([`${url}/auth/oidc/callback`]);
  const database = await createTestDatabase('oidc_e2e');
  dropDatabase = database ? () => database.drop() : undefined;
  const databaseArgs = database ? ['--database-url', database.url] : ['--data', mkdtempSync(join(tmpdir(), 'gapmap-oidc-'))];
  // Ada has an account (made by an admin beforehand); Mallory, also known to the provider, has none.
  execFileSync(process.execPath, ['bin/gapmap.js', 'users', 'add', '--email', 'ada@oidc.test', '--role', 'admin', ...databaseArgs], { cwd: ROOT, stdio: 'pipe' });
  server = spawn(process.execPath, ['bin/gapmap.js', 'serve', '--port', String(port), '--dist', join(ROOT, 'dist'), '--demo', ...databaseArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GAPMAP_OIDC_ISSUER: provider.issuer,
      GAPMAP_OIDC_CLIENT_ID: OIDC_CLIENT.id,
      GAPMAP_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      GAPMAP_OIDC_REDIRECT_URL: `${url}/auth/oidc/callback`,
      GAPMAP_OIDC_NAME: 'Test IdP',
      GAPMAP_SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
    },
  });
  server.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`gapmap serve did not start:\n${output}`)), 80_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/serving http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
  });
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((resolve) => server?.once('exit', resolve));
  await provider?.close();
  await dropDatabase?.();
});

/** From Gapmap's sign-in page through the provider's login and consent screens. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto(url);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe.serial('sign-in with OpenID Connect', () => {
  test('the whole redirect flow signs in the account whose email the identity has', async ({ browser }) => {
    const page = await freshPage(browser);
    await signInAtProvider(page, 'ada');
    await expect(page.getByText('ada@oidc.test · Admin')).toBeVisible();
    await expect(page.getByRole('link', { name: 'People & access' })).toBeVisible();
    await page.context().close();
  });

  test('an identity without a Gapmap account is refused, saying so', async ({ browser }) => {
    const page = await freshPage(browser);
    await signInAtProvider(page, 'mallory');
    await expect(page.getByRole('alert')).toContainText('There is no Gapmap account for mallory@oidc.test');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Gapmap' })).toBeVisible();
    await page.context().close();
  });

  test('a callback with another state is refused, and signs nobody in', async ({ browser }) => {
    const page = await freshPage(browser);
    // The way out to the provider carries a state Gapmap never sent: the provider hands it back on the callback.
    await page.route('**/auth/oidc/login', async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers()['location']!);
      location.searchParams.set('state', 'a-state-gapmap-never-sent');
      await route.fulfill({ status: 302, headers: { ...response.headers(), location: location.href } });
    });
    await signInAtProvider(page, 'ada');
    await expect(page.getByRole('alert')).toContainText('Sign-in did not complete');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Gapmap' })).toBeVisible();
    await page.context().close();
  });

  test('a replayed code is refused: after sign-out, the same callback signs nobody in', async ({ browser }) => {
    const page = await freshPage(browser);
    let callback = '';
    page.on('request', (request) => {
      if (request.url().includes('/auth/oidc/callback')) callback = request.url();
    });
    await signInAtProvider(page, 'ada');
    await expect(page.getByText('ada@oidc.test · Admin')).toBeVisible();
    expect(callback).toContain('code=');
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Signed in at the provider: it is asked to end its session too, and sends the browser back.
    await expect(page).toHaveURL(/\/session\/end/);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Gapmap' })).toBeVisible();
    await page.goto(callback);
    await expect(page.getByRole('alert')).toContainText('Sign-in did not complete');
    await expect(page.getByText('ada@oidc.test · Admin')).toHaveCount(0);
    await page.context().close();
  });

  test('an expired session ends in the sign-in page again', async ({ browser }) => {
    const page = await freshPage(browser);
    await signInAtProvider(page, 'ada');
    await expect(page.getByText('ada@oidc.test · Admin')).toBeVisible();
    // Nothing asked of the server for longer than the idle limit.
    await page.goto('about:blank');
    await page.waitForTimeout(IDLE_MINUTES * 60_000 + 1_500);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Gapmap' })).toBeVisible();
    await page.context().close();
  });
});
