// Where a page's start spends its main thread, task by task: a Chromium trace with its JavaScript
// sampled, read back into each long task's parts (script, style, layout, garbage collection) and
// the functions that spent the most of it themselves. A tool for finding what to change, not a
// benchmark (the profiler slows what it samples); compare builds with startTasks.ts.
//
//   node --import tsx tests/bench/startProfile.ts <url> [cpu slowdown, 1] [width, 412] [over ms, 10] [sample, yes|no]
//
// It prints each task of [over] ms or more, then the totals before and after the first contentful
// paint, and with sampling the files and functions that spent the most after it. Without sampling
// (no), the tasks' lengths are nearer what they are untraced. What the tracing itself adds: with V8's
// compile events (COMPILES=1), V8 collects source positions it would otherwise not (react-dom's whole
// module re-parsed when it makes its first Error: 20–50 ms at CPU ×1, absent from Lighthouse's
// traces), so a long V8.CollectSourcePositions is the tool's, not the page's; and the sampling
// profiler starts inside the page's first task (CpuProfiler::StartProfiling, 15 ms).
// More, by environment variable:
//   AT=<regex>     each sample given to its nearest caller that matches (AT='start-|QueryState-')
//   IN=<regex>     a file's samples given to where the page entered it (IN=zod)
//   TOP=<n>        how many lines those lists show (30)
//   COMPILES=1     where each script was parsed and compiled: on the main thread or streamed
//   STYLES=1       each style recalculation after the first paint, its elements and what invalidated them
//
// A signed-in session of `gapmap serve`: GAPMAP_BENCH_COOKIES, a JSON object of origin → Cookie header.
import { chromium } from 'playwright';
// @ts-expect-error: a plain .mjs module shared with the e2e runner.
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.mjs';
import { functionAt as where, openThrottledPage, sampledProfile, type TraceEvent } from './pageInstruments';

const [url = 'http://localhost:4173/', rateText = '1', widthText = '412', overText = '10', sampleText = 'yes'] = process.argv.slice(2);
const over = Number(overText);

const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[] });
let events: TraceEvent[];
try {
  const { page, devtools } = await openThrottledPage(browser, url, Number(widthText), Number(rateText));
  const collected: TraceEvent[] = [];
  devtools.on('Tracing.dataCollected', ({ value }) => collected.push(...(value as unknown as TraceEvent[])));
  const done = new Promise((resolve) => devtools.once('Tracing.tracingComplete', resolve));
  await devtools.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', ...(process.env.COMPILES ? ['disabled-by-default-v8.compile'] : []), ...(sampleText === 'no' ? [] : ['disabled-by-default-v8.cpu_profiler']), 'blink.user_timing', '__metadata', ...(process.env.STYLES ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] },
  });
  await page.goto(url);
  await page.waitForTimeout(4000);
  await devtools.send('Tracing.end');
  await done;
  events = collected;
} finally {
  await browser.close();
}

// The page's main thread: the renderer's main thread that painted the page's first content (the
// first renderer, of about:blank, is another process).
const threadOf = (event: TraceEvent) => `${event.pid}:${event.tid}`;
const painted = events.find((event) => event.name === 'firstContentfulPaint');
const main = painted ? threadOf(painted) : undefined;
const onMain = events.filter((event) => threadOf(event) === main);
// The sampled profile: each sample's time and the function it was in.
const { nodes, samples } = sampledProfile(events, main ?? '');

const navigation = onMain.find((event) => event.name === 'TracingStartedInBrowser' || event.name === 'navigationStart')?.ts ?? onMain[0]?.ts ?? 0;
const tasks = onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) >= over * 1000);
const ms = (micro: number) => (micro / 1000).toFixed(1);
console.log(`${url} ×${rateText} CPU, ${widthText} px: ${tasks.length} tasks of ${over} ms or more`);
for (const task of tasks) {
  const end = task.ts + (task.dur ?? 0);
  // The task's parts: each trace event directly inside it, by name.
  const parts = new Map<string, number>();
  const inside = onMain.filter((event) => event !== task && event.ph === 'X' && event.ts >= task.ts && event.ts < end && event.dur);
  for (const event of inside) {
    const parent = inside.find((other) => other !== event && other.ts <= event.ts && other.ts + (other.dur ?? 0) >= event.ts + (event.dur ?? 0) && (other.dur ?? 0) > (event.dur ?? 0));
    if (!parent) parts.set(event.name + (event.args?.data?.url ? ` ${event.args.data.url.replace(/.*\//, '')}` : ''), (parts.get(event.name) ?? 0) + (event.dur ?? 0));
  }
  const self = new Map<string, number>();
  const within = samples.filter((sample) => sample.ts >= task.ts && sample.ts < end);
  within.forEach((sample, index) => {
    const next = within[index + 1]?.ts ?? end;
    const name = where(nodes.get(sample.node));
    self.set(name, (self.get(name) ?? 0) + (next - sample.ts));
  });
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, time]) => `${name} ${ms(time)}`).join('; ');
  // Every event inside the task, at any depth, by name (DEEP=1): garbage collection or compiles inside a script's run.
  const deep = new Map<string, number>();
  if (process.env.DEEP) for (const event of inside) deep.set(event.name, (deep.get(event.name) ?? 0) + (event.dur ?? 0));
  console.log(`\n@${ms(task.ts - navigation)} ms: ${ms(task.dur ?? 0)} ms\n  parts: ${top(parts, 6)}\n  self: ${top(self, 10)}${deep.size ? `\n  inside: ${top(deep, 12)}` : ''}`);
}

// Totals before the first contentful paint and after it (what Lighthouse's blocking time counts is after).
const firstPaint = onMain.find((event) => event.name === 'firstContentfulPaint')?.ts ?? Infinity;
const totals = (from: number, to: number) => {
  const sums = new Map<string, number>();
  for (const event of onMain) {
    if (event.ph !== 'X' || !event.dur || event.ts < from || event.ts >= to) continue;
    const kind = /^(Layout|UpdateLayoutTree|ParseHTML|Paint|MinorGC|MajorGC|v8\.evaluateModule|v8\.callFunction|FunctionCall|TimerFire|RunMicrotasks)$/.exec(event.name)?.[0];
    if (kind) sums.set(kind, (sums.get(kind) ?? 0) + event.dur);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).map(([name, time]) => `${name} ${ms(time)}`).join('; ');
};
console.log(`\nfirst contentful paint @${ms(firstPaint - navigation)} ms\n  before: ${totals(0, firstPaint)}\n  after: ${totals(firstPaint, Infinity)}`);

// After the first contentful paint: the functions that spent the most themselves, and each file's share.
const selfAfter = new Map<string, number>();
const fileAfter = new Map<string, number>();
const sampled = samples.filter((sample) => sample.ts >= firstPaint);
sampled.forEach((sample, index) => {
  const time = (sampled[index + 1]?.ts ?? sample.ts) - sample.ts;
  if (time > 5000) return; // the profiler's pauses between tasks
  const node = nodes.get(sample.node);
  if (node?.callFrame.functionName === '(idle)') return;
  selfAfter.set(where(node), (selfAfter.get(where(node)) ?? 0) + time);
  const file = (node?.callFrame.url ?? '').replace(/.*\//, '') || node?.callFrame.functionName || '?';
  fileAfter.set(file, (fileAfter.get(file) ?? 0) + time);
});
if (sampled.length) {
  const list = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, time]) => `${name} ${ms(time)}`);
  console.log(`  by file: ${list(fileAfter, 12).join('; ')}\n  by function:\n    ${list(selfAfter, Number(process.env.TOP ?? 30)).join('\n    ')}`);
}

// AT=<regex of a function or file>: each sample after the first paint given to the nearest caller that matches,
// to see what a library's time was spent for (e.g. AT='start-|QueryState-').
if (process.env.AT && sampled.length) {
  const at = new RegExp(process.env.AT);
  const byCaller = new Map<string, number>();
  sampled.forEach((sample, index) => {
    const time = (sampled[index + 1]?.ts ?? sample.ts) - sample.ts;
    if (time > 5000) return;
    let node = nodes.get(sample.node);
    const own = node;
    while (node && !at.test(where(node))) node = node.parent === undefined ? undefined : nodes.get(node.parent);
    const name = node ? `${where(node)} → ${(own?.callFrame.url ?? '').replace(/.*\//, '') || own?.callFrame.functionName}` : '(none)';
    byCaller.set(name, (byCaller.get(name) ?? 0) + time);
  });
  console.log(`  by caller matching ${at}:\n    ${[...byCaller].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)).map(([name, time]) => `${name} ${ms(time)}`).join('\n    ')}`);
}

// IN=<regex of a file>: the samples spent in that file, given to where the page's code entered it
// (the caller outside it and the file's function it called), e.g. IN=zod.
if (process.env.IN && sampled.length) {
  const inFile = new RegExp(process.env.IN);
  const byEntry = new Map<string, number>();
  sampled.forEach((sample, index) => {
    const time = (sampled[index + 1]?.ts ?? sample.ts) - sample.ts;
    let node = nodes.get(sample.node);
    if (time > 5000 || !node || !inFile.test(node.callFrame.url ?? '')) return;
    let entered = node;
    while (node && inFile.test(node.callFrame.url ?? '')) {
      entered = node;
      node = node.parent === undefined ? undefined : nodes.get(node.parent);
    }
    const name = `${where(node)} → ${where(entered)}`;
    byEntry.set(name, (byEntry.get(name) ?? 0) + time);
  });
  console.log(`  entering ${inFile}:\n    ${[...byEntry].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)).map(([name, time]) => `${name} ${ms(time)}`).join('\n    ')}`);
}

// COMPILES=1: where each module was compiled (on the main thread, or streamed on another thread while it downloaded).
if (process.env.COMPILES) {
  for (const event of events.filter((candidate) => /compile|parseOnBackground/i.test(candidate.name) && candidate.dur)) {
    const data = event.args?.data as { url?: string; fileName?: string } | undefined;
    console.log(`  ${event.name} ${(data?.url ?? data?.fileName ?? '').replace(/.*\//, '')} ${ms(event.dur ?? 0)} ms on ${threadOf(event) === main ? 'the main thread' : threadOf(event)}`);
  }
}

// STYLES=1: each style recalculation of 2 ms or more after the first paint, with how many elements it styled and
// what invalidated them (Chromium's invalidation tracking).
if (process.env.STYLES) {
  const invalidations = onMain.filter((event) => /InvalidationTracking/.test(event.name));
  let since = firstPaint;
  for (const event of onMain.filter((candidate) => candidate.name === 'UpdateLayoutTree' && candidate.ts >= firstPaint)) {
    const reasons = new Map<string, number>();
    for (const invalidation of invalidations.filter((candidate) => candidate.ts >= since && candidate.ts <= event.ts)) {
      const data = invalidation.args?.data as { reason?: string; nodeName?: string; invalidationSet?: unknown; changedAttribute?: string; changedClass?: string; changedId?: string; changedPseudo?: string; invalidatedSelectorId?: string } | undefined;
      const what = `${invalidation.name.replace('InvalidationTracking', '')}: ${data?.reason ?? ''} ${data?.changedAttribute ?? data?.changedClass ?? data?.changedId ?? data?.changedPseudo ?? data?.invalidatedSelectorId ?? ''} on ${data?.nodeName ?? '?'}`;
      reasons.set(what, (reasons.get(what) ?? 0) + 1);
    }
    since = event.ts;
    const count = (event.args as { elementCount?: number } | undefined)?.elementCount;
    if ((event.dur ?? 0) >= 2000) console.log(`  style @${ms(event.ts - navigation)}: ${ms(event.dur ?? 0)} ms, ${count ?? '?'} elements; ${[...reasons].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([what, n]) => `${what} ×${n}`).join(' | ')}`);
  }
}
