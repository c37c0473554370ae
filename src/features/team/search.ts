import { z } from 'zod';

export const teamSearchSchema = z.object({
  objective: z.enum(['cost', 'hours']).optional(),
  cohortSort: z.enum(['gap', 'people', 'cost', 'hours', 'name']).optional(),
  budget: z.number().nonnegative().optional(),
});
export type TeamSearch = z.infer<typeof teamSearchSchema>;
