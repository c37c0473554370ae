// Recommended cohorts (SPEC §3, per team): the members' optimal pathways grouped by credential —
// who needs it, the weighted gap it closes, cost and hours — sortable, assignable in one action.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { CohortsView } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { AssignGoalForm } from '../../components/AssignGoalForm';
import { formatMoney } from '../../components/format';
import type { TeamSearch } from './search';

type CohortSort = NonNullable<TeamSearch['cohortSort']>;

const SORTS: Record<CohortSort, (a: CohortsView['cohorts'][number], b: CohortsView['cohorts'][number]) => number> = {
  gap: (a, b) => b.weightedGapClosed - a.weightedGapClosed,
  people: (a, b) => b.employees.length - a.employees.length,
  cost: (a, b) => a.totalCost - b.totalCost,
  hours: (a, b) => a.totalHours - b.totalHours,
  name: (a, b) => a.name.localeCompare(b.name),
};

const COLUMNS: { sort: CohortSort; label: string; numeric: boolean }[] = [
  { sort: 'name', label: 'Credential', numeric: false },
  { sort: 'people', label: 'People', numeric: true },
  { sort: 'gap', label: 'Weighted gap closed', numeric: true },
  { sort: 'cost', label: 'Total cost', numeric: true },
  { sort: 'hours', label: 'Total hours', numeric: true },
];

export function CohortsSection({ team }: { team: string }) {
  const { persona, asOf, evidence } = useViewContext();
  const search = useSearch({ from: '/teams/$team' });
  const navigate = useNavigate({ from: '/teams/$team' });
  const objective = search.objective ?? 'cost';
  const sort = search.cohortSort ?? 'gap';
  const cohorts = useQuery(gapmapQueries.cohorts(persona, team, asOf, objective, evidence));
  return (
    <section aria-labelledby="cohorts-title">
      <h2 id="cohorts-title">Recommended cohorts</h2>
      <p className="muted">Each member's optimal pathway ({objective === 'cost' ? 'lowest cost' : 'fewest hours'}), grouped by credential: book a cohort, or assign it to everyone in it as a goal.</p>
      <QueryState query={cohorts} label="Computing the cohorts">
        {(data) => {
          const rows = [...data.cohorts].sort((a, b) => SORTS[sort](a, b) || a.credentialId.localeCompare(b.credentialId));
          if (rows.length === 0) return <p>No credential in the catalog closes a gap of this team.</p>;
          return (
            <table className="data-table">
              <caption className="visually-hidden">Cohorts, sorted by {COLUMNS.find((column) => column.sort === sort)?.label}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <th key={column.sort} scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={sort === column.sort ? (column.sort === 'cost' || column.sort === 'hours' || column.sort === 'name' ? 'ascending' : 'descending') : undefined}>
                      <button type="button" className="sort" onClick={() => void navigate({ search: (previous) => ({ ...previous, cohortSort: column.sort === 'gap' ? undefined : column.sort }), replace: true })}>
                        {column.label}
                      </button>
                    </th>
                  ))}
                  <th scope="col">Goal</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((cohort) => (
                  <tr key={cohort.credentialId}>
                    <th scope="row">
                      {cohort.name}
                      {cohort.isStack ? <span className="tag">earned by its components</span> : null}
                      <span className="muted block">{cohort.employees.map((employee) => employee.name).join(', ')}</span>
                    </th>
                    <td className="numeric">{cohort.employees.length}</td>
                    <td className="numeric">{cohort.weightedGapClosed}</td>
                    <td className="numeric">{formatMoney(cohort.totalCost, data.currency)}</td>
                    <td className="numeric">{cohort.totalHours}</td>
                    <td>
                      {cohort.isStack ? (
                        <span className="muted">assign its components</span>
                      ) : (
                        <AssignGoalForm
                          persona={persona}
                          credentialId={cohort.credentialId}
                          credentialName={cohort.name}
                          employees={cohort.employees.map((employee) => ({ ...employee, team }))}
                          buttonLabel={cohort.employees.length === 1 ? 'Assign' : `Assign to all ${cohort.employees.length}`}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryState>
    </section>
  );
}
