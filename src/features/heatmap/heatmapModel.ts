// Turns a heatmap response and the URL's filters into the rows and columns to draw: filtering
// and sorting are pure functions here, so a filter change is a cheap recomputation.
import type { TeamHeatmap } from '../../api/contract';
import { coverageShare, type OrgHeatmapGrid } from '../../api/heatmapCells';
import type { HeatmapSearch } from './search';

export interface GridView {
  /** Indexes into the response's rows, in display order. */
  rows: number[];
  /** Indexes into the response's skills, in display order. */
  columns: number[];
}

// One collator for every sort: String.prototype.localeCompare sets one up per call, which costs
// milliseconds when 4,000 team names are sorted.
const collator = new Intl.Collator();

function byName(names: readonly string[]) {
  return (a: number, b: number) => collator.compare(names[a] ?? '', names[b] ?? '');
}

/**
 * Org heatmap: teams × skills, coverage per cell (NOT_REQUIRED_CELL = nobody there requires the
 * skill). Reads the decoded typed arrays directly: sorting by name touches no cell, and the other
 * sorts one pass over the shown cells for their per-row and per-column sums.
 */
export function orgGridView(data: OrgHeatmapGrid, search: Pick<HeatmapSearch, 'category' | 'sort'>): GridView {
  const width = data.skills.length;
  const columns = data.skills.map((_, index) => index).filter((index) => !search.category || data.skills[index]?.category === search.category);
  const rows = data.teams.names.map((_, index) => index);
  const byTeam = byName(data.teams.names);
  const bySkill = byName(data.skills.map((skill) => skill.name));
  const { coverage, required } = data;
  if (search.sort === 'gap') {
    // Shortfall = people who require the skill but do not meet it; "gap" sorts by the sum.
    const rowGap = new Float64Array(rows.length);
    const colGap = new Float64Array(width);
    for (const row of rows) {
      for (const col of columns) {
        const cell = row * width + col;
        const share = coverageShare(coverage[cell]);
        if (share === null) continue;
        const shortfall = Math.round((required[cell] ?? 0) * (1 - share));
        rowGap[row] = (rowGap[row] ?? 0) + shortfall;
        colGap[col] = (colGap[col] ?? 0) + shortfall;
      }
    }
    rows.sort((a, b) => (rowGap[b] ?? 0) - (rowGap[a] ?? 0) || byTeam(a, b));
    columns.sort((a, b) => (colGap[b] ?? 0) - (colGap[a] ?? 0) || bySkill(a, b));
  } else if (search.sort === 'coverage') {
    // Mean coverage over the cells that require something; a row or column requiring nothing counts as covered.
    const rowSum = new Float64Array(rows.length);
    const rowCount = new Uint32Array(rows.length);
    const colSum = new Float64Array(width);
    const colCount = new Uint32Array(width);
    for (const row of rows) {
      for (const col of columns) {
        const share = coverageShare(coverage[row * width + col]);
        if (share === null) continue;
        rowSum[row] = (rowSum[row] ?? 0) + share;
        rowCount[row] = (rowCount[row] ?? 0) + 1;
        colSum[col] = (colSum[col] ?? 0) + share;
        colCount[col] = (colCount[col] ?? 0) + 1;
      }
    }
    const mean = (sum: number | undefined, count: number | undefined) => (count ? (sum ?? 0) / count : 1);
    rows.sort((a, b) => mean(rowSum[a], rowCount[a]) - mean(rowSum[b], rowCount[b]) || byTeam(a, b));
    columns.sort((a, b) => mean(colSum[a], colCount[a]) - mean(colSum[b], colCount[b]) || bySkill(a, b));
  } else {
    // Teams usually arrive in name order already: the sort then makes one pass.
    rows.sort(byTeam);
    columns.sort(bySkill);
  }
  return { rows, columns };
}

/** Team heatmap: members × skills, with the engine's gap per cell. */
export function teamGridView(data: TeamHeatmap, search: Pick<HeatmapSearch, 'category' | 'weight' | 'role' | 'sort'>): GridView {
  const width = data.skills.length;
  const columns = data.skills
    .map((_, index) => index)
    .filter((index) => {
      const skill = data.skills[index];
      return skill !== undefined && (!search.category || skill.category === search.category) && (!search.weight || skill.weight === search.weight);
    });
  const rows = data.employees.map((_, index) => index).filter((index) => !search.role || data.employees[index]?.role === search.role);
  const gap = (row: number, col: number) => data.gap[row * width + col] ?? 0;
  const met = (row: number, col: number) => (data.required[row * width + col] ?? 0) > 0 && gap(row, col) === 0;
  const requires = (row: number, col: number) => (data.required[row * width + col] ?? 0) > 0;
  const names = data.employees.map((employee) => employee.name);
  const skillNames = data.skills.map((skill) => skill.name);
  if (search.sort === 'gap') {
    const rowGap = new Map(rows.map((row) => [row, columns.reduce((sum, col) => sum + gap(row, col), 0)]));
    const colGap = new Map(columns.map((col) => [col, rows.reduce((sum, row) => sum + gap(row, col), 0)]));
    rows.sort((a, b) => (rowGap.get(b) ?? 0) - (rowGap.get(a) ?? 0) || byName(names)(a, b));
    columns.sort((a, b) => (colGap.get(b) ?? 0) - (colGap.get(a) ?? 0) || byName(skillNames)(a, b));
  } else if (search.sort === 'coverage') {
    const share = (hits: number, total: number) => (total === 0 ? 1 : hits / total);
    const rowShare = new Map(rows.map((row) => [row, share(columns.filter((col) => met(row, col)).length, columns.filter((col) => requires(row, col)).length)]));
    const colShare = new Map(columns.map((col) => [col, share(rows.filter((row) => met(row, col)).length, rows.filter((row) => requires(row, col)).length)]));
    rows.sort((a, b) => (rowShare.get(a) ?? 0) - (rowShare.get(b) ?? 0) || byName(names)(a, b));
    columns.sort((a, b) => (colShare.get(a) ?? 0) - (colShare.get(b) ?? 0) || byName(skillNames)(a, b));
  } else {
    rows.sort(byName(names));
    columns.sort(byName(skillNames));
  }
  return { rows, columns };
}
