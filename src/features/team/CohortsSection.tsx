// Recommended cohorts (SPEC §3, per team): the members' best pathways grouped by what they book —
// a course, or a certificate (stack) with the courses that earn it in one row, its value counted
// once — each saying which gaps it closes (skill, from which level to which, for whom), what is
// already assigned, and its cost and hours; assignable as goals or added to the training plan.
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { CohortsView, PlanItem } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { usePlan } from '../../components/usePlan';
import { QueryState, ErrorMessage } from '../../components/QueryState';
import { AssignGoalForm } from '../../components/AssignGoalForm';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { GlossaryLink } from '../../components/GlossaryLink';
import { Figure, Figures } from '../../components/Figure';
import { Compared, comparedText } from '../../components/Compared';
import { countOf, formatDate } from '../../components/format';
import type { COHORT_SORT_KEYS } from './search';

type Cohort = CohortsView['cohorts'][number];
type StoredCohort = NonNullable<CohortsView['baseline']>['cohorts'][number];
/** A cohort row under a what-if draft carries its stored counterpart: null when the stored recommendation has no such cohort. */
type CohortRow = Cohort & { baseline?: StoredCohort | null };
type Plan = ReturnType<typeof usePlan>;

/** "Ada Byrne, Bea Chen" — or "Ada Byrne and 5 more" when a long list would swamp the row. */
function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>, max = 4): string {
  const shown = ids.slice(0, ids.length > max ? max - 1 : max).map((id) => names.get(id) ?? id);
  return ids.length > shown.length ? `${shown.join(', ')} and ${ids.length - shown.length} more` : shown.join(', ');
}

function planItemId(team: string, cohort: Cohort): string {
  return `cohort:${team}:${cohort.credentialId}`;
}

/** The cohort as an item of the training plan: each of its (person, course) bookings. */
function cohortPlanItem(team: string, cohort: Cohort): PlanItem {
  return { id: planItemId(team, cohort), label: `${cohort.name} — ${team}`, kind: 'cohort', lines: cohort.bookings.map((booking) => ({ employee: booking.employeeId, credential: booking.credentialId })) };
}

function CohortCell({ cohort }: { cohort: CohortRow }) {
  const names = new Map(cohort.employees.map((employee) => [employee.id, employee.name]));
  return (
    <>
      {cohort.name}
      {cohort.isStack ? <span className="tag">certificate · earned by its courses</span> : null}
      {cohort.baseline === null ? <span className="tag">new in this draft</span> : null}
      <span className="muted block">{cohort.employees.map((employee) => employee.name).join(', ')}</span>
      <ul className="cohort-details" aria-label={`Gaps ${cohort.name} closes`}>
        {cohort.closes.map((close) => (
          <li key={`${close.skill}-${close.from}-${close.to}`}>
            <strong>{close.skillName}</strong> from level {close.from} to {close.to} for {namesOf(close.employees, names)}
          </li>
        ))}
        {cohort.closes.length === 0 ? <li>Closes no gap by itself</li> : null}
      </ul>
      {cohort.isStack ? (
        <ul className="cohort-details cohort-courses" aria-label={`Courses that earn ${cohort.name}`}>
          {cohort.courses.map((course) => (
            <li key={course.credentialId}>
              Book <strong>{course.name}</strong> for {namesOf(course.employees, names)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** What is assigned: "All 4 assigned · due 31 Mar 2027", "1 of 4 assigned", "Not assigned". */
function assignedText(cohort: Cohort): string {
  const assigned = cohort.assignedEmployees.length;
  const people = cohort.employees.length;
  if (assigned === 0) return 'Not assigned';
  const due = [...new Set(cohort.bookings.flatMap((booking) => (booking.goal ? [booking.goal.dueOn] : [])))].sort();
  const dueText = due.length === 1 ? ` · due ${formatDate(due[0])}` : '';
  return assigned === people ? `${people === 1 ? 'Assigned' : `All ${people} assigned`}${dueText}` : `${assigned} of ${people} assigned${dueText}`;
}

function GoalCell({ cohort, team, persona }: { cohort: Cohort; team: string; persona: ReturnType<typeof useViewContext>['persona'] }) {
  const open = cohort.bookings.filter((booking) => !booking.goal);
  const openPeople = cohort.employees.filter((employee) => open.some((booking) => booking.employeeId === employee.id));
  const credentials = [...new Set(open.map((booking) => booking.credentialId))];
  const done = open.length === 0;
  return (
    <>
      <span className={done ? 'status-done' : undefined}>
        {done ? <span aria-hidden="true">✓ </span> : null}
        {assignedText(cohort)}
      </span>
      {/* Stays mounted once all are assigned, so the answer to the assignment is still announced. */}
      <AssignGoalForm
        done={done}
        persona={persona}
        credentials={[{ id: credentials[0] ?? cohort.credentialId, name: cohort.name }]}
        people={openPeople.map((employee) => ({ ...employee, team }))}
        pairs={credentials.length > 1 ? open : undefined}
        credentialNames={new Map(cohort.courses.map((course) => [course.credentialId, course.name]))}
        buttonLabel={openPeople.length === 1 ? `Assign to ${openPeople[0]?.name ?? 'them'}` : openPeople.length === cohort.employees.length ? `Assign to all ${openPeople.length}` : `Assign to the other ${openPeople.length}`}
        formLabel={`Assign ${cohort.name} as a goal`}
        chooseKind
        showCredential={false}
      />
    </>
  );
}

function PlanButton({ cohort, team, plan }: { cohort: Cohort; team: string; plan: Plan }) {
  const id = planItemId(team, cohort);
  if (plan.has(id)) {
    return (
      <button type="button" className="secondary" onClick={() => plan.remove(id)} aria-label={`Remove ${cohort.name} (${team}) from the training plan`}>
        In plan · remove
      </button>
    );
  }
  return (
    <button
      type="button"
      className="secondary"
      disabled={!plan.ready}
      aria-label={`Add ${cohort.name} (${team}) to the training plan`}
      onClick={() => plan.add(cohortPlanItem(team, cohort))}
    >
      Add to plan
    </button>
  );
}

function columnsFor(team: string, currency: string, persona: ReturnType<typeof useViewContext>['persona'], plan: Plan): SortableColumn<CohortRow, (typeof COHORT_SORT_KEYS)[number] | 'goal' | 'plan'>[] {
  return [
    { key: 'name', label: 'Cohort and the gaps it closes', rowHeader: true, value: (cohort) => cohort.name, cell: (cohort) => <CohortCell cohort={cohort} /> },
    { key: 'people', label: 'People', numeric: true, firstDirection: 'desc', value: (cohort) => cohort.employees.length, cell: (cohort) => <Compared baseline={cohort.baseline?.people} scenario={cohort.employees.length} kind="count" /> },
    { key: 'gap', label: 'Weighted gap closed', numeric: true, firstDirection: 'desc', value: (cohort) => cohort.weightedGapClosed, cell: (cohort) => <Compared baseline={cohort.baseline?.weightedGapClosed} scenario={cohort.weightedGapClosed} kind="count" /> },
    { key: 'cost', label: 'Total cost', numeric: true, value: (cohort) => cohort.totalCost, cell: (cohort) => <Compared baseline={cohort.baseline?.totalCost} scenario={cohort.totalCost} kind="money" currency={currency} /> },
    { key: 'hours', label: 'Total hours', numeric: true, value: (cohort) => cohort.totalHours, cell: (cohort) => <Compared baseline={cohort.baseline?.totalHours} scenario={cohort.totalHours} kind="count" /> },
    { key: 'goal', label: 'Goals', screenOnly: false, cell: (cohort) => (persona.kind === 'hr' ? assignedText(cohort) : <GoalCell cohort={cohort} team={team} persona={persona} />) },
    { key: 'plan', label: 'Plan', screenOnly: true, cell: (cohort) => <PlanButton cohort={cohort} team={team} plan={plan} /> },
  ];
}

export function CohortsSection({ team }: { team: string }) {
  const { persona, asOf, evidence } = useViewContext();
  const search = useSearch({ from: '/teams/$team' });
  const objective = search.objective ?? 'cost';
  const cohorts = useQuery(gapmapQueries.cohorts(persona, team, asOf, objective, evidence));
  const plan = usePlan();
  return (
    <section aria-labelledby="cohorts-title">
      <h2 id="cohorts-title">Recommended cohorts</h2>
      <p className="muted">
        Each member's best pathway ({objective === 'cost' ? 'lowest cost' : 'fewest hours'}), grouped by what they book: a course, or a certificate with the courses that earn it (its value counted once). Book a cohort, assign it as goals, or add it to the{' '}
        <Link to="/plan">training plan</Link>. <GlossaryLink term="cohort" />
      </p>
      <QueryState query={cohorts} label="Computing the cohorts">
        {(data) => {
          const { baseline } = data;
          // Under a what-if draft: the stored recommendation's cohorts by credential (joined, nothing computed here),
          // and those the draft no longer recommends, named so the reader sees what the draft drops.
          const storedCohort = new Map(baseline?.cohorts.map((cohort) => [cohort.credentialId, cohort]));
          const rows: CohortRow[] = baseline ? data.cohorts.map((cohort) => ({ ...cohort, baseline: storedCohort.get(cohort.credentialId) ?? null })) : data.cohorts;
          const dropped = baseline ? baseline.cohorts.filter((cohort) => !data.cohorts.some((now) => now.credentialId === cohort.credentialId)) : [];
          const droppedText = dropped.length ? <p>Recommended as stored, not under this what-if draft: {dropped.map((cohort) => `${cohort.name} (${countOf(cohort.people, 'person', 'people')})`).join(', ')}.</p> : null;
          if (data.cohorts.length === 0) {
            return (
              <>
                <p>No course in the catalog closes a gap of this team{baseline ? ' under this draft' : ''}.</p>
                {droppedText}
              </>
            );
          }
          const notInPlan = data.cohorts.filter((cohort) => !plan.has(planItemId(team, cohort)));
          return (
            <>
              <Figures label="Every cohort together">
                <Figure
                  label="Cost of every cohort"
                  value={<Compared baseline={baseline?.totals.cost} scenario={data.totals.cost} kind="money" currency={data.currency} />}
                  detail={baseline ? `${comparedText(baseline.totals.hours, data.totals.hours, 'count')} hours of courses` : `${data.totals.hours} hours of courses`}
                />
                <Figure
                  label="People"
                  value={<Compared baseline={baseline?.totals.people} scenario={data.totals.people} kind="count" />}
                  detail={baseline ? `${comparedText(baseline.totals.bookings, data.totals.bookings, 'count')} course bookings` : countOf(data.totals.bookings, 'course booking')}
                />
                <Figure label="Weighted gap closed" value={<Compared baseline={baseline?.totals.weightedGapClosed} scenario={data.totals.weightedGapClosed} kind="count" />} term="weighted-gap" />
                <Figure
                  label="Already assigned"
                  value={`${data.totals.assigned} of ${data.totals.bookings}`}
                  detail={baseline ? `bookings with an open goal; as stored ${baseline.totals.assigned} of ${baseline.totals.bookings}` : 'bookings with an open goal'}
                  tone={data.totals.assigned === data.totals.bookings ? 'good' : undefined}
                />
              </Figures>
              {plan.error ? <ErrorMessage error={plan.error} /> : null}
              {notInPlan.length > 0 ? (
                <p className="no-print">
                  <button
                    type="button"
                    className="secondary"
                    disabled={!plan.ready}
                    onClick={() => plan.add(...notInPlan.map((cohort) => cohortPlanItem(team, cohort)))}
                  >
                    Add {notInPlan.length === data.cohorts.length ? 'every cohort' : `the other ${countOf(notInPlan.length, 'cohort')}`} to the plan
                  </button>
                </p>
              ) : null}
              {droppedText}
              <SortableTable
                caption="Cohorts"
                columns={columnsFor(team, data.currency, persona, plan)}
                rows={rows}
                rowKey={(cohort) => cohort.credentialId}
                sortParam="cohortSort"
                defaultSort={{ column: 'gap', direction: 'desc' }}
                tieBreak={(cohort) => cohort.credentialId}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
