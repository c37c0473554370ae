// Search params every view shares: the as-of date the figures are computed at.
import { z } from 'zod';

export const rootSearchSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
