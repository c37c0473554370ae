// Boot: in the standalone build the /api is served inside the browser (msw's handlers in a Web
// Worker, on IndexedDB); with VITE_API_URL set, the same client talks to a real backend instead.
// This entry stays tiny so the API worker starts downloading at once, beside the app's code
// (src/app/start.tsx, preloaded by index.html): the first figures wait for both.
import { setApiTransport } from './api/transport';
import { startStandaloneApi } from './server/hosts/browser/browser';
import './app/styles.css';

if (!import.meta.env.VITE_API_URL) setApiTransport(startStandaloneApi());

void import('./app/start');
