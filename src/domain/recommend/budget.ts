// Spending a training budget (SPEC §3 "Recommendations", under a budget B): which (employee,
// credential) pairs of the optimal pathways to fund so the most weighted gap closes within B.
import { compareOrdinal } from '../reports';
import type { Pathway, PathwayStep } from './pathway';

export interface BudgetAssignment {
  employeeId: string;
  credentialId: string;
  /** 0 for an earned stack: it comes with the courses it needs. */
  cost: number;
  weightedGapClosed: number;
  /** An earned stack: nothing to book or assign, its courses are. */
  isStack: boolean;
}

export interface BudgetPlan {
  /** Sorted by employee id, then credential id. */
  assignments: BudgetAssignment[];
  spent: number;
  weightedGapClosed: number;
  /** Of all the pathways: what the plan would close with no budget limit. */
  totalWeightedGap: number;
  method: string;
  guarantee: string;
}

export type BudgetMethod = 'auto' | 'exact' | 'greedy';

export interface BudgetOptions {
  /** 'auto' (the default) solves exactly when the problem is small enough, else greedily. */
  method?: BudgetMethod;
}

/*
 * Model. Each employee's choices come from their optimal pathway: a course counts with the weighted
 * gap credited to it; an earned stack's weighted gap counts only when every course it needs is funded
 * (a stack costs nothing itself). Courses linked through stacks form a group, and a group is funded
 * as one of its subsets (enumerated, keeping only those no cheaper subset beats): a multiple-choice
 * knapsack. Amounts are handled in cents, so sums are exact.
 *
 * Exact method: dynamic programming over the weighted gap (whole numbers: weight × levels), keeping
 * the least cost for each total — exact for any prices, O(options × total weighted gap). Used when
 * that is at most EXACT_WORK steps and EXACT_BYTES of choice rows (a team, or a department).
 * Greedy method (larger selections, e.g. the whole organisation): the LP-relaxation greedy — each
 * group's subsets reduced to their upper convex hull, the hull's increments taken by weighted gap per
 * unit cost while they fit — compared with the best single subset that fits; the better of the two
 * closes at least half of the optimum (greedy prefix + the first increment that did not fit ≥ the LP
 * optimum ≥ the true optimum, and that increment is worth no more than the best single subset).
 */

const EXACT_WORK = 60_000_000;
/** Most bytes of choice rows kept for the exact method's reconstruction (1 byte a cell, rows grow). */
const EXACT_BYTES = 24_000_000;
/** Largest group whose subsets are all enumerated (2^16 subsets). */
const MAX_ENUMERATED_GROUP = 16;

interface GroupOption {
  costCents: number;
  value: number;
  steps: PathwayStep[];
}

interface Group {
  employeeId: string;
  /** Pareto-efficient subsets: cost ascending, value strictly ascending, all positive value and within budget. */
  options: GroupOption[];
}

function cents(amount: number): number {
  return Number.isFinite(amount) ? Math.round(amount * 100) : 0;
}

export function budgetPlan(pathways: readonly Pathway[], budget: number, options: BudgetOptions = {}): BudgetPlan {
  const budgetCents = Math.max(0, Number.isFinite(budget) ? Math.floor(budget * 100 + 1e-6) : 0);
  const totalWeightedGap = pathways.reduce((sum, pathway) => sum + pathway.weightedGapClosed, 0);
  const { groups, complete } = buildGroups(pathways, budgetCents);

  const wholeNumbers = groups.every((group) => group.options.every((option) => Number.isInteger(option.value)));
  const totalValue = groups.reduce((sum, group) => sum + (group.options.at(-1)?.value ?? 0), 0);
  let work = 0;
  let bytes = 0;
  let reach = 0;
  for (const group of groups) {
    reach += group.options.at(-1)?.value ?? 0;
    work += group.options.length * (reach + 1);
    bytes += (reach + 1) * (group.options.length < 0xff ? 1 : 2);
  }
  const fitsRows = groups.every((group) => group.options.length < 0xffff);
  const requested = options.method ?? 'auto';
  const exact = wholeNumbers && fitsRows && (requested === 'exact' || (requested === 'auto' && work <= EXACT_WORK && bytes <= EXACT_BYTES));

  const chosen = exact ? exactChoice(groups, budgetCents, totalValue) : greedyChoice(groups, budgetCents);
  const assignments: BudgetAssignment[] = [];
  let spentCents = 0;
  let closed = 0;
  chosen.forEach((option, g) => {
    if (option === null) return;
    spentCents += option.costCents;
    closed += option.value;
    for (const step of option.steps) {
      assignments.push({
        employeeId: (groups[g] as Group).employeeId,
        credentialId: step.credentialId,
        cost: step.isStack ? 0 : step.cost,
        weightedGapClosed: step.weightedGapClosed,
        isStack: step.isStack,
      });
    }
  });
  assignments.sort((a, b) => compareOrdinal(a.employeeId, b.employeeId) || compareOrdinal(a.credentialId, b.credentialId));

  const caveat = complete
    ? ''
    : ' (one pathway links more than 16 courses through stacks; only some of its subsets were considered)';
  return {
    assignments,
    spent: spentCents / 100,
    weightedGapClosed: closed,
    totalWeightedGap,
    method: exact
      ? 'exact: multiple-choice knapsack by dynamic programming over weighted gap'
      : 'greedy: weighted gap per unit cost, or the single best choice if that closes more',
    guarantee: exact
      ? `closes the most weighted gap any choice of these pathways' courses can within the budget${caveat}`
      : `closes at least half the weighted gap the best choice within the budget would close${caveat}`,
  };
}

/** Each pathway's courses, grouped where stacks link them, as the subsets worth funding. */
function buildGroups(pathways: readonly Pathway[], budgetCents: number): { groups: Group[]; complete: boolean } {
  const groups: Group[] = [];
  let complete = true;
  for (const pathway of pathways) {
    const hasStack = pathway.steps.some((step) => step.isStack);
    if (!hasStack) {
      // The usual case: every course stands alone, one option each.
      for (const step of pathway.steps) {
        const costCents = cents(step.cost);
        if (step.weightedGapClosed > 0 && costCents <= budgetCents) {
          groups.push({ employeeId: pathway.employeeId, options: [{ costCents, value: step.weightedGapClosed, steps: [step] }] });
        }
      }
      continue;
    }
    complete = linkedGroups(pathway, budgetCents, groups) && complete;
  }
  return { groups, complete };
}

/** Groups of a pathway with stacks; false when a group was too large to enumerate every subset. */
function linkedGroups(pathway: Pathway, budgetCents: number, groups: Group[]): boolean {
  let complete = true;
  const courses = pathway.steps.filter((step) => !step.isStack);
  const position = new Map(courses.map((step, i) => [step.credentialId, i]));
  const stacks: { step: PathwayStep; needs: number[] }[] = [];
  for (const step of pathway.steps) {
    if (!step.isStack) continue;
    const needs = (step.needs ?? []).map((id) => position.get(id) ?? -1);
    if (needs.every((i) => i >= 0)) stacks.push({ step, needs }); // a stack needing an unknown course never counts
  }
  const freeStacks = stacks.filter((stack) => stack.needs.length === 0);
  if (freeStacks.length > 0) {
    // Earned with no course at all (the optimiser never does this): always funded.
    const value = freeStacks.reduce((sum, stack) => sum + stack.step.weightedGapClosed, 0);
    const options = paretoOptions([{ costCents: 0, value, steps: freeStacks.map((stack) => stack.step) }], budgetCents);
    if (options.length > 0) groups.push({ employeeId: pathway.employeeId, options });
  }

  // Union-find: courses needed by the same stack are funded together or not at all.
  const parent = courses.map((_, i) => i);
  for (const { needs } of stacks) for (const i of needs.slice(1)) parent[findRoot(parent, i)] = findRoot(parent, needs[0] as number);
  const members = new Map<number, number[]>();
  courses.forEach((_, i) => {
    const root = findRoot(parent, i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });

  for (const group of members.values()) {
    const inGroup = new Set(group);
    const groupStacks = stacks.filter((stack) => stack.needs.length > 0 && inGroup.has(stack.needs[0] as number));
    const subsets: number[][] = [];
    if (group.length <= MAX_ENUMERATED_GROUP) {
      for (let mask = 1; mask < 1 << group.length; mask++) subsets.push(group.filter((_, k) => mask & (1 << k)));
    } else {
      complete = false;
      for (const i of group) subsets.push([i]);
      for (const stack of groupStacks) subsets.push(stack.needs);
      subsets.push(group);
    }
    const candidates = subsets.map((subset) => subsetOption(courses, groupStacks, subset));
    const options = paretoOptions(candidates, budgetCents);
    if (options.length > 0) groups.push({ employeeId: pathway.employeeId, options });
  }
  return complete;
}

function findRoot(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
  return i;
}

/** Funding exactly these courses: their cost, their value and that of every stack they complete. */
function subsetOption(courses: readonly PathwayStep[], stacks: readonly { step: PathwayStep; needs: number[] }[], subset: readonly number[]): GroupOption {
  const steps = subset.map((i) => courses[i] as PathwayStep);
  let costCents = 0;
  let value = 0;
  for (const step of steps) {
    costCents += cents(step.cost);
    value += step.weightedGapClosed;
  }
  for (const stack of stacks) {
    if (stack.needs.every((i) => subset.includes(i))) {
      steps.push(stack.step);
      value += stack.step.weightedGapClosed;
    }
  }
  return { costCents, value, steps };
}

/** Keeps the options no other beats: within budget, positive value, cost ascending with value strictly rising. */
function paretoOptions(candidates: GroupOption[], budgetCents: number): GroupOption[] {
  const sorted = candidates
    .filter((option) => option.value > 0 && option.costCents <= budgetCents)
    .sort((a, b) => a.costCents - b.costCents || b.value - a.value || a.steps.length - b.steps.length);
  const kept: GroupOption[] = [];
  for (const option of sorted) {
    const last = kept.at(-1);
    if (last === undefined || option.value > last.value) kept.push(option);
  }
  return kept;
}

/** Least cost for every total weighted gap, one option (or none) per group; the best total that fits. */
function exactChoice(groups: readonly Group[], budgetCents: number, totalValue: number): (GroupOption | null)[] {
  const least = new Float64Array(totalValue + 1).fill(Infinity);
  least[0] = 0;
  // Each group's row covers only the totals reachable so far: about half the full table.
  const rows: (Uint8Array | Uint16Array)[] = [];
  let reach = 0;
  for (const group of groups) {
    const options = group.options;
    reach += options.at(-1)?.value ?? 0;
    const row = options.length < 0xff ? new Uint8Array(reach + 1) : new Uint16Array(reach + 1);
    rows.push(row);
    // Descending totals read the previous group's values in place (at most one option per group).
    for (let v = reach; v >= 0; v--) {
      let best = least[v] as number;
      let pick = 0;
      for (let o = 0; o < options.length; o++) {
        const option = options[o] as GroupOption;
        if (option.value > v) break; // options rise in value
        const cost = (least[v - option.value] as number) + option.costCents;
        if (cost < best) {
          best = cost;
          pick = o + 1;
        }
      }
      if (pick > 0) {
        least[v] = best;
        row[v] = pick;
      }
    }
  }
  let total = 0;
  for (let v = totalValue; v > 0; v--) {
    if ((least[v] as number) <= budgetCents) {
      total = v;
      break;
    }
  }
  const chosen: (GroupOption | null)[] = groups.map(() => null);
  for (let g = groups.length - 1; g >= 0 && total > 0; g--) {
    const pick = (rows[g] as Uint8Array | Uint16Array)[total] as number;
    if (pick === 0) continue;
    const option = (groups[g] as Group).options[pick - 1] as GroupOption;
    chosen[g] = option;
    total -= option.value;
  }
  return chosen;
}

/** The LP greedy over convex-hull increments, or the best single option when that is worth more. */
function greedyChoice(groups: readonly Group[], budgetCents: number): (GroupOption | null)[] {
  interface Increment {
    group: number;
    level: number;
    cost: number;
    value: number;
  }
  const hulls: GroupOption[][] = [];
  const increments: Increment[] = [];
  groups.forEach((group, g) => {
    // Upper convex hull from (0, 0): gains per cent strictly falling, as the LP relaxation uses them.
    const hull: { costCents: number; value: number; option: GroupOption | null }[] = [{ costCents: 0, value: 0, option: null }];
    for (const option of group.options) {
      while (hull.length >= 2) {
        const a = hull[hull.length - 2] as (typeof hull)[number];
        const b = hull[hull.length - 1] as (typeof hull)[number];
        if ((b.value - a.value) * (option.costCents - b.costCents) <= (option.value - b.value) * (b.costCents - a.costCents)) hull.pop();
        else break;
      }
      hull.push({ costCents: option.costCents, value: option.value, option });
    }
    hulls.push(hull.slice(1).map((point) => point.option as GroupOption));
    for (let k = 1; k < hull.length; k++) {
      const from = hull[k - 1] as (typeof hull)[number];
      const to = hull[k] as (typeof hull)[number];
      increments.push({ group: g, level: k, cost: to.costCents - from.costCents, value: to.value - from.value });
    }
  });
  // Best gain per cent first (free gains before all), then earlier groups, then lower levels.
  increments.sort((a, b) => b.value * a.cost - a.value * b.cost || a.group - b.group || a.level - b.level);

  const level = new Int32Array(groups.length);
  let spent = 0;
  let greedyValue = 0;
  for (const increment of increments) {
    // A group's later increments build on this one: once one does not fit, the level check skips them.
    if (level[increment.group] !== increment.level - 1 || spent + increment.cost > budgetCents) continue;
    spent += increment.cost;
    greedyValue += increment.value;
    level[increment.group] = increment.level;
  }

  let single: { group: number; option: GroupOption } | null = null;
  groups.forEach((group, g) => {
    const top = group.options.at(-1); // options are within budget, the last is worth most
    if (top && (single === null || top.value > single.option.value)) single = { group: g, option: top };
  });
  const best = single as { group: number; option: GroupOption } | null;
  if (best !== null && best.option.value > greedyValue) {
    return groups.map((_, g) => (g === best.group ? best.option : null));
  }
  return groups.map((_, g) => {
    const reached = level[g] as number;
    return reached === 0 ? null : ((hulls[g] as GroupOption[])[reached - 1] as GroupOption);
  });
}
