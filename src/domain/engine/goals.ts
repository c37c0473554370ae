// Goal completion and overdue (SPEC §3 rule 11): a goal completes on the first day t with
// createdOn ≤ t ≤ D on which the employee holds its credential (by award or implied stack).
import type { Goal, GoalStatus, IsoDate } from '../schema';
import type { GoalExportRow } from '../reports';
import { compareOrdinal } from '../reports';
import { fromDayNumber, toDayNumber } from '../dates';
import { evaluateEmployee } from './evaluate';
import { dayOf, employeeIndexOf, scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface GoalState {
  goal: Goal;
  completed: boolean;
  /** The first day the credential was held within the goal's life; absent when completed only by its stored status. */
  completedOn?: IsoDate;
  overdue: boolean;
  /** 'cancelled' stays cancelled; otherwise 'completed' when completed, else the stored status. */
  status: GoalStatus;
}

/**
 * The first day in [from, to] on which employee e holds credential c, or −1. What is held only
 * changes when an award starts or lapses, and starts are the only days it can begin to hold (holding
 * is monotone in the set of current awards), so `from` and the issue days after it are the candidates.
 */
export function firstDayHeld(eo: EngineOrganisation, e: number, c: number, from: number, to: number): number {
  if (from > to) return -1;
  const candidates = [from];
  for (let a = eo.awardStart[e]!; a < eo.awardStart[e + 1]!; a++) {
    const issued = eo.awardIssued[a]!;
    if (issued > from && issued <= to) candidates.push(issued);
  }
  candidates.sort((x, y) => x - y);
  let previous = Number.NaN;
  for (const day of candidates) {
    if (day === previous) continue;
    previous = day;
    const stamp = evaluateEmployee(eo, e, day);
    if (eo.scratch.heldStamp[c] === stamp) return day;
  }
  return -1;
}

/** The state at `asOf` of each goal of an employee in scope, in the goals' stored order. */
export function goalStates(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GoalState[] {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const states: GoalState[] = [];
  for (const goal of eo.org.goals) {
    const e = employeeIndexOf(eo, goal.employee);
    if (mask !== null && (e < 0 || mask[e] === 0)) continue;
    states.push(goalState(eo, goal, e, day));
  }
  return states;
}

/** The state at `asOf` of the given goals (one employee's, say), in the order given. */
export function goalStatesOf(eo: EngineOrganisation, asOf: IsoDate, goals: readonly Goal[]): GoalState[] {
  const day = dayOf(asOf);
  return goals.map((goal) => goalState(eo, goal, employeeIndexOf(eo, goal.employee), day));
}

function goalState(eo: EngineOrganisation, goal: Goal, e: number, day: number): GoalState {
  // Cancelled goals are out of the completion rate and never overdue, whatever was earned.
  if (goal.status === 'cancelled') return { goal, completed: false, overdue: false, status: 'cancelled' };
  const c = eo.credentialIndex.get(goal.credential)!;
  const first = e < 0 ? -1 : firstDayHeld(eo, e, c, toDayNumber(goal.createdOn), day);
  // A goal a manager marked completed stays completed even without an award on file.
  const completed = first >= 0 || goal.status === 'completed';
  const state: GoalState = { goal, completed, overdue: !completed && day > toDayNumber(goal.dueOn), status: completed ? 'completed' : goal.status };
  if (first >= 0) state.completedOn = fromDayNumber(first);
  return state;
}

/** The goals export of SPEC §5, sorted by team, employee id, due date, goal id. */
export function goalExportRows(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GoalExportRow[] {
  const rows = goalStates(eo, asOf, scope).map(({ goal, completedOn, overdue, status }): GoalExportRow => {
    const e = employeeIndexOf(eo, goal.employee);
    const employee = e < 0 ? undefined : eo.employees[e];
    const credential = eo.credentials[eo.credentialIndex.get(goal.credential)!];
    return {
      goal_id: goal.id,
      employee_id: goal.employee,
      employee_name: employee?.name ?? '',
      team: employee?.team ?? '',
      credential_id: goal.credential,
      credential_name: credential?.name ?? goal.credential,
      kind: goal.kind,
      status,
      created_on: goal.createdOn,
      due_on: goal.dueOn,
      completed_on: completedOn ?? '',
      overdue: overdue ? 'yes' : 'no',
    };
  });
  return rows.sort(
    (x, y) =>
      compareOrdinal(x.team, y.team) ||
      compareOrdinal(x.employee_id, y.employee_id) ||
      compareOrdinal(x.due_on, y.due_on) ||
      compareOrdinal(x.goal_id, y.goal_id),
  );
}

/** Goal counts of SPEC §3 rule 11 for a set of goal states. */
export interface GoalSummary {
  total: number;
  completed: number;
  overdue: number;
  /** Neither completed nor cancelled (overdue ones included). */
  open: number;
  /** completed / (total − cancelled); null when there is no such goal. */
  completionRate: number | null;
}

export function goalSummary(states: readonly GoalState[]): GoalSummary {
  const summary: GoalSummary = { total: 0, completed: 0, overdue: 0, open: 0, completionRate: null };
  let cancelled = 0;
  for (const state of states) {
    summary.total++;
    if (state.status === 'cancelled') cancelled++;
    else if (state.completed) summary.completed++;
    else summary.open++;
    if (state.overdue) summary.overdue++;
  }
  summary.completionRate = summary.total - cancelled === 0 ? null : summary.completed / (summary.total - cancelled);
  return summary;
}

/** The key of an (employee, credential) pair in `openGoalsByPair`. */
export function goalPairKey(employee: string, credential: string): string {
  return `${employee}\u0000${credential}`;
}

/**
 * The goals open as stored (assigned or in progress) by employee and credential. At most one open goal
 * per pair is the rule assigning keeps (a second is skipped); of several, the one due first.
 */
export function openGoalsByPair(goals: readonly Goal[]): Map<string, Goal> {
  const open = new Map<string, Goal>();
  for (const goal of goals) {
    if (goal.status === 'cancelled' || goal.status === 'completed') continue;
    const key = goalPairKey(goal.employee, goal.credential);
    const known = open.get(key);
    if (known === undefined || goal.dueOn < known.dueOn) open.set(key, goal);
  }
  return open;
}
