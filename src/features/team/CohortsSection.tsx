// Recommended cohorts (SPEC §3, per team): the members' best pathways grouped by credential —
// who needs it, the weighted gap it closes, cost and hours — sortable, assignable in one action.
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { CohortsView } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { AssignGoalForm } from '../../components/AssignGoalForm';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { GlossaryLink } from '../../components/GlossaryLink';
import { formatMoney } from '../../components/format';
import type { COHORT_SORT_KEYS } from './search';

type Cohort = CohortsView['cohorts'][number];

function columnsFor(team: string, currency: string, persona: ReturnType<typeof useViewContext>['persona']): SortableColumn<Cohort, (typeof COHORT_SORT_KEYS)[number] | 'goal'>[] {
  return [
    {
      key: 'name',
      label: 'Credential',
      rowHeader: true,
      value: (cohort) => cohort.name,
      cell: (cohort) => (
        <>
          {cohort.name}
          {cohort.isStack ? <span className="tag">earned by its parts</span> : null}
          <span className="muted block">{cohort.employees.map((employee) => employee.name).join(', ')}</span>
        </>
      ),
    },
    { key: 'people', label: 'People', numeric: true, firstDirection: 'desc', value: (cohort) => cohort.employees.length },
    { key: 'gap', label: 'Weighted gap closed', numeric: true, firstDirection: 'desc', value: (cohort) => cohort.weightedGapClosed },
    { key: 'cost', label: 'Total cost', numeric: true, value: (cohort) => cohort.totalCost, cell: (cohort) => formatMoney(cohort.totalCost, currency) },
    { key: 'hours', label: 'Total hours', numeric: true, value: (cohort) => cohort.totalHours },
    {
      key: 'goal',
      label: 'Goal',
      screenOnly: true,
      cell: (cohort) =>
        cohort.isStack ? (
          <span className="muted">assign its parts</span>
        ) : (
          <AssignGoalForm
            persona={persona}
            credentialId={cohort.credentialId}
            credentialName={cohort.name}
            employees={cohort.employees.map((employee) => ({ ...employee, team }))}
            buttonLabel={cohort.employees.length === 1 ? 'Assign' : `Assign to all ${cohort.employees.length}`}
          />
        ),
    },
  ];
}

export function CohortsSection({ team }: { team: string }) {
  const { persona, asOf, evidence } = useViewContext();
  const search = useSearch({ from: '/teams/$team' });
  const objective = search.objective ?? 'cost';
  const cohorts = useQuery(gapmapQueries.cohorts(persona, team, asOf, objective, evidence));
  return (
    <section aria-labelledby="cohorts-title">
      <h2 id="cohorts-title">Recommended cohorts</h2>
      <p className="muted">
        Each member's best pathway ({objective === 'cost' ? 'lowest cost' : 'fewest hours'}), grouped by course: book a cohort, or assign the course to everyone in it as a goal. <GlossaryLink term="cohort" />
      </p>
      <QueryState query={cohorts} label="Computing the cohorts">
        {(data) => {
          if (data.cohorts.length === 0) return <p>No course in the catalog closes a gap of this team.</p>;
          return (
            <SortableTable
              caption="Cohorts"
              columns={columnsFor(team, data.currency, persona)}
              rows={data.cohorts}
              rowKey={(cohort) => cohort.credentialId}
              sortParam="cohortSort"
              defaultSort={{ column: 'gap', direction: 'desc' }}
              tieBreak={(cohort) => cohort.credentialId}
            />
          );
        }}
      </QueryState>
    </section>
  );
}
