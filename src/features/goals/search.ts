// The Goals view's filters and sort, in the URL.
import { z } from 'zod';
import { sortParam } from '../../components/sortSearch';

export const GOALS_SORT_KEYS = ['employee', 'team', 'credential', 'kind', 'due', 'status'] as const;

export const goalsSearchSchema = z.object({
  team: z.string().optional(),
  status: z.enum(['open', 'completed', 'overdue', 'cancelled']).optional(),
  /** Words a shown goal's person, team or credential contains (the "Find" box). */
  find: z.string().optional(),
  sort: sortParam(GOALS_SORT_KEYS),
});
export type GoalsSearch = z.infer<typeof goalsSearchSchema>;
