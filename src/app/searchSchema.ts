// Search params every view shares: the as-of date the figures are computed at, and whether they
// count every award and assessment (absent or `all`), verified credentials and assessments
// (`verified`), or verified credentials alone (`credentials`).
//
// This and every route's search schema are built when the router first validates that route's
// search (z.lazy), not when the app's code is evaluated: building a zod schema is costly on a phone,
// and the start built them all in one task (tens of milliseconds) for pages not yet visited.
import { z } from 'zod';

export const EVIDENCE_FILTERS = ['all', 'verified', 'credentials'] as const;

export const rootSearchSchema = z.lazy(() => z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  // Absent means all evidence; anything unknown is dropped rather than breaking the page.
  evidence: z.enum(EVIDENCE_FILTERS).optional().catch(undefined),
  // The what-if draft every figure is computed on (its id), absent for the organisation as stored.
  scenario: z.string().regex(/^[0-9a-f]{32}$/).optional().catch(undefined),
}));
