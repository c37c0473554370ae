// One employee's optimal pathway on the engine (SPEC §3 "Recommendations", per employee; §6
// `gapmap recommend` rows): gaps and holdings from the engine, the exact optimiser, steps to show.
import type { Credential, IsoDate, Organisation } from '../schema';
import type { RecommendationRow } from '../reports';
import { compareOrdinal } from '../reports';
import { WEIGHT_VALUE } from '../weights';
import { heldCredentialIds, requirementStatuses, type EngineOrganisation } from '../engine/index';
import { catalogIndex, isStack, type CatalogIndex } from './catalog';
import { optimalPathway, type GapToClose, type Objective, type PathwaySolution } from './optimise';

/** One gap a step closes: the skill, the person's level now and the level their role requires. */
export interface GapClosed {
  skill: string;
  from: number;
  to: number;
  /** weight × (to − from). */
  weightedGap: number;
}

export interface PathwayStep {
  credentialId: string;
  name: string;
  /** 0 for an earned stack (it is never bought, its components are). */
  cost: number;
  hours: number;
  isStack: boolean;
  /** Skill ids of the gaps credited to this step, sorted. */
  skillsClosed: string[];
  /** The gaps credited to this step, by skill id: from which level to which. */
  closes: GapClosed[];
  weightedGapClosed: number;
  /** For a course: the outermost stack that taking it helps earn. */
  completesStack?: string;
  /** For an earned stack: the courses of this pathway it needs, sorted (the budget plan keeps them together). */
  needs?: string[];
}

export interface StackProgress {
  stackId: string;
  name: string;
  held: number;
  total: number;
  missing: string[];
  /** "2 of 3 components held: one more earns the Data Analytics certificate" */
  sentence: string;
}

export interface UnclosableGap {
  skill: string;
  required: number;
  /** "no credential in the catalog grants SQL at level 4" */
  message: string;
}

export interface Pathway {
  employeeId: string;
  objective: Objective;
  /** Courses by id, then earned stacks (inner before outer). */
  steps: PathwayStep[];
  totalCost: number;
  totalHours: number;
  weightedGapClosed: number;
  unclosable: UnclosableGap[];
  stackProgress: StackProgress[];
}

/*
 * Attribution: each closed gap is credited to ONE step, so weighted gap adds up across steps:
 * - the taken course granting the skill at the highest level (at least the required one; ties: the
 *   smallest id);
 * - else an earned stack granting it at the required level: the one needing the fewest of the taken
 *   courses (then highest level, then smallest id), so a budget that buys only part of a pathway
 *   credits the gap as soon as its smallest sufficient stack is complete.
 * The weighted gap of a gap is weight × (required − current): closing it closes all of it.
 * An earned stack is a step with isStack true, cost 0 and hours 0.
 */

interface OrganisationLookups {
  skillNames: Map<string, string>;
  interests: Map<string, Set<string>>;
}

const lookupsByOrganisation = new WeakMap<Organisation, OrganisationLookups>();
const NO_INTERESTS: ReadonlySet<string> = new Set();

function lookups(org: Organisation): OrganisationLookups {
  // Built once per organisation: the CLI asks for every employee of a 100,000-person organisation.
  const cached = lookupsByOrganisation.get(org);
  if (cached) return cached;
  const skillNames = new Map<string, string>();
  for (const skill of org.skills) if (!skillNames.has(skill.id)) skillNames.set(skill.id, skill.name);
  const interests = new Map<string, Set<string>>();
  for (const interest of org.interests) {
    const set = interests.get(interest.employee);
    if (set) set.add(interest.skill);
    else interests.set(interest.employee, new Set([interest.skill]));
  }
  const built = { skillNames, interests };
  lookupsByOrganisation.set(org, built);
  return built;
}

/** The cheapest (or quickest) set of courses closing every closable gap of the employee at `asOf`. */
export function recommendPathway(eo: EngineOrganisation, employeeId: string, asOf: IsoDate, objective: Objective = 'cost'): Pathway {
  const { skillNames, interests } = lookups(eo.org);
  const gaps: GapToClose[] = [];
  for (const status of requirementStatuses(eo, employeeId, asOf)) {
    if (status.gap > 0) gaps.push({ skill: status.skill, required: status.required, weight: status.weight, current: status.effective });
  }
  const held = new Set(heldCredentialIds(eo, employeeId, asOf));
  const catalog = eo.org.credentials;
  const solution = optimalPathway({ gaps, catalog, held, interests: interests.get(employeeId) ?? NO_INTERESTS, objective });
  return pathwayFromSolution({ employeeId, objective, gaps, solution, catalog, held, skillName: (id) => skillNames.get(id) ?? id });
}

export interface PathwayInput {
  employeeId: string;
  objective: Objective;
  gaps: readonly GapToClose[];
  solution: PathwaySolution;
  catalog: readonly Credential[];
  held: ReadonlySet<string>;
  skillName: (skillId: string) => string;
}

/** Turns an optimiser solution into the steps, totals, messages and stack progress a person reads. */
export function pathwayFromSolution(input: PathwayInput): Pathway {
  const { employeeId, objective, solution, held, skillName } = input;
  const index = catalogIndex(input.catalog);
  const taken = new Set(solution.take);
  const closedSkills = new Set(solution.closed);

  // The taken courses each earned stack needs: its unheld components, through unheld sub-stacks.
  const needsOf = new Map<string, string[]>();
  for (const stackId of solution.earnedStacks) needsOf.set(stackId, neededCourses(index, stackId, held, taken));

  const credited = new Map<string, { skills: string[]; closes: GapClosed[]; weighted: number }>();
  for (const gap of input.gaps) {
    if (gap.current >= gap.required || !closedSkills.has(gap.skill)) continue;
    const step = creditedStep(index, gap, solution, needsOf);
    if (step === undefined) continue; // cannot happen for a closed gap; nothing to credit
    const entry = credited.get(step) ?? { skills: [], closes: [], weighted: 0 };
    const weightedGap = WEIGHT_VALUE[gap.weight] * (gap.required - gap.current);
    if (!entry.skills.includes(gap.skill)) {
      entry.skills.push(gap.skill);
      entry.closes.push({ skill: gap.skill, from: gap.current, to: gap.required, weightedGap });
    }
    entry.weighted += weightedGap;
    credited.set(step, entry);
  }

  const steps: PathwayStep[] = [];
  let costCents = 0;
  let hoursCents = 0;
  for (const id of solution.take) {
    const credential = index.byId.get(id) as Credential;
    const cost = credential.cost ?? 0;
    const hours = credential.hours ?? 0;
    costCents += Math.round(cost * 100);
    hoursCents += Math.round(hours * 100);
    const entry = credited.get(id);
    const step: PathwayStep = {
      credentialId: id,
      name: credential.name,
      cost,
      hours,
      isStack: false,
      skillsClosed: entry ? entry.skills.sort(compareOrdinal) : [],
      closes: entry ? sortedCloses(entry.closes) : [],
      weightedGapClosed: entry?.weighted ?? 0,
    };
    const outermost = outermostStack(solution.earnedStacks, needsOf, id);
    if (outermost !== undefined) step.completesStack = outermost;
    steps.push(step);
  }
  const stacksInnerFirst = [...solution.earnedStacks].sort(
    (a, b) => (needsOf.get(a) as string[]).length - (needsOf.get(b) as string[]).length || compareOrdinal(a, b),
  );
  for (const stackId of stacksInnerFirst) {
    const entry = credited.get(stackId);
    steps.push({
      credentialId: stackId,
      name: (index.byId.get(stackId) as Credential).name,
      cost: 0,
      hours: 0,
      isStack: true,
      skillsClosed: entry ? entry.skills.sort(compareOrdinal) : [],
      closes: entry ? sortedCloses(entry.closes) : [],
      weightedGapClosed: entry?.weighted ?? 0,
      needs: needsOf.get(stackId) as string[],
    });
  }

  return {
    employeeId,
    objective,
    steps,
    totalCost: costCents / 100,
    totalHours: hoursCents / 100,
    weightedGapClosed: steps.reduce((sum, step) => sum + step.weightedGapClosed, 0),
    unclosable: solution.unclosable.map((gap) => ({
      skill: gap.skill,
      required: gap.required,
      message: `no credential in the catalog grants ${skillName(gap.skill)} at level ${gap.required}`,
    })),
    stackProgress: stackProgress(index, held, solution.earnedStacks),
  };
}

function sortedCloses(closes: GapClosed[]): GapClosed[] {
  return closes.sort((a, b) => compareOrdinal(a.skill, b.skill));
}

/** The earned stack needing the most courses among those needing `courseId` (ties: smallest id). */
function outermostStack(earned: readonly string[], needsOf: ReadonlyMap<string, string[]>, courseId: string): string | undefined {
  let best: string | undefined;
  let bestSize = 0;
  for (const stackId of earned) {
    const needs = needsOf.get(stackId) as string[];
    if (needs.includes(courseId) && needs.length > bestSize) {
      best = stackId; // earned stacks come sorted, so the first of a size has the smallest id
      bestSize = needs.length;
    }
  }
  return best;
}

function neededCourses(index: CatalogIndex, stackId: string, held: ReadonlySet<string>, taken: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visited = new Set<string>();
  const walk = (id: string): void => {
    if (visited.has(id)) return;
    visited.add(id);
    for (const component of index.components.get(id) ?? []) {
      if (held.has(component)) continue;
      if (taken.has(component)) found.add(component);
      else walk(component);
    }
  };
  walk(stackId);
  return [...found].sort(compareOrdinal);
}

function creditedStep(
  index: CatalogIndex,
  gap: GapToClose,
  solution: PathwaySolution,
  needsOf: ReadonlyMap<string, string[]>,
): string | undefined {
  let best: string | undefined;
  let bestLevel = 0;
  for (const id of solution.take) {
    const level = grantLevel(index.byId.get(id), gap.skill);
    if (level >= gap.required && level > bestLevel) {
      best = id; // take is sorted, so the first at the highest level has the smallest id
      bestLevel = level;
    }
  }
  if (best !== undefined) return best;
  let bestNeeds = Infinity;
  for (const stackId of solution.earnedStacks) {
    const level = grantLevel(index.byId.get(stackId), gap.skill);
    if (level < gap.required) continue;
    const needs = (needsOf.get(stackId) as string[]).length;
    if (needs < bestNeeds || (needs === bestNeeds && level > bestLevel)) {
      best = stackId;
      bestNeeds = needs;
      bestLevel = level;
    }
  }
  return best;
}

function grantLevel(credential: Credential | undefined, skill: string): number {
  let level = 0;
  for (const grant of credential?.grants ?? []) if (grant.skill === skill && grant.level > level) level = grant.level;
  return level;
}

/** Unheld stacks the employee has started (holds a component of), and those this pathway earns. */
function stackProgress(index: CatalogIndex, held: ReadonlySet<string>, earned: readonly string[]): StackProgress[] {
  const stackIds = new Set(earned);
  for (const id of held) for (const parent of index.parents.get(id) ?? []) if (!held.has(parent)) stackIds.add(parent);
  const progress: StackProgress[] = [];
  for (const stackId of [...stackIds].sort(compareOrdinal)) {
    const stack = index.byId.get(stackId);
    if (!stack || !isStack(stack)) continue;
    const components = index.components.get(stackId) ?? [];
    const missing = components.filter((id) => !held.has(id));
    const heldCount = components.length - missing.length;
    const more = missing.length === 1 ? 'one more earns' : `${missing.length} more earn`;
    progress.push({
      stackId,
      name: stack.name,
      held: heldCount,
      total: components.length,
      missing,
      sentence: `${heldCount} of ${components.length} components held: ${more} the ${stack.name}`,
    });
  }
  return progress;
}

/** One pathway's `gapmap recommend` rows: one per step (earned stacks included, at cost 0), unsorted. */
export function pathwayRows(pathway: Pathway): RecommendationRow[] {
  return pathway.steps.map((step) => ({
    employee_id: pathway.employeeId,
    credential_id: step.credentialId,
    credential_name: step.name,
    cost: step.cost,
    hours: step.hours,
    skills_closed: step.skillsClosed,
    weighted_gap_closed: step.weightedGapClosed,
  }));
}

/** Sorts `gapmap recommend` rows in place by employee id then credential id (ordinal), and returns them. */
export function sortRecommendationRows(rows: RecommendationRow[]): RecommendationRow[] {
  return rows.sort((a, b) => compareOrdinal(a.employee_id, b.employee_id) || compareOrdinal(a.credential_id, b.credential_id));
}

/** `gapmap recommend` rows: one per step (earned stacks included, at cost 0), by employee id then credential id. */
export function recommendationRows(pathways: readonly Pathway[]): RecommendationRow[] {
  const rows: RecommendationRow[] = [];
  for (const pathway of pathways) for (const row of pathwayRows(pathway)) rows.push(row);
  return sortRecommendationRows(rows);
}
