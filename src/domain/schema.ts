// The one definition of every record Gapmap stores or exchanges (SPEC §2, §8): runtime
// validation and the TypeScript types both come from here, for the UI, the API handlers and the CLI.
// Each schema is built the first time it checks something (z.lazy): the page imports this module
// at its start (through src/api/contract.ts), where building every record's schema at once cost a
// long task before its first figures; a server or the CLI builds each once, on first use.
import { z } from 'zod';
import { RECORD_KINDS } from './records';

/** ISO calendar date `YYYY-MM-DD`, the only date form the engine uses. */
export const isoDateSchema = z.lazy(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Proficiency 0 none, 1 awareness, 2 basic, 3 intermediate, 4 advanced, 5 expert. */
export const levelSchema = z.lazy(() => z.number().int().min(0).max(5));
export const requiredLevelSchema = z.lazy(() => z.number().int().min(1).max(5));

export const WEIGHTS = ['critical', 'important', 'nice-to-have'] as const;
export const weightSchema = z.lazy(() => z.enum(WEIGHTS));
export type Weight = z.infer<typeof weightSchema>;

export const skillSchema = z.lazy(() => z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  category: z.string(),
  description: z.string().optional(),
  code: z.string().optional(),
}));
export type Skill = z.infer<typeof skillSchema>;

export const requirementSchema = z.lazy(() => z.object({
  skill: z.string().min(1),
  level: requiredLevelSchema,
  weight: weightSchema,
}));
export type Requirement = z.infer<typeof requirementSchema>;

export const roleSchema = z.lazy(() => z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  requirements: z.array(requirementSchema),
}));
export type Role = z.infer<typeof roleSchema>;

export const employeeSchema = z.lazy(() => z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().optional(),
  team: z.string().min(1),
  role: z.string().min(1),
  manager: z.string().optional(),
  location: z.string().optional(),
}));
export type Employee = z.infer<typeof employeeSchema>;

export const grantSchema = z.lazy(() => z.object({ skill: z.string().min(1), level: requiredLevelSchema }));
export type Grant = z.infer<typeof grantSchema>;

export const credentialSchema = z.lazy(() => z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  issuer: z.string(),
  grants: z.array(grantSchema),
  /** Blank for a stack: it is earned by holding its components, never taken on its own. */
  hours: z.number().nonnegative().optional(),
  cost: z.number().nonnegative().optional(),
  currency: z.string().optional(),
  validityMonths: z.number().int().positive().optional(),
  /** Ids of the credentials that stack into this one. */
  components: z.array(z.string().min(1)).optional(),
  url: z.string().optional(),
}));
export type Credential = z.infer<typeof credentialSchema>;

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'failed'] as const;
export const verificationStatusSchema = z.lazy(() => z.enum(VERIFICATION_STATUSES));
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

export const awardSchema = z.lazy(() => z.object({
  employee: z.string().min(1),
  credential: z.string().min(1),
  issuedOn: isoDateSchema,
  expiresOn: isoDateSchema.optional(),
  evidenceUrl: z.string().optional(),
  verification: verificationStatusSchema,
  /** Why verification failed or could not be done, in the user's words. */
  verificationReason: z.string().optional(),
}));
export type Award = z.infer<typeof awardSchema>;

export const ASSESSMENT_SOURCES = ['self', 'manager', 'test'] as const;
export const assessmentSourceSchema = z.lazy(() => z.enum(ASSESSMENT_SOURCES));
export type AssessmentSource = z.infer<typeof assessmentSourceSchema>;

export const assessmentSchema = z.lazy(() => z.object({
  employee: z.string().min(1),
  skill: z.string().min(1),
  level: levelSchema,
  source: assessmentSourceSchema,
  /** Missing for an undated assessment (a skills-matrix sheet): older than any dated one. */
  assessedOn: isoDateSchema.optional(),
}));
export type Assessment = z.infer<typeof assessmentSchema>;

export const GOAL_KINDS = ['organisational', 'personal'] as const;
export const GOAL_STATUSES = ['assigned', 'in-progress', 'completed', 'cancelled'] as const;
export const goalSchema = z.lazy(() => z.object({
  id: z.string().min(1),
  employee: z.string().min(1),
  credential: z.string().min(1),
  dueOn: isoDateSchema,
  kind: z.enum(GOAL_KINDS),
  status: z.enum(GOAL_STATUSES),
  assignedBy: z.string(),
  createdOn: isoDateSchema,
}));
export type Goal = z.infer<typeof goalSchema>;
export type GoalKind = Goal['kind'];
export type GoalStatus = Goal['status'];

export const interestSchema = z.lazy(() => z.object({ employee: z.string().min(1), skill: z.string().min(1) }));
export type Interest = z.infer<typeof interestSchema>;

/** Everything Gapmap knows about one organisation. */
export const organisationSchema = z.lazy(() => z.object({
  skills: z.array(skillSchema),
  roles: z.array(roleSchema),
  employees: z.array(employeeSchema),
  credentials: z.array(credentialSchema),
  awards: z.array(awardSchema),
  assessments: z.array(assessmentSchema),
  goals: z.array(goalSchema),
  interests: z.array(interestSchema),
}));
export type Organisation = z.infer<typeof organisationSchema>;

export { RECORD_KINDS, emptyOrganisation } from './records';
export const recordKindSchema = z.lazy(() => z.enum(RECORD_KINDS));
export type RecordKind = z.infer<typeof recordKindSchema>;
