import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginningWith } from './helpers';

test('a goal assigned to a cohort completes by itself once the award is imported', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/teams/Payments');
  await expect(page.getByRole('heading', { name: 'Recommended cohorts' })).toBeVisible();
  // The first bookable cohort of two or more people, as the table shows it: the credential's name,
  // then the people's names (a stack is earned by its components, not booked).
  const table = page.getByRole('table', { name: /Cohorts/ });
  // The heading shows before the cohorts are computed: wait for the rows.
  await expect(table.locator('tbody th[scope="row"]').first()).toBeVisible();
  const headers = await table.locator('tbody th[scope="row"]').evaluateAll((cells) =>
    cells.map((cell) => ({
      name: cell.firstChild?.textContent?.trim() ?? '',
      isStack: cell.querySelector('.tag') !== null,
      people: (cell.querySelector('.muted')?.textContent ?? '').split(', ').filter(Boolean),
    })),
  );
  const cohort = headers.find((candidate) => !candidate.isStack && candidate.people.length >= 2);
  expect(cohort).toBeDefined();
  if (!cohort) return;
  // Anchored: a certificate's row names its courses too ("Book … for …").
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: beginningWith(cohort.name) }) }).first();
  await row.getByRole('button', { name: /^Assign/ }).click();
  await row.getByRole('button', { name: /^Assign to/ }).click();
  await expect(row.getByRole('status')).toContainText(`${cohort.people.length} goals assigned`);

  // An LMS export says the first person of the cohort earned the credential today.
  const today = new Date().toISOString().slice(0, 10);
  const folder = mkdtempSync(join(tmpdir(), 'gapmap-e2e-'));
  const file = join(folder, 'lms-completions.csv');
  // By name, as a spreadsheet would have it: SPEC §4 resolves people and credentials by name too.
  writeFileSync(file, `Employee Name,Badge Name,Date Issued\r\n${cohort.people[0]},${cohort.name},${today}\r\n`);
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByLabel(/Choose CSV files/).setInputFiles(file);
  await page.getByRole('radio', { name: /^Merge/ }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Imported: Import of lms-completions\.csv/ })).toBeVisible();

  await page.getByRole('link', { name: 'Goals' }).click();
  // The organisation has more goals than a page shows: found by the credential's name.
  await page.getByLabel('Find').fill(cohort.name);
  const goals = page.getByRole('table', { name: 'Credential goals' });
  const completed = goals.getByRole('row').filter({ hasText: cohort.people[0] ?? '' }).filter({ hasText: cohort.name });
  await expect(completed).toContainText(/completed/i);
  const stillOpen = goals.getByRole('row').filter({ hasText: cohort.people[1] ?? '' }).filter({ hasText: cohort.name });
  await expect(stillOpen).toContainText(/assigned/i);
});
