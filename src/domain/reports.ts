// The rows of the exported reports (SPEC §5 and §6): produced by the engine and the optimiser,
// written as CSV by domain/csv/write, shown by the UI. Field order here is the column order.
import type { Weight } from './schema';

/** Gap report, long: one row per (employee, required skill). */
export interface GapLongRow {
  employee_id: string;
  employee_name: string;
  team: string;
  role: string;
  skill_id: string;
  skill_name: string;
  weight: Weight;
  required_level: number;
  verified_level: number;
  assessed_level: number;
  effective_level: number;
  gap: number;
  status: 'met' | 'gap';
}
export const GAP_LONG_COLUMNS = [
  'employee_id', 'employee_name', 'team', 'role', 'skill_id', 'skill_name', 'weight',
  'required_level', 'verified_level', 'assessed_level', 'effective_level', 'gap', 'status',
] as const satisfies readonly (keyof GapLongRow)[];

/** Gap report, team: one row per (team, skill required in it). */
export interface GapTeamRow {
  team: string;
  skill_id: string;
  skill_name: string;
  required_count: number;
  met_count: number;
  /** met / required; written with 4 decimals. */
  coverage: number;
  total_gap: number;
  weighted_gap: number;
  bench: number;
}
/** Coverage as the reports give it (SPEC §5): 4 decimals, rounded as the CSV writer's toFixed(4) rounds. */
export const COVERAGE_DECIMALS = 4;

export function coverageAsReported(share: number): number {
  return Number(share.toFixed(COVERAGE_DECIMALS));
}

export const GAP_TEAM_COLUMNS = [
  'team', 'skill_id', 'skill_name', 'required_count', 'met_count', 'coverage', 'total_gap', 'weighted_gap', 'bench',
] as const satisfies readonly (keyof GapTeamRow)[];

/** `gapmap recommend`: one row per recommended credential. */
export interface RecommendationRow {
  employee_id: string;
  credential_id: string;
  credential_name: string;
  cost: number;
  hours: number;
  /** Skill ids, written `;`-separated. */
  skills_closed: string[];
  weighted_gap_closed: number;
}
export const RECOMMENDATION_COLUMNS = [
  'employee_id', 'credential_id', 'credential_name', 'cost', 'hours', 'skills_closed', 'weighted_gap_closed',
] as const satisfies readonly (keyof RecommendationRow)[];

/** Goals export: one row per goal with its status at the as-of date and the overdue flag. */
export interface GoalExportRow {
  goal_id: string;
  employee_id: string;
  employee_name: string;
  team: string;
  credential_id: string;
  credential_name: string;
  kind: string;
  status: string;
  created_on: string;
  due_on: string;
  completed_on: string;
  overdue: 'yes' | 'no';
}
export const GOAL_EXPORT_COLUMNS = [
  'goal_id', 'employee_id', 'employee_name', 'team', 'credential_id', 'credential_name', 'kind', 'status',
  'created_on', 'due_on', 'completed_on', 'overdue',
] as const satisfies readonly (keyof GoalExportRow)[];

/** Ordinal (code-unit) comparison, the order of every export sort (SPEC §5). */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
