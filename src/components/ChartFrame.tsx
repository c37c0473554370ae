// A chart with a title, a note, and its numbers as a table for keyboard and screen-reader users.
import type { ReactNode } from 'react';

export function ChartFrame({ title, note, chart, table }: { title: string; note?: ReactNode; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="chart-frame">
      <figcaption>
        <h2>{title}</h2>
        {note ? <p className="note">{note}</p> : null}
      </figcaption>
      <div className="chart-area" aria-hidden="true">
        {chart}
      </div>
      <details>
        <summary>Show the numbers</summary>
        {table}
      </details>
    </figure>
  );
}
