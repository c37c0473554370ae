// The first screen is in dist/index.html itself (prerendered at build time, src/app/prerender.tsx):
// before the app's code has run, the page already shows the app's header and navigation and the Overview's
// layout with its figures' labels, and says the figures are being computed; with JavaScript on,
// the app replaces it with the same layout holding the figures.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expectNoSeriousAxeViolations } from './helpers';

const FIGURE_LABELS = ['Readiness', 'Readiness in 90 days', 'Critical gaps', 'Single points of failure', 'Expiring in 90 days', 'Goal completion'];

test.describe('the first screen before any JavaScript', () => {
  test('dist/index.html holds the shell and the Overview layout as HTML', () => {
    const html = readFileSync(join(import.meta.dirname, '../../dist/index.html'), 'utf8');
    const root = html.slice(html.indexOf('<div id="root"'));
    expect(root).toContain('<nav aria-label="Main">');
    expect(root).toMatch(/<h1 id="overview-title">Overview<\/h1>/);
    expect(root).toContain('Computing the overview…');
    for (const label of FIGURE_LABELS) expect(root).toContain(`<dt>${label}</dt>`);
    // No figure: nothing computed at build time is shown as if it were the organisation's.
    expect(root).not.toContain('figure-value');
    // The server's content security policy allows no inline script.
    expect(root).not.toContain('<script');
  });

  test('dist/index.html lists the start’s chunks, each after those it imports, and preloads none itself (the entry does, after the first paint)', () => {
    const dist = join(import.meta.dirname, '../../dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).not.toContain('rel="modulepreload"');
    const chunks = [...html.matchAll(/<meta name="gapmap-start-chunk" content="\/assets\/([^"]+)">/g)].map((match) => match[1]!);
    expect(chunks.at(-1)).toMatch(/^start-[\w-]+\.js$/);
    for (const [index, chunk] of chunks.entries()) {
      // A chunk's static imports, as the bundle writes them (from"./name.js").
      const imports = [...readFileSync(join(dist, 'assets', chunk), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((match) => match[1]!);
      for (const imported of imports) {
        if (!chunks.includes(imported)) continue; // the entry's own chunks are evaluated before any of these
        expect(chunks.indexOf(imported), `${chunk} imports ${imported}`).toBeLessThan(index);
      }
    }
  });

  test('the start’s chunks ask to be compiled while they download: V8’s hint first in each, React’s included', () => {
    const dist = join(import.meta.dirname, '../../dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="\/assets\/([^"]+)">/.exec(html)?.[1];
    const chunks = [...html.matchAll(/<meta name="gapmap-start-chunk" content="\/assets\/([^"]+)">/g)].map((match) => match[1]!);
    expect(entry).toBeDefined();
    expect(chunks.some((chunk) => /^react-(?!dom-start-)[\w-]+\.js$/.test(chunk))).toBe(true);
    for (const chunk of [entry!, ...chunks]) {
      const code = readFileSync(join(dist, 'assets', chunk), 'utf8');
      // V8 reads the hint only as the file's first line.
      expect(code.startsWith('//# allFunctionsCalledOnLoad\n'), chunk).toBe(true);
    }
    // A page's own code, loaded when visited, is compiled as it is called.
    const heatmap = readdirSync(join(dist, 'assets')).find((name) => /^HeatmapPage-[\w-]+\.js$/.test(name));
    expect(readFileSync(join(dist, 'assets', heatmap!), 'utf8')).not.toContain('allFunctionsCalledOnLoad');
  });

  test('every script and style sheet of the build is also there compressed, brotli and gzip, each the same file once decompressed', () => {
    const assets = join(import.meta.dirname, '../../dist/assets');
    const names = readdirSync(assets);
    const compressible = names.filter((name) => /\.(js|css)$/.test(name));
    expect(compressible.length).toBeGreaterThan(10);
    for (const name of compressible) {
      const plain = readFileSync(join(assets, name));
      if (plain.length < 1024) continue;
      expect(names, name).toContain(`${name}.br`);
      expect(brotliDecompressSync(readFileSync(join(assets, `${name}.br`))).equals(plain), `${name}.br`).toBe(true);
      expect(gunzipSync(readFileSync(join(assets, `${name}.gz`))).equals(plain), `${name}.gz`).toBe(true);
    }
  });

  test('before the app’s code has arrived, the page shows the header, the navigation and the Overview layout', async ({ page }) => {
    // The app's scripts never arrive (as on a slow network, before they do); axe still runs.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Heatmap' })).toHaveAttribute('href', '/heatmap');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Computing the overview…');
    const figures = page.getByLabel('Headline figures, being computed');
    await expect(figures.getByRole('term')).toHaveText(FIGURE_LABELS);
    await expect(page.getByRole('heading', { level: 2, name: 'Top gaps by weighted gap' })).toBeVisible();
    // The L&D manager's navigation (nobody chose another persona yet): Import, and nothing of a server's.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People & access' })).toBeHidden();
    // The header's controls cannot work before the app runs: they keep their place, hidden.
    await expect(page.getByRole('combobox', { name: /Search people/ })).toBeHidden();
    await expectNoSeriousAxeViolations(page);
  });

  test('someone who chose HR sees HR’s navigation from the first paint, before the app’s code has arrived and after', async ({ page }) => {
    // The persona chosen on an earlier visit, as the app stores it.
    await page.addInitScript(() => localStorage.setItem('gapmap-ui', JSON.stringify({ state: { persona: { kind: 'hr' } }, version: 0 })));
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'Heatmap' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Import' })).toBeHidden();
    // The app, once it runs, shows the same navigation and who is looking.
    await page.unroute('**/assets/*.js');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Viewing as' })).toHaveValue('hr');
    await expect(navigation.getByRole('link', { name: 'Reports' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Import' })).toBeHidden();
    // Back to the L&D manager: Import is theirs.
    await page.getByRole('combobox', { name: 'Viewing as' }).selectOption('lnd');
    await expect(navigation.getByRole('link', { name: 'Import' })).toBeVisible();
  });

  test('at another address, the prerendered Overview is never shown, not even before the app’s code has arrived', async ({ page }) => {
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/heatmap');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Heatmap' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeHidden();
    await expect(page.getByText('Computing the overview…')).toBeHidden();
  });

  test('at another address with JavaScript on, the page itself shows', async ({ page }) => {
    await page.goto('/heatmap');
    await expect(page.getByRole('heading', { level: 1, name: /Heatmap/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toHaveCount(0);
  });

  test('a reader who scrolls the first screen before the app runs stays where they are once it does', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The app's code is held back until the reader has scrolled (as on a slow network).
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByRole('heading', { name: /^Readiness over the last 12 months/ }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    release();
    await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen');
    await expect(page.locator('.figure-value').first()).toBeAttached();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('with JavaScript on, the app adopts the first screen: its own elements, now with figures, and the header controls shown', async ({ page }) => {
    // Marks the prerendered page's elements before any of the app's code runs.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => document.querySelector('.page-intro')?.setAttribute('data-seen-before-the-app', ''));
    });
    await page.goto('/');
    await expect(page.locator('.figure', { hasText: /^Readiness/ }).first().locator('.figure-value')).toHaveText(/^\d{1,3}\.\d%$/);
    await expect(page.getByRole('combobox', { name: /Search people/ })).toBeVisible();
    await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen');
    await expect(page.getByText('Computing the overview…')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Viewing as' })).toBeVisible();
    // React adopted the elements the page came with (a page built again has new ones).
    await expect(page.locator('.page-intro')).toHaveAttribute('data-seen-before-the-app', '');
  });
});
