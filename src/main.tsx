// Boot. One build serves both hosts, decided at run time: when `gapmap serve` sent this page, its
// index.html carries <meta name="gapmap-host" content="server"> and the client talks to that
// server over the network; otherwise the backend starts inside the browser (a Web Worker on
// IndexedDB). This entry stays tiny so the API worker starts downloading at once, beside the app's
// code (src/app/start.tsx, preloaded by index.html): the first figures wait for both.
import { setApiTransport } from './api/transport';
import { startStandaloneApi } from './server/hosts/browser/browser';
import './app/styles.css';

const servedByServer = document.querySelector('meta[name="gapmap-host"]')?.getAttribute('content') === 'server';
if (!servedByServer) setApiTransport(startStandaloneApi());

void import('./app/start');
