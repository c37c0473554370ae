// The Excel workbook export (issue 14) from a page in Chromium: the team report downloaded as .xlsx,
// built by the browser host's API worker, is a zip (PK 03 04) that opens with its sheets in order.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

test('the team report downloads as an Excel workbook that opens', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/reports');
  const button = page.getByRole('button', { name: 'Excel workbook (.xlsx): Download the team report' });
  await expect(button).toBeVisible();
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^gap-report-team-.*\.xlsx$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About this report', 'Team report']);
  const sheet = workbook.getWorksheet('Team report')!;
  expect(sheet.getRow(1).values).toEqual([undefined, 'Team', 'Skill ID', 'Skill name', 'People requiring it', 'People meeting it', 'Coverage', 'Total gap', 'Weighted gap', 'Bench']);
  expect(sheet.rowCount).toBeGreaterThan(10);
  expect(typeof sheet.getCell('D2').value).toBe('number');
  expect(workbook.getWorksheet('About this report')!.getCell('A1').value).toBe('Report');
});
