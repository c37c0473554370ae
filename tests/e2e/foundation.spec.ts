import { test, expect } from '@playwright/test';
import { expectNoSeriousAxeViolations, watchForeignRequests } from './helpers';

test.describe('a new user opens Gapmap on the demo organisation', () => {
  test('the Overview shows figures computed from the demo data, with no request to another origin', async ({ page, baseURL }) => {
    const foreign = watchForeignRequests(page, new URL(baseURL ?? '').origin);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    const figures = page.getByRole('definition');
    await expect(figures.first()).toBeVisible();
    // The demo organisation: about 300 employees in 12 teams.
    await expect(page.getByText(/\b(2\d\d|3\d\d) employees in 12 teams\b/)).toBeVisible();
    const readiness = page.locator('.figure', { hasText: /^Readiness/ }).first().locator('.figure-value');
    await expect(readiness).toHaveText(/^\d{1,3}\.\d%$/);
    await expect(page.getByRole('heading', { name: 'Top gaps by weighted gap' })).toBeVisible();
    await expect(page.locator('.bar-chart .bar').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    expect(foreign).toEqual([]);
  });

  test('on a phone the charts are drawn with the figures, one bar per top gap and one point per month end', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.locator('.figure', { hasText: /^Readiness/ }).first().locator('.figure-value')).toHaveText(/^\d{1,3}\.\d%$/);
    // The numbers table beside each chart (folded away under “Show the numbers”) says how many marks it draws.
    const rowsOf = (caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');
    const gapRows = rowsOf('Top gaps');
    const monthRows = rowsOf('Readiness by month end');
    expect(await gapRows.count()).toBeGreaterThan(0);
    await expect(page.locator('.bar-chart .bar')).toHaveCount(await gapRows.count());
    await expect(page.locator('.line-chart .trend-point')).toHaveCount(await monthRows.count());
    await page.getByRole('heading', { name: /^Readiness over the last 12 months/ }).scrollIntoViewIfNeeded();
    await expect(page.locator('.line-chart .trend-line')).toBeVisible();
  });

  test('a team page opens from the teams list and the data survives a reload', async ({ page, baseURL }) => {
    const foreign = watchForeignRequests(page, new URL(baseURL ?? '').origin);
    await page.goto('/teams');
    const firstTeam = page.getByRole('table').getByRole('link').first();
    const teamName = (await firstTeam.textContent()) ?? '';
    await firstTeam.click();
    await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
    const memberRows = page.getByRole('table').nth(1).getByRole('row');
    expect(await memberRows.count()).toBeGreaterThan(2);
    await expectNoSeriousAxeViolations(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
    expect(foreign).toEqual([]);
  });
});
