// What every end-to-end test checks: no request leaves the app's origin, and axe finds no
// serious or critical accessibility violation.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Records every request to another origin than the app's own. */
export function watchForeignRequests(page: Page, appOrigin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== appOrigin) foreign.push(request.url());
  });
  return foreign;
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes, e.g. ${violation.nodes[0]?.target.join(' ')})`);
  expect(serious).toEqual([]);
}

/** A name that begins with `text` (taken literally): a cohort's row header also names its courses. */
export function beginningWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
