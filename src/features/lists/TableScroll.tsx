// A drill-down list's table on a phone: it scrolls inside its own box rather than widening the page.
import type { ReactNode } from 'react';

/** A wide list scrolls inside this box, not the page (focusable, so a keyboard scrolls it too). */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
