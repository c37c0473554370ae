// The first render of a page whose first screen was prerendered (src/app/prerender.tsx) must be
// that markup exactly, for React to adopt it instead of building the page again (a long task of
// building and laying out every element, on a phone hundreds of milliseconds). The prerendered
// header is that of nobody in particular: every navigation item (styles.css shows the viewer's,
// viewerMark.ts) and the persona switch of the default persona, which holds the place who is
// looking takes on either host. The header's controls stay hidden (styles.css, [data-first-screen])
// until a second pass has drawn the viewer's (their persona, or who is signed in). That pass is a
// transition, rendered in small slices after the adoption: an urgent update from the adoption's
// commit would make React run every effect of the new page and render again in that one task
// (40 ms on a phone).
import { startTransition, useEffect, useLayoutEffect, useState } from 'react';

// At build time, the render is the prerendered first screen itself.
let adopting = typeof document === 'undefined';
/** The element the prerendered first screen is in, while the app is adopting it. */
let firstScreenContainer: HTMLElement | undefined;

/** Before hydrating `container`: the coming first render adopts the prerendered first screen. */
export function adoptPrerenderedFirstScreen(container: HTMLElement): void {
  adopting = true;
  firstScreenContainer = container;
}

/** Whether this render is the one that adopts the prerendered first screen (then render as it was prerendered). */
export function useAdoptingFirstScreen(): boolean {
  const [adoptingNow, setAdoptingNow] = useState(adopting);
  useEffect(() => {
    if (!adoptingNow) return;
    adopting = false;
    // The second pass React's guidance gives for content that differs from the server's markup.
    startTransition(() => setAdoptingNow(false));
  }, [adoptingNow]);
  useLayoutEffect(() => {
    if (adoptingNow || !firstScreenContainer) return;
    // The viewer's header controls are drawn: shown in the same frame.
    firstScreenContainer.removeAttribute('data-first-screen');
    firstScreenContainer = undefined;
  }, [adoptingNow]);
  return adoptingNow;
}
