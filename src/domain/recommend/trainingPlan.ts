// A training plan (issue 13, point 6; SPEC §3 "Recommendations"): cohorts, budget picks and single
// pathways gathered into one list of (employee, course, quarter) lines, with totals of cost and hours
// per team and per quarter against a budget, the goals it becomes, and its CSV export.
//
// The plan itself is the user's working list (the page keeps it); this module prices it from the
// catalog, names it, says which lines already have an open goal, and counts a line planned twice once.
import type { Goal, IsoDate } from '../schema';
import { compareOrdinal } from '../reports';
import { dayNumberOf, fromDayNumber } from '../dates';
import { findEmployee, goalPairKey, openGoalsByPair, type EngineOrganisation } from '../engine/index';
import { writeCsv } from '../csv/writeCsv';
import type { CsvWriteOptions } from '../csv/types';

/** A calendar quarter, "2027-Q1". */
export type Quarter = string;

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export function isQuarter(text: string): boolean {
  return QUARTER_PATTERN.test(text);
}

/** The quarter a day falls in. */
export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The last day of a quarter: the due date of the goals planned in it. */
export function quarterEnd(quarter: Quarter): IsoDate {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const q = Number(match[2]);
  // The day before the first day of the next quarter.
  return fromDayNumber(q === 4 ? dayNumberOf(year + 1, 1, 1) - 1 : dayNumberOf(year, q * 3 + 1, 1) - 1);
}

/** `count` quarters from the one `asOf` falls in: the quarters a plan offers. */
export function quartersFrom(asOf: IsoDate, count: number): Quarter[] {
  const year = Number(asOf.slice(0, 4));
  const first = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3);
  return Array.from({ length: count }, (_, k) => `${year + Math.floor((first + k) / 4)}-Q${((first + k) % 4) + 1}`);
}

/** The quarter a new plan item goes in: the one after `asOf`'s, so a goal is not due within days. */
export function defaultQuarter(asOf: IsoDate): Quarter {
  return quartersFrom(asOf, 2)[1] as Quarter;
}

export interface PlanItemInput {
  /** The page's id of the item (a cohort, a budget pick list, a pathway). */
  id: string;
  label: string;
  quarter: Quarter;
  lines: readonly { employee: string; credential: string }[];
}

export interface PlanLine {
  item: string;
  itemLabel: string;
  quarter: Quarter;
  dueOn: IsoDate;
  employeeId: string;
  employeeName: string;
  team: string;
  credentialId: string;
  credentialName: string;
  cost: number;
  hours: number;
  /** The open goal this pair already has (assigned or in progress), if any. */
  goal?: Goal;
}

export interface PlanTotals {
  /** Lines (one person on one course). */
  lines: number;
  /** Distinct people. */
  people: number;
  cost: number;
  hours: number;
  /** Lines that already have an open goal. */
  assigned: number;
}

export interface TrainingPlan {
  /** Each (employee, course) pair once, in the order first planned. */
  lines: PlanLine[];
  /** Pairs planned again in a later item: left out of the lines and the totals. */
  duplicates: number;
  byTeam: (PlanTotals & { team: string })[];
  byQuarter: (PlanTotals & { quarter: Quarter; dueOn: IsoDate })[];
  total: PlanTotals;
  budget: number | null;
  /** budget − total cost; negative when over budget. */
  remaining: number | null;
}

/** Why a plan cannot be priced: a line names nobody or no course the organisation has. */
export type PlanProblem = { kind: 'unknown-employee'; id: string } | { kind: 'unknown-credential'; id: string } | { kind: 'bad-quarter'; quarter: string };

/** Prices and names the plan; the first problem found when a line cannot be priced. */
export function trainingPlan(eo: EngineOrganisation, items: readonly PlanItemInput[], budget: number | null = null): TrainingPlan | PlanProblem {
  const openGoals = openGoalsByPair(eo.org.goals);
  const seen = new Set<string>();
  const lines: PlanLine[] = [];
  let duplicates = 0;
  for (const item of items) {
    if (!isQuarter(item.quarter)) return { kind: 'bad-quarter', quarter: item.quarter };
    const dueOn = quarterEnd(item.quarter);
    for (const { employee, credential } of item.lines) {
      const person = findEmployee(eo, employee);
      if (!person) return { kind: 'unknown-employee', id: employee };
      const c = eo.credentialIndex.get(credential);
      const course = c === undefined ? undefined : eo.credentials[c];
      if (!course) return { kind: 'unknown-credential', id: credential };
      const key = goalPairKey(employee, credential);
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      const line: PlanLine = {
        item: item.id,
        itemLabel: item.label,
        quarter: item.quarter,
        dueOn,
        employeeId: employee,
        employeeName: person.name,
        team: person.team,
        credentialId: credential,
        credentialName: course.name,
        cost: course.cost ?? 0,
        hours: course.hours ?? 0,
      };
      const goal = openGoals.get(key);
      if (goal) line.goal = goal;
      lines.push(line);
    }
  }
  const total = totalsOf(lines);
  return {
    lines,
    duplicates,
    byTeam: groupTotals(lines, (line) => line.team).map(([team, totals]) => ({ team, ...totals })),
    byQuarter: groupTotals(lines, (line) => line.quarter).map(([quarter, totals]) => ({ quarter, dueOn: quarterEnd(quarter), ...totals })),
    total,
    budget,
    remaining: budget === null ? null : (Math.round(budget * 100) - Math.round(total.cost * 100)) / 100,
  };
}

/** Sums in hundredths, so totals do not depend on the order of lines. */
function totalsOf(lines: readonly PlanLine[]): PlanTotals {
  let costCents = 0;
  let hoursCents = 0;
  let assigned = 0;
  const people = new Set<string>();
  for (const line of lines) {
    costCents += Math.round(line.cost * 100);
    hoursCents += Math.round(line.hours * 100);
    if (line.goal) assigned++;
    people.add(line.employeeId);
  }
  return { lines: lines.length, people: people.size, cost: costCents / 100, hours: hoursCents / 100, assigned };
}

function groupTotals(lines: readonly PlanLine[], keyOf: (line: PlanLine) => string): [string, PlanTotals][] {
  const groups = new Map<string, PlanLine[]>();
  for (const line of lines) {
    const key = keyOf(line);
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareOrdinal(a, b)).map(([key, group]) => [key, totalsOf(group)]);
}

/** The goals assigning the plan creates: every line without an open goal, due at its quarter's end. */
export function planGoalsToAssign(plan: TrainingPlan): { employee: string; credential: string; dueOn: IsoDate }[] {
  return plan.lines.filter((line) => line.goal === undefined).map((line) => ({ employee: line.employeeId, credential: line.credentialId, dueOn: line.dueOn }));
}

export const TRAINING_PLAN_COLUMNS = [
  'quarter',
  'due_on',
  'team',
  'employee_id',
  'employee_name',
  'credential_id',
  'credential_name',
  'cost',
  'hours',
  'from',
  'goal_status',
] as const;

/** The plan as CSV (SPEC §5 conventions: formula-safe cells, CRLF, optional BOM and `;`): one row per line. */
export function trainingPlanCsv(plan: TrainingPlan, options?: CsvWriteOptions): string {
  const rows = [...plan.lines]
    .sort((a, b) => compareOrdinal(a.quarter, b.quarter) || compareOrdinal(a.team, b.team) || compareOrdinal(a.employeeId, b.employeeId) || compareOrdinal(a.credentialId, b.credentialId))
    .map((line) => [line.quarter, line.dueOn, line.team, line.employeeId, line.employeeName, line.credentialId, line.credentialName, line.cost, line.hours, line.itemLabel, line.goal?.status ?? 'planned']);
  return writeCsv(TRAINING_PLAN_COLUMNS, rows, options);
}

/**
 * A plan without one person (erasure, SPEC §9): the lines naming them go, and so does an item left
 * with none (a person's pathway, labelled with their name). Undefined when the plan never named them.
 */
export function planWithoutPerson<Plan extends { items: readonly { lines: readonly { employee: string }[] }[] }>(plan: Plan, employeeId: string): Plan | undefined {
  if (!plan.items.some((item) => item.lines.some((line) => line.employee === employeeId))) return undefined;
  const items = plan.items
    .map((item) => ({ ...item, lines: item.lines.filter((line) => line.employee !== employeeId) }))
    .filter((item) => item.lines.length > 0);
  return { ...plan, items };
}
