// What a chart's marks stand for, in words beside a sample of each (colour is never the only cue:
// the stored figures are also dashed or lighter and named).
export interface LegendEntry {
  label: string;
  kind: 'bar' | 'stored-bar' | 'line' | 'stored-line';
}

export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className={`legend-mark legend-${entry.kind}`} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
