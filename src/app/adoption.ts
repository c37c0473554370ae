// The first render of a page whose first screen was prerendered (src/app/prerender.tsx) must be
// that markup exactly, for React to adopt it instead of building the page again (a long task of
// building and laying out every element, on a phone hundreds of milliseconds). The prerendered
// header is that of nobody in particular: the navigation and the persona switch of the default
// persona (the switch holds the place who is looking takes on either host). The parts that depend
// on the host and the viewer (their persona, or who is signed in, and their role's navigation) are
// drawn just after, in the same frame: a layout effect's update renders before the browser paints,
// and until the app has adopted the page its header controls are hidden (styles.css,
// [data-first-screen]). When the viewer's header looks just as the prerendered one (on the static
// host, the default persona), nothing needs that frame: the second pass is then a transition, done
// after the adoption in small slices instead of in its commit's task (an urgent update there makes
// React run every effect of the new page and render again before that task ends: 40 ms on a phone).
import { startTransition, useEffect, useLayoutEffect, useState } from 'react';

// At build time, the render is the prerendered first screen itself.
let adopting = typeof document === 'undefined';

/** Before hydrating: the coming first render adopts the prerendered first screen. */
export function adoptPrerenderedFirstScreen(): void {
  adopting = true;
}

/**
 * Whether this render is the one that adopts the prerendered first screen (then render as it was
 * prerendered). `looksAsPrerendered`: the viewer's header looks the same, so the second pass may wait.
 */
export function useAdoptingFirstScreen(looksAsPrerendered: boolean): boolean {
  const [adoptingNow, setAdoptingNow] = useState(adopting);
  const urgent = adoptingNow && !looksAsPrerendered;
  useLayoutEffect(() => {
    if (!urgent) return;
    adopting = false;
    // The second pass React's guidance gives for content that differs from the server's markup;
    // from a layout effect, so it renders before the browser paints.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAdoptingNow(false);
  }, [urgent]);
  useEffect(() => {
    if (!adoptingNow || urgent) return;
    adopting = false;
    startTransition(() => setAdoptingNow(false));
  }, [adoptingNow, urgent]);
  return adoptingNow;
}
