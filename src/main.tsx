// Boot: in the standalone build the /api is served inside the browser (msw + IndexedDB); with
// VITE_API_URL set, the same client talks to a real backend and no worker starts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';

async function startApi(): Promise<void> {
  if (import.meta.env.VITE_API_URL) return;
  // Its own chunk, loaded in parallel with the shell's first paint.
  const { startStandaloneApi } = await import('../mocks/browser');
  await startStandaloneApi();
}

const apiReady = startApi();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App apiReady={apiReady} />
  </StrictMode>,
);
