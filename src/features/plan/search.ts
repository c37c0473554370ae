// What the plan page shows lives in the URL: the sort of its lines table.
import { z } from 'zod';
import { sortParam } from '../../components/sortSearch';

export const PLAN_LINE_SORT_KEYS = ['quarter', 'team', 'employee', 'course', 'cost', 'hours', 'goal'] as const;

export const planSearchSchema = z.lazy(() => z.object({ linesSort: sortParam(PLAN_LINE_SORT_KEYS) }));
