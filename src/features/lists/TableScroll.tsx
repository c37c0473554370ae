// A drill-down list's table: its caption for screen readers, its column headers, and, on a phone, a
// box of its own that scrolls rather than widening the page.
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

/** A list's table: `caption` names it (and its scrolling box), `headers` are the header row's cells, the children its body rows. */
export function ListTable({ caption, headers, children }: { caption: string; headers: ReactNode; children: ReactNode }) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{headers}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
