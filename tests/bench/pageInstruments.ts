// What the browser benches (views.ts, lists.ts, startTasks.ts, startProfile.ts, lighthouseTurns.ts)
// install in the page and do through it, and how they run Lighthouse.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs module shared with the e2e runner.
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.mjs';

const ROOT = join(import.meta.dirname, '../..');

/** One event of a Chromium trace (Tracing.dataCollected, or a trace Lighthouse saved), as the benches read it. */
export interface TraceEvent {
  name: string;
  /** The phase: 'X' a complete event (with its duration), 'I' an instant, … */
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** The profile a Profile or ProfileChunk event belongs to. */
  id?: string;
  args?: { name?: string; data?: { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[]; url?: string; frame?: string } };
}

/** A function of V8's sampled CPU profile (its call tree: the parent is the caller). */
export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * The samples V8's profiler took of one thread (`pid:tid`) during a trace: each sample's time (µs,
 * the trace's clock) and the node it was in. The profiler's own thread writes the chunks, under the
 * id of the Profile event the sampled thread started; the samples' times run on from the Profile's
 * startTime, chunk after chunk.
 */
export function sampledProfile(events: TraceEvent[], thread: string): { nodes: Map<number, ProfileNode>; samples: { ts: number; node: number }[] } {
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const started = events.find((event) => event.name === 'Profile' && `${event.pid}:${event.tid}` === thread);
  if (!started) return { nodes, samples };
  let time = started.args?.data?.startTime ?? 0;
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== started.pid || event.id !== started.id) continue;
    const profile = event.args?.data?.cpuProfile;
    for (const node of profile?.nodes ?? []) nodes.set(node.id, node);
    (profile?.samples ?? []).forEach((node, index) => {
      time += event.args?.data?.timeDeltas?.[index] ?? 0;
      samples.push({ ts: time, node });
    });
  }
  return { nodes, samples };
}

/** A profile node as the benches print it: `function file:line`. */
export function functionAt(node: ProfileNode | undefined): string {
  return node ? `${node.callFrame.functionName || '(anonymous)'} ${(node.callFrame.url ?? '').replace(/.*\//, '')}:${node.callFrame.lineNumber + 1}`.trim() : '?';
}

/** What stampFirstPaint leaves on the page's window. */
export interface FirstPaintStamps {
  /** When an element matching the selector first reached the DOM (0 until then). */
  __seenAt: number;
  /** When the frame that painted it was done (0 until then). */
  __paintedAt: number;
}

/**
 * Installed before any page script (`page.addInitScript(stampFirstPaint, selector)`): stamps when
 * the first element matching `selector` reaches the DOM, and the frame that paints it.
 */
export function stampFirstPaint(selector: string) {
  const w = window as unknown as FirstPaintStamps;
  w.__seenAt = 0;
  w.__paintedAt = 0;
  const observer = new MutationObserver(() => {
    if (w.__seenAt || !document.querySelector(selector)) return;
    w.__seenAt = performance.now();
    observer.disconnect();
    // The frame that paints it: rAF runs before the paint, the next task after it.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (w.__paintedAt = performance.now());
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * The page's last heatmap opening, in page times (ms): when its request was sent and answered (the
 * in-browser API's transport, src/server/hosts/browser/browser.ts, measures each request: "api GET
 * /api/heatmap/…"), and when its first cell reached the DOM and was painted (stampFirstPaint's stamps).
 */
export async function heatmapOpening(page: Page): Promise<{ requestStart: number; responseEnd: number; seenAt: number; paintedAt: number }> {
  return page.evaluate(() => {
    const w = window as unknown as FirstPaintStamps;
    const entry = performance.getEntriesByType('measure').filter((e) => e.name.includes('/api/heatmap/')).at(-1);
    if (!entry) throw new Error('no heatmap request measured by the API transport');
    return { requestStart: entry.startTime, responseEnd: entry.startTime + entry.duration, seenAt: w.__seenAt, paintedAt: w.__paintedAt };
  });
}

/**
 * Scrolls the page's grid (`[role="grid"]`) programmatically, a step per frame: 120 frames down 120 px
 * (about 3.5 rows, 2 s at 60 fps), 60 right 90 px, 60 back up 400 px. Marks where each part starts
 * (`heatmap-scroll-down`, `-right`, `-up`: in a trace too). Each frame's gap, and when it ended.
 */
export async function scrollGrid(page: Page): Promise<{ gaps: number[]; end: number }> {
  return page.evaluate(async () => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    if (!grid) throw new Error('no grid');
    const gaps: number[] = [];
    await new Promise<void>((done) => {
      let last = performance.now();
      let frame = 0;
      const step = (now: number) => {
        gaps.push(now - last);
        last = now;
        frame++;
        if (frame === 1 || frame === 121 || frame === 181) performance.mark(`heatmap-scroll-${frame === 1 ? 'down' : frame === 121 ? 'right' : 'up'}`);
        if (frame <= 120) grid.scrollTop += 120;
        else if (frame <= 180) grid.scrollLeft += 90;
        else if (frame <= 240) grid.scrollTop -= 400;
        else return done();
        requestAnimationFrame(step);
      };
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(step);
      });
    });
    return { gaps, end: performance.now() };
  });
}

/**
 * Page functions written in TypeScript and run through tsx carry esbuild's `__name(…)` wrappers;
 * the page has no such helper until this is installed.
 */
export async function installPageFunctionHelpers(page: Page): Promise<void> {
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
}

/** Imports `files` through the app's import wizard (replacing what is stored), as a person would. */
export async function importFiles(page: Page, origin: string, files: string[]): Promise<void> {
  await page.goto(`${origin}/import`);
  await page.getByLabel(/Choose CSV files/).setInputFiles(files);
  await page.getByRole('radio', { name: /^Replace/ }).check().catch(() => undefined);
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  // Reading the files takes a while; the button is enabled once the plan has no refusal.
  await importButton.click({ timeout: 240_000 }).catch(async (error: unknown) => {
    throw new Error(`import not possible: ${await page.locator('#commit-refusal').textContent().catch(() => '?')}`, { cause: error });
  });
  await page.getByRole('status').filter({ hasText: /^Imported:/ }).waitFor({ timeout: 300_000 });
}

/**
 * A page in a fresh browser context (a first visit) at `width` × 823 px, with its CPU slowed `rate`
 * times by DevTools, and that DevTools session. Signed in to `gapmap serve` when GAPMAP_BENCH_COOKIES,
 * a JSON object of origin → Cookie header, names the url's origin.
 */
export async function openThrottledPage(browser: Browser, url: string, width: number, rate: number) {
  const cookie = benchCookieFor(url);
  const context = await browser.newContext({ viewport: { width, height: 823 }, extraHTTPHeaders: cookie ? { cookie } : {} });
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, devtools };
}

/** The Cookie header GAPMAP_BENCH_COOKIES (a JSON object of origin → Cookie header) names for the url's origin: a signed-in session of `gapmap serve`. */
export function benchCookieFor(url: string): string | undefined {
  return (JSON.parse(process.env.GAPMAP_BENCH_COOKIES ?? '{}') as Record<string, string>)[new URL(url).origin];
}

export interface LighthouseOptions {
  /** The report's categories (--only-categories). */
  categories: string[];
  /** Headers every request of the run carries (the session cookie on the server). */
  headers?: Record<string, string>;
  /** Replaces the mobile preset's 4× CPU slowdown. */
  cpuSlowdown?: number;
  /** Also keep the run's trace and DevTools log beside the report (`<output without .json>-0.trace.json`). */
  saveAssets?: boolean;
  /** Lighthouse's own progress lines on this process's output. */
  showProgress?: boolean;
}

/** Lighthouse's CLI (mobile preset, a fresh headless Chromium) on `url`: its JSON report, also written to `output`. */
export function runLighthouseCli<Report>(url: string, output: string, options: LighthouseOptions): Report {
  const chromeFlags = ['--headless=new', ...(CHROMIUM_ARGS as string[])].join(' ');
  const args = [join(ROOT, 'node_modules/lighthouse/cli/index.js'), url, '--quiet', '--output=json', `--output-path=${output}`, `--only-categories=${options.categories.join(',')}`, `--chrome-flags=${chromeFlags}`];
  if (options.saveAssets) args.push('--save-assets');
  if (options.headers) args.push(`--extra-headers=${JSON.stringify(options.headers)}`);
  if (options.cpuSlowdown !== undefined) args.push(`--throttling.cpuSlowdownMultiplier=${options.cpuSlowdown.toFixed(2)}`);
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, CHROME_PATH: findChromium() as string },
    stdio: ['ignore', options.showProgress ? 'inherit' : 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url} (exit ${result.status})`);
  return JSON.parse(readFileSync(output, 'utf8')) as Report;
}
