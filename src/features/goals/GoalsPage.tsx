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
import { ExportButton } from '../../components/ExportButton';
import { ChartFrame } from '../../components/ChartFrame';
import { GoalCompletionChart, type TeamGoalCounts } from './GoalCompletionChart';
import { GoalActions } from './GoalActions';


function urgency(goal: GoalList['goals'][number]): number {
  if (goal.overdue) return 0;
  if (goal.status === 'cancelled') return 3;
  return goal.completed ? 2 : 1;
}

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
  const { persona, asOf, evidence } = useViewContext();
  const goals = useQuery(gapmapQueries.goals(persona, asOf, search.team, evidence));
  return (
    <section aria-labelledby="goals-title">
      <header className="page-header page-header-row">
        <h1 id="goals-title">Goals</h1>
        <ExportButton persona={persona} path="/reports/goals" params={{ asOf, team: search.team, evidence }} fileName={`goals${search.team ? `-${search.team}` : ''}-${asOf ?? 'today'}.csv`} label="Export goals (CSV)" />
      </header>
      <QueryState query={goals} label="Loading goals">
        {(data) => {
          const { summary } = data;
          const counts: TeamGoalCounts[] = data.byTeam.map(({ team, summary: teamSummary }) => ({
            team,
            completed: teamSummary.completed,
            open: teamSummary.open - teamSummary.overdue,
            overdue: teamSummary.overdue,
          }));
          // What needs attention first: overdue, then open by due date, then completed and cancelled.
          const shown = data.goals.filter((goal) => matches(goal, search.status)).sort((a, b) => urgency(a) - urgency(b) || a.goal.dueOn.localeCompare(b.goal.dueOn));
          return (
            <>
              <Figures label="Goal figures">
                <Figure label="Goals" value={summary.completed + summary.open} detail="not cancelled" />
                <Figure label="Completed" value={summary.completed} detail={formatPercent(summary.completionRate)} />
                <Figure label="Overdue" value={summary.overdue} tone={summary.overdue ? 'warn' : 'good'} />
              </Figures>
              <ChartFrame
                title="Goal completion by team"
                note="Completed goals, open goals still on time, and overdue goals (hatched). Cancelled goals are left out."
                chart={<GoalCompletionChart counts={counts} />}
                table={
                  <table>
                    <caption className="visually-hidden">Goals per team</caption>
                    <thead>
                      <tr>
                        <th scope="col">Team</th>
                        <th scope="col">Completed</th>
                        <th scope="col">Open</th>
                        <th scope="col">Overdue</th>
                      </tr>
                    </thead>
                    <tbody>
                      {counts.map((team) => (
                        <tr key={team.team}>
                          <th scope="row">{team.team}</th>
                          <td>{team.completed}</td>
                          <td>{team.open}</td>
                          <td>{team.overdue}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
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
                    {persona.kind !== 'hr' ? <th scope="col">Action</th> : null}
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
                      {persona.kind !== 'hr' ? (
                        <td>
                          <GoalActions persona={persona} goal={goal} />
                        </td>
                      ) : null}
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
