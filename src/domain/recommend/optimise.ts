// The exact pathway optimiser (SPEC §3 "Recommendations", per employee): the set of catalog
// credentials that closes every closable gap at minimum cost (or hours), with the spec's tie-breaks.
// Pure and engine-independent: gaps, catalog, what is held and the interests in; a solution out.
import type { Credential, Weight } from '../schema';
import { compareOrdinal } from '../reports';
import { compiledCatalog, type CompiledCatalog } from './catalog';

export type Objective = 'cost' | 'hours';

export interface GapToClose {
  skill: string;
  required: number;
  weight: Weight;
  /** Effective level now. */
  current: number;
}

export interface PathwayProblem {
  gaps: GapToClose[];
  catalog: readonly Credential[];
  /** Credentials held at the as-of date (by award or implied stack). */
  held: ReadonlySet<string>;
  /** Skill ids the employee is interested in. */
  interests: ReadonlySet<string>;
  objective: Objective;
}

export interface PathwaySolution {
  /** Credential ids to take: leaf (non-stack) credentials, sorted (ordinal). */
  take: string[];
  /** Stacks completed by taking them, sorted (ordinal). */
  earnedStacks: string[];
  /** Skills of the closed gaps, sorted (ordinal). */
  closed: string[];
  unclosable: GapToClose[];
  totalCost: number;
  totalHours: number;
}

/*
 * Semantics, decided here so the UI, API and CLI agree:
 * - A stack (a credential with a non-empty `components` list) is never taken; it is earned when every
 *   component is held or earned or taken. A stack whose components are all held counts as held (rule 2).
 * - Only credentials that can contribute are ever recommended: unheld leaves that grant a gap skill at
 *   the required level, and the missing leaves of unheld stacks that do. (So a free course unrelated to
 *   any gap is never added just because it matches an interest.)
 * - Amounts are compared in hundredths (cents, hundredths of an hour), so sums of prices such as 19.99
 *   compare exactly whatever order they are added in; totals are reported from those hundredths.
 * - Key, smallest wins: (primary total, secondary total, −interest skills granted by the taken set and
 *   the stacks it earns, number of credentials taken, sorted id list compared element by element).
 *
 * Method: branch and bound over "options" of an uncovered gap (one leaf, or the missing leaves of one
 * stack), branching on the gap with the fewest options; options tried earlier are forbidden in later
 * sibling branches, which still reaches every inclusion-minimal cover. An optimum is a minimal cover
 * plus possibly credentials that cost nothing in both measures (they can only add interests), so each
 * minimal cover found is extended by an exact small search over those free credentials.
 * Lower bounds per node: the costliest cheapest option over the uncovered gaps, for each measure and
 * for the count. Leaves dominated by another leaf (not cheaper in either measure, covering no more
 * gaps or interests, not a stack component) are dropped before the search.
 * The hot path allocates little and creates no closures: it runs 100,000 times in a CLI report.
 */

type Scratch = CompiledCatalog['scratch'];

/** Held at this solve: by the caller's set, or by holding every component (rule 2, nesting). */
function isHeld(cat: CompiledCatalog, c: number): boolean {
  const scratch = cat.scratch;
  if (scratch.held[c] === scratch.stamp) return true;
  if (!cat.stack[c]) return false;
  if (scratch.implied[c] === scratch.stamp) return scratch.impliedValue[c] === 1;
  scratch.implied[c] = scratch.stamp;
  scratch.impliedValue[c] = 0; // a cycle of stacks is never held by implication
  for (let k = cat.componentStart[c]!; k < cat.componentStart[c + 1]!; k++) {
    if (!isHeld(cat, cat.componentList[k]!)) return false;
  }
  scratch.impliedValue[c] = 1;
  return true;
}

const IN_PROGRESS: readonly number[] = [];
/** Shared by every leaf or stack with nothing in a list (most grant no interest, most have no stack). */
const NONE: number[] = [];

/** The leaves an unheld stack still needs (catalog indexes), or null when it cannot be earned. */
function missingLeaves(cat: CompiledCatalog, stack: number): readonly number[] | null {
  const scratch = cat.scratch;
  if (scratch.missing[stack] === scratch.stamp) {
    const known = scratch.missingLeaves[stack] as readonly number[] | null;
    return known === IN_PROGRESS ? null : known;
  }
  scratch.missing[stack] = scratch.stamp;
  scratch.missingLeaves[stack] = IN_PROGRESS;
  const leaves: number[] = [];
  let earnable = true;
  for (let k = cat.componentStart[stack]!; k < cat.componentStart[stack + 1]! && earnable; k++) {
    const part = cat.componentList[k]!;
    if (isHeld(cat, part)) continue;
    if (part >= cat.size) earnable = false; // named as a component, absent from the catalog
    else if (!cat.stack[part]) {
      if (!leaves.includes(part)) leaves.push(part);
    } else {
      const nested = missingLeaves(cat, part);
      if (nested === null) earnable = false;
      else for (const leaf of nested) if (!leaves.includes(leaf)) leaves.push(leaf);
    }
  }
  const result = earnable ? leaves : null;
  scratch.missingLeaves[stack] = result;
  return result;
}

type SolveArray = Int32Array | Uint8Array | Uint16Array | Float64Array;
const solveArrays = new Map<string, SolveArray>();

/**
 * A zeroed array of at least `length` for one solve, reused by the next solve: the CLI solves
 * 100,000 employees and a fresh typed array per field and solve was a large part of the garbage.
 * Each name is one field of the solve, so no two live arrays share a buffer.
 */
function solveArray<A extends SolveArray>(name: string, make: (length: number) => A, length: number): A {
  let array = solveArrays.get(name) as A | undefined;
  if (array === undefined || array.length < length) {
    array = make(Math.max(length, 64));
    solveArrays.set(name, array);
  } else {
    array.fill(0, 0, length);
  }
  return array;
}
const int32 = (length: number) => new Int32Array(length);
const uint8 = (length: number) => new Uint8Array(length);
const uint16 = (length: number) => new Uint16Array(length);
const float64 = (length: number) => new Float64Array(length);

/** The search state of one solve. Leaves are numbered in ordinal id order. */
interface Work {
  gapCount: number;
  leafCount: number;
  stackCount: number;
  interestCount: number;
  leafPrimary: Float64Array;
  leafSecondary: Float64Array;
  leafFree: Uint8Array;
  anyFree: boolean;
  leafGaps: number[][];
  leafInterests: number[][];
  leafParents: number[][];
  stackGaps: number[][];
  stackInterests: number[][];
  stackParents: number[][];
  stackLeaves: number[][];
  /** Per gap: a leaf i as i, a stack j as −1 − j. */
  gapOptions: number[][];
  interestCeiling: number;

  taken: Uint8Array;
  remaining: Int32Array;
  earned: Uint8Array;
  gapCover: Int32Array;
  interestCover: Int32Array;
  uncovered: number;
  interestsGranted: number;
  primary: number;
  secondary: number;
  count: number;
  leafForbid: Uint16Array;
  stackForbid: Uint16Array;
  freeForbid: Uint16Array;
  freeStackForbid: Uint16Array;
  interestTarget: Uint8Array;
  freeCeiling: number;

  bestFound: boolean;
  bestPrimary: number;
  bestSecondary: number;
  bestInterests: number;
  bestIds: number[];
  /** Leaves taken by the open branches, most recent last. */
  trail: number[];
}

export function optimalPathway(problem: PathwayProblem): PathwaySolution {
  const open: GapToClose[] = [];
  for (const gap of problem.gaps) if (gap.current < gap.required) open.push(gap);
  if (open.length === 0) return { take: [], earnedStacks: [], closed: [], unclosable: [], totalCost: 0, totalHours: 0 };

  const cat = compiledCatalog(problem.catalog);
  const scratch = cat.scratch;
  const stamp = ++scratch.stamp;
  for (const id of problem.held) {
    const c = cat.index.get(id);
    if (c !== undefined) scratch.held[c] = stamp;
  }

  // 1. Which gaps can be closed, and the leaves that can contribute (the universe).
  const closable: GapToClose[] = [];
  const unclosable: GapToClose[] = [];
  const universe: number[] = [];
  for (const gap of open) {
    const s = cat.skillIndex.get(gap.skill);
    let any = false;
    if (s !== undefined) {
      for (let k = cat.bySkillStart[s]!; k < cat.bySkillStart[s + 1]!; k++) {
        if (cat.bySkillLevel[k]! < gap.required) break; // highest levels first
        const c = cat.bySkillCredential[k]!;
        if (isHeld(cat, c)) continue;
        if (!cat.stack[c]) {
          any = true;
          if (scratch.universe[c] !== stamp) {
            scratch.universe[c] = stamp;
            universe.push(c);
          }
          continue;
        }
        const missing = missingLeaves(cat, c);
        if (missing === null || missing.length === 0) continue;
        any = true;
        for (const leaf of missing) {
          if (scratch.universe[leaf] !== stamp) {
            scratch.universe[leaf] = stamp;
            universe.push(leaf);
          }
        }
      }
    }
    (any ? closable : unclosable).push(gap);
  }
  if (closable.length === 0) return { take: [], earnedStacks: [], closed: [], unclosable, totalCost: 0, totalHours: 0 };

  // 2. Stacks taking universe leaves can earn: unheld ancestors whose missing leaves are all in it.
  const tracked: number[] = [];
  const queue = universe.slice();
  while (queue.length > 0) {
    const c = queue.pop() as number;
    for (let k = cat.parentStart[c]!; k < cat.parentStart[c + 1]!; k++) {
      const parent = cat.parentList[k]!;
      if (scratch.seen[parent] === stamp) continue;
      scratch.seen[parent] = stamp;
      if (isHeld(cat, parent)) continue;
      const missing = missingLeaves(cat, parent);
      if (missing === null || missing.length === 0) continue;
      let inside = true;
      for (const leaf of missing) if (scratch.universe[leaf] !== stamp) inside = false;
      if (!inside) continue;
      tracked.push(parent);
      scratch.tracked[parent] = stamp;
      queue.push(parent);
      for (const leaf of missing) scratch.component[leaf] = stamp;
    }
  }

  // Gap and interest skills as small numbers. A skill asked twice chains its gaps.
  const gapCount = closable.length;
  const gapNext = solveArray('gapNext', int32, gapCount).fill(-1, 0, gapCount);
  for (let g = gapCount - 1; g >= 0; g--) {
    const s = cat.skillIndex.get((closable[g] as GapToClose).skill) as number;
    if (scratch.gapOfSkill[s] === stamp) gapNext[g] = scratch.gapOfSkillIndex[s]!;
    scratch.gapOfSkill[s] = stamp;
    scratch.gapOfSkillIndex[s] = g;
  }
  let interestCount = 0;
  for (const skill of problem.interests) {
    const s = cat.skillIndex.get(skill);
    if (s === undefined || scratch.interestOfSkill[s] === stamp) continue;
    scratch.interestOfSkill[s] = stamp;
    scratch.interestOfSkillIndex[s] = interestCount++;
  }

  // 3. Leaves: what each closes and grants; dominated ones dropped.
  const usePrimaryCost = problem.objective === 'cost';
  const candidateGaps: number[][] = [];
  const candidateInterests: number[][] = [];
  for (const c of universe) {
    grantsOf(cat, c, closable, gapNext, grantedGaps, grantedInterests);
    candidateGaps.push(exactCopy(grantedGaps));
    candidateInterests.push(exactCopy(grantedInterests));
  }
  const keptPositions: number[] = [];
  for (let a = 0; a < universe.length; a++) {
    if (!isDominated(cat, universe, candidateGaps, candidateInterests, a)) keptPositions.push(a);
  }
  // Ordinal id order, so the id tie-break compares leaf numbers.
  for (let x = 1; x < keptPositions.length; x++) {
    const value = keptPositions[x] as number;
    const r = cat.rank[universe[value] as number]!;
    let y = x - 1;
    while (y >= 0 && cat.rank[universe[keptPositions[y] as number] as number]! > r) {
      keptPositions[y + 1] = keptPositions[y] as number;
      y--;
    }
    keptPositions[y + 1] = value;
  }
  const leafCount = keptPositions.length;
  const leaves = keptPositions.map((position) => universe[position] as number);
  leaves.forEach((c, i) => (scratch.local[c] = i));
  tracked.forEach((c, j) => (scratch.stackLocal[c] = j));
  const stackCount = tracked.length;

  const leafPrimary = solveArray('leafPrimary', float64, leafCount);
  const leafSecondary = solveArray('leafSecondary', float64, leafCount);
  const leafFree = solveArray('leafFree', uint8, leafCount);
  const leafParents: number[][] = [];
  let anyFree = false;
  leaves.forEach((c, i) => {
    leafPrimary[i] = usePrimaryCost ? cat.costCents[c]! : cat.hoursCents[c]!;
    leafSecondary[i] = usePrimaryCost ? cat.hoursCents[c]! : cat.costCents[c]!;
    if (cat.costCents[c] === 0 && cat.hoursCents[c] === 0) {
      leafFree[i] = 1;
      anyFree = true;
    }
    leafParents.push(trackedParents(cat, c, stamp));
  });
  const stackGaps: number[][] = [];
  const stackInterests: number[][] = [];
  const stackParents: number[][] = [];
  const stackLeaves: number[][] = [];
  const remaining = solveArray('remaining', int32, stackCount);
  tracked.forEach((c, j) => {
    grantsOf(cat, c, closable, gapNext, grantedGaps, grantedInterests);
    stackGaps.push(exactCopy(grantedGaps));
    stackInterests.push(exactCopy(grantedInterests));
    stackParents.push(trackedParents(cat, c, stamp));
    stackLeaves.push((missingLeaves(cat, c) as readonly number[]).map((leaf) => scratch.local[leaf]!));
    let unheld = 0;
    for (let k = cat.componentStart[c]!; k < cat.componentStart[c + 1]!; k++) if (!isHeld(cat, cat.componentList[k]!)) unheld++;
    remaining[j] = unheld;
  });
  const gapOptions: number[][] = closable.map(() => []);
  const leafGaps = keptPositions.map((position) => candidateGaps[position] as number[]);
  const leafInterests = keptPositions.map((position) => candidateInterests[position] as number[]);
  leafGaps.forEach((gaps, i) => {
    for (const g of gaps) (gapOptions[g] as number[]).push(i);
  });
  stackGaps.forEach((gaps, j) => {
    for (const g of gaps) (gapOptions[g] as number[]).push(-1 - j);
  });
  const granted = solveArray('granted', uint8, interestCount);
  for (const list of leafInterests) for (const k of list) granted[k] = 1;
  for (const list of stackInterests) for (const k of list) granted[k] = 1;
  let interestCeiling = 0;
  for (let k = 0; k < interestCount; k++) interestCeiling += granted[k]!;

  const w: Work = {
    gapCount,
    leafCount,
    stackCount,
    interestCount,
    leafPrimary,
    leafSecondary,
    leafFree,
    anyFree,
    leafGaps,
    leafInterests,
    leafParents,
    stackGaps,
    stackInterests,
    stackParents,
    stackLeaves,
    gapOptions,
    interestCeiling,
    taken: solveArray('taken', uint8, leafCount),
    remaining,
    earned: solveArray('earned', uint8, stackCount),
    gapCover: solveArray('gapCover', int32, gapCount),
    interestCover: solveArray('interestCover', int32, interestCount),
    uncovered: gapCount,
    interestsGranted: 0,
    primary: 0,
    secondary: 0,
    count: 0,
    leafForbid: solveArray('leafForbid', uint16, leafCount),
    stackForbid: solveArray('stackForbid', uint16, stackCount),
    freeForbid: solveArray('freeForbid', uint16, leafCount),
    freeStackForbid: solveArray('freeStackForbid', uint16, stackCount),
    interestTarget: solveArray('interestTarget', uint8, interestCount),
    freeCeiling: 0,
    bestFound: false,
    bestPrimary: 0,
    bestSecondary: 0,
    bestInterests: 0,
    bestIds: [],
    trail: [],
  };
  search(w, 0);

  // 4. Replay the best selection to report it.
  for (const i of w.bestIds) add(w, i);
  const earnedStacks: number[] = [];
  for (let j = 0; j < stackCount; j++) if (w.earned[j]) earnedStacks.push(tracked[j] as number);
  earnedStacks.sort((a, b) => cat.rank[a]! - cat.rank[b]!);
  let totalCost = 0;
  let totalHours = 0;
  const take: string[] = [];
  for (const i of w.bestIds) {
    const c = leaves[i] as number;
    totalCost += cat.costCents[c]!;
    totalHours += cat.hoursCents[c]!;
    take.push(cat.ids[c] as string);
  }
  const closed: string[] = [];
  for (const gap of closable) if (!closed.includes(gap.skill)) closed.push(gap.skill);
  return {
    take,
    earnedStacks: earnedStacks.map((c) => cat.ids[c] as string),
    closed: closed.sort(compareOrdinal),
    unclosable,
    totalCost: totalCost / 100,
    totalHours: totalHours / 100,
  };
}

// The lists grantsOf fills, copied out at their exact size: an array grown by push reserves 17
// slots, and a solve keeps two such lists for each of its twenty-odd candidates.
const grantedGaps: number[] = [];
const grantedInterests: number[] = [];
const exactCopy = (list: readonly number[]): number[] => (list.length === 0 ? NONE : list.slice());

/** Fills `gaps` with the closable gaps credential c closes (grants at the required level) and `interests` with those it grants. */
function grantsOf(cat: CompiledCatalog, c: number, closable: readonly GapToClose[], gapNext: Int32Array, gaps: number[], interests: number[]): void {
  gaps.length = 0;
  interests.length = 0;
  const scratch: Scratch = cat.scratch;
  for (let k = cat.grantStart[c]!; k < cat.grantStart[c + 1]!; k++) {
    const s = cat.grantSkill[k]!;
    const level = cat.grantLevel[k]!;
    if (scratch.gapOfSkill[s] === scratch.stamp) {
      for (let g = scratch.gapOfSkillIndex[s]!; g >= 0; g = gapNext[g]!) {
        if (level >= (closable[g] as GapToClose).required) gaps.push(g);
      }
    }
    if (scratch.interestOfSkill[s] === scratch.stamp) interests.push(scratch.interestOfSkillIndex[s]!);
  }
}

/** Tracked stacks (local numbers) listing c as a direct component. */
function trackedParents(cat: CompiledCatalog, c: number, stamp: number): number[] {
  let parents = NONE;
  for (let k = cat.parentStart[c]!; k < cat.parentStart[c + 1]!; k++) {
    const parent = cat.parentList[k]!;
    if (cat.scratch.tracked[parent] !== stamp) continue;
    if (parents === NONE) parents = [];
    parents.push(cat.scratch.stackLocal[parent]!);
  }
  return parents;
}

/**
 * Leaf a is dominated when another leaf b is no dearer in cost and in hours (strictly cheaper in one,
 * or with a smaller id), closes every gap a closes and grants every interest a grants, and a is no
 * stack's component: swapping a for b never worsens a solution, so a is never needed.
 */
function isDominated(cat: CompiledCatalog, universe: readonly number[], gaps: readonly number[][], interests: readonly number[][], a: number): boolean {
  const ca = universe[a] as number;
  if (cat.scratch.component[ca] === cat.scratch.stamp) return false;
  for (let b = 0; b < universe.length; b++) {
    if (b === a) continue;
    const cb = universe[b] as number;
    const costA = cat.costCents[ca]!;
    const costB = cat.costCents[cb]!;
    const hoursA = cat.hoursCents[ca]!;
    const hoursB = cat.hoursCents[cb]!;
    if (costB > costA || hoursB > hoursA) continue;
    if (costB === costA && hoursB === hoursA && cat.rank[cb]! > cat.rank[ca]!) continue;
    if (!containsAll(gaps[b] as number[], gaps[a] as number[]) || !containsAll(interests[b] as number[], interests[a] as number[])) continue;
    return true;
  }
  return false;
}

function containsAll(outer: readonly number[], inner: readonly number[]): boolean {
  for (const x of inner) if (!outer.includes(x)) return false;
  return true;
}

function grant(w: Work, gaps: readonly number[], interests: readonly number[], delta: 1 | -1): void {
  for (const g of gaps) {
    if (delta === 1) {
      if (w.gapCover[g]!++ === 0) w.uncovered--;
    } else if (--w.gapCover[g]! === 0) w.uncovered++;
  }
  for (const k of interests) {
    if (delta === 1) {
      if (w.interestCover[k]!++ === 0) w.interestsGranted++;
    } else if (--w.interestCover[k]! === 0) w.interestsGranted--;
  }
}

function earn(w: Work, j: number): void {
  w.earned[j] = 1;
  grant(w, w.stackGaps[j] as number[], w.stackInterests[j] as number[], 1);
  for (const p of w.stackParents[j] as number[]) if (--w.remaining[p]! === 0) earn(w, p);
}

function unearn(w: Work, j: number): void {
  for (const p of w.stackParents[j] as number[]) if (w.remaining[p]!++ === 0) unearn(w, p);
  w.earned[j] = 0;
  grant(w, w.stackGaps[j] as number[], w.stackInterests[j] as number[], -1);
}

function add(w: Work, i: number): void {
  w.taken[i] = 1;
  w.count++;
  w.primary += w.leafPrimary[i]!;
  w.secondary += w.leafSecondary[i]!;
  grant(w, w.leafGaps[i] as number[], w.leafInterests[i] as number[], 1);
  for (const j of w.leafParents[i] as number[]) if (--w.remaining[j]! === 0) earn(w, j);
}

function remove(w: Work, i: number): void {
  for (const j of w.leafParents[i] as number[]) if (w.remaining[j]!++ === 0) unearn(w, j);
  w.taken[i] = 0;
  w.count--;
  w.primary -= w.leafPrimary[i]!;
  w.secondary -= w.leafSecondary[i]!;
  grant(w, w.leafGaps[i] as number[], w.leafInterests[i] as number[], -1);
}

/** Takes an option's untaken leaves, remembered on the trail; returns how many. */
function takeOption(w: Work, option: number): number {
  if (option >= 0) {
    add(w, option);
    w.trail.push(option);
    return 1;
  }
  let added = 0;
  for (const i of w.stackLeaves[-1 - option] as number[]) {
    if (!w.taken[i]) {
      add(w, i);
      w.trail.push(i);
      added++;
    }
  }
  return added;
}

/** Removes the last `count` leaves taken. */
function untake(w: Work, count: number): void {
  for (let a = 0; a < count; a++) remove(w, w.trail.pop() as number);
}

/** −1 when (p, s, −i, c) beats the best key's prefix, 0 when equal, 1 when worse. */
function comparePrefix(w: Work, p: number, s: number, i: number, c: number): number {
  if (!w.bestFound) return -1;
  if (p !== w.bestPrimary) return p < w.bestPrimary ? -1 : 1;
  if (s !== w.bestSecondary) return s < w.bestSecondary ? -1 : 1;
  if (i !== w.bestInterests) return i > w.bestInterests ? -1 : 1;
  if (c !== w.bestIds.length) return c < w.bestIds.length ? -1 : 1;
  return 0;
}

function evaluate(w: Work): void {
  const order = comparePrefix(w, w.primary, w.secondary, w.interestsGranted, w.count);
  if (order > 0) return;
  const ids: number[] = [];
  for (let i = 0; i < w.leafCount; i++) if (w.taken[i]) ids.push(i);
  if (order === 0) {
    let cmp = 0;
    for (let k = 0; k < ids.length && cmp === 0; k++) cmp = (ids[k] as number) - (w.bestIds[k] as number);
    if (cmp >= 0) return;
  }
  w.bestFound = true;
  w.bestPrimary = w.primary;
  w.bestSecondary = w.secondary;
  w.bestInterests = w.interestsGranted;
  w.bestIds = ids;
}

// Per-depth buffers for the options being branched on, reused by every solve.
const optionPool: number[][] = [];
const primaryPool: number[][] = [];
const secondaryPool: number[][] = [];
const countPool: number[][] = [];

function search(w: Work, depth: number): void {
  if (w.uncovered === 0) return extendWithFree(w);
  let lowerPrimary = 0;
  let lowerSecondary = 0;
  let lowerCount = 0;
  let chosenGap = -1;
  let chosenCount = Infinity;
  for (let g = 0; g < w.gapCount; g++) {
    if (w.gapCover[g]! > 0) continue;
    let feasible = 0;
    let minPrimary = Infinity;
    let minSecondary = Infinity;
    let minCount = Infinity;
    for (const option of w.gapOptions[g] as number[]) {
      if (!optionCost(w, option)) continue;
      feasible++;
      if (costP < minPrimary) minPrimary = costP;
      if (costS < minSecondary) minSecondary = costS;
      if (costC < minCount) minCount = costC;
    }
    if (feasible === 0) return; // this branch forbade every way to close g
    if (minPrimary > lowerPrimary) lowerPrimary = minPrimary;
    if (minSecondary > lowerSecondary) lowerSecondary = minSecondary;
    if (minCount > lowerCount) lowerCount = minCount;
    if (feasible < chosenCount) {
      chosenGap = g;
      chosenCount = feasible;
    }
  }
  if (comparePrefix(w, w.primary + lowerPrimary, w.secondary + lowerSecondary, w.interestCeiling, w.count + lowerCount) > 0) return;

  // The chosen gap's feasible options, cheapest first (insertion sort: a handful of options).
  if (optionPool.length <= depth) {
    optionPool.push([]);
    primaryPool.push([]);
    secondaryPool.push([]);
    countPool.push([]);
  }
  const options = optionPool[depth] as number[];
  const primaries = primaryPool[depth] as number[];
  const secondaries = secondaryPool[depth] as number[];
  const counts = countPool[depth] as number[];
  let size = 0;
  for (const option of w.gapOptions[chosenGap] as number[]) {
    if (!optionCost(w, option)) continue;
    let at = size++;
    while (at > 0 && (primaries[at - 1]! > costP || (primaries[at - 1] === costP && (secondaries[at - 1]! > costS || (secondaries[at - 1] === costS && counts[at - 1]! > costC))))) {
      options[at] = options[at - 1] as number;
      primaries[at] = primaries[at - 1] as number;
      secondaries[at] = secondaries[at - 1] as number;
      counts[at] = counts[at - 1] as number;
      at--;
    }
    options[at] = option;
    primaries[at] = costP;
    secondaries[at] = costS;
    counts[at] = costC;
  }
  for (let o = 0; o < size; o++) {
    const option = options[o] as number;
    const added = takeOption(w, option);
    search(w, depth + 1);
    untake(w, added);
    forbid(w, option, 1, false);
  }
  for (let o = 0; o < size; o++) forbid(w, options[o] as number, -1, false);
}

// The incremental cost of the last option priced by optionCost (module scratch: no allocation).
let costP = 0;
let costS = 0;
let costC = 0;

/** Prices an option against the current selection; false when a forbidden leaf makes it unusable. */
function optionCost(w: Work, option: number): boolean {
  if (option >= 0) {
    if (w.leafForbid[option]) return false;
    costP = w.leafPrimary[option]!;
    costS = w.leafSecondary[option]!;
    costC = 1;
    return true;
  }
  const j = -1 - option;
  if (w.stackForbid[j]) return false;
  let p = 0;
  let s = 0;
  let c = 0;
  for (const i of w.stackLeaves[j] as number[]) {
    if (w.taken[i]) continue;
    if (w.leafForbid[i]) return false;
    p += w.leafPrimary[i]!;
    s += w.leafSecondary[i]!;
    c++;
  }
  costP = p;
  costS = s;
  costC = c;
  return true;
}

function forbid(w: Work, option: number, delta: 1 | -1, free: boolean): void {
  if (option >= 0) (free ? w.freeForbid : w.leafForbid)[option]! += delta;
  else (free ? w.freeStackForbid : w.stackForbid)[-1 - option]! += delta;
}

/**
 * A complete cover extended by free credentials (zero cost and zero hours): most interests, then
 * fewest credentials, then smallest ids — an exact small cover search over the interests.
 */
function extendWithFree(w: Work): void {
  if (!w.anyFree || w.interestsGranted >= w.interestCeiling) return evaluate(w);
  let added = 0;
  for (let i = 0; i < w.leafCount; i++) {
    if (w.leafFree[i] && !w.taken[i]) {
      add(w, i);
      w.trail.push(i);
      added++;
    }
  }
  const ceiling = w.interestsGranted;
  for (let k = 0; k < w.interestCount; k++) w.interestTarget[k] = w.interestCover[k]! > 0 ? 1 : 0;
  untake(w, added);
  if (ceiling === w.interestsGranted) return evaluate(w);
  const saved = w.freeCeiling;
  w.freeCeiling = ceiling;
  freeSearch(w);
  w.freeCeiling = saved;
}

function freeStackUsable(w: Work, j: number): boolean {
  if (w.earned[j] || w.freeStackForbid[j]) return false;
  for (const i of w.stackLeaves[j] as number[]) if (!w.taken[i] && (!w.leafFree[i] || w.freeForbid[i])) return false;
  return true;
}

function freeSearch(w: Work): void {
  if (w.interestsGranted === w.freeCeiling) return evaluate(w);
  if (comparePrefix(w, w.primary, w.secondary, w.freeCeiling, w.count + 1) > 0) return;
  let chosen: number[] | null = null;
  for (let k = 0; k < w.interestCount; k++) {
    if (!w.interestTarget[k] || w.interestCover[k]! > 0) continue;
    const options: number[] = [];
    for (let i = 0; i < w.leafCount; i++) {
      if (w.leafFree[i] && !w.taken[i] && !w.freeForbid[i] && (w.leafInterests[i] as number[]).includes(k)) options.push(i);
    }
    for (let j = 0; j < w.stackCount; j++) {
      if ((w.stackInterests[j] as number[]).includes(k) && freeStackUsable(w, j)) options.push(-1 - j);
    }
    if (options.length === 0) return; // only forbidden ways remain: a sibling branch covers it
    if (chosen === null || options.length < chosen.length) chosen = options;
  }
  for (const option of chosen as number[]) {
    const count = takeOption(w, option);
    freeSearch(w);
    untake(w, count);
    forbid(w, option, 1, true);
  }
  for (const option of chosen as number[]) forbid(w, option, -1, true);
}
