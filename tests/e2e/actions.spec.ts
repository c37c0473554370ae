import { test, expect } from '@playwright/test';
import { beginningWith, expectNoSeriousAxeViolations } from './helpers';

test.describe('acting on the gaps', () => {
  test('an L&D manager assigns a credential to a whole cohort from the team page and sees the goals', async ({ page }) => {
    await page.goto('/teams/Payments');
    await expect(page.getByRole('heading', { name: 'Recommended cohorts' })).toBeVisible();
    const cohorts = page.getByRole('table', { name: /Cohorts/ });
    const assignable = cohorts.getByRole('row').filter({ has: page.getByRole('button', { name: /^Assign/ }) }).first();
    const credentialName = (await assignable.getByRole('rowheader').innerText()).split('\n')[0]?.trim() ?? '';
    // By its name: once everyone is assigned the row offers no Assign button any more.
    const row = cohorts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: beginningWith(credentialName) }) }).first();
    await row.getByRole('button', { name: /^Assign/ }).click();
    await row.getByRole('button', { name: /^Assign to/ }).click();
    await expect(row.getByRole('status')).toContainText(/goals? assigned/);
    await expectNoSeriousAxeViolations(page);
    await page.goto('/goals?status=open');
    await expect(page.getByRole('table').filter({ hasText: credentialName }).first()).toBeVisible();
  });

  test('a what-if on a role is a draft the address names: it changes the heatmap, survives a reload, is shared read-only, and can be discarded', async ({ page }) => {
    await page.goto('/catalog');
    await page.getByRole('button', { name: 'Edit the requirements of Product Manager' }).click();
    const editor = page.getByRole('form', { name: /Edit the requirements of/ });
    const firstLevel = editor.getByRole('combobox', { name: /^Level of/ }).first();
    const skillLabel = (await firstLevel.getAttribute('aria-label'))?.replace('Level of ', '') ?? '';
    const levelBefore = await firstLevel.inputValue();
    expect(levelBefore).not.toBe('5');
    await firstLevel.selectOption('5');
    await editor.getByRole('button', { name: 'Try it (what-if)' }).click();
    await expect(page.getByText('What-if draft: every figure shows the edited roles and catalog.')).toBeVisible();
    await expect(page).toHaveURL(/[?&]scenario=[0-9a-f]{32}/);
    // The banner names the change itself, level before → after.
    await expect(page.getByRole('list', { name: 'What the draft changes' }).getByRole('listitem')).toHaveText([new RegExp(`^Product Manager: ${skillLabel} ${levelBefore} → 5, `)]);
    // Every figure reads as stored → with the draft (difference), and says so in words.
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(/[?&]scenario=[0-9a-f]{32}/);
    const readiness = page.getByLabel('Headline figures').locator('.figure-value').first();
    await expect(readiness).toHaveText(/^\d+\.\d% → \d+\.\d%( \((±0|[+−]\d+\.\d pts)\))?baseline \d+\.\d%, scenario \d+\.\d%/);
    // The charts draw the stored figures beside the draft's, with a legend in words.
    await page.getByRole('heading', { name: 'Top gaps by weighted gap' }).scrollIntoViewIfNeeded();
    await expect(page.locator('.chart-legend li', { hasText: 'as stored' }).first()).toBeVisible();
    await expect(page.locator('.bar-chart .bar-stored').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    // In-app navigation keeps the draft in the address.
    await page.getByRole('link', { name: 'Heatmap', exact: true }).click();
    await expect(page).toHaveURL(/[?&]scenario=[0-9a-f]{32}/);
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption('Payments');
    await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: 'Product Manager' });
    await page.getByRole('combobox', { name: 'Weight', exact: true }).selectOption('critical');
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(page.getByRole('gridcell', { name: new RegExp(`${skillLabel}: level \\d of 5 required`) }).first()).toBeAttached();
    // The cell the draft changed is marked Δ and says what it was as stored.
    const changedCell = page.getByRole('gridcell', { name: new RegExp(`${skillLabel}: level \\d of 5 required.*; as stored: level \\d of ${levelBefore} required`) }).first();
    await expect(changedCell).toHaveText(/^Δ \d\/5/);
    // A reload keeps it.
    await page.reload();
    await expect(page.getByText('What-if draft: every figure shows the edited roles and catalog.')).toBeVisible();
    await expect(page.getByRole('gridcell', { name: new RegExp(`${skillLabel}: level \\d of 5 required`) }).first()).toBeAttached();
    // Opened by someone else (here another tab of this browser, viewing as HR; on a server, anyone
    // signed in): they see the draft and cannot keep or discard it.
    const colleague = await page.context().newPage();
    await colleague.goto(page.url());
    await colleague.getByLabel('Viewing as').selectOption('hr');
    await expect(colleague.getByText('Someone else’s draft: only its author can keep or discard it.')).toBeVisible();
    await expect(colleague.getByRole('button', { name: 'Discard' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect(page.getByText('What-if draft: every figure shows the edited roles and catalog.')).toBeHidden();
    await expect(page).not.toHaveURL(/scenario=/);
    // The colleague's address still names it: they are told it is gone, and led back.
    await colleague.reload();
    await expect(colleague.getByText('This what-if draft no longer exists: its author kept or discarded it.')).toBeVisible();
    await colleague.getByRole('button', { name: 'Show the organisation as stored' }).click();
    await expect(colleague).not.toHaveURL(/scenario=/);
    await colleague.close();
  });

  test('a list opened under a what-if draft reads stored → draft and fits a 390 px phone', async ({ page }) => {
    await page.goto('/catalog');
    await page.getByRole('button', { name: 'Edit the requirements of Product Manager' }).click();
    const editor = page.getByRole('form', { name: /Edit the requirements of/ });
    await editor.getByRole('combobox', { name: /^Level of/ }).first().selectOption('5');
    await editor.getByRole('button', { name: 'Try it (what-if)' }).click();
    await expect(page).toHaveURL(/[?&]scenario=[0-9a-f]{32}/);
    const scenario = new URL(page.url()).searchParams.get('scenario') ?? '';
    for (const list of ['critical-gaps', 'single-points-of-failure']) {
      await page.goto(`/lists/${list}?scenario=${scenario}`);
      await expect(page.getByText('What-if draft: every figure shows the edited roles and catalog.')).toBeVisible();
      // The count reads stored → draft (with the difference), and says so in words.
      await expect(page.locator('.subtitle').first()).toHaveText(/^.+ · [\d,]+ → [\d,]+( \((±0|[+−][\d,]+)\))?baseline [\d,]+, scenario [\d,]+, (no change|[\d,]+ (more|fewer)) rows? · as of /);
      await expect(page.getByText(/^Under this what-if draft: rows marked “new in this draft”/)).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    // The team page's cohorts and budget plan, and the goals, compare too, and fit the phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/teams/Payments?budget=1000&scenario=${scenario}`);
    await expect(page.getByLabel('Every cohort together').locator('.figure-value').first()).toHaveText(/^€[\d,]+ → €[\d,]+/);
    await expect(page.getByText(/^Spent, stored → draft/)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /…$/ })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`/goals?scenario=${scenario}`);
    await expect(page.getByLabel('Goal figures').locator('.figure-value').nth(1)).toHaveText(/^[\d,]+ → [\d,]+/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  for (const width of [1440, 390]) {
    test(`the role editor fits its card at ${width} px: every menu inside it, every Add and Remove button reachable by a click`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/catalog');
      await page.getByRole('button', { name: 'Edit the requirements of Data Engineer' }).click();
      const editor = page.getByRole('form', { name: 'Edit the requirements of Data Engineer' });
      const card = page.getByRole('article').filter({ has: editor });
      const cardBox = (await card.boundingBox())!;
      const controls = editor.getByRole('combobox').or(editor.getByRole('button'));
      expect(await controls.count()).toBeGreaterThan(10);
      for (const control of await controls.all()) {
        await control.scrollIntoViewIfNeeded();
        const box = (await control.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
        expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
        // A trial click checks that the control itself, nothing drawn over it, receives the click.
        if (await control.isEnabled()) await control.click({ trial: true, timeout: 2_000 });
      }
      await expect(page.locator('html')).toHaveJSProperty('scrollWidth', width);
    });
  }

  test('a manager sees only their team and is refused another team', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Viewing as').selectOption({ label: 'Manager — Payments' });
    await expect(page.getByText(/Payments · \d+ employees in 1 team/)).toBeVisible();
    await page.goto('/teams/Web%20Storefront');
    await expect(page.getByRole('alert')).toContainText('Not allowed');
    await expect(page.getByRole('link', { name: 'Import' })).toBeHidden();
  });
});
