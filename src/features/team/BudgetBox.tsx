// The budget box (SPEC §3, under a budget B): the best assignments for a budget, how much of the
// team's gap that courses can close they close, and what the method guarantees, in plain words.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState, ErrorMessage } from '../../components/QueryState';
import { Compared } from '../../components/Compared';
import { formatMoney, formatPercent } from '../../components/format';
import { GlossaryLink } from '../../components/GlossaryLink';
import { usePlan } from '../../components/usePlan';

/** The API names its method technically ("multiple-choice knapsack…"); people need what it promises. */
export function planGuarantee(method: string, guarantee: string): string {
  const caveat = /\(([^)]*)\)\s*$/.exec(guarantee)?.[1];
  const promise = method.startsWith('exact')
    ? 'No other choice of these courses within the budget closes more of the gap.'
    : 'A quick plan for a large selection: it closes at least half of what the best choice within the budget would.';
  return caveat ? `${promise} Note: ${caveat}.` : promise;
}

export function BudgetBox({ team }: { team: string }) {
  const { persona, asOf, evidence } = useViewContext();
  const search = useSearch({ from: '/teams/$team' });
  const navigate = useNavigate({ from: '/teams/$team' });
  const [draft, setDraft] = useState(search.budget === undefined ? '' : String(search.budget));
  const objective = search.objective ?? 'cost';
  const trainingPlan = usePlan();
  const plan = useQuery({ ...gapmapQueries.budget(persona, team, asOf, objective, search.budget ?? 0, evidence), enabled: search.budget !== undefined });
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">Spend a budget</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const budget = Number(draft);
          if (draft.trim() !== '' && Number.isFinite(budget) && budget >= 0) void navigate({ search: (previous) => ({ ...previous, budget }) });
        }}
      >
        <label htmlFor="budget-amount">Budget</label>
        <input id="budget-amount" type="number" min={0} step={50} inputMode="decimal" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit">Plan</button>
      </form>
      {search.budget !== undefined ? (
        <QueryState query={plan} label="Planning the budget">
          {(data) => (
            <div className="budget-result" role="status">
              <p>
                <strong>
                  {formatMoney(data.spent, data.currency)} of {formatMoney(data.budget, data.currency)}
                </strong>{' '}
                closes a weighted gap of <strong>{data.weightedGapClosed}</strong> of the {data.totalWeightedGap} that courses can close ({formatPercent(data.totalWeightedGap ? data.weightedGapClosed / data.totalWeightedGap : null)}). <GlossaryLink term="weighted-gap" />
              </p>
              {data.baseline ? (
                // Under a what-if draft, the best plan for the same budget on the stored organisation beside this one.
                <dl className="budget-compared">
                  <dt>Spent, stored → draft</dt>
                  <dd><Compared baseline={data.baseline.spent} scenario={data.spent} kind="money" currency={data.currency} /></dd>
                  <dt>Weighted gap closed</dt>
                  <dd><Compared baseline={data.baseline.weightedGapClosed} scenario={data.weightedGapClosed} kind="count" /></dd>
                  <dt>Weighted gap courses can close</dt>
                  <dd><Compared baseline={data.baseline.totalWeightedGap} scenario={data.totalWeightedGap} kind="count" /></dd>
                </dl>
              ) : null}
              <p className="muted">{planGuarantee(data.method, data.guarantee)}</p>
              {data.assignments.some((assignment) => !assignment.isStack) ? (
                <p>
                  {trainingPlan.has(`budget:${team}`) ? <span className="muted">The plan holds this team’s budget picks; adding again replaces them. </span> : null}
                  <button
                    type="button"
                    className="secondary"
                    disabled={!trainingPlan.ready}
                    onClick={() =>
                      trainingPlan.add({
                        id: `budget:${team}`,
                        label: `Budget picks — ${team} (${formatMoney(data.spent, data.currency)} of ${formatMoney(data.budget, data.currency)})`,
                        kind: 'budget',
                        lines: data.assignments.filter((assignment) => !assignment.isStack).map((assignment) => ({ employee: assignment.employeeId, credential: assignment.credentialId })),
                      })
                    }
                  >
                    {trainingPlan.has(`budget:${team}`) ? 'Replace the picks in the plan' : 'Add these picks to the plan'}
                  </button>
                </p>
              ) : null}
              {trainingPlan.error ? <ErrorMessage error={trainingPlan.error} /> : null}
              {data.assignments.length > 0 ? (
                <ul className="plain-list compact">
                  {data.assignments.map((assignment) => (
                    <li key={`${assignment.employeeId}-${assignment.credentialId}`}>
                      {assignment.employeeName} — {assignment.credentialName} ({assignment.cost === 0 ? 'earned' : formatMoney(assignment.cost, data.currency)})
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          )}
        </QueryState>
      ) : null}
    </section>
  );
}
