// What a list shows lives in the URL: the sort column (`-column` for descending). Named listSort, not
// sort: search params of all routes share one type, and other pages' `sort` is a narrower enum.
import { z } from 'zod';

export const listSearchSchema = z.lazy(() => z.object({
  listSort: z.string().regex(/^-?[A-Za-z]+$/).optional().catch(undefined),
}));
export type ListSearch = z.infer<typeof listSearchSchema>;
