// Training plans (issue 13 point 6), one per author: the cohorts, budget picks and pathways someone
// is gathering, kept by the backend so a plan follows its author to any browser, never stays behind
// on a shared computer after sign-out, and is purged with a person who is erased (a plan names
// people: a pathway item carries its person's name). The page reads and writes its author's plan
// whole; pricing, totals, export and assignment take the plan in the request (planRoutes).
import { planWithoutPerson } from '../../domain/recommend/trainingPlan';
import type { SavedPlan } from '../../api/contract';
import { keyValueDatabase } from '../store/keyValueDatabase';

export interface PlanStore {
  /** The author's plan (callerKeyOf), undefined before they saved one. */
  load(owner: string): Promise<SavedPlan | undefined>;
  save(owner: string, plan: SavedPlan): Promise<void>;
  /**
   * Removes a person from every plan (erasure). Absent where the organisation store's own erasure
   * transaction does it (PostgreSQL: the plans live in the same database).
   */
  forgetPerson?(employeeId: string): Promise<void>;
}

/** Plans in memory: `plans` may be given, so that a test can empty them between cases. */
export function memoryPlanStore(plans = new Map<string, SavedPlan>()): PlanStore {
  return {
    async load(owner) {
      return plans.get(owner);
    },
    async save(owner, plan) {
      plans.set(owner, plan);
    },
    async forgetPerson(employeeId) {
      for (const [owner, plan] of plans) {
        const without = planWithoutPerson(plan, employeeId);
        if (without) plans.set(owner, without);
      }
    },
  };
}

/** Plans in the browser's IndexedDB (the browser host): a reload keeps them, every tab sees the same. */
export function indexedDbPlanStore(factory: IDBFactory = indexedDB): PlanStore {
  const database = keyValueDatabase('gapmap-plans', factory);
  return {
    load: async (owner) => (await database.get(owner)) as SavedPlan | undefined,
    save: (owner, plan) => database.put(owner, plan),
    async forgetPerson(employeeId) {
      for (const [owner, plan] of await database.entries()) {
        const without = planWithoutPerson(plan as SavedPlan, employeeId);
        if (without) await database.put(owner, without);
      }
    },
  };
}

/** IndexedDB where there is one (the browser), else memory (tests). */
export function defaultPlanStore(): PlanStore {
  return typeof indexedDB === 'undefined' ? memoryPlanStore() : indexedDbPlanStore();
}
