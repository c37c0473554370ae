// Renders the app. Loaded by src/main.tsx once the API worker is on its way and the first screen
// (prerendered into index.html) is painted.
import { StrictMode, startTransition, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** The app's first commit replaced the prerendered first screen: its controls may show (styles.css). */
function FirstScreenReplaced({ container }: { container: HTMLElement }) {
  useLayoutEffect(() => container.removeAttribute('data-first-screen'), [container]);
  return null;
}

// As a transition, React renders the first screen in small slices instead of one long task, so
// the page answers input while it starts (the render is most of the start-up's main-thread time).
// Until it commits, the prerendered first screen stays.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <FirstScreenReplaced container={root} />
      <App />
    </StrictMode>,
  );
});
