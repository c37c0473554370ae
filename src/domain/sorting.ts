// How every table and heatmap in the app orders its rows: one collator for text (numbers inside
// names in numeric order, case and accents ignored), numbers numerically, blanks last. Pure.

let collator: Intl.Collator | undefined;

/**
 * Built on first use, then reused: Intl.Collator set-up costs milliseconds, and a sort compares
 * thousands of times (built at import, it would lengthen the page's start, which sorts nothing).
 */
export function textCollator(): Intl.Collator {
  collator ??= new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  return collator;
}

export type SortValue = string | number | null | undefined;
export type SortDirection = 'asc' | 'desc';

/** Ascending order of two cell values; a missing value (null, undefined, NaN) sorts after any value. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aMissing = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return textCollator().compare(String(a), String(b));
}

/**
 * Rows in the order of `value`, then of `tieBreak` (ascending) so equal rows keep a stable, readable
 * order. Missing values stay last in both directions: a blank is never "the largest".
 */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => SortValue, direction: SortDirection, tieBreak?: (row: Row) => SortValue): Row[] {
  const keyed = rows.map((row, index) => ({ row, index, key: value(row), tie: tieBreak?.(row) }));
  keyed.sort((a, b) => {
    const aMissing = a.key === null || a.key === undefined || (typeof a.key === 'number' && Number.isNaN(a.key));
    const bMissing = b.key === null || b.key === undefined || (typeof b.key === 'number' && Number.isNaN(b.key));
    let order: number;
    if (aMissing || bMissing) order = aMissing === bMissing ? 0 : aMissing ? 1 : -1;
    else order = direction === 'asc' ? compareSortValues(a.key, b.key) : compareSortValues(b.key, a.key);
    return order || compareSortValues(a.tie, b.tie) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

/** A table's sort as it is written in the URL: `column.asc` or `column.desc`. */
export interface SortState<Key extends string = string> {
  column: Key;
  direction: SortDirection;
}

export function parseSort<Key extends string>(value: string | undefined, keys: readonly Key[]): SortState<Key> | undefined {
  if (!value) return undefined;
  const dot = value.lastIndexOf('.');
  const column = value.slice(0, dot);
  const direction = value.slice(dot + 1);
  const key = keys.find((candidate) => candidate === column);
  if (key === undefined || (direction !== 'asc' && direction !== 'desc')) return undefined;
  return { column: key, direction };
}

export function formatSort(sort: SortState): string {
  return `${sort.column}.${sort.direction}`;
}

/** Every value a table's sort parameter may take, for its search schema. */
export function sortValues(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [`${key}.asc`, `${key}.desc`]);
}
