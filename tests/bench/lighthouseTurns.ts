// Lighthouse (mobile preset) on several builds or hosts in turns, run by run, at one fixed CPU
// slowdown, and what each run's own trace says beside its scores: to compare builds on the measure
// issue 15 names, on a machine whose speed moves from one minute to the next.
//
//   node --import tsx tests/bench/lighthouseTurns.ts <cpu slowdown> <runs> <url> [<url> …]
//
// Per run: performance, total blocking time (simulated), first contentful paint (simulated), the
// benchmark index, and from the observed trace:
// - the main-thread tasks of 10 ms or more after the first contentful paint. Lighthouse's simulation
//   (Lantern) leaves out shorter tasks; each one it keeps lasts its observed length × the slowdown,
//   and counts towards the blocking time beyond 50 ms. "over" sums (slowdown × length − 50 ms) over
//   them: the blocking time as if the simulated first paint were the observed one.
// - "first frame shown late": the first contentful paint was reported only after every script of
//   the page had arrived. Chromium showed no frame for about a second after the first paint in such
//   runs (its trace: no paint, no screenshot), and Lantern then counts every script as needed for the
//   first paint (simulated FCP and LCP near 2.8 s, performance 65–80 whatever the blocking time).
//   Not the page's doing, but it moves the median: say how many runs had it.
// A signed-in session of `gapmap serve`: GAPMAP_BENCH_COOKIES, a JSON object of origin → Cookie header.
// Traces and reports are kept in tests/bench/out/lighthouse-turns/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCookieFor, runLighthouseCli, type TraceEvent } from './pageInstruments';

const [rateText, runsText, ...urls] = process.argv.slice(2);
const rate = Number(rateText);
const runs = Number(runsText);
if (!(rate > 0) || !(runs > 0) || urls.length === 0) {
  console.error('usage: node --import tsx tests/bench/lighthouseTurns.ts <cpu slowdown> <runs> <url> [<url> …]');
  process.exit(2);
}
const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'tests/bench/out/lighthouse-turns');
mkdirSync(OUT, { recursive: true });
/** Lantern leaves main-thread tasks shorter than this out of its simulation (PageDependencyGraph's SIGNIFICANT_DUR_THRESHOLD_MS). */
const KEPT_TASK_MS = 10;

interface Report {
  categories: { performance: { score: number } };
  environment: { benchmarkIndex: number };
  audits: Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[] } }>;
}
interface Run {
  performance: number;
  tbtMs: number;
  fcpMs: number;
  index: number;
  keptTasks: number;
  overMs: number;
  longestMs: number;
  firstFrameLate: boolean;
}

function lighthouse(url: string, name: string): Run {
  const cookie = benchCookieFor(url);
  const report = runLighthouseCli<Report>(url, join(OUT, `${name}.json`), { categories: ['performance'], cpuSlowdown: rate, saveAssets: true, ...(cookie ? { headers: { Cookie: cookie } } : {}) });
  const traceFile = JSON.parse(readFileSync(join(OUT, `${name}-0.trace.json`), 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(traceFile) ? traceFile : traceFile.traceEvents;
  // The page's main thread: the one that reported the first contentful paint.
  const fcp = events.find((event) => event.name === 'firstContentfulPaint');
  if (!fcp) throw new Error(`no first contentful paint in the trace of ${url}`);
  const kept = events
    .filter((event) => event.pid === fcp.pid && event.tid === fcp.tid && event.ph === 'X' && event.name === 'RunTask')
    .filter((task) => (task.dur ?? 0) / 1000 >= KEPT_TASK_MS && task.ts + (task.dur ?? 0) >= fcp.ts)
    .map((task) => (task.dur ?? 0) / 1000);
  const observedFcp = (report.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint as number | undefined) ?? NaN;
  const scripts = (report.audits['network-requests']?.details?.items ?? []).filter((item) => item.resourceType === 'Script');
  return {
    performance: Math.round(report.categories.performance.score * 100),
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? NaN,
    fcpMs: report.audits['first-contentful-paint']?.numericValue ?? NaN,
    index: Math.round(report.environment.benchmarkIndex),
    keptTasks: kept.length,
    overMs: kept.reduce((sum, ms) => sum + Math.max(0, rate * ms - 50), 0),
    longestMs: Math.max(0, ...kept),
    firstFrameLate: scripts.length > 1 && scripts.every((item) => (item.networkEndTime as number) <= observedFcp),
  };
}

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (value: number) => Math.round(value);
const results = new Map(urls.map((url) => [url, [] as Run[]]));
for (let run = 1; run <= runs; run++) {
  for (const [index, url] of urls.entries()) {
    const result = lighthouse(url, `url${index + 1}-run${run}`);
    results.get(url)!.push(result);
    console.log(
      `${url} run ${run}: performance ${result.performance}, TBT ${round(result.tbtMs)} ms, FCP ${round(result.fcpMs)} ms, index ${result.index}; tasks ≥ ${KEPT_TASK_MS} ms after the first paint ${result.keptTasks} (longest ${result.longestMs.toFixed(1)} ms, over ${round(result.overMs)} ms)${result.firstFrameLate ? '; first frame shown late' : ''}`,
    );
  }
}
for (const [url, list] of results) {
  const late = list.filter((run) => run.firstFrameLate).length;
  console.log(
    `${url} ×${rate} CPU, ${list.length} runs: performance ${median(list.map((run) => run.performance))}, TBT ${round(median(list.map((run) => run.tbtMs)))} ms (${list.map((run) => round(run.tbtMs)).join(', ')}), over ${round(median(list.map((run) => run.overMs)))} ms, tasks ≥ ${KEPT_TASK_MS} ms ${median(list.map((run) => run.keptTasks))}; first frame shown late in ${late} of ${list.length}`,
  );
}
