// What the Goals list may be asked for: a status, words, a sort column. Apart from the list itself
// (goalList.ts), so the page's address schema reads the same columns without loading the list's code.
export const GOAL_STATUS_FILTERS = ['open', 'completed', 'overdue', 'cancelled'] as const;
export type GoalStatusFilter = (typeof GOAL_STATUS_FILTERS)[number];

export const GOAL_SORT_COLUMNS = ['employee', 'team', 'credential', 'kind', 'due', 'status'] as const;
export type GoalSortColumn = (typeof GOAL_SORT_COLUMNS)[number];

export interface GoalListQuery {
  status?: GoalStatusFilter;
  /** Words each shown goal's person, team or credential contains (case and accents aside). */
  find?: string;
  sort?: { column: GoalSortColumn; direction: 'asc' | 'desc' };
}
