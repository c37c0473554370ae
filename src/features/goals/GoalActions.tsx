// Cancel or reopen a goal; a goal completed by an award needs no action.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateGoalStatus } from '../../api/mutations';
import { gapmapQueries } from '../../api/queries';
import type { GoalList, Persona } from '../../api/contract';
import { ErrorMessage } from '../../components/QueryState';

export function GoalActions({ persona, goal }: { persona: Persona; goal: GoalList['goals'][number] }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: 'assigned' | 'cancelled') => updateGoalStatus(persona, goal.goal.id, status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
  if (goal.completed || goal.goal.id.startsWith('pending:')) return null;
  const cancelled = goal.status === 'cancelled';
  return (
    <>
      <button type="button" className="secondary" disabled={update.isPending} onClick={() => update.mutate(cancelled ? 'assigned' : 'cancelled')} aria-label={`${cancelled ? 'Reopen' : 'Cancel'} the goal ${goal.credentialName} for ${goal.employeeName}`}>
        {cancelled ? 'Reopen' : 'Cancel'}
      </button>
      {update.error ? <ErrorMessage error={update.error} /> : null}
    </>
  );
}
