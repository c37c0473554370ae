// Views that read well on any screen: no route wider than a 390 px phone, the heatmap keeps the
// focus on the cell after Enter and Back, the role editor's buttons take real clicks at 1440 px
// and 390 px, the heatmap prints every column, and an organisation imported from HR files (role
// ids with spaces) gets named role cards.
import { test, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { expectNoSeriousAxeViolations } from './helpers';

// Every flow here renders whole pages at two widths and runs axe: generous on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

const PHONE = { width: 390, height: 844 };
const FIXTURES = join(import.meta.dirname, '../fixtures/hr-export');
const HR_EXPORT = ['employees.csv', 'skills.csv', 'roles.csv', 'catalog.csv', 'awards.csv', 'skills-matrix.txt'].map((name) => join(FIXTURES, name));

/** Every route of the app, with the team and the employee found by following links as a user would. */
async function everyRoute(page: Page): Promise<{ path: string; heading: string | RegExp }[]> {
  await page.goto('/teams');
  const firstTeam = page.getByRole('table').getByRole('link').first();
  const team = (await firstTeam.textContent()) ?? '';
  await firstTeam.click();
  const member = page.getByRole('region', { name: /^Members/ }).getByRole('link').first();
  await member.click();
  await expect(page.getByRole('heading', { name: 'Requirements of the role' })).toBeVisible();
  const employeePath = new URL(page.url()).pathname;
  return [
    { path: '/', heading: 'Overview' },
    { path: '/heatmap', heading: 'Heatmap — organisation' },
    { path: `/heatmap?team=${encodeURIComponent(team)}`, heading: `Heatmap — ${team}` },
    { path: '/teams', heading: 'Teams' },
    { path: `/teams/${encodeURIComponent(team)}`, heading: team },
    { path: employeePath, heading: /./ },
    { path: '/goals', heading: 'Goals' },
    { path: '/lists/critical-gaps', heading: 'Critical gaps' },
    { path: '/lists/single-points-of-failure', heading: 'Single points of failure' },
    { path: '/lists/expiring', heading: 'Expiring in 90 days' },
    { path: '/lists/overdue-goals', heading: 'Overdue goals' },
    { path: '/catalog', heading: 'Roles & catalog' },
    { path: '/import', heading: 'Import' },
    { path: '/reports', heading: 'Reports' },
    { path: '/glossary', heading: 'What the figures mean' },
  ];
}

async function expectFitsThePhone(page: Page, routes: { path: string; heading: string | RegExp }[]) {
  const tooWide: string[] = [];
  for (const route of routes) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    // Wait for the page's data (tables, grids, figures) before measuring.
    await expect(page.getByRole('status').filter({ hasText: /…$/ })).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) tooWide.push(`${route.path}: ${width} px`);
  }
  expect(tooWide).toEqual([]);
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE });

  test('no route is wider than the screen', async ({ page }) => {
    test.setTimeout(120_000);
    await expectFitsThePhone(page, await everyRoute(page));
  });
});

test.describe('the heatmap keeps the focus where the user was', () => {
  test('Enter on an organisation cell lists who in the team lacks the skill, and Back returns the focus to the cell; the same from a person', async ({ page }) => {
    await page.goto('/heatmap');
    const orgGrid = page.getByRole('grid', { name: 'Coverage per team and skill' });
    await orgGrid.getByRole('gridcell').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const orgCell = (await page.locator(':focus').getAttribute('aria-label')) ?? '';
    const [team = '', skill = ''] = orgCell.split(/, |: /);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `${skill} in ${team}` })).toBeVisible();
    await page.goBack();
    await expect(orgGrid).toBeVisible();
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', orgCell);

    // The team's name opens its grid; a person's name opens the person, and Back comes back to the name.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const teamGrid = page.getByRole('grid', { name: new RegExp(`per person and skill in ${team}$`) });
    await expect(teamGrid).toBeVisible();
    await teamGrid.getByRole('gridcell').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    const name = (await page.locator(':focus').textContent()) ?? '';
    expect(name).not.toBe('');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Requirements of the role' })).toBeVisible();
    await page.goBack();
    await expect(teamGrid).toBeVisible();
  });
});

test.describe('printing the heatmap', () => {
  test('prints every skill column and says the date and the filters', async ({ page }) => {
    await page.goto('/heatmap?category=data');
    const status = page.getByText(/^\d+ teams × \d+ skills$/);
    const skills = Number(/× (\d+) skills/.exec((await status.textContent()) ?? '')?.[1]);
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.heatmap-print-table thead th:not(:first-child)');
    await expect(printed).toHaveCount(skills);
    await expect(page.getByText(/^Heatmap of the organisation as of \d+ \w{3} \d{4} · All evidence · whole organisation · skill category Data/)).toBeVisible();
    await expect(page.getByRole('grid')).toBeHidden();
  });
});

async function editFirstRole(page: Page) {
  await page.goto('/catalog');
  const card = page.getByRole('article').filter({ has: page.getByRole('button', { name: /^Edit the requirements of/ }) }).first();
  const roleName = (await card.getByRole('heading', { level: 3 }).textContent()) ?? '';
  await card.getByRole('button', { name: /^Edit the requirements of/ }).click();
  return page.getByRole('form', { name: `Edit the requirements of ${roleName}` });
}

/** The element at the centre of a button is the button (or inside it): nothing is drawn over it. */
async function expectNothingOver(page: Page, locator: ReturnType<Page['locator']>) {
  await locator.scrollIntoViewIfNeeded();
  const onTop = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
  expect(onTop).toBe(true);
}

for (const viewport of [{ width: 1440, height: 900 }, PHONE]) {
  test.describe(`the role editor at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('fits its card: Add and Remove take real clicks, and the page does not widen', async ({ page }) => {
      const editor = await editFirstRole(page);
      const rows = editor.getByRole('listitem');
      const before = await rows.count();
      const remove = editor.getByRole('button', { name: /^Remove / }).first();
      await expectNothingOver(page, remove);
      await remove.click(); // Playwright refuses the click if another element would receive it.
      await expect(rows).toHaveCount(before - 1);
      await editor.getByLabel('Add a skill').selectOption({ index: 1 });
      const add = editor.getByRole('button', { name: 'Add', exact: true });
      await expectNothingOver(page, add);
      await add.click();
      await expect(rows).toHaveCount(before);
      const weight = editor.getByRole('combobox', { name: /^Weight of / }).last();
      await expectNothingOver(page, weight);
      // The weight menu shows its whole longest choice.
      await weight.selectOption('nice-to-have');
      expect(await weight.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await expectNoSeriousAxeViolations(page);

      // Close asks before dropping the edits.
      await editor.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByRole('alertdialog')).toContainText('Close without trying your changes');
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await expect(editor).toBeHidden();
    });
  });
}

test.describe('an organisation imported from HR files', () => {
  test('role ids with spaces still give every role card its name, and every route fits a phone', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/import');
    await page.getByLabel(/Choose CSV files/).setInputFiles(HR_EXPORT);
    await page.getByRole('article', { name: 'awards.csv' }).getByLabel(/Dates in “Valid Until”/).selectOption('DMY');
    await page.getByRole('article', { name: 'employees.csv' }).getByLabel(/^manager_id/).selectOption({ label: 'Boss Ref' });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Imported: / })).toBeVisible();

    await page.goto('/catalog');
    for (const role of ['Warehouse Operative', 'Shift Supervisor', 'Inventory Analyst']) await expect(page.getByRole('article', { name: role })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.setViewportSize(PHONE);
    await expectFitsThePhone(page, await everyRoute(page));
  });
});
