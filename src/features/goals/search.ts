// The Goals view's filters and sort, in the URL.
import { z } from 'zod';
import { sortParam } from '../../components/sortSearch';
import { GOAL_SORT_COLUMNS, GOAL_STATUS_FILTERS } from '../../domain/goalListQuery';

/** The columns and statuses the backend sorts and filters the goals by (GET /api/goals). */
export const GOALS_SORT_KEYS = GOAL_SORT_COLUMNS;

export const goalsSearchSchema = z.lazy(() => z.object({
  team: z.string().optional(),
  status: z.enum(GOAL_STATUS_FILTERS).optional(),
  /** Words a shown goal's person, team or credential contains (the "Find" box). */
  find: z.string().optional(),
  sort: sortParam(GOALS_SORT_KEYS),
}));
export type GoalsSearch = z.infer<typeof goalsSearchSchema>;
