// The signed-in author's training plan, kept by the backend (GET/PUT /api/plan): read once, changed
// here at once (the page never waits for a round trip to show an added cohort) and saved whole after
// each change. Saves run one after another in the order made (a mutation scope), so the stored plan
// is always the last one shown; a failed save says so and the stored plan is read again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, putJson } from './client';
import { savedPlanSchema, type Persona, type PlanItem, type SavedPlan } from './contract';

/** Outside gapmapQueries.all on purpose: an organisation change refetches every figure, never the plan being edited. */
const savedPlanKey = (persona: Persona) => ['gapmap-saved-plan', persona] as const;

const EMPTY: SavedPlan = { items: [], budget: null };

// —— The edits (each returns the next plan) ——

/** Adds an item, or replaces the item with its id (adding a cohort again refreshes its people, keeping its quarter). */
function withItem(plan: SavedPlan, item: PlanItem): SavedPlan {
  const at = plan.items.findIndex((candidate) => candidate.id === item.id);
  const items = at < 0 ? [...plan.items, item] : plan.items.map((candidate, index) => (index === at ? { ...item, quarter: candidate.quarter ?? item.quarter } : candidate));
  return { ...plan, items };
}

export function useSavedPlan(persona: Persona) {
  const queryClient = useQueryClient();
  const key = savedPlanKey(persona);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => getJson(savedPlanSchema, persona, '/plan', {}, signal), staleTime: Infinity });
  const save = useMutation({
    scope: { id: 'saved-plan' },
    mutationFn: (plan: SavedPlan) => putJson(savedPlanSchema, persona, '/plan', plan),
    // What the backend kept is what is shown; on failure, read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const change = (edit: (plan: SavedPlan) => SavedPlan) => {
    const current = queryClient.getQueryData<SavedPlan>(key);
    if (current === undefined) return;
    const next = edit(current);
    queryClient.setQueryData(key, next);
    save.mutate(next);
  };
  const plan = query.data ?? EMPTY;
  return {
    /** False until the stored plan has been read (nothing can be added before). */
    ready: query.data !== undefined,
    items: plan.items,
    budget: plan.budget,
    /** Why the plan could not be read or the last change saved, if so. */
    error: query.error ?? save.error,
    has: (itemId: string) => plan.items.some((item) => item.id === itemId),
    add: (...items: PlanItem[]) => change((current) => items.reduce(withItem, current)),
    remove: (itemId: string) => change((current) => ({ ...current, items: current.items.filter((item) => item.id !== itemId) })),
    setQuarter: (itemId: string, quarter: string) => change((current) => ({ ...current, items: current.items.map((item) => (item.id === itemId ? { ...item, quarter } : item)) })),
    setBudget: (budget: number | null) => change((current) => ({ ...current, budget })),
    clear: () => change(() => EMPTY),
  };
}
