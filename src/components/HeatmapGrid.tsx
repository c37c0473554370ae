// A virtualised heatmap with grid semantics: only visible cells are in the DOM (2,000 × 200 stays
// smooth), arrow keys move a roving focus across cells, Enter opens the cell, and the focused or
// hovered cell's tooltip is shown for keyboard and mouse users alike. The grid is as tall as its
// rows (up to most of the screen), and prints as plain tables holding every row and column.
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { usePrinting } from './usePrinting';

export interface HeatmapRow {
  id: string;
  label: string;
  sublabel?: string;
}

export interface HeatmapColumn {
  id: string;
  label: string;
}

export interface HeatmapCell {
  text: string;
  background: string;
  color: string;
  /** The sentence a tooltip and a screen reader give for the cell. */
  description: string;
  className?: string;
}

interface HeatmapGridProps {
  label: string;
  rows: readonly HeatmapRow[];
  /** The line under a row's name, asked only for the rows drawn (instead of each row's `sublabel`). */
  rowSublabel?: (rowIndex: number) => string | undefined;
  columns: readonly HeatmapColumn[];
  cell: (rowIndex: number, columnIndex: number) => HeatmapCell;
  /** Enter, Space or a click on a cell. */
  onActivateCell?: (rowIndex: number, columnIndex: number) => void;
  /** Enter, Space or a click on a row header. */
  onActivateRow?: (rowIndex: number) => void;
  rowHeaderLabel: string;
  /** Most the grid grows before it scrolls inside itself; it is shorter when its rows are fewer. */
  maxHeight?: number | string;
  /** The cell to focus once drawn (after Back from the page a cell opened); no column: the row header. */
  focusOn?: { rowId: string; columnId?: string };
}

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 150;
const COLUMN_WIDTH = 64;
const DEFAULT_ROW_HEADER_WIDTH = 220;
/** On a phone the names column leaves room for the skills. */
const NARROW_ROW_HEADER_WIDTH = 120;
const PAGE_ROWS = 10;
/**
 * Rows and columns drawn beyond the visible ones, so a scroll of a few rows shows drawn cells while
 * the rows it brings in render. Each extra row is another ~20 cells to render, lay out and paint
 * before the first rows can show.
 */
const OVERSCAN_ROWS = 3;
const OVERSCAN_COLUMNS = 2;
/** The page's side padding (main: 1.5rem each side, at most 1,280 px wide) and the grid's borders. */
const PAGE_GUTTER = 2 * 24 + 2;
const PAGE_MAX_WIDTH = 1280;
/** Skills per printed table: a row header and this many columns fit an A4 page's width. */
const PRINT_COLUMNS = 10;

/**
 * The grid's size before its first measurement: the page's width and the most height the grid
 * takes. Close to what it then measures, so the first render draws the rows and columns the page
 * shows instead of drawing a guess and redrawing. Without a window (tests' first render): 1200 × 600.
 */
function expectedSize(maxHeight: number | string): { width: number; height: number } {
  if (typeof window === 'undefined') return { width: 1200, height: 600 };
  const viewportHeight = typeof maxHeight === 'string' ? /^(\d+(?:\.\d+)?)vh$/.exec(maxHeight) : null;
  const height = typeof maxHeight === 'number' ? maxHeight : viewportHeight ? (window.innerHeight * Number(viewportHeight[1])) / 100 : 600;
  return { width: Math.min(window.innerWidth, PAGE_MAX_WIDTH) - PAGE_GUTTER, height };
}

function useNarrowScreen(): boolean {
  const query = '(max-width: 640px)';
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(query);
    const follow = () => setNarrow(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return narrow;
}

interface Position {
  row: number;
  /** -1 is the row header. */
  col: number;
}

/** Where a key moves the focus; undefined when the key is not a grid key. Exported for tests. */
export function nextPosition(key: string, ctrl: boolean, from: Position, rowCount: number, columnCount: number): Position | undefined {
  const clampRow = (row: number) => Math.max(0, Math.min(rowCount - 1, row));
  const clampCol = (col: number) => Math.max(-1, Math.min(columnCount - 1, col));
  switch (key) {
    case 'ArrowRight':
      return { row: from.row, col: clampCol(from.col + 1) };
    case 'ArrowLeft':
      return { row: from.row, col: clampCol(from.col - 1) };
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'PageDown':
      return { row: clampRow(from.row + PAGE_ROWS), col: from.col };
    case 'PageUp':
      return { row: clampRow(from.row - PAGE_ROWS), col: from.col };
    case 'Home':
      return ctrl ? { row: 0, col: -1 } : { row: from.row, col: -1 };
    case 'End':
      return ctrl ? { row: rowCount - 1, col: columnCount - 1 } : { row: from.row, col: columnCount - 1 };
    default:
      return undefined;
  }
}

export function HeatmapGrid({ label, rows, rowSublabel, columns, cell, onActivateCell, onActivateRow, rowHeaderLabel, maxHeight = '75vh', focusOn }: HeatmapGridProps) {
  const [initialRect] = useState(() => expectedSize(maxHeight));
  const printing = usePrinting();
  const ROW_HEADER_WIDTH = useNarrowScreen() ? NARROW_ROW_HEADER_WIDTH : DEFAULT_ROW_HEADER_WIDTH;
  const scrollRef = useRef<HTMLDivElement>(null);
  const tooltipId = useId();
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [focusWithin, setFocusWithin] = useState(false);
  const [hovered, setHovered] = useState<Position | undefined>();
  const pendingFocus = useRef(false);

  // TanStack Virtual returns fresh functions each render; the React Compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    overscan: OVERSCAN_COLUMNS,
    scrollPaddingStart: ROW_HEADER_WIDTH,
    initialRect,
  });

  // Filters can shrink the grid under the focus: keep it inside.
  const safeActive: Position = { row: Math.min(active.row, Math.max(0, rows.length - 1)), col: Math.min(active.col, columns.length - 1) };

  useEffect(() => {
    if (!pendingFocus.current) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${safeActive.row}"][data-col="${safeActive.col}"]`);
    if (target) {
      pendingFocus.current = false;
      target.focus({ preventScroll: false });
    }
  });

  // Back from a person or a team: the cell that opened it has the focus again.
  const focusedFor = useRef<string | undefined>(undefined);
  const focusKey = focusOn ? `${focusOn.rowId}\u0000${focusOn.columnId ?? ''}` : undefined;
  useEffect(() => {
    if (!focusOn || focusKey === focusedFor.current) return;
    focusedFor.current = focusKey;
    const row = rows.findIndex((item) => item.id === focusOn.rowId);
    const col = focusOn.columnId === undefined ? -1 : columns.findIndex((item) => item.id === focusOn.columnId);
    if (row < 0) return;
    moveTo({ row, col: focusOn.columnId !== undefined && col < 0 ? 0 : col });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per requested cell, not on every move
  }, [focusKey]);

  function moveTo(position: Position) {
    setActive(position);
    pendingFocus.current = true;
    rowVirtualizer.scrollToIndex(position.row, { align: 'auto' });
    if (position.col >= 0) columnVirtualizer.scrollToIndex(position.col, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rows.length === 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (safeActive.col === -1) onActivateRow?.(safeActive.row);
      else onActivateCell?.(safeActive.row, safeActive.col);
      return;
    }
    const next = nextPosition(event.key, event.ctrlKey || event.metaKey, safeActive, rows.length, columns.length);
    if (!next) return;
    event.preventDefault();
    moveTo(next);
  }

  const totalWidth = ROW_HEADER_WIDTH + columnVirtualizer.getTotalSize();
  const totalHeight = HEADER_HEIGHT + rowVirtualizer.getTotalSize();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const tooltipAt = focusWithin ? safeActive : hovered;
  const tooltip = tooltipAt && tooltipAt.col >= 0 && tooltipAt.row < rows.length && tooltipAt.col < columns.length ? { ...tooltipAt, text: cell(tooltipAt.row, tooltipAt.col).description } : undefined;
  const tooltipTop = tooltip ? HEADER_HEIGHT + tooltip.row * ROW_HEIGHT + ROW_HEIGHT + 4 : 0;
  const tooltipLeft = tooltip ? ROW_HEADER_WIDTH + tooltip.col * COLUMN_WIDTH : 0;
  const tooltipOnActive = tooltip !== undefined && tooltip.row === safeActive.row && tooltip.col === safeActive.col;

  // One listener each for the whole grid (the cell or header is found by its data-row and
  // data-col): the rows hold no handlers of their own, so a row scrolled into view is just elements.
  const samePosition = (position: Position) => (previous: Position | undefined) => (previous && previous.row === position.row && previous.col === position.col ? previous : position);
  function positionOf(target: EventTarget | null): Position | undefined {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-row]') : null;
    if (!element || !scrollRef.current?.contains(element)) return undefined;
    return { row: Number(element.dataset.row), col: Number(element.dataset.col) };
  }

  return (
    <>
    {printing ? <PrintTables label={label} rows={rows} columns={columns} cell={cell} rowHeaderLabel={rowHeaderLabel} /> : null}
    {/* Keys are handled once for the whole grid (onKeyDown): Enter and Space activate, as a click does. */}
    <div
      ref={scrollRef}
      className="heatmap-grid"
      role="grid"
      tabIndex={-1}
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      style={{ maxHeight }}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const position = positionOf(event.target);
        if (!position) return;
        setActive(samePosition(position));
        if (position.col === -1) onActivateRow?.(position.row);
        else onActivateCell?.(position.row, position.col);
      }}
      onMouseOver={(event) => {
        const position = positionOf(event.target);
        if (position && position.col >= 0) setHovered(samePosition(position));
      }}
      onFocus={(event) => {
        setFocusWithin(true);
        const position = positionOf(event.target);
        if (position) setActive(samePosition(position));
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
      }}
      onMouseLeave={() => setHovered(undefined)}
    >
      <div className="heatmap-grid-inner" style={{ width: totalWidth, height: totalHeight }}>
        <div className="heatmap-grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          <div className="heatmap-grid-corner" role="columnheader" aria-colindex={1} style={{ width: ROW_HEADER_WIDTH, height: HEADER_HEIGHT }}>
            {rowHeaderLabel}
          </div>
          {virtualColumns.map((column) => {
            const item = columns[column.index];
            return (
              <div key={item?.id ?? column.index} className="heatmap-grid-colheader" role="columnheader" aria-colindex={column.index + 2} style={{ left: ROW_HEADER_WIDTH + column.start, width: column.size, height: HEADER_HEIGHT }} title={item?.label}>
                <span>{item?.label}</span>
              </div>
            );
          })}
        </div>
        {rowVirtualizer.getVirtualItems().map((virtualRow) => {
          const row = rows[virtualRow.index];
          if (!row) return null;
          const rowIndex = virtualRow.index;
          const activeHere = safeActive.row === rowIndex;
          return (
            <GridRow
              key={row.id}
              rowIndex={rowIndex}
              row={row}
              sublabel={rowSublabel ? rowSublabel(rowIndex) : row.sublabel}
              top={HEADER_HEIGHT + virtualRow.start}
              height={virtualRow.size}
              width={totalWidth}
              rowHeaderWidth={ROW_HEADER_WIDTH}
              columns={columns}
              virtualColumns={virtualColumns}
              cell={cell}
              activeCol={activeHere ? safeActive.col : undefined}
              describedBy={activeHere && tooltipOnActive ? tooltipId : undefined}
            />
          );
        })}
        {tooltip ? (
          <div id={tooltipId} role="tooltip" className="heatmap-grid-tooltip" style={{ top: tooltipTop, left: Math.max(ROW_HEADER_WIDTH, tooltipLeft - 40) }}>
            {tooltip.text}
          </div>
        ) : null}
      </div>
    </div>
    </>
  );
}

interface GridRowProps {
  rowIndex: number;
  row: HeatmapRow;
  sublabel: string | undefined;
  top: number;
  height: number;
  width: number;
  rowHeaderWidth: number;
  columns: readonly HeatmapColumn[];
  virtualColumns: VirtualItem[];
  cell: HeatmapGridProps['cell'];
  /** The column of this row in the tab order (-1: the row header); undefined when it is in another row. */
  activeCol: number | undefined;
  /** The tooltip's id while it describes this row's active cell. */
  describedBy: string | undefined;
}

/**
 * One drawn row. Memoised: while the grid scrolls down, the rows already drawn keep their props
 * (their columns and the active cell are unchanged), so only the rows scrolled into view render.
 */
const GridRow = memo(function GridRow({ rowIndex, row, sublabel, top, height, width, rowHeaderWidth, columns, virtualColumns, cell, activeCol, describedBy }: GridRowProps) {
  return (
    <div className="heatmap-grid-row" role="row" aria-rowindex={rowIndex + 2} style={{ top, height, width }}>
      <div className="heatmap-grid-rowheader" role="rowheader" aria-colindex={1} tabIndex={activeCol === -1 ? 0 : -1} data-row={rowIndex} data-col={-1} style={{ width: rowHeaderWidth, height }}>
        {row.label}
        {sublabel ? <span className="heatmap-grid-sublabel">{sublabel}</span> : null}
      </div>
      {virtualColumns.map((virtualColumn) => {
        const colIndex = virtualColumn.index;
        const content = cell(rowIndex, colIndex);
        const isActive = activeCol === colIndex;
        return (
          <div
            key={columns[colIndex]?.id ?? colIndex}
            className={`heatmap-grid-cell${content.className ? ` ${content.className}` : ''}`}
            role="gridcell"
            aria-colindex={colIndex + 2}
            aria-label={content.description}
            aria-describedby={isActive ? describedBy : undefined}
            tabIndex={isActive ? 0 : -1}
            data-row={rowIndex}
            data-col={colIndex}
            style={{ left: rowHeaderWidth + virtualColumn.start, width: virtualColumn.size, height, background: content.background, color: content.color }}
          >
            {content.text}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The heatmap on paper: every row and every column, as plain tables of PRINT_COLUMNS skills each
 * (the row headers repeated), so nothing past the first screen is lost.
 */
function PrintTables({ label, rows, columns, cell, rowHeaderLabel }: Pick<HeatmapGridProps, 'label' | 'rows' | 'columns' | 'cell' | 'rowHeaderLabel'>) {
  const chunks: number[][] = [];
  for (let start = 0; start < columns.length; start += PRINT_COLUMNS) chunks.push(Array.from({ length: Math.min(PRINT_COLUMNS, columns.length - start) }, (_, offset) => start + offset));
  return (
    <div className="heatmap-print print-only">
      {chunks.map((chunk) => (
        <table key={chunk[0]} className="heatmap-print-table">
          <caption>
            {label}: skills {(chunk[0] ?? 0) + 1}–{(chunk.at(-1) ?? 0) + 1} of {columns.length}
          </caption>
          <thead>
            <tr>
              <th scope="col">{rowHeaderLabel}</th>
              {chunk.map((col) => (
                <th key={columns[col]?.id ?? col} scope="col">
                  {columns[col]?.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                {chunk.map((col) => {
                  const content = cell(rowIndex, col);
                  return (
                    <td key={columns[col]?.id ?? col} className={content.className} style={{ background: content.background, color: content.color }}>
                      {content.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
