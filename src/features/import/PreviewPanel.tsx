// The first records of each collection the import changes, as they will be stored.
import type { PlanSummary } from '../../api/importContract';
import { formatCount } from '../../components/format';

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? Object.values(item as object).join(' ') : String(item))).join('; ');
  return String(value);
}

export function PreviewPanel({ plan }: { plan: PlanSummary }) {
  const kinds = Object.entries(plan.preview);
  if (kinds.length === 0) return null;
  return (
    <section aria-labelledby="preview-title">
      <h3 id="preview-title">Preview</h3>
      <ul className="import-preview-summary">
        {kinds.map(([kind, preview]) => {
          const counts = plan.counts[kind as keyof typeof plan.counts];
          return (
            <li key={kind}>
              {kind}: {counts ? `${formatCount(counts.before)} stored now → ${formatCount(counts.after)} after the import` : formatCount(preview?.total ?? 0)}
            </li>
          );
        })}
      </ul>
      {kinds.map(([kind, preview]) => {
        if (!preview || preview.rows.length === 0) return null;
        const columns = [...new Set(preview.rows.flatMap((row) => Object.keys(row)))];
        const counts = plan.counts[kind as keyof typeof plan.counts];
        return (
          <div key={kind} className="table-scroll">
            <table className="import-preview">
              <caption>
                {kind}: {counts ? `${formatCount(counts.before)} stored now → ${formatCount(counts.after)} after the import` : formatCount(preview.total)}
                {` (first ${preview.rows.length} new or changed records)`}
              </caption>
              <thead>
                <tr>{columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
              </thead>
              <tbody>
                {preview.rows.map((row, index) => (
                  <tr key={index}>{columns.map((column) => <td key={column}>{cell((row as Record<string, unknown>)[column])}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
