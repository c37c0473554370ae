// The one sortable table of the app: each column header is a button (aria-sort on its th), the
// sort lives in the URL under the table's own search param, and the table scrolls inside its own
// box on a narrow screen instead of widening the page.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { usePrinting } from './usePrinting';
import { formatSort, parseSort, sortRows, type SortDirection, type SortState, type SortValue } from '../domain/sorting';

export interface SortableColumn<Row, Key extends string = string> {
  key: Key;
  label: string;
  /** The value the column sorts by; omit for a column that does not sort (actions). */
  value?: (row: Row) => SortValue;
  /** What the cell shows; the sort value when omitted. */
  cell?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The first click's direction: descending suits "largest gap first". Ascending by default. */
  firstDirection?: SortDirection;
  /** The cell is the row's header (th scope="row"). */
  rowHeader?: boolean;
  /** Controls only (buttons): left off paper, where the column would print empty. */
  screenOnly?: boolean;
}

interface SortableTableProps<Row, Key extends string> {
  caption: string;
  columns: readonly SortableColumn<Row, Key>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The URL search param holding this table's sort (each table of a page has its own). */
  sortParam: string;
  defaultSort: SortState<Key>;
  /** Breaks ties so equal rows keep a readable order (usually the name). */
  tieBreak?: (row: Row) => SortValue;
  rowClassName?: (row: Row) => string | undefined;
  /** Long lists: the first this many rows (in the sort's order), then a button for more. */
  pageSize?: number;
  /**
   * Rows sorted and cut by the backend (a list of tens of thousands): shown as given, in the order
   * the URL's sort asked the backend for; "Show more" asks it for `pageSize` more.
   */
  fromBackend?: { total: number; onMore: () => void; loadingMore: boolean };
}

/**
 * Rows shown before "Show more": a screenful and more, while a table of thousands (4,000 teams,
 * 47,000 goals) would take seconds to render. Printing shows every row.
 */
export const DEFAULT_PAGE_SIZE = 100;

function classOf(column: { numeric?: boolean; screenOnly?: boolean }): string | undefined {
  return [column.numeric ? 'numeric' : '', column.screenOnly ? 'no-print' : ''].filter(Boolean).join(' ') || undefined;
}

const DIRECTION_WORD: Record<SortDirection, 'ascending' | 'descending'> = { asc: 'ascending', desc: 'descending' };

/** Reads and writes one table's sort in the URL (replace: a sort is not a page to go Back to). */
export function useUrlSort<Key extends string>(param: string, keys: readonly Key[], defaultSort: SortState<Key>) {
  const search: Record<string, unknown> = useSearch({ strict: false });
  const navigate = useNavigate();
  const raw = search[param];
  const sort = parseSort(typeof raw === 'string' ? raw : undefined, keys) ?? defaultSort;
  const setSort = (next: SortState<Key>) => {
    const isDefault = next.column === defaultSort.column && next.direction === defaultSort.direction;
    void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, [param]: isDefault ? undefined : formatSort(next) }), replace: true });
  };
  return { sort, setSort };
}

export function SortableTable<Row, Key extends string>({ caption, columns, rows, rowKey, sortParam, defaultSort, tieBreak, rowClassName, pageSize = DEFAULT_PAGE_SIZE, fromBackend }: SortableTableProps<Row, Key>) {
  const [shown, setShown] = useState(pageSize);
  const printing = usePrinting();
  const captionId = useId();
  const keys = useMemo(() => columns.filter((column) => column.value).map((column) => column.key), [columns]);
  const { sort, setSort } = useUrlSort(sortParam, keys, defaultSort);
  const sortColumn = columns.find((column) => column.key === sort.column);
  // Equal rows fall back to the row header's order (usually the name), so the order is stable.
  const tie = tieBreak ?? columns.find((column) => column.rowHeader)?.value;
  const sortValue = sortColumn?.value;
  // Sorted once per change of rows or sort, not on every render: a plan's bookings run to thousands.
  const sorted = useMemo(() => (sortValue && !fromBackend ? sortRows(rows, sortValue, sort.direction, tie) : rows), [rows, sortValue, sort.direction, tie, fromBackend]);
  const visible = sorted.length > shown && !printing && !fromBackend ? sorted.slice(0, shown) : sorted;
  const total = fromBackend?.total ?? sorted.length;
  return (
    <>
      {/* A wide table scrolls inside this box (focusable, so keyboard users can scroll it too). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard */}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = column.key === sort.column;
                const className = classOf(column);
                if (!column.value) {
                  return (
                    <th key={column.key} scope="col" className={className}>
                      {column.label}
                    </th>
                  );
                }
                const next: SortDirection = active ? (sort.direction === 'asc' ? 'desc' : 'asc') : (column.firstDirection ?? 'asc');
                return (
                  <th key={column.key} scope="col" className={className} aria-sort={active ? DIRECTION_WORD[sort.direction] : undefined}>
                    <button type="button" className="sort" onClick={() => setSort({ column: column.key, direction: next })}>
                      {column.label}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((column) => {
                  const content = column.cell ? column.cell(row) : (column.value?.(row) ?? '—');
                  const className = classOf(column);
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length < total ? (
        <p className="no-print">
          <button type="button" className="secondary" onClick={() => (fromBackend ? fromBackend.onMore() : setShown((count) => count + pageSize))} disabled={fromBackend?.loadingMore}>
            Show {Math.min(pageSize, total - visible.length)} more ({visible.length} of {total} shown)
          </button>
        </p>
      ) : null}
    </>
  );
}
