// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HeatmapGrid, nextPosition } from './HeatmapGrid';

const rows = [
  { id: 'a', label: 'Ada' },
  { id: 'b', label: 'Ben' },
  { id: 'c', label: 'Cleo' },
];
const columns = [
  { id: 'sql', label: 'SQL' },
  { id: 'aws', label: 'AWS' },
];

// jsdom has no layout: give elements a viewport-sized box so the virtualiser renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

function showGrid(onActivateCell = vi.fn(), onActivateRow = vi.fn()) {
  render(
    <HeatmapGrid
      label="Levels"
      rowHeaderLabel="Person"
      rows={rows}
      columns={columns}
      cell={(row, col) => ({ text: `${row}:${col}`, background: '#fff', color: '#000', description: `${rows[row]?.label} ${columns[col]?.label}` })}
      onActivateCell={onActivateCell}
      onActivateRow={onActivateRow}
    />,
  );
}

describe('the heatmap grid', () => {
  it('exposes grid semantics with row and column headers', () => {
    showGrid();
    const grid = screen.getByRole('grid', { name: 'Levels' });
    expect(grid).toHaveAttribute('aria-rowcount', '4');
    expect(grid).toHaveAttribute('aria-colcount', '3');
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Person', 'SQL', 'AWS']);
    expect(screen.getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['Ada', 'Ben', 'Cleo']);
  });

  it('moves the focus with the arrow keys, shows the tooltip of the focused cell, and opens it with Enter', async () => {
    const user = userEvent.setup();
    const onActivateCell = vi.fn();
    showGrid(onActivateCell);
    await user.tab();
    expect(screen.getByRole('gridcell', { name: 'Ada SQL' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('gridcell', { name: 'Ada AWS' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('gridcell', { name: 'Cleo AWS' })).toHaveFocus();
    expect(screen.getByRole('tooltip')).toHaveTextContent('Cleo AWS');
    await user.keyboard('{Enter}');
    expect(onActivateCell).toHaveBeenCalledWith(2, 1);
    await user.keyboard('{Home}');
    expect(screen.getByRole('rowheader', { name: 'Cleo' })).toHaveFocus();
  });

  it('opens the cell or the row a click lands on, and shows the tooltip of the cell under the pointer', async () => {
    const user = userEvent.setup();
    const onActivateCell = vi.fn();
    const onActivateRow = vi.fn();
    showGrid(onActivateCell, onActivateRow);
    await user.hover(screen.getByRole('gridcell', { name: 'Ben AWS' }));
    expect(screen.getByRole('tooltip')).toHaveTextContent('Ben AWS');
    await user.click(screen.getByRole('gridcell', { name: 'Cleo SQL' }));
    expect(onActivateCell).toHaveBeenCalledWith(2, 0);
    // The clicked cell is the one in the tab order now.
    expect(screen.getByRole('gridcell', { name: 'Cleo SQL' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('gridcell', { name: 'Ada SQL' })).toHaveAttribute('tabindex', '-1');
    await user.click(screen.getByRole('rowheader', { name: 'Ben' }));
    expect(onActivateRow).toHaveBeenCalledWith(1);
    expect(onActivateCell).toHaveBeenCalledTimes(1);
  });

  it('keeps exactly one cell in the tab order', async () => {
    const user = userEvent.setup();
    showGrid();
    await user.tab();
    expect(screen.getByRole('gridcell', { name: 'Ada SQL' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('gridcell', { name: 'Ada SQL' })).not.toHaveFocus();
    expect(screen.getByRole('gridcell', { name: 'Ben SQL' })).not.toHaveFocus();
  });
});

describe('returning to the grid', () => {
  it('focuses the cell it is asked to (the one that opened a page, after Back)', () => {
    render(<HeatmapGrid label="Levels" rowHeaderLabel="Person" rows={rows} columns={columns} focusOn={{ rowId: 'b', columnId: 'aws' }} cell={(row, col) => ({ text: '', background: '#fff', color: '#000', description: `${rows[row]?.label} ${columns[col]?.label}` })} />);
    expect(screen.getByRole('gridcell', { name: 'Ben AWS' })).toHaveFocus();
  });

  it('focuses the row header when no skill is named', () => {
    render(<HeatmapGrid label="Levels" rowHeaderLabel="Person" rows={rows} columns={columns} focusOn={{ rowId: 'c' }} cell={(row, col) => ({ text: '', background: '#fff', color: '#000', description: `${rows[row]?.label} ${columns[col]?.label}` })} />);
    expect(screen.getByRole('rowheader', { name: 'Cleo' })).toHaveFocus();
  });
});

describe('grid key movement', () => {
  it('stops at the edges and jumps with Ctrl+Home and Ctrl+End', () => {
    expect(nextPosition('ArrowUp', false, { row: 0, col: 0 }, 3, 2)).toEqual({ row: 0, col: 0 });
    expect(nextPosition('ArrowLeft', false, { row: 1, col: 0 }, 3, 2)).toEqual({ row: 1, col: -1 });
    expect(nextPosition('ArrowLeft', false, { row: 1, col: -1 }, 3, 2)).toEqual({ row: 1, col: -1 });
    expect(nextPosition('End', true, { row: 0, col: 0 }, 3, 2)).toEqual({ row: 2, col: 1 });
    expect(nextPosition('Home', true, { row: 2, col: 1 }, 3, 2)).toEqual({ row: 0, col: -1 });
    expect(nextPosition('PageDown', false, { row: 0, col: 1 }, 30, 2)).toEqual({ row: 10, col: 1 });
    expect(nextPosition('a', false, { row: 0, col: 0 }, 3, 2)).toBeUndefined();
  });
});
