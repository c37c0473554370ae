// Where the organisation heatmap's time goes, from its API response to the first rows painted and
// while it scrolls: a Chromium trace of one opening, read back into the main thread's work by kind
// (script, style, layout, paint, …) and the functions that spent the most themselves. A tool for
// finding what to change, not a benchmark (views.ts measures; the profiler slows what it samples).
//
//   node --import tsx tests/bench/heatmapProfile.ts [path, /heatmap] [scroll, yes|no] [sample, yes|no]
//
// Serves tests/bench/out/views-dist (built by views.ts) with `vite preview` on port 4196 and keeps a
// browser profile in tests/bench/out/heatmap-profile: the first run imports views.ts's generated
// organisation (tests/bench/data/views/org) into it through the import wizard, later runs reuse it.
// More, by environment variable:
//   DIST=<dir>      another build to serve (one built with `npx vite build --minify false --outDir <dir>` names functions)
//   UNTRACED=<n>    no trace: n openings and scrolls, each one's response → paint and its frames' gaps (to compare builds)
//   THREADS=1       each thread's busy time per frame while scrolling (raster and compositor threads beside the main one)
//   PAINTS=1        the first Paint events of each part of the scroll, with what they painted
//   THREAD=<name>   read another thread than the page's main one (THREAD=DedicatedWorker: the API worker)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs module shared with the e2e runner.
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.mjs';
import { functionAt, heatmapOpening, importFiles, installPageFunctionHelpers, sampledProfile, scrollGrid as scrollGridOnce, stampFirstPaint, type FirstPaintStamps, type TraceEvent } from './pageInstruments';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = process.env.DIST ? resolve(process.env.DIST) : join(ROOT, 'tests/bench/out/views-dist');
const PROFILE = join(ROOT, 'tests/bench/out/heatmap-profile');
const DATA = join(ROOT, 'tests/bench/data/views/org');
const KINDS = ['employees', 'skills', 'roles', 'catalog', 'awards', 'assessments', 'goals', 'interests'];
const PORT = 4196;
const ORIGIN = `http://localhost:${PORT}`;
const [path = '/heatmap', scrollText = 'yes', sampleText = 'yes'] = process.argv.slice(2);

/** Opens the heatmap and waits for its first rows to be painted. */
async function openHeatmap(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}${path}`);
  await page.waitForFunction(() => (window as unknown as FirstPaintStamps).__paintedAt > 0, undefined, { timeout: 300_000 });
}

/** views.ts's scroll (pageInstruments.ts), then back to the top. */
async function scrollGrid(page: Page): Promise<{ end: number; gaps: number[] }> {
  const scrolled = await scrollGridOnce(page);
  await page.evaluate(() => document.querySelector<HTMLElement>('[role="grid"]')?.scrollTo(0, 0));
  return scrolled;
}

if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run VIEWS_BENCH_ONLY=org node --import tsx tests/bench/views.ts once`);
const preview = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', DIST, '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
const events: TraceEvent[] = [];
let marks = { requestStart: NaN, responseEnd: NaN, seenAt: NaN, paintedAt: NaN, clock: NaN, scrollEnd: 0 };
try {
  await new Promise((done) => setTimeout(done, 1500));
  // Another preview left on the port would serve another build.
  if ((await (await fetch(`${ORIGIN}/`)).text()) !== readFileSync(join(DIST, 'index.html'), 'utf8')) throw new Error(`${ORIGIN} does not serve ${DIST}: is another preview running on port ${PORT}?`);
  const fresh = !existsSync(PROFILE);
  mkdirSync(PROFILE, { recursive: true });
  const context = await chromium.launchPersistentContext(PROFILE, { executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[], viewport: { width: 1280, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await installPageFunctionHelpers(page);
    await page.addInitScript(stampFirstPaint, '[role="gridcell"]');
    if (fresh) await importFiles(page, ORIGIN, KINDS.map((kind) => join(DATA, `${kind}.csv`)));
    // Warm-up: the API worker prepares the stored organisation once.
    await openHeatmap(page);
    // UNTRACED=<n>: n openings and scrolls without tracing, their response → paint and frame gaps, and nothing else.
    for (let run = 0; run < Number(process.env.UNTRACED ?? 0); run++) {
      await openHeatmap(page);
      const opening = await heatmapOpening(page);
      const paint = opening.paintedAt - opening.responseEnd;
      await page.waitForTimeout(500);
      const { gaps } = await scrollGrid(page);
      const over = (limit: number) => gaps.filter((gap) => gap > limit).length;
      console.log(`run ${run + 1}: response → painted ${paint.toFixed(0)} ms; ${gaps.length} frames, mean ${(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(1)} ms, over 20 ms ${over(20)}, over 34 ms ${over(34)}, over 50 ms ${over(50)}, worst ${Math.max(...gaps).toFixed(0)} ms`);
    }
    if (!process.env.UNTRACED) {
      const devtools = await context.newCDPSession(page);
      devtools.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      const complete = new Promise((done) => devtools.once('Tracing.tracingComplete', done));
      await devtools.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8', 'v8.execute', 'blink.user_timing', '__metadata', ...(sampleText === 'no' ? [] : ['disabled-by-default-v8.cpu_profiler'])] },
      });
      await openHeatmap(page);
      await page.waitForTimeout(500);
      const scrollEnd = scrollText === 'no' ? 0 : (await scrollGrid(page)).end;
      // A mark's trace event carries the trace's clock: the two clocks' offset.
      const clock = await page.evaluate(() => performance.mark('heatmap-profile-clock').startTime);
      marks = { ...(await heatmapOpening(page)), clock, scrollEnd };
      await devtools.send('Tracing.end');
      await complete;
    }
  } finally {
    await context.close();
  }
} finally {
  preview.kill();
}

if (process.env.UNTRACED) process.exit(0);

// —— reading the trace ——
// The renderer's main thread (CrRendererMain) that ran the most script: the page's, not the API worker's.
// THREAD=DedicatedWorker reads the API worker's thread instead.
const threadName = process.env.THREAD ?? 'CrRendererMain';
const rendererMains = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name?.startsWith(threadName)).map((event) => `${event.pid}:${event.tid}`));
const callTime = new Map<string, number>();
for (const event of events) if (event.name === 'FunctionCall' && event.dur && rendererMains.has(`${event.pid}:${event.tid}`)) callTime.set(`${event.pid}:${event.tid}`, (callTime.get(`${event.pid}:${event.tid}`) ?? 0) + event.dur);
const mainKey = [...callTime.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
const onMain = events.filter((event) => `${event.pid}:${event.tid}` === mainKey);
const clockMark = events.find((event) => event.name === 'heatmap-profile-clock');
if (!clockMark) throw new Error('the trace has no heatmap-profile-clock mark');
const toTrace = (pageMs: number) => clockMark.ts + (pageMs - marks.clock) * 1000;

const KIND: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.run': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  PaintImage: 'paint',
  RasterTask: 'raster',
  Layerize: 'layerize',
  UpdateLayer: 'layerize',
  Commit: 'commit',
  HitTest: 'hit test',
  ParseHTML: 'parse html',
};

/** The main thread's time in [from, to) µs by kind: each event's own time (its length less its children's). */
function breakdown(from: number, to: number) {
  const spans = onMain.filter((event) => event.ph === 'X' && event.dur !== undefined && event.ts >= from && event.ts < to).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const open: { event: TraceEvent; childTime: number; kind: string }[] = [];
  // Each event's self time goes to its nearest known kind (a Paint inside a FunctionCall is paint).
  const close = (until: number) => {
    while (open.length && (open.at(-1)!.event.ts + (open.at(-1)!.event.dur ?? 0)) <= until) {
      const done = open.pop()!;
      const self = (done.event.dur ?? 0) - done.childTime;
      totals.set(done.kind, (totals.get(done.kind) ?? 0) + self);
      if (open.length) open.at(-1)!.childTime += done.event.dur ?? 0;
    }
  };
  for (const event of spans) {
    close(event.ts);
    const parentKind = open.at(-1)?.kind ?? 'other';
    open.push({ event, childTime: 0, kind: KIND[event.name] ?? (open.length ? parentKind : 'other') });
  }
  close(Number.POSITIVE_INFINITY);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([kind, us]) => `${kind} ${(us / 1000).toFixed(1)}`).join(', ');
}

/** Tasks (RunTask on the main thread) that start in [from, to). */
function tasks(from: number, to: number) {
  return onMain.filter((event) => event.name === 'RunTask' && event.ts >= from && event.ts < to && (event.dur ?? 0) > 0);
}

// The main thread's sampled profile (the API worker has its own), read once.
const profile = sampledProfile(events, mainKey ?? '');

/** Self time of the sampled functions in [from, to) µs, top n: each sample lasts until the next (at most 2 ms). */
function hotFunctions(from: number, to: number, top = 25) {
  const { nodes, samples } = profile;
  const times = new Map<string, number>();
  samples.forEach((sample, index) => {
    if (sample.ts < from || sample.ts >= to) return;
    const node = nodes.get(sample.node);
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    const next = samples[index + 1];
    const where = functionAt(node);
    times.set(where, (times.get(where) ?? 0) + Math.min(next ? next.ts - sample.ts : 0, 2000));
  });
  return [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([where, us]) => `  ${(us / 1000).toFixed(1).padStart(6)} ms  ${where}`).join('\n');
}

const responseEnd = toTrace(marks.responseEnd);
const paintedAt = toTrace(marks.paintedAt);
console.log(`response end → DOM ${(marks.seenAt - marks.responseEnd).toFixed(0)} ms, → painted ${(marks.paintedAt - marks.responseEnd).toFixed(0)} ms (traced)`);
console.log(`main thread, response end → painted: ${breakdown(responseEnd, paintedAt)}`);
for (const task of tasks(responseEnd - 5000, paintedAt)) {
  const end = task.ts + (task.dur ?? 0);
  if (end < responseEnd || (task.dur ?? 0) < 2000) continue;
  console.log(`  task at +${((task.ts - responseEnd) / 1000).toFixed(1)} ms, ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${breakdown(task.ts, end)}`);
}
if (sampleText !== 'no') console.log(`functions, response end → painted (self time):\n${hotFunctions(responseEnd, paintedAt)}`);
if (marks.scrollEnd) {
  const at = (name: string) => events.find((event) => event.name === name)?.ts ?? NaN;
  const parts: [string, number, number, number][] = [
    ['down, 120 px a frame', at('heatmap-scroll-down'), at('heatmap-scroll-right'), 120],
    ['right, 90 px a frame', at('heatmap-scroll-right'), at('heatmap-scroll-up'), 60],
    ['up, 400 px a frame', at('heatmap-scroll-up'), toTrace(marks.scrollEnd), 60],
  ];
  for (const [what, from, to, frames] of parts) {
    console.log(`\nscrolling ${what} (${((to - from) / 1000 / frames).toFixed(1)} ms a frame): ${breakdown(from, to)} (totals over ${frames} frames)`);
    if (process.env.THREADS) {
      // Each thread's busy time (its top-level trace events) in this part: where the CPU went besides the main thread.
      const names = new Map(events.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '?']));
      const busy = new Map<string, number>();
      const depthEnd = new Map<string, number>();
      for (const event of events.filter((item) => item.ph === 'X' && item.dur && item.ts >= from && item.ts < to).sort((a, b) => a.ts - b.ts)) {
        const key = `${event.pid}:${event.tid}`;
        if ((depthEnd.get(key) ?? 0) > event.ts) continue;
        depthEnd.set(key, event.ts + (event.dur ?? 0));
        const name = names.get(key) ?? key;
        busy.set(name, (busy.get(name) ?? 0) + (event.dur ?? 0));
      }
      console.log([...busy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([name, us]) => `${name} ${(us / 1000 / frames).toFixed(1)} ms/frame`).join(', '));
    }
    if (process.env.PAINTS) {
      const paints = onMain.filter((event) => event.name === 'Paint' && event.ts >= from && event.ts < to);
      console.log(`${paints.length} Paint events; the first 5:`, paints.slice(0, 5).map((event) => JSON.stringify({ dur: event.dur, ...(event.args as object) })));
    }
    const long = tasks(from, to).filter((task) => (task.dur ?? 0) >= 16_000);
    console.log(`tasks of 16 ms or more: ${long.length}`);
    for (const task of long.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 3)) console.log(`  ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${breakdown(task.ts, task.ts + (task.dur ?? 0))}`);
    if (sampleText !== 'no') console.log(`functions (self time):\n${hotFunctions(from, to, 12)}`);
  }
}
