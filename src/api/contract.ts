// The typed /api contract (SPEC §8): routes, the persona header, and the schema of every
// response. The client validates what it receives; the msw handlers build exactly these shapes,
// so a real backend can implement the same contract. Each schema is built the first time it checks
// something (z.lazy): built at import, every response's schema would cost the page's start tens of
// milliseconds of main thread before its first figures, for responses it may never receive.
import { z } from 'zod';
import {
  assessmentSchema,
  awardSchema,
  credentialSchema,
  employeeSchema,
  goalSchema,
  isoDateSchema,
  roleSchema,
  skillSchema,
  weightSchema,
} from '../domain/schema';

export const PERSONA_HEADER = 'x-gapmap-persona';

export const personaSchema = z.lazy(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lnd') }),
  z.object({ kind: z.literal('hr') }),
  z.object({ kind: z.literal('manager'), team: z.string().min(1) }),
]));
export type Persona = z.infer<typeof personaSchema>;

export function encodePersona(persona: Persona): string {
  return persona.kind === 'manager' ? `manager:${encodeURIComponent(persona.team)}` : persona.kind;
}

export function decodePersona(header: string | null): Persona | undefined {
  if (header === null || header === '' || header === 'lnd') return { kind: 'lnd' };
  if (header === 'hr') return { kind: 'hr' };
  if (header.startsWith('manager:')) {
    const team = decodeURIComponent(header.slice('manager:'.length));
    return team ? { kind: 'manager', team } : undefined;
  }
  return undefined;
}

export const apiErrorSchema = z.lazy(() => z.object({ error: z.string(), message: z.string() }));
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

const skillRefSchema = z.lazy(() => z.object({ id: z.string(), name: z.string(), category: z.string() }));

export const sessionSchema = z.lazy(() => z.object({
  /** Which backend answers: the browser's own (demo, single user) or a server (`gapmap serve`). */
  host: z.enum(['browser', 'server']).default('browser'),
  /** Who is signed in (on a server; in the browser host, the persona). */
  user: z.object({ name: z.string(), email: z.string().optional(), role: z.enum(['admin', 'manager', 'hr']), via: z.enum(['persona', 'session', 'token']) }).optional(),
  /** Nothing is stored yet (a new server): the page shows its first-run screen. */
  firstRun: z.boolean().default(false),
  asOf: isoDateSchema,
  organisationName: z.string(),
  teams: z.array(z.string()),
  counts: z.object({ employees: z.number(), teams: z.number(), skills: z.number(), credentials: z.number(), awards: z.number() }),
}));
export type SessionInfo = z.infer<typeof sessionSchema>;

/**
 * Who `gapmap serve` found signed in when it sent the page: written into index.html as
 * <meta name="gapmap-session" content="…"> (the JSON below, or "signed-out"), so the page's first
 * render is the right one without waiting for /api/session. A hint, never a proof: every request
 * is authorised on its own, and /api/session still answers who is signed in.
 */
export const SIGNED_IN_MARKER = 'gapmap-session';

/**
 * Who is looking, marked on the page's root element so that its styles show the navigation that is
 * theirs from the first paint (src/app/viewerMark.ts): `data-viewer` is `hr` or `manager` (absent
 * for the L&D manager and an admin), `data-host` is `server` when `gapmap serve` sent the page.
 */
export const VIEWER_ATTRIBUTE = 'data-viewer';
export const HOST_ATTRIBUTE = 'data-host';
/** The persona a signed-in role sees the page as: an admin sees what the L&D manager sees (the server decides what is shown). */
export function personaKindOf(role: SignedInHint['role']): Persona['kind'] {
  return role === 'admin' ? 'lnd' : role;
}
/** The viewer mark of a persona: none for the L&D manager's navigation (the prerendered one). */
export function viewerMarkOf(kind: Persona['kind']): string | undefined {
  return kind === 'lnd' ? undefined : kind;
}
export const signedInHintSchema = z.lazy(() => z.object({
  name: z.string(),
  role: z.enum(['admin', 'manager', 'hr']),
  /** A manager's teams, as /api/session lists them; empty for admin and hr (they see all). */
  teams: z.array(z.string()),
}));
export type SignedInHint = z.infer<typeof signedInHintSchema>;

export const overviewSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  scope: z.string(),
  employees: z.number(),
  teams: z.number(),
  readiness: z.number(),
  forecastReadiness: z.number(),
  forecastDate: isoDateSchema,
  criticalGaps: z.number(),
  singlePointsOfFailure: z.number(),
  expiringCount: z.number(),
  goals: z.object({ total: z.number(), completed: z.number(), overdue: z.number(), open: z.number(), completionRate: z.number().nullable() }),
  topGaps: z.array(z.object({ skill: z.string(), skillName: z.string(), weightedGap: z.number(), peopleWithGap: z.number() })),
  trend: z.array(z.object({ date: isoDateSchema, readiness: z.number() })),
  /**
   * What-if (SPEC §7): while the request names a draft, the figures above are the draft's and these
   * are the same figures on the stored organisation, so the page shows baseline → scenario without
   * computing either. Absent without a draft. The same `baseline` companion rides on the team list,
   * a team and the org heatmap.
   */
  baseline: z
    .object({
      readiness: z.number(),
      forecastReadiness: z.number(),
      criticalGaps: z.number(),
      singlePointsOfFailure: z.number(),
      expiringCount: z.number(),
      goalCompletionRate: z.number().nullable(),
      /** The same skills as `topGaps`, in the same order, with their stored figures (0 where nobody had a gap). */
      topGaps: z.array(z.object({ skill: z.string(), weightedGap: z.number(), peopleWithGap: z.number() })),
      /** The same month ends as `trend`. */
      trend: z.array(z.object({ date: isoDateSchema, readiness: z.number() })),
    })
    .optional(),
}));
export type OverviewResponse = z.infer<typeof overviewSchema>;

export const teamSummarySchema = z.lazy(() => z.object({
  team: z.string(),
  members: z.number(),
  readiness: z.number(),
  singlePointsOfFailure: z.number(),
  /** The stored organisation's figures while a what-if draft is named (see overviewSchema.baseline). */
  baseline: z.object({ readiness: z.number(), singlePointsOfFailure: z.number() }).optional(),
}));
export const teamListSchema = z.lazy(() => z.object({ teams: z.array(teamSummarySchema) }));
export type TeamList = z.infer<typeof teamListSchema>;

export const teamSkillStatSchema = z.lazy(() => z.object({
  skill: z.string(),
  skillName: z.string(),
  category: z.string(),
  requiredCount: z.number(),
  metCount: z.number(),
  coverage: z.number().nullable(),
  totalGap: z.number(),
  weightedGap: z.number(),
  bench: z.number(),
  highestRequired: z.number(),
  critical: z.boolean(),
  singlePointOfFailure: z.boolean(),
  benchMembers: z.array(z.string()),
  benchMemberNames: z.array(z.string()),
}));
export type TeamSkillStatView = z.infer<typeof teamSkillStatSchema>;

export const expiringAwardSchema = z.lazy(() => z.object({
  employee: z.string(),
  employeeName: z.string(),
  credential: z.string(),
  credentialName: z.string(),
  issuedOn: isoDateSchema,
  expiresOn: isoDateSchema,
}));
export type ExpiringAwardView = z.infer<typeof expiringAwardSchema>;

export const teamDetailSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  team: z.string(),
  readiness: z.number(),
  forecastReadiness: z.number(),
  forecastDate: isoDateSchema,
  members: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.string(), roleName: z.string(), readiness: z.number(), gaps: z.number(), weightedGap: z.number() }),
  ),
  skills: z.array(teamSkillStatSchema),
  expiring: z.array(expiringAwardSchema),
  /** The stored organisation's figures while a what-if draft is named (see overviewSchema.baseline); members and skills by id. */
  baseline: z
    .object({
      readiness: z.number(),
      forecastReadiness: z.number(),
      singlePointsOfFailure: z.number(),
      expiringCount: z.number(),
      members: z.array(z.object({ id: z.string(), readiness: z.number(), gaps: z.number(), weightedGap: z.number() })),
      skills: z.array(z.object({ skill: z.string(), skillName: z.string(), coverage: z.number().nullable(), metCount: z.number(), requiredCount: z.number(), weightedGap: z.number() })),
    })
    .optional(),
}));
export type TeamDetail = z.infer<typeof teamDetailSchema>;

export const requirementStatusSchema = z.lazy(() => z.object({
  skill: z.string(),
  skillName: z.string(),
  weight: weightSchema,
  required: z.number(),
  verified: z.number(),
  assessed: z.number(),
  effective: z.number(),
  gap: z.number(),
  weightedGap: z.number(),
  met: z.boolean(),
  verifiedBy: z.array(z.string()),
}));
export type RequirementStatusView = z.infer<typeof requirementStatusSchema>;

export const heldCredentialSchema = z.lazy(() => z.object({
  credentialId: z.string(),
  name: z.string(),
  via: z.enum(['award', 'implied']),
  issuedOn: isoDateSchema.optional(),
  expiresOn: isoDateSchema.optional(),
  verification: z.string().optional(),
  /** Why the award is verified, failed or unverified, in one sentence. */
  verificationReason: z.string().optional(),
}));

export const employeeDetailSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  employee: employeeSchema,
  roleName: z.string(),
  managerName: z.string().optional(),
  readiness: z.number(),
  requirements: z.array(requirementStatusSchema),
  held: z.array(heldCredentialSchema),
  expiredAwards: z.array(awardSchema.unwrap().extend({ credentialName: z.string() })),
  assessments: z.array(assessmentSchema),
  goals: z.array(z.object({ goal: goalSchema, credentialName: z.string(), completed: z.boolean(), completedOn: isoDateSchema.optional(), overdue: z.boolean(), status: z.string() })),
  interests: z.array(skillRefSchema),
  /** The stored organisation's readiness and requirements while a what-if draft is named (see overviewSchema.baseline). */
  baseline: z
    .object({
      readiness: z.number(),
      requirements: z.array(z.object({ skill: z.string(), skillName: z.string(), weight: weightSchema, required: z.number(), gap: z.number(), met: z.boolean() })),
    })
    .optional(),
}));
export type EmployeeDetail = z.infer<typeof employeeDetailSchema>;

export const employeeListSchema = z.lazy(() => z.object({
  employees: z.array(z.object({ id: z.string(), name: z.string(), team: z.string(), role: z.string(), roleName: z.string() })),
}));
export type EmployeeList = z.infer<typeof employeeListSchema>;

const goalSummarySchema = z.lazy(() => z.object({ total: z.number(), completed: z.number(), overdue: z.number(), open: z.number(), completionRate: z.number().nullable() }));

export const goalListSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  /** Counts of the goals listed (SPEC §3 rule 11), and the same per team. */
  summary: goalSummarySchema,
  byTeam: z.array(z.object({ team: z.string(), summary: goalSummarySchema })),
  goals: z.array(
    z.object({
      goal: goalSchema,
      employeeName: z.string(),
      team: z.string(),
      credentialName: z.string(),
      completed: z.boolean(),
      completedOn: isoDateSchema.optional(),
      overdue: z.boolean(),
      status: z.string(),
    }),
  ),
  /** How many goals match the status and words asked for; `goals` holds the first `limit` of them, in the order asked for. */
  total: z.number(),
  /**
   * The same counts on the stored organisation while a what-if draft is named (see
   * overviewSchema.baseline), and the goals whose state differs there (a draft's catalog decides
   * which credentials are held, so a goal can be completed under it and overdue as stored).
   */
  baseline: z
    .object({
      summary: goalSummarySchema,
      byTeam: z.array(z.object({ team: z.string(), summary: goalSummarySchema })),
      changedGoals: z.array(z.object({ id: z.string(), completed: z.boolean(), overdue: z.boolean(), status: z.string() })),
    })
    .optional(),
}));
export type GoalList = z.infer<typeof goalListSchema>;

export const catalogSchema = z.lazy(() => z.object({ credentials: z.array(credentialSchema), skills: z.array(skillSchema) }));
export type CatalogResponse = z.infer<typeof catalogSchema>;

export const rolesSchema = z.lazy(() => z.object({
  roles: z.array(roleSchema.unwrap().extend({ employees: z.number() })),
  skills: z.array(skillSchema),
}));
export type RolesResponse = z.infer<typeof rolesSchema>;

/**
 * The team heatmap's cell arrays hold up to 400,000 numbers (2,000 people × 200 skills), the org
 * heatmap's team columns 4,000 names and figures each: one loop checks them, where a schema per
 * element would cost a parse per item on the main thread.
 */
function finiteNumbers(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== 'number' || !Number.isFinite(item)) return false;
  }
  return true;
}
const numberArraySchema = z.lazy(() => z.custom<number[]>(finiteNumbers, 'Expected an array of numbers'));
const stringArraySchema = z.lazy(() => z.custom<string[]>((value) => Array.isArray(value) && value.every((item) => typeof item === 'string'), 'Expected an array of strings'));

/**
 * Org heatmap: one row per team, one column per skill. The teams travel as columns (names,
 * members, readiness, index for index) and the cells as base64 strings of little-endian unsigned
 * integers, row-major (`cell = row * skills.length + col`), encoded and decoded by
 * src/api/heatmapCells.ts:
 * - `required`: `requiredBytes` (1, 2 or 4) bytes a cell, the people whose role requires the skill;
 *   0 where no role in the team requires it;
 * - `coverage`: 16 bits for each cell whose `required` is above 0, in row-major order (the others
 *   send nothing): the share × 10,000, the reports' 4 decimals (0 = nobody meets it, 10000 = all);
 * - `baselineCoverage` (under a what-if draft): the stored organisation's coverage, 16 bits for
 *   every cell, 65535 where it required nothing.
 * 4,000 teams × 176 skills: 1.6 MB (450 KB gzipped), where JSON numbers were 5.2 MB (580 KB).
 */
// Not checked by a pattern here (a few ms over 2 MB on the main thread): decoding refuses what is not base64.
const base64Schema = z.lazy(() => z.string());
export const orgHeatmapSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  teams: z.object({
    names: stringArraySchema,
    members: numberArraySchema,
    readiness: numberArraySchema,
    /** While a what-if draft is named: each team's readiness on the stored organisation (see overviewSchema.baseline). */
    baselineReadiness: numberArraySchema.optional(),
  }),
  skills: z.array(skillRefSchema),
  coverage: base64Schema,
  required: base64Schema,
  requiredBytes: z.union([z.literal(1), z.literal(2), z.literal(4)]),
  /** While a what-if draft is named: the stored organisation's coverage, every cell, in the same rows and columns. */
  baselineCoverage: base64Schema.optional(),
}));
export type OrgHeatmap = z.infer<typeof orgHeatmapSchema>;

/** Team heatmap: one row per member, one column per skill; cells flattened row-major. */
export const teamHeatmapSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  team: z.string(),
  employees: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), roleName: z.string() })),
  skills: z.array(skillRefSchema.unwrap().extend({ weight: weightSchema })),
  required: numberArraySchema,
  effective: numberArraySchema,
  verified: numberArraySchema,
  assessed: numberArraySchema,
  /** The engine's gap per cell (SPEC §3 rule 4): 0 where nothing is required. */
  gap: numberArraySchema,
  /** While a what-if draft is named: the stored organisation's cells, in the same rows and columns. */
  baseline: z.object({ required: numberArraySchema, effective: numberArraySchema, gap: numberArraySchema }).optional(),
}));
export type TeamHeatmap = z.infer<typeof teamHeatmapSchema>;

export const resetResponseSchema = z.lazy(() => z.object({ ok: z.literal(true), employees: z.number() }));

// —— Recommendations (SPEC §3 "Recommendations") ——

export const objectiveSchema = z.lazy(() => z.enum(['cost', 'hours']));
export type ObjectiveView = z.infer<typeof objectiveSchema>;

/** A gap closed: the skill (and its name), from which level to which, and its weighted gap. */
export const gapClosedSchema = z.lazy(() => z.object({ skill: z.string(), skillName: z.string(), from: z.number(), to: z.number(), weightedGap: z.number() }));

/** An open goal as the recommendations show it: enough to say "assigned, due 30 June". */
export const openGoalSchema = z.lazy(() => z.object({ id: z.string(), dueOn: isoDateSchema, status: z.enum(['assigned', 'in-progress']) }));
export type OpenGoalView = z.infer<typeof openGoalSchema>;

export const pathwaySchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  employeeId: z.string(),
  objective: objectiveSchema,
  steps: z.array(
    z.object({
      credentialId: z.string(),
      name: z.string(),
      cost: z.number(),
      hours: z.number(),
      isStack: z.boolean(),
      skillsClosed: z.array(z.string()),
      skillNamesClosed: z.array(z.string()),
      /** The gaps this step closes: skill, from the person's level to the required one. */
      closes: z.array(gapClosedSchema),
      weightedGapClosed: z.number(),
      completesStack: z.string().optional(),
      completesStackName: z.string().optional(),
      needs: z.array(z.string()).optional(),
      interesting: z.boolean(),
      /** The open goal (assigned or in progress) the person already has for this credential. */
      goal: openGoalSchema.optional(),
    }),
  ),
  totalCost: z.number(),
  totalHours: z.number(),
  currency: z.string(),
  weightedGapClosed: z.number(),
  unclosable: z.array(z.object({ skill: z.string(), required: z.number(), message: z.string() })),
  stackProgress: z.array(z.object({ stackId: z.string(), name: z.string(), held: z.number(), total: z.number(), missing: z.array(z.string()), sentence: z.string() })),
  /** While a what-if draft is named: the same person's best pathway on the stored organisation, in figures. */
  baseline: z.object({ courses: z.number(), totalCost: z.number(), totalHours: z.number(), weightedGapClosed: z.number(), unclosable: z.number() }).optional(),
}));
export type PathwayView = z.infer<typeof pathwaySchema>;

export const cohortsSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  team: z.string(),
  objective: objectiveSchema,
  currency: z.string(),
  cohorts: z.array(
    z.object({
      credentialId: z.string(),
      name: z.string(),
      employees: z.array(z.object({ id: z.string(), name: z.string() })),
      weightedGapClosed: z.number(),
      totalCost: z.number(),
      totalHours: z.number(),
      /** A stack's row: its members book the courses listed, and earn the stack. */
      isStack: z.boolean(),
      courses: z.array(z.object({ credentialId: z.string(), name: z.string(), employees: z.array(z.string()), totalCost: z.number(), totalHours: z.number() })),
      closes: z.array(z.object({ skill: z.string(), skillName: z.string(), from: z.number(), to: z.number(), employees: z.array(z.string()), weightedGap: z.number() })),
      /** Each (employee, course) pair, with the open goal it already has. */
      bookings: z.array(z.object({ employeeId: z.string(), credentialId: z.string(), goal: openGoalSchema.optional() })),
      /** Members every booking of whom already has an open goal. */
      assignedEmployees: z.array(z.string()),
    }),
  ),
  /** Of all rows (each booking once): what booking every cohort costs and takes. */
  totals: z.object({ people: z.number(), bookings: z.number(), assigned: z.number(), cost: z.number(), hours: z.number(), weightedGapClosed: z.number() }),
  /**
   * The stored organisation's cohorts while a what-if draft is named (see overviewSchema.baseline):
   * the totals, and each cohort by credential (the page marks cohorts new in the draft and names
   * those the draft no longer recommends). Absent without a draft.
   */
  baseline: z
    .object({
      totals: z.object({ people: z.number(), bookings: z.number(), assigned: z.number(), cost: z.number(), hours: z.number(), weightedGapClosed: z.number() }),
      cohorts: z.array(z.object({ credentialId: z.string(), name: z.string(), people: z.number(), weightedGapClosed: z.number(), totalCost: z.number(), totalHours: z.number() })),
    })
    .optional(),
}));
export type CohortsView = z.infer<typeof cohortsSchema>;

export const budgetPlanSchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  team: z.string(),
  budget: z.number(),
  currency: z.string(),
  assignments: z.array(z.object({ employeeId: z.string(), employeeName: z.string(), credentialId: z.string(), credentialName: z.string(), cost: z.number(), weightedGapClosed: z.number(), isStack: z.boolean() })),
  spent: z.number(),
  weightedGapClosed: z.number(),
  totalWeightedGap: z.number(),
  method: z.string(),
  guarantee: z.string(),
  /** The best plan for the same budget on the stored organisation while a what-if draft is named (see overviewSchema.baseline). */
  baseline: z.object({ spent: z.number(), weightedGapClosed: z.number(), totalWeightedGap: z.number() }).optional(),
}));
export type BudgetPlanView = z.infer<typeof budgetPlanSchema>;

// —— Goals ——

export const assignGoalsRequestSchema = z.lazy(() => z.union([
  /** One credential for one person or many. */
  z.object({
    employees: z.array(z.string().min(1)).min(1),
    credential: z.string().min(1),
    dueOn: isoDateSchema,
    kind: z.enum(['organisational', 'personal']),
  }),
  /** (employee, credential) pairs, one due date: a stack's cohort, whose members book different courses. */
  z.object({
    pairs: z.array(z.object({ employee: z.string().min(1), credential: z.string().min(1) })).min(1),
    dueOn: isoDateSchema,
    kind: z.enum(['organisational', 'personal']),
  }),
]));
export type AssignGoalsRequest = z.infer<typeof assignGoalsRequestSchema>;

export const assignGoalsResponseSchema = z.lazy(() => z.object({ created: z.array(goalSchema), skipped: z.array(z.object({ employee: z.string(), credential: z.string().optional(), reason: z.string() })) }));
export type AssignGoalsResponse = z.infer<typeof assignGoalsResponseSchema>;

// —— Training plan (issue 13 point 6): the backend keeps each author's plan; it prices, totals, exports, assigns ——

export const quarterSchema = z.lazy(() => z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter such as 2027-Q1'));

export const planItemSchema = z.lazy(() => z.object({
  id: z.string().min(1),
  /** What was added, in words: "Cohort: Data Analytics certificate (Insights)". */
  label: z.string(),
  kind: z.enum(['cohort', 'budget', 'pathway']),
  /** The quarter its goals are due at the end of; absent: the quarter after the as-of date's. */
  quarter: quarterSchema.optional(),
  lines: z.array(z.object({ employee: z.string().min(1), credential: z.string().min(1) })).min(1),
}));
export type PlanItem = z.infer<typeof planItemSchema>;

/** A plan as its author keeps it (GET and PUT /api/plan): the items, each in a quarter, and the budget it is held against. */
export const savedPlanSchema = z.lazy(() => z.object({
  items: z.array(planItemSchema).max(5000),
  budget: z.number().min(0).nullable(),
}));
export type SavedPlan = z.infer<typeof savedPlanSchema>;

export const planRequestSchema = z.lazy(() => savedPlanSchema.unwrap().extend({
  kind: z.enum(['organisational', 'personal']).default('organisational'),
}));
export type PlanRequest = z.input<typeof planRequestSchema>;

const planTotalsSchema = z.lazy(() => z.object({ lines: z.number(), people: z.number(), cost: z.number(), hours: z.number(), assigned: z.number() }));

export const planSummarySchema = z.lazy(() => z.object({
  asOf: isoDateSchema,
  currency: z.string(),
  /** The quarters an item may be planned in, from the as-of date's on; `defaultQuarter` for new items. */
  quarters: z.array(z.string()),
  defaultQuarter: z.string(),
  lines: z.array(
    z.object({
      /** The id of the plan item the line comes from (its label is the page's own). */
      item: z.string(),
      quarter: z.string(),
      dueOn: isoDateSchema,
      employeeId: z.string(),
      employeeName: z.string(),
      team: z.string(),
      credentialId: z.string(),
      credentialName: z.string(),
      cost: z.number(),
      hours: z.number(),
      goal: openGoalSchema.optional(),
    }),
  ),
  duplicates: z.number(),
  byTeam: z.array(planTotalsSchema.unwrap().extend({ team: z.string() })),
  byQuarter: z.array(planTotalsSchema.unwrap().extend({ quarter: z.string(), dueOn: isoDateSchema })),
  total: planTotalsSchema,
  budget: z.number().nullable(),
  remaining: z.number().nullable(),
  /**
   * While a what-if draft is named (see overviewSchema.baseline): the same plan priced on the stored
   * catalog. The plan's lines are the user's own, so requirements do not enter it; only the catalog's
   * prices and hours do. Null when a line names a course only the draft's catalog has.
   */
  baseline: z
    .object({
      cost: z.number(),
      hours: z.number(),
      remaining: z.number().nullable(),
      /** Per team and per quarter, keyed like `byTeam` and `byQuarter`. */
      byTeam: z.array(z.object({ team: z.string(), cost: z.number(), hours: z.number() })),
      byQuarter: z.array(z.object({ quarter: z.string(), cost: z.number(), hours: z.number() })),
    })
    .nullable()
    .optional(),
}));
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const updateGoalRequestSchema = z.lazy(() => z.object({ status: z.enum(['assigned', 'in-progress', 'completed', 'cancelled']) }));
export const updateGoalResponseSchema = z.lazy(() => z.object({ goal: goalSchema }));

// —— What-if (Roles & catalog) ——

export const whatIfRequestSchema = z.lazy(() => z.object({ roles: z.array(roleSchema).optional(), credentials: z.array(credentialSchema).optional() }));
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;

/**
 * The what-if draft an address names (`?scenario=ID`): its id, whether the caller made it (only the
 * author changes, keeps or discards it), what it changes against the stored organisation (one sentence
 * per change, e.g. "Data Engineer: SQL 3 → 5, critical": describeScenarioChanges in src/domain); `gone`
 * when it was kept or discarded.
 */
export const whatIfStatusSchema = z.lazy(() => z.object({ active: z.boolean(), id: z.string().optional(), mine: z.boolean().optional(), changes: z.array(z.string()), gone: z.boolean().optional() }));
export type WhatIfStatus = z.infer<typeof whatIfStatusSchema>;
