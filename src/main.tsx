// Boot. One build serves both hosts, decided at run time: when `gapmap serve` sent this page, its
// index.html carries <meta name="gapmap-host" content="server"> and the client talks to that
// server over the network; otherwise the backend starts inside the browser (a Web Worker on
// IndexedDB). Nothing is downloaded or run before the prerendered first screen is painted (on a
// slow network the app's half a megabyte of code would compete with the page's styles); right after
// that paint the API worker and the app's code (src/app/start.tsx and its chunks) start downloading
// side by side, and the app's code is evaluated a chunk per task.
import { setApiTransport } from './api/transport';
import { startStandaloneApi } from './server/hosts/browser/browser';
import { clearFirstScreenPage, firstScreenIsThisPage } from './app/firstScreen';
import { nextTask } from './app/tasks';
import './app/styles.css';

const servedByServer = document.querySelector('meta[name="gapmap-host"]')?.getAttribute('content') === 'server';
if (!firstScreenIsThisPage(servedByServer)) clearFirstScreenPage();

/** After the next frame is painted: a task queued from requestAnimationFrame runs after that paint. */
function afterNextPaint(then: () => void) {
  // A page opened in the background paints no frame until shown: nothing to wait for.
  if (document.visibilityState === 'hidden') return then();
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** The chunks of the app's start, each after those it imports, src/app/start.tsx's last (index.html, vite.config.ts). */
function startChunks(): string[] {
  return [...document.querySelectorAll<HTMLMetaElement>('meta[name="gapmap-start-chunk"]')].map((meta) => new URL(meta.content, document.baseURI).href);
}

/**
 * Starts every chunk's download (evaluated only when imported), one per task: starting a request
 * costs the page 1–4 ms here (far more under Lighthouse's tracing), so all ten at once were a task of
 * 10–25 ms, and three at once still 10–15 ms.
 */
async function preload(chunks: string[]): Promise<void> {
  for (const chunk of chunks) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = chunk;
    document.head.append(link);
    await nextTask();
  }
}

// The app's code, downloading side by side, is evaluated a chunk at a time, each in its own task:
// evaluated as one module graph it was one task of 200–300 ms on a modest machine. A chunk imported
// by its address is the same module the start imports, evaluated once. (The dev server has no
// chunks: there the start is imported alone.)
async function evaluateChunks(chunks: string[]): Promise<void> {
  for (const chunk of chunks.slice(0, -1)) {
    await import(/* @vite-ignore */ chunk);
    await nextTask();
  }
  await import('./app/start');
}

// Each step in its own task: the app's code starts downloading first (its bytes take longest to
// arrive), the API worker starts next, then the chunks are evaluated as they come.
afterNextPaint(startTheApp);

async function startTheApp() {
  const chunks = startChunks();
  await preload(chunks);
  await nextTask();
  if (!servedByServer) setApiTransport(startStandaloneApi());
  await nextTask();
  await evaluateChunks(chunks);
}
