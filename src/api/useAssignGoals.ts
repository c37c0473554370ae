// Assigning goals, optimistically: the goals lists show the new goals at once, and go back to
// what they were, with the API's reason, if the API refuses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assignGoals } from './mutations';
import { gapmapQueries } from './queries';
import type { AssignGoalsRequest, GoalList, Persona } from './contract';

const goalListsKey = [...gapmapQueries.all, 'goals'] as const;

/** The (employee, credential) pairs a request asks for, whichever form it takes. */
export function requestedPairs(request: AssignGoalsRequest): { employee: string; credential: string }[] {
  if ('pairs' in request) return request.pairs;
  const credential = request.credential;
  return request.employees.map((employee) => ({ employee, credential }));
}

export function useAssignGoals(persona: Persona, names: { employees: Map<string, { name: string; team: string }>; credentialName: string; credentialNames?: Map<string, string> }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AssignGoalsRequest) => assignGoals(persona, request),
    onMutate: async (request) => {
      await queryClient.cancelQueries({ queryKey: goalListsKey });
      const previous = queryClient.getQueriesData<GoalList>({ queryKey: goalListsKey });
      const today = new Date().toISOString().slice(0, 10);
      const pending: GoalList['goals'] = requestedPairs(request).map(({ employee, credential }) => ({
        goal: { id: `pending:${employee}:${credential}`, employee, credential, dueOn: request.dueOn, kind: request.kind, status: 'assigned', assignedBy: '', createdOn: today },
        employeeName: names.employees.get(employee)?.name ?? employee,
        team: names.employees.get(employee)?.team ?? '',
        credentialName: names.credentialNames?.get(credential) ?? names.credentialName,
        completed: false,
        overdue: false,
        status: 'assigned',
      }));
      queryClient.setQueriesData<GoalList>({ queryKey: goalListsKey }, (list) => (list ? { ...list, goals: [...list.goals, ...pending], total: list.total + pending.length } : list));
      return { previous };
    },
    onError: (_error, _request, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
}
