// The training plan being put together (issue 13 point 6): what the user is doing, so UI state —
// kept in this browser (localStorage) per organisation and person, never sent anywhere until the
// plan page asks the backend to price, export or assign it.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { PlanItem } from '../api/contract';

export interface PlanOfOwner {
  items: PlanItem[];
  /** The budget the plan is held against; null for none. */
  budget: number | null;
}

const EMPTY: PlanOfOwner = { items: [], budget: null };

interface PlanState {
  /** By owner: the organisation and who is planning (see usePlan). */
  plans: Record<string, PlanOfOwner>;
  /** Adds an item, or replaces the item with its id (adding a cohort again refreshes its people). */
  add: (owner: string, item: PlanItem) => void;
  remove: (owner: string, itemId: string) => void;
  setQuarter: (owner: string, itemId: string, quarter: string) => void;
  setBudget: (owner: string, budget: number | null) => void;
  clear: (owner: string) => void;
}

function update(state: PlanState, owner: string, change: (plan: PlanOfOwner) => PlanOfOwner): Pick<PlanState, 'plans'> {
  return { plans: { ...state.plans, [owner]: change(state.plans[owner] ?? EMPTY) } };
}

export const usePlanStore = create<PlanState>()(
  persist(
    (set) => ({
      plans: {},
      add: (owner, item) =>
        set((state) =>
          update(state, owner, (plan) => {
            const at = plan.items.findIndex((candidate) => candidate.id === item.id);
            const items = at < 0 ? [...plan.items, item] : plan.items.map((candidate, i) => (i === at ? { ...item, quarter: candidate.quarter ?? item.quarter } : candidate));
            return { ...plan, items };
          }),
        ),
      remove: (owner, itemId) => set((state) => update(state, owner, (plan) => ({ ...plan, items: plan.items.filter((item) => item.id !== itemId) }))),
      setQuarter: (owner, itemId, quarter) => set((state) => update(state, owner, (plan) => ({ ...plan, items: plan.items.map((item) => (item.id === itemId ? { ...item, quarter } : item)) }))),
      setBudget: (owner, budget) => set((state) => update(state, owner, (plan) => ({ ...plan, budget }))),
      clear: (owner) => set((state) => update(state, owner, () => EMPTY)),
    }),
    { name: 'gapmap-plan', version: 1 },
  ),
);

/** The plan of one owner (a stable empty plan when there is none yet). */
export function planOf(state: PlanState, owner: string): PlanOfOwner {
  return state.plans[owner] ?? EMPTY;
}
