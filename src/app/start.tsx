// Renders the app. Loaded by src/main.tsx once the API worker is on its way and the first screen
// (prerendered into index.html, src/app/prerender.tsx) is painted.
import { createBrowserHistory } from '@tanstack/react-router';
import { StrictMode, startTransition, useLayoutEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from './reactDom';
import { App } from './App';
import { createAppRouter } from './router';
import { firstScreenIsThisPage } from './firstScreen';
import { adoptPrerenderedFirstScreen } from './adoption';
import { isServerHost } from '../api/access';
import { adoptSignedInHint } from './SignIn';
import { nextTask } from './tasks';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** Rendered anew: once the app has replaced the prerendered first screen, its header controls may show (styles.css). */
function ReplacingFirstScreen({ container, children }: { container: HTMLElement; children: ReactNode }) {
  useLayoutEffect(() => container.removeAttribute('data-first-screen'), [container]);
  return children;
}

void start(root);

// Four steps, each in its own task after this module's evaluation (together they were one task of
// 90–180 ms on this project's machines): the browser's history is taken over, the router is made,
// it resolves the address (as the build-time render did, so the first render matches the
// prerendered markup), and the app renders.
async function start(container: HTMLElement) {
  await nextTask();
  const history = createBrowserHistory();
  await nextTask();
  const router = createAppRouter(history);
  // On a server, the first render is already that of who the page says is signed in (their persona).
  if (isServerHost()) adoptSignedInHint();
  await nextTask();
  await router.load();
  await nextTask();
  render(container, router);
}

function render(container: HTMLElement, router: ReturnType<typeof createAppRouter>) {
  if (firstScreenIsThisPage(isServerHost())) {
    // The first render is the prerendered first screen itself (the shell, the Overview still
    // computing), on either host: React adopts its elements instead of building them again, and
    // the header's controls that depend on the host and the viewer follow, and show once drawn
    // (adoption.ts). Marked as rendered on a server, the router renders its matches as it did at
    // build time (no Suspense boundary of its own around them). As a transition, the hydration is
    // done in small slices (a plain hydrateRoot is one task, as long as the whole first render).
    adoptPrerenderedFirstScreen(container);
    router.ssr = { manifest: undefined };
    startTransition(() => {
      hydrateRoot(
        container,
        <StrictMode>
          <App router={router} />
        </StrictMode>,
      );
    });
  } else {
    // Another page, or someone not signed in on a server: rendered anew, replacing what the first
    // screen showed. As a transition, React renders it in small slices instead of one long task.
    startTransition(() =>
      createRoot(container).render(
        <StrictMode>
          <ReplacingFirstScreen container={container}>
            <App router={router} />
          </ReplacingFirstScreen>
        </StrictMode>,
      ),
    );
  }
}
