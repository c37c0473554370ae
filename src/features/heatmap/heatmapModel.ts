// Turns a heatmap response and the URL's filters into the rows and columns to draw: filtering
// and sorting are pure functions here, so a filter change is a cheap recomputation.
import type { OrgHeatmap, TeamHeatmap } from '../../api/contract';
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

/** Org heatmap: teams × skills, coverage per cell (null = nobody there requires the skill). */
export function orgGridView(data: OrgHeatmap, search: Pick<HeatmapSearch, 'category' | 'sort'>): GridView {
  const width = data.skills.length;
  const columns = data.skills.map((_, index) => index).filter((index) => !search.category || data.skills[index]?.category === search.category);
  const rows = data.teams.map((_, index) => index);
  // Shortfall = people who require the skill but do not meet it; "gap" sorts by the sum.
  const shortfall = (row: number, col: number) => {
    const coverage = data.coverage[row * width + col];
    const required = data.required[row * width + col] ?? 0;
    return coverage === null || coverage === undefined ? 0 : Math.round(required * (1 - coverage));
  };
  const meanCoverage = (cells: number[]) => {
    const values = cells.filter((value): value is number => value !== null && value !== undefined);
    return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 1;
  };
  const teamNames = data.teams.map((team) => team.team);
  const skillNames = data.skills.map((skill) => skill.name);
  if (search.sort === 'gap') {
    const rowGap = new Map(rows.map((row) => [row, columns.reduce((sum, col) => sum + shortfall(row, col), 0)]));
    const colGap = new Map(columns.map((col) => [col, rows.reduce((sum, row) => sum + shortfall(row, col), 0)]));
    rows.sort((a, b) => (rowGap.get(b) ?? 0) - (rowGap.get(a) ?? 0) || byName(teamNames)(a, b));
    columns.sort((a, b) => (colGap.get(b) ?? 0) - (colGap.get(a) ?? 0) || byName(skillNames)(a, b));
  } else if (search.sort === 'coverage') {
    const rowCoverage = new Map(rows.map((row) => [row, meanCoverage(columns.map((col) => data.coverage[row * width + col] as number))]));
    const colCoverage = new Map(columns.map((col) => [col, meanCoverage(rows.map((row) => data.coverage[row * width + col] as number))]));
    rows.sort((a, b) => (rowCoverage.get(a) ?? 0) - (rowCoverage.get(b) ?? 0) || byName(teamNames)(a, b));
    columns.sort((a, b) => (colCoverage.get(a) ?? 0) - (colCoverage.get(b) ?? 0) || byName(skillNames)(a, b));
  } else {
    rows.sort(byName(teamNames));
    columns.sort(byName(skillNames));
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
