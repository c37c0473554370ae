// Whether the page is being printed: tables and the heatmap grid draw every row and cell on paper,
// though on screen they draw a page of rows or only what is scrolled into view.
import { useLayoutEffect, useState } from 'react';

function printMedia(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('print') : undefined;
}

/**
 * True from the browser's beforeprint to its afterprint, and while print media is emulated. The
 * listeners are added as the component's elements reach the page (a layout effect, not a passive
 * one that may run a frame later): printing right after a table appears prints all of it.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => printMedia()?.matches ?? false);
  useLayoutEffect(() => {
    const media = printMedia();
    const start = () => setPrinting(true);
    const follow = () => setPrinting(media?.matches ?? false);
    media?.addEventListener('change', follow);
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', follow);
    return () => {
      media?.removeEventListener('change', follow);
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', follow);
    };
  }, []);
  return printing;
}
