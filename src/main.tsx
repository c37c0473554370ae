// Boot. One build serves both hosts, decided at run time: when `gapmap serve` sent this page, its
// index.html carries <meta name="gapmap-host" content="server"> and the client talks to that
// server over the network; otherwise the backend starts inside the browser (a Web Worker on
// IndexedDB). This entry stays tiny so the API worker starts downloading at once, beside the app's
// code (src/app/start.tsx, preloaded by index.html): the first figures wait for both. The app's
// code runs only once the prerendered first screen is painted, so its evaluation never holds the
// first paint back.
import { setApiTransport } from './api/transport';
import { startStandaloneApi } from './server/hosts/browser/browser';
import { clearFirstScreenPage, firstScreenFits } from './app/firstScreen';
import './app/styles.css';

const servedByServer = document.querySelector('meta[name="gapmap-host"]')?.getAttribute('content') === 'server';
if (!servedByServer) setApiTransport(startStandaloneApi());
if (!firstScreenFits(servedByServer)) clearFirstScreenPage();

/** After the next frame is painted: a task queued from requestAnimationFrame runs after that paint. */
function afterNextPaint(then: () => void) {
  // A page opened in the background paints no frame until shown: nothing to wait for.
  if (document.visibilityState === 'hidden') return then();
  requestAnimationFrame(() => setTimeout(then, 0));
}

afterNextPaint(() => void import('./app/start'));
