// Search params every view shares: the as-of date the figures are computed at, and whether they
// count only verified evidence (verified credentials and assessments) or every award.
import { z } from 'zod';

export const EVIDENCE_FILTERS = ['verified'] as const;

export const rootSearchSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  // Absent means all evidence; anything unknown is dropped rather than breaking the page.
  evidence: z.enum(EVIDENCE_FILTERS).optional().catch(undefined),
});
