// The current person's training plan: the store keeps one plan per organisation and person (on a
// server the signed-in account, in the browser the persona), so switching persona never mixes plans.
import { useQuery } from '@tanstack/react-query';
import { gapmapQueries } from '../api/queries';
import { encodePersona, type PlanItem } from '../api/contract';
import { planOf, usePlanStore } from '../stores/plan';
import { useUi } from '../stores/ui';

export function usePlan() {
  const persona = useUi((state) => state.persona);
  const session = useQuery(gapmapQueries.session(persona));
  const owner = session.data ? `${session.data.organisationName}\u0000${session.data.user?.via === 'persona' || !session.data.user ? encodePersona(persona) : (session.data.user.email ?? session.data.user.name)}` : undefined;
  const plan = usePlanStore((state) => (owner === undefined ? undefined : planOf(state, owner)));
  const store = usePlanStore.getState();
  return {
    /** Undefined until the session says whose plan it is. */
    ready: owner !== undefined,
    items: plan?.items ?? [],
    budget: plan?.budget ?? null,
    has: (itemId: string) => (plan?.items ?? []).some((item) => item.id === itemId),
    add: (item: PlanItem) => owner !== undefined && store.add(owner, item),
    remove: (itemId: string) => owner !== undefined && store.remove(owner, itemId),
    setQuarter: (itemId: string, quarter: string) => owner !== undefined && store.setQuarter(owner, itemId, quarter),
    setBudget: (budget: number | null) => owner !== undefined && store.setBudget(owner, budget),
    clear: () => owner !== undefined && store.clear(owner),
  };
}
