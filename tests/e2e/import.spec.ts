import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousAxeViolations, watchForeignRequests } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/hr-export');
const HR_EXPORT = ['employees.csv', 'skills.csv', 'roles.csv', 'catalog.csv', 'awards.csv', 'skills-matrix.txt'].map((name) => join(FIXTURES, name));

const stored = (page: Page, label: string) => page.getByRole('definition').filter({ has: page.locator('.figure-value') }).locator('xpath=..').filter({ hasText: new RegExp(`^${label}`) }).locator('.figure-value');
const card = (page: Page, fileName: string) => page.getByRole('article', { name: fileName });

test.describe('an L&D manager imports the company’s HR export', () => {
  test('reads the files, fixes a mapping and a date order, commits, survives a reload, refuses a broken file until valid rows only, and undoes', async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    const foreign = watchForeignRequests(page, new URL(baseURL ?? '').origin);
    await page.goto('/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await page.getByLabel(/Choose CSV files/).setInputFiles(HR_EXPORT);

    // What was detected, per file.
    const matrix = card(page, 'skills-matrix.txt');
    await expect(matrix).toContainText('UTF-16 LE with BOM');
    await expect(matrix).toContainText('tab');
    await expect(matrix.getByLabel('Holds')).toHaveValue('assessments');
    const employees = card(page, 'employees.csv');
    await expect(employees).toContainText('UTF-8 with BOM');
    await expect(employees).toContainText('semicolon');
    await expect(employees.getByLabel('Holds')).toHaveValue('employees');
    await expect(employees.getByLabel(/^employee_id/)).toHaveValue('0'); // "Emp No"

    // The ambiguous expiry column waits for the user: an error until decided.
    await expect(page.getByRole('alert').filter({ hasText: /1 error/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await card(page, 'awards.csv').getByLabel(/Dates in “Valid Until”/).selectOption('DMY');
    // "Boss Ref" is not a name Gapmap knows: map it to manager_id by hand.
    await employees.getByLabel(/^manager_id/).selectOption({ label: 'Boss Ref' });
    await expect(employees.getByLabel(/^manager_id/)).toHaveValue('6');
    // The demo's goals and interests name employees this import replaces: said, not silently dropped.
    await expect(page.getByRole('status').filter({ hasText: /^0 errors and 2 warnings/ })).toBeVisible();
    await expect(page.locator('table.import-issues')).toContainText('existing goals records referred to something this import removed');
    await expect(page.getByRole('table', { name: /^employees: 300 stored now → 8 after the import/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Imported: Import of employees\.csv/ })).toBeVisible();
    await expect(stored(page, 'Employees')).toHaveText('8');
    await expect(stored(page, 'Awards')).toHaveText('9');
    await expect(page.getByRole('heading', { level: 3, name: /^Import of employees\.csv, skills\.csv, roles\.csv and 3 more$/ })).toBeVisible();

    await page.reload();
    await expect(stored(page, 'Employees')).toHaveText('8');
    await expect(stored(page, 'Teams')).toHaveText('3');

    // A second tab shows the same data, and follows changes made in the first.
    const other = await context.newPage();
    await other.goto('/import');
    await expect(stored(other, 'Awards')).toHaveText('9');

    // A broken awards file: every problem located; refused until "only the valid rows".
    await page.getByLabel(/Choose CSV files/).setInputFiles(join(FIXTURES, 'awards-broken.csv'));
    await page.getByRole('radio', { name: /^Merge/ }).check();
    await expect(page.getByRole('alert').filter({ hasText: /^4 errors and 0 warnings/ })).toBeVisible();
    const problems = page.locator('table.import-issues');
    await expect(problems.getByRole('row').filter({ hasText: 'H999' })).toContainText('no employee "H999"');
    await expect(problems.getByRole('row').filter({ hasText: '2025-02-30' })).toContainText('issued_on');
    await page.getByLabel('Severity').selectOption('error');
    await expect(problems.locator('tbody tr')).toHaveCount(4);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all problems as CSV' }).click();
    expect((await download).suggestedFilename()).toBe('gapmap-import-problems.csv');
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await page.getByLabel(/Import only the valid rows/).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Imported: Import of awards-broken\.csv/ })).toBeVisible();
    await expect(stored(page, 'Awards')).toHaveText('11');
    await expect(stored(other, 'Awards')).toHaveText('11');

    // Undo the latest: the awards are back as they were, here and in the other tab.
    await page.getByRole('button', { name: 'Undo Import of awards-broken.csv' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Undone/ })).toBeVisible();
    await expect(stored(page, 'Awards')).toHaveText('9');
    await expect(stored(other, 'Awards')).toHaveText('9');
    await page.reload();
    await expect(stored(page, 'Awards')).toHaveText('9');
    expect(foreign).toEqual([]);
  });

  test('a large file reads off the main thread with a progress bar, and Cancel stops it with nothing stored', async ({ page }) => {
    // 600,000 award rows (about 20 MB): long enough to cancel while the worker reads it.
    const rows = ['employee_id,credential_id,issued_on,expires_on'];
    for (let i = 0; i < 600_000; i++) rows.push(`E${String(i % 300).padStart(4, '0')},CRED-${i % 80},2024-${String((i % 12) + 1).padStart(2, '0')}-15,`);
    const file = join(mkdtempSync(join(tmpdir(), 'gapmap-e2e-')), 'awards-large.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    await page.goto('/import');
    const awardsBefore = await stored(page, 'Awards').textContent();
    await page.getByLabel(/Choose CSV files/).setInputFiles(file);
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Cancelled: nothing was stored' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('article', { name: 'awards-large.csv' })).toHaveCount(0);
    await page.reload();
    await expect(stored(page, 'Awards')).toHaveText(awardsBefore ?? '');
  });
});
