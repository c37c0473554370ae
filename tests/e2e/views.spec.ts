import { test, expect } from '@playwright/test';
import { expectNoSeriousAxeViolations, watchForeignRequests } from './helpers';

const ROUTES = [
  { path: '/', heading: 'Overview' },
  { path: '/heatmap', heading: 'Heatmap — organisation' },
  { path: '/teams', heading: 'Teams' },
  { path: '/goals', heading: 'Goals' },
  { path: '/catalog', heading: 'Roles & catalog' },
  { path: '/import', heading: 'Import' },
  { path: '/reports', heading: 'Reports' },
  { path: '/plan', heading: 'Training plan' },
];

test.describe('every route', () => {
  for (const route of ROUTES) {
    test(`${route.path} opens with no serious accessibility violation and no foreign request`, async ({ page, baseURL }) => {
      const foreign = watchForeignRequests(page, new URL(baseURL ?? '').origin);
      await page.goto(route.path);
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      expect(foreign).toEqual([]);
    });
  }

  test('a team heatmap and an employee page have no serious accessibility violation', async ({ page }) => {
    // axe walks every cell of a team's grid: a minute and more on a busy 2-core machine.
    test.setTimeout(150_000);
    await page.goto('/heatmap?team=Payments');
    await expect(page.getByRole('grid')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.goto('/teams');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('table').nth(1).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Requirements of the role' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
});

test.describe('the heatmap by keyboard', () => {
  test('arrow keys move across cells, the tooltip follows, Enter on a name drills into the team and then the person', async ({ page }) => {
    await page.goto('/heatmap');
    const grid = page.getByRole('grid', { name: 'Coverage per team and skill' });
    await expect(grid).toBeVisible();
    const firstCell = grid.getByRole('gridcell').first();
    await firstCell.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('aria-colindex', '3');
    await expect(focused.locator('xpath=..')).toHaveAttribute('aria-rowindex', '3');
    await expect(page.getByRole('tooltip')).toHaveText(await focused.getAttribute('aria-label') ?? 'missing');
    // Enter on a cell lists who lacks the skill (drilldown.spec.ts); on the team's name it opens the team.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/team=/);
    const teamGrid = page.getByRole('grid', { name: /per person and skill/ });
    await expect(teamGrid).toBeVisible();
    await teamGrid.getByRole('gridcell').first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Requirements of the role' })).toBeVisible();
    await page.goBack();
    await expect(teamGrid).toBeVisible();
  });

  test('filters and sort live in the URL and survive a reload', async ({ page }) => {
    await page.goto('/heatmap?team=Payments');
    await page.getByLabel('Sort').selectOption('gap');
    await page.getByLabel('Weight').selectOption('critical');
    await expect(page).toHaveURL(/sort=gap/);
    await expect(page).toHaveURL(/weight=critical/);
    const status = page.getByText(/people × \d+ skills/);
    const before = await status.textContent();
    await page.reload();
    await expect(page.getByLabel('Weight')).toHaveValue('critical');
    await expect(status).toHaveText(before ?? '');
  });
});

test.describe('printing', () => {
  test('a team page prints as a report: figures and tables, no navigation or controls', async ({ page }) => {
    await page.goto('/teams/Payments');
    await expect(page.getByRole('heading', { name: 'Recommended cohorts' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: /Export this team/ })).toBeHidden();
    await expect(page.getByText(/Team report as of/)).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Weighted gap closed' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});
