// Goals (SPEC §7): every credential goal in scope with its status and overdue flag; filters in the URL.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { formatDate, formatPercent } from '../../components/format';
import type { GoalList } from '../../api/contract';
import type { GoalsSearch } from './search';

function matches(goal: GoalList['goals'][number], status: GoalsSearch['status']): boolean {
  if (!status) return true;
  if (status === 'completed') return goal.completed;
  if (status === 'overdue') return goal.overdue;
  if (status === 'cancelled') return goal.status === 'cancelled';
  return !goal.completed && goal.status !== 'cancelled';
}

export function GoalsPage() {
  const search = useSearch({ from: '/goals' });
  const navigate = useNavigate({ from: '/goals' });
  const { persona, asOf } = useViewContext();
  const goals = useQuery(gapmapQueries.goals(persona, asOf, search.team));
  return (
    <section aria-labelledby="goals-title">
      <header className="page-header">
        <h1 id="goals-title">Goals</h1>
      </header>
      <QueryState query={goals} label="Loading goals">
        {(data) => {
          const active = data.goals.filter((goal) => goal.status !== 'cancelled');
          const completed = active.filter((goal) => goal.completed).length;
          const overdue = active.filter((goal) => goal.overdue).length;
          const shown = data.goals.filter((goal) => matches(goal, search.status));
          return (
            <>
              <Figures label="Goal figures">
                <Figure label="Goals" value={active.length} detail="not cancelled" />
                <Figure label="Completed" value={completed} detail={formatPercent(active.length ? completed / active.length : null)} />
                <Figure label="Overdue" value={overdue} tone={overdue ? 'warn' : 'good'} />
              </Figures>
              <div className="toolbar">
                <label htmlFor="goal-status">Show</label>
                <select
                  id="goal-status"
                  value={search.status ?? ''}
                  onChange={(event) => void navigate({ search: (previous) => ({ ...previous, status: (event.target.value || undefined) as GoalsSearch['status'] }) })}
                >
                  <option value="">All goals</option>
                  <option value="open">Open</option>
                  <option value="overdue">Overdue</option>
                  <option value="completed">Completed</option>
                  <option value="cancelled">Cancelled</option>
                </select>
                <span role="status">{shown.length} shown</span>
              </div>
              <table className="data-table">
                <caption className="visually-hidden">Credential goals</caption>
                <thead>
                  <tr>
                    <th scope="col">Employee</th>
                    <th scope="col">Team</th>
                    <th scope="col">Credential</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((goal) => (
                    <tr key={goal.goal.id}>
                      <th scope="row">
                        <Link to="/employees/$employeeId" params={{ employeeId: goal.goal.employee }}>
                          {goal.employeeName}
                        </Link>
                      </th>
                      <td>{goal.team}</td>
                      <td>{goal.credentialName}</td>
                      <td>{goal.goal.kind}</td>
                      <td>{formatDate(goal.goal.dueOn)}</td>
                      <td>
                        {goal.status}
                        {goal.overdue ? <span className="tag tag-bad">overdue</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
