import { z } from 'zod';

export const goalsSearchSchema = z.object({
  team: z.string().optional(),
  status: z.enum(['open', 'completed', 'overdue', 'cancelled']).optional(),
});
export type GoalsSearch = z.infer<typeof goalsSearchSchema>;
