// What a printed page says at its top: what it is, the date its figures are computed at, the
// evidence counted and every filter in force, so a sheet of paper stands on its own.
import { formatDate } from './format';
import { evidenceLabel } from './evidence';
import type { Evidence } from '../api/queries';

export function PrintHeader({ title, asOf, evidence, filters = [] }: { title: string; asOf: string | undefined; evidence: Evidence | undefined; filters?: readonly (string | undefined | false)[] }) {
  const shown = filters.filter((filter): filter is string => typeof filter === 'string' && filter !== '');
  return (
    <p className="print-only print-header">
      {title} as of {formatDate(asOf)} · {evidenceLabel(evidence)}
      {shown.length ? ` · ${shown.join(' · ')}` : ' · no filter'} · printed from Gapmap
    </p>
  );
}
