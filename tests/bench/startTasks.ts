// The main thread's long tasks while a page starts, in Chromium with its CPU really slowed (DevTools
// throttling, not Lighthouse's simulation), to compare two builds in one run:
//
//   node --import tsx tests/bench/startTasks.ts <url> [cpu slowdown, 1] [runs, 5] [width, 412] [<url> …]
//
// Each run is a fresh profile; it reports, from navigation to 4 s later, the longest task and the
// blocking time (each long task's time over 50 ms, summed), and the frames over 30 ms with the
// scripts that ran in them (long animation frames). Several URLs are measured in turns, run by run,
// so each sees the same machine. A signed-in session of `gapmap serve`: GAPMAP_BENCH_COOKIES, a JSON
// object of origin → Cookie header.
import { chromium } from 'playwright';
// @ts-expect-error: a plain .mjs module shared with the e2e runner.
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.mjs';
import { openThrottledPage } from './pageInstruments';

const [firstUrl = 'http://localhost:4173/', rateText = '1', runsText = '5', widthText = '412', ...moreUrls] = process.argv.slice(2);
const urls = [firstUrl, ...moreUrls];
const rate = Number(rateText);
const runs = Number(runsText);
const width = Number(widthText);
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Frame {
  start: number;
  duration: number;
  scripts: string[];
}

const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_ARGS as string[] });
const results = new Map(urls.map((url) => [url, { longest: [] as number[], blocking: [] as number[] }]));
try {
  for (let run = 0; run < runs; run++) {
    for (const url of urls) {
      const { context, page } = await openThrottledPage(browser, url, width, rate);
      await page.addInitScript(() => {
        const seen = window as unknown as { __frames: Frame[]; __tasks: number[] };
        seen.__frames = [];
        seen.__tasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { startTime: number; duration: number; scripts: { invoker: string; sourceFunctionName: string; duration: number }[] }[]) {
            seen.__frames.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration), scripts: entry.scripts.map((script) => `${script.invoker.replace(/.*\//, '')}${script.sourceFunctionName ? `:${script.sourceFunctionName}` : ''} ${Math.round(script.duration)}`) });
          }
        }).observe({ type: 'long-animation-frame', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) seen.__tasks.push(Math.round(entry.duration));
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(url);
      await page.waitForTimeout(4000);
      const { frames, tasks } = await page.evaluate(() => {
        const seen = window as unknown as { __frames: Frame[]; __tasks: number[] };
        return { frames: seen.__frames, tasks: seen.__tasks };
      });
      const result = results.get(url)!;
      result.longest.push(Math.max(0, ...tasks));
      result.blocking.push(tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0));
      console.log(`${url} run ${run + 1}: tasks over 50 ms [${tasks.join(', ')}]; frames over 30 ms: ${frames.filter((frame) => frame.duration > 30).map((frame) => `@${frame.start} ${frame.duration} ms ${frame.scripts.join(' + ')}`).join(' | ')}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
for (const [url, { longest, blocking }] of results) {
  console.log(`${url} ×${rate} CPU, ${width} px: longest task ${median(longest)} ms (${longest.join(', ')}), blocking time ${median(blocking)} ms (${blocking.join(', ')})`);
}
