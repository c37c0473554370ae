// Renders the app. Loaded by src/main.tsx once the API worker is on its way (index.html preloads it).
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

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
