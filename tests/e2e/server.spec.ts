// `gapmap serve` as an organisation runs it: the built page and the /api from one Node process on
// PostgreSQL (the machine's server when GAPMAP_TEST_DATABASE_URL is set, else the embedded one).
// A new server's first run, an HR export imported through the API, the heatmap, the gap report
// export; and two people in two browsers seeing each other's changes.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginningWith, expectNoSeriousAxeViolations, watchForeignRequests } from './helpers';
import { createTestDatabase } from '../support/testDatabase';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/hr-export');
const HR_EXPORT = ['employees.csv', 'skills.csv', 'roles.csv', 'catalog.csv', 'awards.csv', 'skills-matrix.txt'].map((name) => join(FIXTURES, name));

let server: ChildProcess | undefined;
let url = '';
const ADMIN = { email: 'admin@e2e.test', password: 'a long enough e2e password' };
/** The admin's signed-in browser state, made once by signing in through the page and reused by every test. */
const ADMIN_STATE = join(mkdtempSync(join(tmpdir(), 'gapmap-e2e-state-')), 'admin.json');

async function signedIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  return context.newPage();
}
let dropDatabase: (() => Promise<void>) | undefined;

async function databaseArgs(): Promise<string[]> {
  const database = await createTestDatabase('e2e');
  if (!database) return ['--data', mkdtempSync(join(tmpdir(), 'gapmap-e2e-'))];
  dropDatabase = () => database.drop();
  return ['--database-url', database.url];
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const database = await databaseArgs();
  // The first admin, made with the product's own command before the server starts.
  execFileSync(process.execPath, ['bin/gapmap.js', 'users', 'add', '--email', ADMIN.email, '--role', 'admin', '--password-stdin', ...database], { cwd: ROOT, input: `${ADMIN.password}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  const args = ['bin/gapmap.js', 'serve', '--port', '0', '--dist', join(ROOT, 'dist'), ...database];
  server = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`gapmap serve did not start:\n${output}`)), 80_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/[^\s]+) on/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
  });
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((resolve) => server?.once('exit', resolve));
  await dropDatabase?.();
});

const stored = (page: Page, label: string) => page.getByRole('definition').filter({ has: page.locator('.figure-value') }).locator('xpath=..').filter({ hasText: new RegExp(`^${label}`) }).locator('.figure-value');

test.describe.serial('gapmap serve', () => {
  test('shows nothing before sign-in; a wrong password is refused; the admin signs in and the header says who', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Gapmap' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('do not match');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(`${ADMIN.email} · Admin`)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Viewing as' })).toHaveCount(0);
    await context.storageState({ path: ADMIN_STATE });
    await context.close();
  });

  test('a new server offers a first run; an L&D manager imports the HR export, sees it in the heatmap and exports the gap report', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await signedIn(browser);
    const foreign = watchForeignRequests(page, new URL(url).origin);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Gapmap' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'Import your files' }).click();
    await expect(page.getByText('Files are read and stored by this Gapmap server')).toBeVisible();
    await page.getByLabel(/Choose CSV files/).setInputFiles(HR_EXPORT);
    await page.getByRole('article', { name: 'awards.csv' }).getByLabel(/Dates in “Valid Until”/).selectOption('DMY');
    const employees = page.getByRole('article', { name: 'employees.csv' });
    await employees.getByLabel(/^manager_id/).selectOption({ label: 'Boss Ref' });
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Imported: Import of employees\.csv/ })).toBeVisible();
    await expect(stored(page, 'Employees')).toHaveText('8');

    // The data lives on the server: a reload (and any browser) shows it.
    await page.goto(`${url}/heatmap`);
    await expect(page.getByRole('grid').first()).toContainText('Inbound');

    await page.goto(`${url}/reports`);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: /gap report/i }).first().click();
    const download = await downloadPromise;
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('employee_id,employee_name,team,role,skill_id,skill_name,weight,required_level,verified_level,assessed_level,effective_level,gap,status');
    expect(csv).toContain("Siobhán O'Neill");
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  test('the Overview a signed-in person opens is the prerendered page adopted, not built again, with their name and their role’s navigation', async ({ browser }) => {
    const page = await signedIn(browser);
    // Marks the prerendered page's elements before any of the app's code runs.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        for (const element of document.querySelectorAll('.page-intro, nav[aria-label="Main"]')) element.setAttribute('data-seen-before-the-app', '');
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const askedWhoIsSignedIn: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/session') askedWhoIsSignedIn.push(request.url());
    });
    await page.goto(url);
    await expect(page.locator('.figure', { hasText: /^Readiness/ }).first().locator('.figure-value')).toHaveText(/^\d{1,3}\.\d%$/);
    // The sign-in gate and the Overview both need who is signed in: one request answers both.
    expect(askedWhoIsSignedIn).toHaveLength(1);
    await expect(page.getByText(`${ADMIN.email} · Admin`)).toBeVisible();
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'People & access' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Viewing as' })).toHaveCount(0);
    // The same elements the server sent: React adopted them (a page built again has new ones).
    await expect(page.locator('.page-intro')).toHaveAttribute('data-seen-before-the-app', '');
    await expect(navigation).toHaveAttribute('data-seen-before-the-app', '');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a signed-in admin’s navigation is theirs from the first paint, before the app’s code has arrived', async ({ browser }) => {
    const page = await signedIn(browser);
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(url);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'People & access' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Import' })).toBeVisible();
    await page.context().close();
  });

  test('two people in two browsers see each other’s changes: a goal assigned in one shows in the other, and a plan follows its author', async ({ browser }) => {
    test.setTimeout(90_000);
    const first = await browser.newContext({ storageState: ADMIN_STATE });
    const second = await browser.newContext({ storageState: ADMIN_STATE });
    const a = await first.newPage();
    const b = await second.newPage();
    await b.goto(`${url}/goals`);
    await expect(b.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
    const before = await b.getByRole('row').count();

    // Assigned through the first browser (a cohort on a team page).
    await a.goto(`${url}/teams`);
    await a.getByRole('link').filter({ hasText: 'Inbound' }).first().click();
    const cohorts = a.getByRole('table', { name: /Cohorts/ });
    const assignable = cohorts.getByRole('row').filter({ has: a.getByRole('button', { name: /^Assign/ }) }).first();
    const credentialName = (await assignable.getByRole('rowheader').innerText()).split('\n')[0]?.trim() ?? '';
    // By its name: once everyone is assigned the row offers no Assign button any more.
    const row = cohorts.getByRole('row').filter({ has: a.getByRole('rowheader', { name: beginningWith(credentialName) }) }).first();
    await row.getByRole('button', { name: /^Assign/ }).click();
    await row.getByRole('button', { name: /^Assign to/ }).click();
    await expect(row.getByRole('status')).toContainText(/goals? assigned/);

    // The second browser sees it after a refetch.
    await b.reload();
    await expect(b.getByRole('table').filter({ hasText: credentialName }).first()).toBeVisible();
    expect(await b.getByRole('row').count()).toBeGreaterThan(before);

    // The training plan is kept on the server for its author: begun in one browser, found in the other.
    const planButton = cohorts.getByRole('button', { name: /^Add .* to the training plan$/ }).first();
    const [, cohortName, team] = /^Add (.*) \((.*)\) to the training plan$/.exec((await planButton.getAttribute('aria-label')) ?? '') ?? [];
    expect(cohortName).toBeTruthy();
    const saved = a.waitForResponse((response) => response.url().endsWith('/api/plan') && response.request().method() === 'PUT');
    await planButton.click();
    expect((await saved).status()).toBe(200);
    await expect(cohorts.getByRole('button', { name: `Remove ${cohortName} (${team}) from the training plan` })).toBeVisible();
    await b.goto(`${url}/plan`);
    await expect(b.getByRole('rowheader', { name: beginningWith(`${cohortName} — ${team}`) })).toBeVisible();
    await first.close();
    await second.close();
  });

  test('an admin manages people and access, makes a token shown once, and reads it all in the audit log', async ({ browser }) => {
    const page = await signedIn(browser);
    await page.goto(`${url}/access`);
    await expect(page.getByRole('heading', { level: 1, name: 'People & access' })).toBeVisible();
    await expect(page.getByRole('cell', { name: ADMIN.email })).toBeVisible();
    const add = page.getByRole('form', { name: 'Add an account' });
    await add.getByLabel('Email').fill('mo@e2e.test');
    await add.getByLabel('Role').selectOption('manager');
    await add.getByLabel(/Teams/).fill('Inbound');
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByRole('cell', { name: 'mo@e2e.test' })).toBeVisible();
    const token = page.getByRole('form', { name: 'Create an API token' });
    await token.getByLabel(/For account/).fill('mo@e2e.test');
    await token.getByLabel('Label').fill('nightly export');
    await token.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'shown only now' })).toContainText(/gmt_/);
    await expect(page.getByRole('cell', { name: 'nightly export' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'account-added' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'token-created' })).toBeVisible();
    await page.getByLabel('Action').selectOption('sign-in-refused');
    await expect(page.getByRole('cell', { name: 'sign-in-refused' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'token-created' })).toHaveCount(0);
    const csv = await page.request.get(`${url}${await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')}`);
    expect((await csv.text()).split('\r\n')[0]).toBe('id,at,actor,action,subject,detail,people');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });
});
