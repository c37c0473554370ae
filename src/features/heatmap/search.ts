// What the heatmap shows lives in the URL (bookmarkable, Back works).
import { z } from 'zod';

export const heatmapSearchSchema = z.lazy(() => z.object({
  team: z.string().optional(),
  category: z.string().optional(),
  weight: z.enum(['critical', 'important', 'nice-to-have']).optional(),
  role: z.string().optional(),
  sort: z.enum(['name', 'gap', 'coverage']).optional(),
  // The cell that opened a team or a person: Back returns the focus to it.
  focusRow: z.string().optional(),
  focusSkill: z.string().optional(),
}));
export type HeatmapSearch = z.infer<typeof heatmapSearchSchema>;
