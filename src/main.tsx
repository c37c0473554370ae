// Boot. One build serves both hosts, decided at run time: when `gapmap serve` sent this page, its
// index.html carries <meta name="gapmap-host" content="server"> and the client talks to that
// server over the network; otherwise the backend starts inside the browser (a Web Worker on
// IndexedDB). This entry stays tiny so the API worker starts downloading at once, beside the app's
// code (src/app/start.tsx, preloaded by index.html): the first figures wait for both. The app's
// code runs only once the prerendered first screen is painted, so its evaluation never holds the
// first paint back.
import { setApiTransport } from './api/transport';
import { startStandaloneApi } from './server/hosts/browser/browser';
import { clearFirstScreenPage, firstScreenShows } from './app/firstScreen';
import './app/styles.css';

const servedByServer = document.querySelector('meta[name="gapmap-host"]')?.getAttribute('content') === 'server';
if (!servedByServer) setApiTransport(startStandaloneApi());
if (!firstScreenShows(servedByServer)) clearFirstScreenPage();

/** After the next frame is painted: a task queued from requestAnimationFrame runs after that paint. */
function afterNextPaint(then: () => void) {
  // A page opened in the background paints no frame until shown: nothing to wait for.
  if (document.visibilityState === 'hidden') return then();
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** A new task, so the browser can paint and answer input between two steps of the start. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// The app's code, already downloading (index.html preloads its chunks, the libraries first and the
// start's own chunk last, vite.config.ts), is evaluated a chunk at a time, each in its own task:
// evaluated as one module graph it was one task of 200–300 ms on a modest machine. A chunk imported
// by its address is the same module the start imports, evaluated once. (The dev server has no
// chunks: there the start is imported alone.)
async function startApp(): Promise<void> {
  const chunks = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"][data-start-chunk]')].map((link) => link.href);
  for (const chunk of chunks.slice(0, -1)) {
    await import(/* @vite-ignore */ chunk);
    await nextTask();
  }
  await import('./app/start');
}

afterNextPaint(() => void startApp());
