// Renders costly content (the recharts charts) only once it comes near the screen, holding its
// height meanwhile so nothing moves. A chart below the fold then costs nothing on first load; it
// renders as the user scrolls towards it, and always before printing.
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How far below the screen content starts rendering, so it is ready when scrolled to. */
const AHEAD = '300px';

export function RenderWhenVisible({ height, children }: { height: number; children: ReactNode }) {
  const placeholder = useRef<HTMLDivElement>(null);
  // Without IntersectionObserver (old browsers, jsdom) there is nothing to wait for.
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = placeholder.current;
    if (visible || !element) return;
    const show = () => setVisible(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) show();
    }, { rootMargin: AHEAD });
    observer.observe(element);
    window.addEventListener('beforeprint', show);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', show);
    };
  }, [visible]);

  return visible ? <>{children}</> : <div ref={placeholder} style={{ height }} />;
}
