import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Cohorts {
  cohorts: { credentialId: string; name: string; isStack: boolean; employees: { id: string; name: string }[] }[];
}

test('a goal assigned to a cohort completes by itself once the award is imported', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/teams/Payments');
  await expect(page.getByRole('heading', { name: 'Recommended cohorts' })).toBeVisible();
  // The ids behind the first bookable cohort, read from the app's own API (same origin).
  const cohorts = await page.evaluate(async () => (await fetch('/api/teams/Payments/cohorts')).json() as Promise<Cohorts>);
  const cohort = cohorts.cohorts.find((candidate) => !candidate.isStack && candidate.employees.length >= 2);
  expect(cohort).toBeDefined();
  if (!cohort) return;
  const table = page.getByRole('table', { name: /Cohorts/ });
  const row = table.getByRole('row').filter({ hasText: cohort.name }).first();
  await row.getByRole('button', { name: /^Assign/ }).click();
  await row.getByRole('button', { name: /^Assign to/ }).click();
  await expect(row.getByRole('status')).toContainText(`${cohort.employees.length} goals assigned`);

  // An LMS export says the first person of the cohort earned the credential today.
  const today = new Date().toISOString().slice(0, 10);
  const folder = mkdtempSync(join(tmpdir(), 'gapmap-e2e-'));
  const file = join(folder, 'lms-completions.csv');
  writeFileSync(file, `Employee ID,Badge ID,Date Issued\r\n${cohort.employees[0]?.id},${cohort.credentialId},${today}\r\n`);
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByLabel(/Choose CSV files/).setInputFiles(file);
  await page.getByRole('radio', { name: /^Merge/ }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Imported: Import of lms-completions\.csv/ })).toBeVisible();

  await page.getByRole('link', { name: 'Goals' }).click();
  const goals = page.getByRole('table', { name: 'Credential goals' });
  const completed = goals.getByRole('row').filter({ hasText: cohort.employees[0]?.name ?? '' }).filter({ hasText: cohort.name });
  await expect(completed).toContainText('completed');
  const stillOpen = goals.getByRole('row').filter({ hasText: cohort.employees[1]?.name ?? '' }).filter({ hasText: cohort.name });
  await expect(stillOpen).toContainText('assigned');
});
