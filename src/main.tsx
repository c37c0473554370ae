// Boot: in the standalone build the /api is served inside the browser (msw's handlers in a Web
// Worker, on IndexedDB); with VITE_API_URL set, the same client talks to a real backend instead.
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setApiTransport } from './api/client';
import { startStandaloneApi } from '../mocks/browser';
import './app/styles.css';

// Started before the first render, so the worker loads while React paints the shell; requests
// sent before it is ready wait in its queue.
if (!import.meta.env.VITE_API_URL) setApiTransport(startStandaloneApi());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// As a transition, React renders the first screen in small slices instead of one long task, so
// the page answers input while it starts (the render is most of the start-up's main-thread time).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
