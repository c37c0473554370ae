import { describe, expect, it } from 'vitest';
import { compareSortValues, parseSort, sortRows } from './sorting';

describe('sorting table rows', () => {
  it('compares numbers as numbers, not as text', () => {
    expect([10, 9, 100, 2].sort(compareSortValues)).toEqual([2, 9, 10, 100]);
  });

  it('orders names as people read them: numbers inside names numerically, case and accents ignored', () => {
    expect(['Team 10', 'team 2', 'Éclair', 'eagle', 'Team 1'].sort(compareSortValues)).toEqual(['eagle', 'Éclair', 'Team 1', 'team 2', 'Team 10']);
  });

  it('puts blanks last whichever the direction, so a missing coverage is never "the largest"', () => {
    const rows = [{ name: 'A', coverage: 0.5 }, { name: 'B', coverage: null }, { name: 'C', coverage: 0.9 }, { name: 'D', coverage: 0.1 }];
    expect(sortRows(rows, (row) => row.coverage, 'asc').map((row) => row.name)).toEqual(['D', 'A', 'C', 'B']);
    expect(sortRows(rows, (row) => row.coverage, 'desc').map((row) => row.name)).toEqual(['C', 'A', 'D', 'B']);
  });

  it('breaks ties by the tie-break column ascending in both directions', () => {
    const rows = [{ name: 'Zoe', gaps: 2 }, { name: 'Amir', gaps: 2 }, { name: 'Ben', gaps: 5 }];
    expect(sortRows(rows, (row) => row.gaps, 'desc', (row) => row.name).map((row) => row.name)).toEqual(['Ben', 'Amir', 'Zoe']);
    expect(sortRows(rows, (row) => row.gaps, 'asc', (row) => row.name).map((row) => row.name)).toEqual(['Amir', 'Zoe', 'Ben']);
  });

  it('reads a sort from the URL only when it names a known column and direction', () => {
    const keys = ['name', 'weighted.gap'] as const;
    expect(parseSort('name.desc', keys)).toEqual({ column: 'name', direction: 'desc' });
    expect(parseSort('weighted.gap.asc', keys)).toEqual({ column: 'weighted.gap', direction: 'asc' });
    expect(parseSort('salary.asc', keys)).toBeUndefined();
    expect(parseSort('name.up', keys)).toBeUndefined();
    expect(parseSort('name', keys)).toBeUndefined();
  });
});
