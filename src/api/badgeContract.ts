// The badge endpoints of the /api (SPEC §2 Award verification, §4 history and undo, §8): check or
// commit earned badges and verifiable credentials as awards, and the achievement → catalog
// credential mapping the user confirmed once. Shared by the client and the msw handlers. Schemas
// are built on first use (z.lazy), as in contract.ts.
import { z } from 'zod';
import { isoDateSchema, verificationStatusSchema } from '../domain/schema';
import { historyEntrySchema } from './importContract';

export const badgeFileSchema = z.lazy(() => z.object({ fileName: z.string(), text: z.string() }));

/** What the user pinned for offline verification: an issuer's JWKS, did:web documents, status lists. */
export const badgePinsSchema = z.lazy(() => z.object({
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional(),
  /** Keyed by DID (`did:web:example.com`). */
  didDocuments: z.record(z.string(), z.unknown()).optional(),
  /** Keyed by the URL the credentials' status entries point to. */
  statusLists: z.record(z.string(), z.unknown()).optional(),
}));
export type BadgePins = z.infer<typeof badgePinsSchema>;

/**
 * POST /api/badges/commit: every credential in `files` is verified as of `asOf` (default today),
 * matched to an employee and to a catalog credential. With `dryRun` nothing is stored; otherwise the
 * matched ones become awards in one undoable change. Failed ones are stored only with `importFailed`.
 */
export const badgeCommitRequestSchema = z.lazy(() => z.object({
  files: z.array(badgeFileSchema).min(1),
  pins: badgePinsSchema.default({}),
  asOf: isoDateSchema.optional(),
  importFailed: z.boolean().default(false),
  dryRun: z.boolean().default(false),
}));
export type BadgeCommitRequest = z.input<typeof badgeCommitRequestSchema>;

export const achievementRefSchema = z.lazy(() => z.object({ id: z.string().optional(), name: z.string().optional() }));
export type AchievementRef = z.infer<typeof achievementRefSchema>;

export const BADGE_FORMAT_NAMES = { ob2: 'Open Badges 2.0', 'ob3-vc': 'Open Badges 3.0 / VC', 'vc-jwt': 'VC-JWT' } as const;

export const badgeResultSchema = z.lazy(() => z.object({
  fileName: z.string(),
  /** 1-based position of the credential in its file (a JSON file may hold an array). */
  position: z.number(),
  format: z.enum(['ob2', 'ob3-vc', 'vc-jwt']).optional(),
  issuer: z.string(),
  recipient: z.string(),
  achievement: z.string(),
  achievementRef: achievementRefSchema,
  status: verificationStatusSchema,
  check: z.string().optional(),
  reason: z.string(),
  issuedOn: isoDateSchema.optional(),
  expiresOn: isoDateSchema.optional(),
  employee: z.object({ id: z.string(), name: z.string() }).optional(),
  credential: z.object({ id: z.string(), name: z.string(), via: z.enum(['id', 'url', 'remembered']) }).optional(),
  /** Whether it becomes (or became) an award, and in one sentence why not. */
  outcome: z.enum(['import', 'skip']),
  note: z.string(),
}));
export type BadgeResult = z.infer<typeof badgeResultSchema>;

export const badgeCommitResponseSchema = z.lazy(() => z.object({
  committed: z.boolean(),
  entry: historyEntrySchema.optional(),
  results: z.array(badgeResultSchema),
  /** Awards added, and existing ones (same employee, credential, issue date) updated. */
  added: z.number(),
  updated: z.number(),
}));
export type BadgeCommitResponse = z.infer<typeof badgeCommitResponseSchema>;

/** The remembered mapping: achievement key (its id, else its name) → catalog credential id. */
export const achievementMappingsSchema = z.lazy(() => z.object({ mappings: z.record(z.string(), z.string()) }));
export type AchievementMappings = z.infer<typeof achievementMappingsSchema>;

/** PUT /api/badges/mappings: remember that this achievement is that catalog credential. */
export const rememberMappingRequestSchema = z.lazy(() => z.object({ achievement: achievementRefSchema, credentialId: z.string().min(1) }));
export type RememberMappingRequest = z.infer<typeof rememberMappingRequestSchema>;
