// An employee page's pathway objective and requirements sort, in the URL.
import { z } from 'zod';
import { sortParam } from '../../components/sortSearch';

export const REQUIREMENTS_SORT_KEYS = ['skill', 'weight', 'required', 'verified', 'assessed', 'effective', 'gap'] as const;

export const employeeSearchSchema = z.lazy(() => z.object({ objective: z.enum(['cost', 'hours']).optional(), sort: sortParam(REQUIREMENTS_SORT_KEYS) }));
