// Goals (SPEC §7): every credential goal in scope with its status and overdue flag; filters and
// sort in the URL (most urgent first unless the user sorts otherwise).
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { Compared, comparedText } from '../../components/Compared';
import { formatDate, formatPercent, goalStatusLabel, wordLabel } from '../../components/format';
import type { GoalList, Persona } from '../../api/contract';
import type { GOALS_SORT_KEYS, GoalsSearch } from './search';
import { ExportButton } from '../../components/ExportButton';
import { ChartFrame } from '../../components/ChartFrame';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { PrintHeader } from '../../components/PrintHeader';
import { GoalCompletionChart, type TeamGoalCounts } from './GoalCompletionChart';
import { GoalActions } from './GoalActions';

type StoredGoalState = NonNullable<GoalList['baseline']>['changedGoals'][number];
/** A goal under a what-if draft whose state differs as stored carries the stored state. */
type GoalRow = GoalList['goals'][number] & { stored?: StoredGoalState };

/**
 * Teams in the chart at most: a bar per team of 4,000 would be a chart 112,000 px tall that nobody
 * reads (and seconds to draw). Beyond it, the teams with the most overdue goals, then open ones.
 */
const CHARTED_TEAMS = 20;

function teamsToChart(counts: TeamGoalCounts[]): TeamGoalCounts[] {
  if (counts.length <= CHARTED_TEAMS) return counts;
  return [...counts].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.team.localeCompare(b.team, 'en')).slice(0, CHARTED_TEAMS);
}

/** Goals the page asks for at first, and more on each "Show more". */
const GOALS_PAGE = 100;

/** The "Find" box: what is typed asks the backend once typing pauses, not at every key. */
function FindBox({ find, onFind }: { find: string | undefined; onFind: (find: string | undefined) => void }) {
  const [text, setText] = useState(find ?? '');
  useEffect(() => {
    if (text === (find ?? '')) return;
    const timer = setTimeout(() => onFind(text.trim() === '' ? undefined : text), 250);
    return () => clearTimeout(timer);
  }, [text, find, onFind]);
  return (
    <>
      <label htmlFor="goal-find">Find</label>
      <input id="goal-find" type="search" placeholder="Person, team or credential" value={text} onChange={(event) => setText(event.target.value)} />
    </>
  );
}

const STATUS_FILTER_LABELS: Record<NonNullable<GoalsSearch['status']>, string> = { open: 'Open', overdue: 'Overdue', completed: 'Completed', cancelled: 'Cancelled' };

function columnsFor(persona: Persona): SortableColumn<GoalRow, (typeof GOALS_SORT_KEYS)[number] | 'action'>[] {
  const columns: SortableColumn<GoalRow, (typeof GOALS_SORT_KEYS)[number] | 'action'>[] = [
    {
      key: 'employee',
      label: 'Employee',
      rowHeader: true,
      value: (goal) => goal.employeeName,
      cell: (goal) => (
        <Link to="/employees/$employeeId" params={{ employeeId: goal.goal.employee }}>
          {goal.employeeName}
        </Link>
      ),
    },
    { key: 'team', label: 'Team', value: (goal) => goal.team },
    { key: 'credential', label: 'Credential', value: (goal) => goal.credentialName },
    { key: 'kind', label: 'Kind', value: (goal) => wordLabel(goal.goal.kind) },
    { key: 'due', label: 'Due', value: (goal) => goal.goal.dueOn, cell: (goal) => formatDate(goal.goal.dueOn) },
    {
      key: 'status',
      label: 'Status',
      // Sorted by the backend: by urgency (overdue first, cancelled last), then due date.
      value: (goal) => goal.status,
      cell: (goal) => (
        <>
          {goalStatusLabel(goal.status)}
          {goal.overdue ? <span className="tag tag-bad">overdue</span> : null}
          {goal.stored ? <span className="muted block">as stored: {goalStatusLabel(goal.stored.status)}{goal.stored.overdue ? ', overdue' : ''}</span> : null}
        </>
      ),
    },
  ];
  if (persona.kind !== 'hr') columns.push({ key: 'action', label: 'Action', screenOnly: true, cell: (goal) => <GoalActions persona={persona} goal={goal} /> });
  return columns;
}

export function GoalsPage() {
  const search = useSearch({ from: '/goals' });
  const navigate = useNavigate({ from: '/goals' });
  const { persona, asOf, evidence } = useViewContext();
  // The backend filters, sorts and cuts the goals (tens of thousands in a large organisation): the page asks for a page at a time.
  const [limit, setLimit] = useState(GOALS_PAGE);
  const goals = useQuery({
    ...gapmapQueries.goals(persona, asOf, search.team, evidence, { status: search.status, find: search.find, sort: search.sort, limit }),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="goals-title">
      <header className="page-header page-header-row">
        <h1 id="goals-title">Goals</h1>
        <ExportButton persona={persona} path="/reports/goals" params={{ asOf, team: search.team, evidence }} fileName={`goals${search.team ? `-${search.team}` : ''}-${asOf ?? 'today'}.csv`} label="Export goals (CSV)" />
      </header>
      <QueryState query={goals} label="Loading goals">
        {(data) => {
          const { summary, baseline } = data;
          const storedTeam = new Map(baseline?.byTeam.map(({ team, summary: teamSummary }) => [team, teamSummary]));
          const storedGoal = new Map(baseline?.changedGoals.map((goal) => [goal.id, goal]));
          const counts: TeamGoalCounts[] = data.byTeam.map(({ team, summary: teamSummary }) => ({
            team,
            completed: teamSummary.completed,
            open: teamSummary.open - teamSummary.overdue,
            overdue: teamSummary.overdue,
          }));
          const charted = teamsToChart(counts);
          const shown: GoalRow[] = data.goals.map((goal) => (storedGoal.has(goal.goal.id) ? { ...goal, stored: storedGoal.get(goal.goal.id) } : goal));
          // Under a what-if draft each count reads stored → draft. The number of goals cannot change (a
          // draft edits roles and the catalog, never goals); whether each is met can.
          const storedCounts = (team: string) => {
            const stored = storedTeam.get(team);
            return stored && { completed: stored.completed, open: stored.open - stored.overdue, overdue: stored.overdue };
          };
          return (
            <>
              <PrintHeader title="Goals" asOf={data.asOf} evidence={evidence} filters={[search.team && `team ${search.team}`, search.status && `showing ${STATUS_FILTER_LABELS[search.status].toLowerCase()} goals`, search.find && `matching “${search.find}”`]} />
              <p className="subtitle">As of {formatDate(data.asOf)}</p>
              <Figures label="Goal figures">
                <Figure label="Goals" value={summary.completed + summary.open} detail="not cancelled" />
                <Figure
                  label="Completed"
                  value={<Compared baseline={baseline?.summary.completed} scenario={summary.completed} kind="count" />}
                  detail={baseline ? comparedText(baseline.summary.completionRate, summary.completionRate, 'percent') : formatPercent(summary.completionRate)}
                  term="goal-completion"
                />
                <Figure label="Overdue" value={<Compared baseline={baseline?.summary.overdue} scenario={summary.overdue} kind="count" />} tone={summary.overdue ? 'warn' : 'good'} />
              </Figures>
              {counts.length > 0 ? (
                <ChartFrame
                  title="Goal completion by team"
                  note={`${charted.length < counts.length ? `The ${charted.length} teams with the most overdue goals, of ${counts.length}. ` : ''}Completed goals, open goals still on time, and overdue goals (hatched). Cancelled goals are left out.${baseline ? ' The bars show the what-if draft; “Show the numbers” reads stored → draft.' : ''}`}
                  chart={<GoalCompletionChart counts={charted} />}
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
                        {charted.map((team) => (
                          <tr key={team.team}>
                            <th scope="row">{team.team}</th>
                            <td><Compared baseline={baseline ? (storedCounts(team.team)?.completed ?? 0) : undefined} scenario={team.completed} kind="count" /></td>
                            <td><Compared baseline={baseline ? (storedCounts(team.team)?.open ?? 0) : undefined} scenario={team.open} kind="count" /></td>
                            <td><Compared baseline={baseline ? (storedCounts(team.team)?.overdue ?? 0) : undefined} scenario={team.overdue} kind="count" /></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  }
                />
              ) : null}
              <div className="toolbar">
                <label htmlFor="goal-status">Show</label>
                <select
                  id="goal-status"
                  value={search.status ?? ''}
                  onChange={(event) => void navigate({ search: (previous) => ({ ...previous, status: (event.target.value || undefined) as GoalsSearch['status'] }) })}
                >
                  <option value="">All goals</option>
                  {Object.entries(STATUS_FILTER_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <FindBox find={search.find} onFind={(find) => void navigate({ search: (previous) => ({ ...previous, find }), replace: true })} />
                <span role="status">{data.total} shown</span>
              </div>
              {shown.length === 0 ? (
                <p>No goal to show.</p>
              ) : (
                <SortableTable
                  caption="Credential goals"
                  columns={columnsFor(persona)}
                  rows={shown}
                  rowKey={(goal) => goal.goal.id}
                  sortParam="sort"
                  defaultSort={{ column: 'status', direction: 'asc' }}
                  pageSize={GOALS_PAGE}
                  fromBackend={{ total: data.total, onMore: () => setLimit((current) => current + GOALS_PAGE), loadingMore: goals.isPlaceholderData }}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
