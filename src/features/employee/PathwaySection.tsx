// The best pathway (SPEC §3): the cheapest (or shortest) set of credentials that closes every gap
// a course can close, what each closes, certificate progress, and the gaps no credential can close.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { EmployeeDetail } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState, ErrorMessage } from '../../components/QueryState';
import { AssignGoalForm } from '../../components/AssignGoalForm';
import { formatDate, formatMoney } from '../../components/format';
import { usePlan } from '../../components/usePlan';
import { GlossaryLink } from '../../components/GlossaryLink';

export function PathwaySection({ employee }: { employee: EmployeeDetail['employee'] }) {
  const { persona, asOf, evidence } = useViewContext();
  const search = useSearch({ from: '/employees/$employeeId' });
  const navigate = useNavigate({ from: '/employees/$employeeId' });
  const objective = search.objective ?? 'cost';
  const pathway = useQuery(gapmapQueries.pathway(persona, employee.id, asOf, objective, evidence));
  const plan = usePlan();
  const planId = `pathway:${employee.id}`;
  return (
    <section aria-labelledby="pathway-title">
      <h2 id="pathway-title">Best pathway</h2>
      <p className="muted">
        The courses that close every gap a course can close, at the lowest {objective === 'cost' ? 'cost' : 'number of hours'}. <GlossaryLink term="pathway" />
      </p>
      <div className="toolbar">
        <span id="objective-label">Minimise</span>
        <div className="segmented" role="group" aria-labelledby="objective-label">
          {(['cost', 'hours'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={objective === option} onClick={() => void navigate({ search: (previous) => ({ ...previous, objective: option === 'cost' ? undefined : option }), replace: true })}>
              {option === 'cost' ? 'Cost' : 'Hours'}
            </button>
          ))}
        </div>
      </div>
      <QueryState query={pathway} label="Finding the best pathway">
        {(data) => (
          <>
            {data.steps.length === 0 && data.unclosable.length === 0 ? <p>Every requirement of the role is met: nothing to recommend.</p> : null}
            {data.steps.length > 0 ? (
              <p className="pathway-total">
                {data.steps.filter((step) => !step.isStack).length} course{data.steps.filter((step) => !step.isStack).length === 1 ? '' : 's'} · {formatMoney(data.totalCost, data.currency)} · {data.totalHours} hours · closes a weighted gap of{' '}
                {data.weightedGapClosed}{' '}
                {plan.has(planId) ? (
                  <button type="button" className="secondary" onClick={() => plan.remove(planId)}>
                    In plan · remove
                  </button>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={!plan.ready}
                    onClick={() => plan.add({ id: planId, label: `${employee.name}’s pathway`, kind: 'pathway', lines: data.steps.filter((step) => !step.isStack).map((step) => ({ employee: employee.id, credential: step.credentialId })) })}
                  >
                    Add the pathway to the plan
                  </button>
                )}
              </p>
            ) : null}
            {plan.error ? <ErrorMessage error={plan.error} /> : null}
            {data.steps.map((step) => (
              // Named by its heading's text, not an id reference: credential ids from HR files may hold spaces.
              <article key={step.credentialId} className="pathway-step" aria-label={step.name}>
                <h3>
                  {step.name}
                  {step.isStack ? <span className="tag">certificate earned by its parts</span> : null}
                  {step.interesting ? <span className="tag">matches an interest</span> : null}
                </h3>
                <p className="muted">
                  {step.isStack ? 'No cost of its own' : `${formatMoney(step.cost, data.currency)} · ${step.hours} hours`}
                  {step.closes.length ? ` · closes ${step.closes.map((close) => `${close.skillName} from level ${close.from} to ${close.to}`).join(', ')}` : ' · needed for a certificate'}
                  {step.completesStackName ? ` · counts towards ${step.completesStackName}` : ''}
                </p>
                {step.goal ? (
                  <p className="status-done">
                    <span aria-hidden="true">✓ </span>Goal {step.goal.status === 'in-progress' ? 'in progress' : 'assigned'}, due {formatDate(step.goal.dueOn)}
                  </p>
                ) : !step.isStack ? (
                  <AssignGoalForm persona={persona} credentials={[{ id: step.credentialId, name: step.name }]} people={[{ id: employee.id, name: employee.name, team: employee.team }]} buttonLabel="Assign as a goal" formLabel={`Assign ${step.name} as a goal`} chooseKind showCredential={false} />
                ) : null}
              </article>
            ))}
            {data.stackProgress.length > 0 ? (
              <>
                <h3>Certificates in reach</h3>
                <ul className="plain-list">
                  {data.stackProgress.map((stack) => (
                    <li key={stack.stackId}>{stack.sentence}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {data.baseline ? (
              // Under a what-if draft: the pathway the stored organisation gives the same person.
              <p className="muted">
                As stored: {data.baseline.courses} course{data.baseline.courses === 1 ? '' : 's'} · {formatMoney(data.baseline.totalCost, data.currency)} · {data.baseline.totalHours} hours · closes a weighted gap of {data.baseline.weightedGapClosed}
                {data.baseline.unclosable > 0 ? ` · ${data.baseline.unclosable} gap${data.baseline.unclosable === 1 ? '' : 's'} no course closes` : ''}.
              </p>
            ) : null}
            {data.unclosable.length > 0 ? (
              <>
                <h3>Gaps no credential closes</h3>
                <ul className="plain-list">
                  {data.unclosable.map((gap) => (
                    <li key={gap.skill}>{gap.message.charAt(0).toUpperCase() + gap.message.slice(1)}.</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
