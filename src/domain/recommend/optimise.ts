// The exact pathway optimiser (SPEC §3 "Recommendations", per employee): the set of catalog
// credentials that closes every closable gap at minimum cost (or hours), with the spec's tie-breaks.
// Pure and engine-independent: gaps, catalog, what is held and the interests in; a solution out.
import type { Credential, Weight } from '../schema';
import { compareOrdinal } from '../reports';
import { catalogIndex, isStack, type CatalogIndex } from './catalog';

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
 */

function hundredths(amount: number | undefined): number {
  return amount === undefined || !Number.isFinite(amount) ? 0 : Math.round(amount * 100);
}

/** Which credentials are held (rule 2, nesting) and what an unheld stack still misses. */
function holdings(index: CatalogIndex, held: ReadonlySet<string>) {
  const heldMemo = new Map<string, boolean>();
  const missingMemo = new Map<string, string[] | null>();
  const IN_PROGRESS: string[] = [];

  function isHeld(id: string): boolean {
    if (held.has(id)) return true;
    const known = heldMemo.get(id);
    if (known !== undefined) return known;
    const parts = index.components.get(id);
    if (!parts) return false;
    heldMemo.set(id, false); // a cycle of stacks is never held by implication
    const result = parts.every(isHeld);
    heldMemo.set(id, result);
    return result;
  }

  /** The leaves an unheld stack still needs, or null when it cannot be earned from the catalog. */
  function missingLeaves(stackId: string): string[] | null {
    const known = missingMemo.get(stackId);
    if (known === IN_PROGRESS) return null;
    if (known !== undefined) return known;
    missingMemo.set(stackId, IN_PROGRESS);
    const leaves = new Set<string>();
    let result: string[] | null = null;
    let earnable = true;
    for (const component of index.components.get(stackId) ?? []) {
      if (isHeld(component)) continue;
      const credential = index.byId.get(component);
      if (!credential) {
        earnable = false;
        break;
      }
      if (!isStack(credential)) {
        leaves.add(component);
        continue;
      }
      const nested = missingLeaves(component);
      if (nested === null) {
        earnable = false;
        break;
      }
      for (const leaf of nested) leaves.add(leaf);
    }
    if (earnable) result = [...leaves].sort(compareOrdinal);
    missingMemo.set(stackId, result);
    return result;
  }

  return { isHeld, missingLeaves };
}

type Option = { leaf: number; stack: -1 } | { leaf: -1; stack: number };

/** The best key found so far; `ids` are leaf indices in ascending (= ordinal id) order. */
interface Best {
  primary: number;
  secondary: number;
  interests: number;
  ids: number[];
}

export function optimalPathway(problem: PathwayProblem): PathwaySolution {
  const index = catalogIndex(problem.catalog);
  const { isHeld, missingLeaves } = holdings(index, problem.held);

  // 1. Which gaps can be closed, and by what.
  const open = problem.gaps.filter((gap) => gap.current < gap.required);
  const closable: GapToClose[] = [];
  const unclosable: GapToClose[] = [];
  const directLeaves = new Set<string>();
  const optionStacks = new Set<string>();
  const universe = new Set<string>();
  for (const gap of open) {
    let any = false;
    for (const { id, level } of index.bySkill.get(gap.skill) ?? []) {
      if (level < gap.required || isHeld(id)) continue;
      const credential = index.byId.get(id);
      if (!credential) continue;
      if (!isStack(credential)) {
        any = true;
        directLeaves.add(id);
        universe.add(id);
        continue;
      }
      const missing = missingLeaves(id);
      if (missing === null || missing.length === 0) continue;
      any = true;
      optionStacks.add(id);
      for (const leaf of missing) universe.add(leaf);
    }
    (any ? closable : unclosable).push(gap);
  }
  if (closable.length === 0) {
    return { take: [], earnedStacks: [], closed: [], unclosable, totalCost: 0, totalHours: 0 };
  }

  // 2. Stacks that taking universe leaves can earn: the unheld ancestors of those leaves whose
  //    missing leaves all lie in the universe (they grant gap skills, interests, or nest further).
  const tracked: string[] = [];
  const seen = new Set<string>();
  const queue = [...universe];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const parent of index.parents.get(id) ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      if (isHeld(parent)) continue;
      const missing = missingLeaves(parent);
      if (missing === null || missing.length === 0 || !missing.every((leaf) => universe.has(leaf))) continue;
      tracked.push(parent);
      queue.push(parent);
    }
  }
  tracked.sort(compareOrdinal);
  const stackComponentLeaves = new Set<string>();
  for (const stackId of tracked) for (const leaf of missingLeaves(stackId) ?? []) stackComponentLeaves.add(leaf);

  // Gap and interest skills, and what each credential grants of them.
  const gapCount = closable.length;
  const interestIds = [...problem.interests];
  const interestIndex = new Map<string, number>();
  interestIds.forEach((skill, i) => interestIndex.set(skill, i));
  const gapsBySkill = new Map<string, number[]>();
  closable.forEach((gap, g) => {
    const list = gapsBySkill.get(gap.skill);
    if (list) list.push(g);
    else gapsBySkill.set(gap.skill, [g]);
  });
  function grantsOf(id: string): { gaps: number[]; interests: number[] } {
    const credential = index.byId.get(id) as Credential;
    const gaps: number[] = [];
    const interests: number[] = [];
    for (const grant of credential.grants) {
      for (const g of gapsBySkill.get(grant.skill) ?? []) {
        if (grant.level >= (closable[g] as GapToClose).required && !gaps.includes(g)) gaps.push(g);
      }
      const k = interestIndex.get(grant.skill);
      if (k !== undefined && !interests.includes(k)) interests.push(k);
    }
    return { gaps, interests };
  }

  const usePrimaryCost = problem.objective === 'cost';
  interface LeafInfo {
    id: string;
    primary: number;
    secondary: number;
    cost: number;
    hours: number;
    gaps: number[];
    interests: number[];
  }
  const leafInfos: LeafInfo[] = [...universe].map((id) => {
    const credential = index.byId.get(id) as Credential;
    const cost = hundredths(credential.cost);
    const hours = hundredths(credential.hours);
    const { gaps, interests } = grantsOf(id);
    return {
      id,
      cost,
      hours,
      primary: usePrimaryCost ? cost : hours,
      secondary: usePrimaryCost ? hours : cost,
      gaps,
      interests,
    };
  });

  // 3. Drop dominated leaves: replacing one by its dominator never makes a solution worse.
  const kept = leafInfos.filter(
    (a) =>
      stackComponentLeaves.has(a.id) ||
      !leafInfos.some(
        (b) =>
          b !== a &&
          b.cost <= a.cost &&
          b.hours <= a.hours &&
          (b.cost < a.cost || b.hours < a.hours || b.id < a.id) &&
          a.gaps.every((g) => b.gaps.includes(g)) &&
          a.interests.every((k) => b.interests.includes(k)),
      ),
  );
  kept.sort((a, b) => compareOrdinal(a.id, b.id));
  const leafCount = kept.length;
  const leafIndex = new Map<string, number>();
  kept.forEach((leaf, i) => leafIndex.set(leaf.id, i));
  const stackIndex = new Map<string, number>();
  tracked.forEach((id, j) => stackIndex.set(id, j));

  const leafPrimary = kept.map((l) => l.primary);
  const leafSecondary = kept.map((l) => l.secondary);
  const leafGaps = kept.map((l) => l.gaps);
  const leafInterests = kept.map((l) => l.interests);
  const leafParents: number[][] = kept.map((l) =>
    (index.parents.get(l.id) ?? []).map((p) => stackIndex.get(p) ?? -1).filter((j) => j >= 0),
  );
  const stackGaps: number[][] = [];
  const stackInterests: number[][] = [];
  const stackParents: number[][] = [];
  const stackMissingDirect: number[] = [];
  const stackLeaves: number[][] = [];
  for (const id of tracked) {
    const { gaps, interests } = grantsOf(id);
    stackGaps.push(gaps);
    stackInterests.push(interests);
    stackParents.push((index.parents.get(id) ?? []).map((p) => stackIndex.get(p) ?? -1).filter((j) => j >= 0));
    stackMissingDirect.push((index.components.get(id) ?? []).filter((c) => !isHeld(c)).length);
    stackLeaves.push((missingLeaves(id) ?? []).map((leaf) => leafIndex.get(leaf) as number));
  }
  const stackCount = tracked.length;

  const gapOptions: Option[][] = closable.map(() => []);
  kept.forEach((leaf, i) => {
    for (const g of leaf.gaps) (gapOptions[g] as Option[]).push({ leaf: i, stack: -1 });
  });
  stackGaps.forEach((gaps, j) => {
    for (const g of gaps) (gapOptions[g] as Option[]).push({ leaf: -1, stack: j });
  });

  const interestCount = interestIds.length;
  const isFree = kept.map((l) => l.cost === 0 && l.hours === 0);
  const anyFree = isFree.some(Boolean);

  // Upper bound on interests any solution can grant.
  let interestCeiling = 0;
  {
    const granted = new Uint8Array(interestCount);
    for (const list of leafInterests) for (const k of list) granted[k] = 1;
    for (const list of stackInterests) for (const k of list) granted[k] = 1;
    for (const flag of granted) interestCeiling += flag;
  }

  // 4. Incremental state of the current selection.
  const taken = new Uint8Array(leafCount);
  const remaining = Int32Array.from(stackMissingDirect);
  const earned = new Uint8Array(stackCount);
  const gapCover = new Int32Array(gapCount);
  const interestCover = new Int32Array(interestCount);
  let uncovered = gapCount;
  let interestsGranted = 0;
  let primary = 0;
  let secondary = 0;
  let count = 0;

  function grant(gaps: number[], interests: number[], delta: 1 | -1): void {
    for (const g of gaps) {
      if (delta === 1) {
        if (gapCover[g]!++ === 0) uncovered--;
      } else if (--gapCover[g]! === 0) uncovered++;
    }
    for (const k of interests) {
      if (delta === 1) {
        if (interestCover[k]!++ === 0) interestsGranted++;
      } else if (--interestCover[k]! === 0) interestsGranted--;
    }
  }
  function earn(j: number): void {
    earned[j] = 1;
    grant(stackGaps[j] as number[], stackInterests[j] as number[], 1);
    for (const p of stackParents[j] as number[]) if (--remaining[p]! === 0) earn(p);
  }
  function unearn(j: number): void {
    for (const p of stackParents[j] as number[]) if (remaining[p]!++ === 0) unearn(p);
    earned[j] = 0;
    grant(stackGaps[j] as number[], stackInterests[j] as number[], -1);
  }
  function add(i: number): void {
    taken[i] = 1;
    count++;
    primary += leafPrimary[i] as number;
    secondary += leafSecondary[i] as number;
    grant(leafGaps[i] as number[], leafInterests[i] as number[], 1);
    for (const j of leafParents[i] as number[]) if (--remaining[j]! === 0) earn(j);
  }
  function remove(i: number): void {
    for (const j of leafParents[i] as number[]) if (remaining[j]!++ === 0) unearn(j);
    taken[i] = 0;
    count--;
    primary -= leafPrimary[i] as number;
    secondary -= leafSecondary[i] as number;
    grant(leafGaps[i] as number[], leafInterests[i] as number[], -1);
  }

  let best: Best | null = null;

  /** −1 when (p, s, −i, c) is better than the best key's prefix, 0 when equal, 1 when worse. */
  function comparePrefix(p: number, s: number, i: number, c: number): number {
    if (best === null) return -1;
    if (p !== best.primary) return p < best.primary ? -1 : 1;
    if (s !== best.secondary) return s < best.secondary ? -1 : 1;
    if (i !== best.interests) return i > best.interests ? -1 : 1;
    if (c !== best.ids.length) return c < best.ids.length ? -1 : 1;
    return 0;
  }
  function evaluate(): void {
    const order = comparePrefix(primary, secondary, interestsGranted, count);
    if (order > 0) return;
    const ids: number[] = [];
    for (let i = 0; i < leafCount; i++) if (taken[i]) ids.push(i);
    if (order === 0 && best !== null) {
      let cmp = 0;
      for (let k = 0; k < ids.length && cmp === 0; k++) cmp = (ids[k] as number) - (best.ids[k] as number);
      if (cmp >= 0) return;
    }
    best = { primary, secondary, interests: interestsGranted, ids };
  }

  // Extension of a complete cover by free credentials (zero cost and zero hours): most interests,
  // then fewest credentials, then smallest ids — an exact small cover search over the interests.
  const freeForbid = new Uint16Array(leafCount);
  const freeStackForbid = new Uint16Array(stackCount);
  const interestTarget = new Uint8Array(interestCount);
  function extendWithFree(): void {
    if (!anyFree || interestsGranted >= interestCeiling) return evaluate();
    const added: number[] = [];
    for (let i = 0; i < leafCount; i++) {
      if (isFree[i] && !taken[i]) {
        add(i);
        added.push(i);
      }
    }
    const ceiling = interestsGranted;
    for (let k = 0; k < interestCount; k++) interestTarget[k] = (interestCover[k] as number) > 0 ? 1 : 0;
    for (let a = added.length - 1; a >= 0; a--) remove(added[a] as number);
    if (ceiling === interestsGranted) return evaluate();
    freeSearch(ceiling);
  }
  function freeStackUsable(j: number): boolean {
    if (earned[j] || freeStackForbid[j]) return false;
    for (const i of stackLeaves[j] as number[]) if (!taken[i] && (!isFree[i] || freeForbid[i])) return false;
    return true;
  }
  function freeSearch(ceiling: number): void {
    if (interestsGranted === ceiling) return evaluate();
    if (comparePrefix(primary, secondary, ceiling, count + 1) > 0) return;
    let chosen = -1;
    let chosenOptions: Option[] = [];
    for (let k = 0; k < interestCount; k++) {
      if (!interestTarget[k] || (interestCover[k] as number) > 0) continue;
      const options: Option[] = [];
      for (let i = 0; i < leafCount; i++) {
        if (isFree[i] && !taken[i] && !freeForbid[i] && (leafInterests[i] as number[]).includes(k)) options.push({ leaf: i, stack: -1 });
      }
      for (let j = 0; j < stackCount; j++) {
        if ((stackInterests[j] as number[]).includes(k) && freeStackUsable(j)) options.push({ leaf: -1, stack: j });
      }
      if (options.length === 0) return; // forbidden paths only: another branch covers it
      if (chosen === -1 || options.length < chosenOptions.length) {
        chosen = k;
        chosenOptions = options;
      }
    }
    branch(chosenOptions, freeForbid, freeStackForbid, () => freeSearch(ceiling));
  }

  /** Try each option in turn, forbidding the earlier ones in later siblings. */
  function branch(options: Option[], leafForbid: Uint16Array, stackForbid: Uint16Array, next: () => void): void {
    for (const option of options) {
      const added: number[] = [];
      if (option.leaf >= 0) {
        add(option.leaf);
        added.push(option.leaf);
      } else {
        for (const i of stackLeaves[option.stack] as number[]) {
          if (!taken[i]) {
            add(i);
            added.push(i);
          }
        }
      }
      next();
      for (let a = added.length - 1; a >= 0; a--) remove(added[a] as number);
      if (option.leaf >= 0) leafForbid[option.leaf]!++;
      else stackForbid[option.stack]!++;
    }
    for (const option of options) {
      if (option.leaf >= 0) leafForbid[option.leaf]!--;
      else stackForbid[option.stack]!--;
    }
  }

  const leafForbid = new Uint16Array(leafCount);
  const stackForbid = new Uint16Array(stackCount);
  interface Scored {
    option: Option;
    primary: number;
    secondary: number;
    count: number;
  }
  function search(): void {
    if (uncovered === 0) return extendWithFree();
    let lowerPrimary = 0;
    let lowerSecondary = 0;
    let lowerCount = 0;
    let chosen: Scored[] | null = null;
    for (let g = 0; g < gapCount; g++) {
      if ((gapCover[g] as number) > 0) continue;
      const scored: Scored[] = [];
      let minPrimary = Infinity;
      let minSecondary = Infinity;
      let minCount = Infinity;
      for (const option of gapOptions[g] as Option[]) {
        let p = 0;
        let s = 0;
        let c = 0;
        if (option.leaf >= 0) {
          if (leafForbid[option.leaf]) continue;
          p = leafPrimary[option.leaf] as number;
          s = leafSecondary[option.leaf] as number;
          c = 1;
        } else {
          if (stackForbid[option.stack]) continue;
          let feasible = true;
          for (const i of stackLeaves[option.stack] as number[]) {
            if (taken[i]) continue;
            if (leafForbid[i]) {
              feasible = false;
              break;
            }
            p += leafPrimary[i] as number;
            s += leafSecondary[i] as number;
            c++;
          }
          if (!feasible) continue;
        }
        scored.push({ option, primary: p, secondary: s, count: c });
        if (p < minPrimary) minPrimary = p;
        if (s < minSecondary) minSecondary = s;
        if (c < minCount) minCount = c;
      }
      if (scored.length === 0) return; // this branch forbade every way to close g
      if (minPrimary > lowerPrimary) lowerPrimary = minPrimary;
      if (minSecondary > lowerSecondary) lowerSecondary = minSecondary;
      if (minCount > lowerCount) lowerCount = minCount;
      if (chosen === null || scored.length < chosen.length) chosen = scored;
    }
    if (comparePrefix(primary + lowerPrimary, secondary + lowerSecondary, interestCeiling, count + lowerCount) > 0) return;
    (chosen as Scored[]).sort(
      (a, b) => a.primary - b.primary || a.secondary - b.secondary || a.count - b.count,
    );
    branch(
      (chosen as Scored[]).map((s) => s.option),
      leafForbid,
      stackForbid,
      search,
    );
  }
  search();

  // 5. Replay the best selection to report it.
  const winner = best as Best | null;
  const chosenLeaves = winner ? winner.ids : [];
  for (const i of chosenLeaves) add(i);
  const earnedStacks = tracked.filter((_, j) => earned[j]);
  let totalCost = 0;
  let totalHours = 0;
  for (const i of chosenLeaves) {
    totalCost += (kept[i] as LeafInfo).cost;
    totalHours += (kept[i] as LeafInfo).hours;
  }
  return {
    take: chosenLeaves.map((i) => (kept[i] as LeafInfo).id),
    earnedStacks,
    closed: [...new Set(closable.map((gap) => gap.skill))].sort(compareOrdinal),
    unclosable,
    totalCost: totalCost / 100,
    totalHours: totalHours / 100,
  };
}
