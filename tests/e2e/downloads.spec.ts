// Exports HR opens in Excel (issue 14): every export of the Reports page, downloaded with the Excel
// option in Chromium, starts with the UTF-8 BOM (EF BB BF) and uses ";" — checked on the file's bytes,
// and the accents of the demo's names survive.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('each Reports export with the Excel option is saved with its BOM and semicolons', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/reports');
  const buttons = page.getByRole('button', { name: /^Download the / });
  await expect(buttons.first()).toBeVisible();
  const count = await buttons.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) {
    const exportBox = page.locator('.export-button').nth(i);
    await exportBox.getByRole('checkbox', { name: /Excel/ }).check();
    const downloading = page.waitForEvent('download');
    await exportBox.getByRole('button', { name: /^Download the / }).click();
    const bytes = readFileSync((await (await downloading).path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const header = text.split('\r\n')[0]!;
    expect(header.split(';').length).toBeGreaterThan(3);
    expect(header).not.toContain(',');
    // No replacement characters: the bytes were never decoded and re-encoded.
    expect(text).not.toContain('\uFFFD');
  }
});
