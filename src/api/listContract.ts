// The /api contract of the drill-down lists, a team's gaps in one skill and search (issue 13):
// the schemas the client validates and the list routes build. Kept beside contract.ts so the
// lists can grow without touching the shared contract. Schemas are built on first use (z.lazy), as
// in contract.ts.
import { z } from 'zod';
import { isoDateSchema, weightSchema } from '../domain/schema';

/** A credential that closes a gap, as offered in an "assign" action. */
export const credentialOptionSchema = z.lazy(() => z.object({ id: z.string(), name: z.string(), /** The level it grants in the skill at hand. */ level: z.number().optional(), cost: z.number().optional(), currency: z.string().optional(), hours: z.number().optional() }));
export type CredentialOption = z.infer<typeof credentialOptionSchema>;

const personRefSchema = z.lazy(() => z.object({ id: z.string(), name: z.string() }));

export const LIST_KINDS = ['critical-gaps', 'single-points-of-failure', 'expiring', 'overdue-goals'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** The columns a list sorts by (`sort=<column>` or `sort=-<column>` for descending). */
export const LIST_SORT_COLUMNS = {
  'critical-gaps': ['team', 'employee', 'skill', 'role', 'required', 'effective', 'gap'],
  'single-points-of-failure': ['team', 'skill', 'highestRequired', 'requiredCount', 'metCount', 'holders'],
  expiring: ['expiresOn', 'team', 'employee', 'credential', 'issuedOn'],
  'overdue-goals': ['dueOn', 'team', 'employee', 'credential', 'daysOverdue'],
} as const satisfies Record<ListKind, readonly string[]>;

const listEnvelope = {
  asOf: isoDateSchema,
  /** "Whole organisation", or the team(s) the caller sees. */
  scope: z.string(),
  /** Rows in the list (the JSON answer carries at most `limit` of them; the CSV export all). */
  total: z.number(),
  sort: z.string(),
};

/**
 * What-if (SPEC §7): while the request names a draft the rows are the draft's, and this says how the
 * stored organisation's list compares. An L&D manager weighing a draft needs three things: how many
 * rows the list had and has (`total` → the envelope's total), which rows the draft adds (a row's
 * `baseline` is null: "new in this draft"), and which rows it makes disappear (`gone`, sorted like
 * the list, at most `limit` of them, `goneTotal` in all) — a gap the draft closes is as much its
 * effect as one it opens. Absent without a draft; the CSV and xlsx exports list the draft's rows only,
 * with the columns of SPEC §5.
 */
function listBaselineSchema<Row extends z.ZodTypeAny>(row: Row) {
  return z.object({ total: z.number(), goneTotal: z.number(), gone: z.array(row) }).optional();
}

/** A row's figures on the stored organisation: absent without a draft, null when the row is new in the draft. */
function rowBaselineSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).nullable().optional();
}

export const criticalGapRowSchema = z.lazy(() => z.object({
  employee: z.string(),
  employeeName: z.string(),
  team: z.string(),
  role: z.string(),
  roleName: z.string(),
  skill: z.string(),
  skillName: z.string(),
  required: z.number(),
  verified: z.number(),
  assessed: z.number(),
  effective: z.number(),
  gap: z.number(),
  /** Credentials granting the skill at the required level, cheapest first. */
  fixes: z.array(z.string()),
  /** The same person and skill as stored (see listBaselineSchema). */
  baseline: rowBaselineSchema({ required: z.number(), effective: z.number(), gap: z.number() }),
}));
export const criticalGapListSchema = z.lazy(() => z.object({ ...listEnvelope, rows: z.array(criticalGapRowSchema), credentials: z.array(credentialOptionSchema), baseline: listBaselineSchema(criticalGapRowSchema) }));
export type CriticalGapList = z.infer<typeof criticalGapListSchema>;

export const singlePointOfFailureRowSchema = z.lazy(() => z.object({
  team: z.string(),
  skill: z.string(),
  skillName: z.string(),
  highestRequired: z.number(),
  requiredCount: z.number(),
  metCount: z.number(),
  holders: z.array(personRefSchema),
  /** Team members not holding it: whom to train as a second holder. */
  candidates: z.array(personRefSchema),
  fixes: z.array(z.string()),
  /** The same team and skill as stored (see listBaselineSchema). */
  baseline: rowBaselineSchema({ highestRequired: z.number(), requiredCount: z.number(), metCount: z.number(), holders: z.number() }),
}));
export const singlePointOfFailureListSchema = z.lazy(() => z.object({ ...listEnvelope, rows: z.array(singlePointOfFailureRowSchema), credentials: z.array(credentialOptionSchema), baseline: listBaselineSchema(singlePointOfFailureRowSchema) }));
export type SinglePointOfFailureList = z.infer<typeof singlePointOfFailureListSchema>;

export const expiringRowSchema = z.lazy(() => z.object({
  employee: z.string(),
  employeeName: z.string(),
  team: z.string(),
  credential: z.string(),
  credentialName: z.string(),
  issuedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  /** The same award as stored: a draft changing the credential's validity moves its expiry (see listBaselineSchema). */
  baseline: rowBaselineSchema({ expiresOn: isoDateSchema }),
}));
export const expiringListSchema = z.lazy(() => z.object({ ...listEnvelope, horizonDays: z.number(), rows: z.array(expiringRowSchema), baseline: listBaselineSchema(expiringRowSchema) }));
export type ExpiringList = z.infer<typeof expiringListSchema>;

export const overdueGoalRowSchema = z.lazy(() => z.object({
  goal: z.string(),
  employee: z.string(),
  employeeName: z.string(),
  team: z.string(),
  credential: z.string(),
  credentialName: z.string(),
  createdOn: isoDateSchema,
  dueOn: isoDateSchema,
  daysOverdue: z.number(),
  status: z.string(),
  /**
   * The same goal as stored (see listBaselineSchema). A draft cannot move a goal's due date, so its
   * days late are the same both ways; what a draft can change is whether the goal is met (its catalog
   * decides which credentials are held), so a goal can be new in the list or gone from it.
   */
  baseline: rowBaselineSchema({ daysOverdue: z.number() }),
}));
export const overdueGoalListSchema = z.lazy(() => z.object({ ...listEnvelope, rows: z.array(overdueGoalRowSchema), baseline: listBaselineSchema(overdueGoalRowSchema) }));
export type OverdueGoalList = z.infer<typeof overdueGoalListSchema>;

/** GET /api/teams/:team/skills/:skill/gaps: the team's people short of the skill, and what closes it. */
export const skillGapsSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  team: z.string(),
  skill: z.object({ id: z.string(), name: z.string(), category: z.string() }),
  people: z.array(
    z.object({
      employee: z.string(),
      name: z.string(),
      roleName: z.string(),
      weight: weightSchema,
      required: z.number(),
      verified: z.number(),
      assessed: z.number(),
      effective: z.number(),
      gap: z.number(),
      /** The same person's requirement as stored (see listBaselineSchema): null when they were not short of it. */
      baseline: rowBaselineSchema({ required: z.number(), effective: z.number(), gap: z.number() }),
    }),
  ),
  /** Under a what-if draft: how many were short as stored, and those short as stored but not under the draft. */
  baseline: z.object({ total: z.number(), gone: z.array(z.object({ employee: z.string(), name: z.string(), required: z.number(), effective: z.number(), gap: z.number() })) }).optional(),
  /** Credentials granting the skill at the lowest level anyone listed needs or above (each with its level), cheapest first. */
  credentials: z.array(credentialOptionSchema),
}));
export type SkillGaps = z.infer<typeof skillGapsSchema>;

export const searchResultSchema = z.lazy(() => z.object({
  kind: z.enum(['team', 'skill', 'credential', 'role', 'person']),
  id: z.string(),
  label: z.string(),
  detail: z.string(),
  /** A skill's category. */
  category: z.string().optional(),
}));
export type SearchResult = z.infer<typeof searchResultSchema>;
export const searchResponseSchema = z.lazy(() => z.object({ query: z.string(), results: z.array(searchResultSchema) }));
export type SearchResponse = z.infer<typeof searchResponseSchema>;
