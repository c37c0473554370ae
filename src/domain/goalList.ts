// The Goals page's list (issue 13): the goals shown for a status and the words typed in "Find", in
// the order of a column, a page at a time. An organisation of 100,000 people has tens of thousands
// of goals: filtered, sorted and cut on the backend, so the page receives and draws only its rows.
import { normaliseForSearch, searchWords } from './search/searchIndex';
import type { GoalState } from './engine/goals';
import { compareOrdinal } from './reports';
import { textCollator } from './sorting';
import type { GoalListQuery, GoalSortColumn, GoalStatusFilter } from './goalListQuery';

/** A goal as the list shows it: its state and the names it is found and sorted by. */
export interface GoalListRow extends GoalState {
  employeeName: string;
  team: string;
  credentialName: string;
}


/** Whether a goal is in the status filter: open means neither completed nor cancelled (overdue included). */
function inStatus(row: GoalState, status: GoalStatusFilter | undefined): boolean {
  if (!status) return true;
  if (status === 'completed') return row.completed;
  if (status === 'overdue') return row.overdue;
  if (status === 'cancelled') return row.status === 'cancelled';
  return !row.completed && row.status !== 'cancelled';
}

/** What needs attention first: overdue, then open, then completed, then cancelled. */
function urgency(row: GoalState): number {
  if (row.overdue) return 0;
  if (row.status === 'cancelled') return 3;
  return row.completed ? 2 : 1;
}

function sortKey(row: GoalListRow, column: GoalSortColumn): string {
  switch (column) {
    case 'employee':
      return row.employeeName;
    case 'team':
      return row.team;
    case 'credential':
      return row.credentialName;
    case 'kind':
      return row.goal.kind;
    case 'due':
      return row.goal.dueOn;
    case 'status':
      // By urgency, then due date (ISO days order as text).
      return `${urgency(row)} ${row.goal.dueOn}`;
  }
}

/**
 * The goals of `rows` in the status filter whose names hold every word of `find`, in the order of
 * the sort column (then by person's name, then as given). Default: most urgent first.
 */
export function goalListRows(rows: readonly GoalListRow[], query: GoalListQuery): GoalListRow[] {
  const words = searchWords(normaliseForSearch(query.find ?? ''));
  const shown = rows.filter((row) => {
    if (!inStatus(row, query.status)) return false;
    if (words.length === 0) return true;
    const text = normaliseForSearch(`${row.employeeName} ${row.team} ${row.credentialName}`);
    return words.every((word) => text.includes(word));
  });
  const { column, direction } = query.sort ?? { column: 'status', direction: 'asc' };
  const sign = direction === 'asc' ? 1 : -1;
  // Names in the order every table of the app uses; the other keys (a kind, "urgency day") are plain
  // ASCII of fixed shape, in order as they are: no collator needed over tens of thousands of goals.
  const names = textCollator();
  const compareKeys = column === 'employee' || column === 'team' || column === 'credential' ? names.compare : compareOrdinal;
  const keyed = shown.map((row, position) => ({ row, position, key: sortKey(row, column) }));
  keyed.sort((a, b) => sign * compareKeys(a.key, b.key) || names.compare(a.row.employeeName, b.row.employeeName) || a.position - b.position);
  return keyed.map((entry) => entry.row);
}
