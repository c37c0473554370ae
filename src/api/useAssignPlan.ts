// Assigning the whole training plan as goals: one request, one change on the backend; afterwards
// every figure is fetched again (the goals lists, the cohorts' and pathways' "assigned", the plan's).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignPlan } from './mutations';
import { gapmapQueries } from './queries';
import type { Persona, PlanRequest } from './contract';

export function useAssignPlan(persona: Persona, asOf: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: PlanRequest) => assignPlan(persona, plan, asOf),
    onSettled: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
}
