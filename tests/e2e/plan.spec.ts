// Issue 13 points 5 and 6 in a real browser: cohorts that say what they close, a training plan put
// together from a team page, totalled, exported, and assigned as goals in one action.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { beginningWith, expectNoSeriousAxeViolations } from './helpers';

test('an L&D manager plans two cohorts, assigns the whole plan as goals and finds them on the goals page and the team page', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/teams/Payments');
  const cohorts = page.getByRole('table', { name: 'Cohorts' });
  await expect(cohorts.locator('tbody th[scope="row"]').first()).toBeVisible();
  // Each row says which gaps it closes, from which level to which, for whom.
  await expect(cohorts.getByRole('list', { name: /^Gaps .* closes$/ }).first()).toContainText(/from level \d to \d for /);
  await expectNoSeriousAxeViolations(page);

  // The first two cohorts no one is assigned to yet go into the plan.
  const open = cohorts.getByRole('row').filter({ hasText: 'Not assigned' });
  const names: string[] = [];
  for (let i = 0; i < 2; i++) {
    const row = open.nth(i);
    // The cohort's name is the header cell's first text; the people and the gaps follow it.
    names.push(await row.getByRole('rowheader').evaluate((cell) => cell.firstChild?.textContent?.trim() ?? ''));
  }
  for (const name of names) await cohorts.getByRole('button', { name: `Add ${name} (Payments) to the training plan` }).click();
  await expect(cohorts.getByRole('button', { name: /from the training plan$/ })).toHaveCount(2);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('heading', { name: 'Training plan', level: 1 })).toBeVisible();
  const items = page.getByRole('table', { name: 'Items of the plan, each in a quarter' });
  for (const name of names) await expect(items.getByRole('rowheader', { name: `${name} — Payments` })).toBeVisible();
  const totals = page.getByRole('definition').filter({ hasText: /€/ }).first();
  await expect(totals).toBeVisible();
  await page.getByLabel('Budget for the plan').fill('100');
  await page.getByRole('button', { name: 'Set budget' }).click();
  await expect(page.getByText('Over budget')).toBeVisible();
  // The second item moves to the quarter after; the per-quarter table then has two rows.
  const secondQuarter = items.getByRole('combobox', { name: `Quarter for ${names[1]} — Payments` });
  const options = await secondQuarter.locator('option').allTextContents();
  const current = await secondQuarter.inputValue();
  const later = (await secondQuarter.locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value))).find((value) => value > current);
  expect(options.length).toBeGreaterThan(1);
  await secondQuarter.selectOption(later ?? current);
  await expect(page.getByRole('table', { name: 'Cost and hours per quarter' }).locator('tbody tr')).toHaveCount(2);
  await expectNoSeriousAxeViolations(page);

  // The CSV: one row per booking, with its quarter.
  const bookings = page.getByRole('table', { name: 'Course bookings of the plan' }).locator('tbody tr');
  const bookingCount = await bookings.count();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the plan (CSV)' }).click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8').split('\r\n').filter(Boolean);
  expect(csv[0]).toBe('quarter,due_on,team,employee_id,employee_name,credential_id,credential_name,cost,hours,from,goal_status');
  expect(csv).toHaveLength(bookingCount + 1);

  // Assign it all in one action.
  await page.getByRole('button', { name: /^Assign the whole plan as goals/ }).click();
  await page.getByRole('form', { name: 'Assign the plan as goals' }).getByRole('button', { name: /^Assign \d+ goals?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /goals? assigned/ })).toBeVisible();
  await expect(page.getByText('Every line of the plan has an open goal.')).toBeVisible();
  await expect(bookings.filter({ hasText: 'Planned' })).toHaveCount(0);

  await page.getByRole('link', { name: 'See the goals' }).click();
  const goals = page.getByRole('table', { name: 'Credential goals' });
  await expect(goals.getByRole('row').filter({ hasText: names[0] ?? '' }).first()).toBeVisible();

  // Back on the team page the planned cohorts say they are assigned and offer no second assignment.
  await page.goto('/teams/Payments');
  await expect(cohorts.locator('tbody th[scope="row"]').first()).toBeVisible();
  for (const name of names) {
    const row = cohorts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: beginningWith(name) }) }).first();
    await expect(row).toContainText(/assigned · due/);
    await expect(row.getByRole('button', { name: /^Assign/ })).toHaveCount(0);
  }
});
