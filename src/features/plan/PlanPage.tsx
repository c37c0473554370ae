// The training plan (issue 13 point 6): cohorts, budget picks and pathways gathered from the team and
// employee pages, each in a quarter; totals of cost and hours per quarter and per team against a
// budget, every line with its goal status; assigned as goals in one action, exported as CSV.
// The backend keeps each author's plan (src/api/savedPlan.ts) and prices, totals, exports and assigns it.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { postBlob } from '../../api/client';
import { useAssignPlan } from '../../api/useAssignPlan';
import type { PlanRequest, PlanSummary } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { usePlan } from '../../components/usePlan';
import { isServerHost } from '../../api/access';
import { ErrorMessage, QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { Compared } from '../../components/Compared';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { countOf, formatDate, formatMoney } from '../../components/format';
import { downloadBlob } from '../../components/download';
import type { PLAN_LINE_SORT_KEYS } from './search';

type Line = PlanSummary['lines'][number];
type Totals = PlanSummary['total'];

const KIND_LABEL = { cohort: 'Cohort', budget: 'Budget picks', pathway: 'Pathway' } as const;

/** "2027-Q1" → "Q1 2027". */
function quarterLabel(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

function goalText(line: Line): string {
  if (!line.goal) return 'Planned';
  return `${line.goal.status === 'in-progress' ? 'In progress' : 'Assigned'}, due ${formatDate(line.goal.dueOn)}`;
}

/** Equal rows by team, person and course. */
function lineTieBreak(line: Line): string {
  return `${line.team}\u0000${line.employeeName}\u0000${line.credentialName}`;
}

function lineColumns(currency: string, itemLabel: (itemId: string) => string): SortableColumn<Line, (typeof PLAN_LINE_SORT_KEYS)[number]>[] {
  return [
    { key: 'employee', label: 'Person', rowHeader: true, value: (line) => line.employeeName, cell: (line) => <Link to="/employees/$employeeId" params={{ employeeId: line.employeeId }}>{line.employeeName}</Link> },
    { key: 'team', label: 'Team', value: (line) => line.team },
    { key: 'course', label: 'Course', value: (line) => line.credentialName, cell: (line) => <>{line.credentialName}<span className="muted block">from {itemLabel(line.item)}</span></> },
    { key: 'quarter', label: 'Quarter', value: (line) => line.quarter, cell: (line) => <>{quarterLabel(line.quarter)}<span className="muted block">due {formatDate(line.dueOn)}</span></> },
    { key: 'cost', label: 'Cost', numeric: true, value: (line) => line.cost, cell: (line) => formatMoney(line.cost, currency) },
    { key: 'hours', label: 'Hours', numeric: true, value: (line) => line.hours },
    { key: 'goal', label: 'Goal', value: (line) => (line.goal ? 1 : 0), cell: (line) => <span className={line.goal ? 'status-done' : undefined}>{line.goal ? <span aria-hidden="true">✓ </span> : null}{goalText(line)}</span> },
  ];
}

/** Long lists open with their first rows (a plan of 40 teams' cohorts has thousands): the rest on request. */
const FIRST_ROWS = 50;

function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  if (shown >= total) return null;
  return (
    <p className="no-print">
      <button type="button" className="secondary" onClick={onMore}>
        Show all {total} ({shown} shown)
      </button>
    </p>
  );
}

/** A plain table that scrolls in its own box on a narrow screen, reachable by keyboard. */
function TableBox({ caption, children }: { caption: string; children: ReactNode }) {
  const id = useId();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table">
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

interface TotalsRow {
  key: string;
  label: string;
  detail?: string;
  totals: Totals;
  /** Under a what-if draft: the row's cost and hours on the stored catalog. */
  stored?: { cost: number; hours: number };
}

function TotalsTable({ caption, first, rows, currency, budget }: { caption: string; first: string; rows: TotalsRow[]; currency: string; budget: number | null }) {
  const [all, setAll] = useState(false);
  const visible = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <TableBox caption={caption}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="numeric">People</th>
            <th scope="col" className="numeric">Courses</th>
            <th scope="col" className="numeric">Cost</th>
            {budget !== null && budget > 0 ? <th scope="col" className="numeric">Share of budget</th> : null}
            <th scope="col" className="numeric">Hours</th>
            <th scope="col" className="numeric">Assigned</th>
          </tr>
        </thead>
        <tbody>
          {visible.map(({ key, label, detail, totals, stored }) => (
            <tr key={key}>
              <th scope="row">
                {label}
                {detail ? <span className="muted block">{detail}</span> : null}
              </th>
              <td className="numeric">{totals.people}</td>
              <td className="numeric">{totals.lines}</td>
              <td className="numeric"><Compared baseline={stored?.cost} scenario={totals.cost} kind="money" currency={currency} /></td>
              {budget !== null && budget > 0 ? <td className="numeric">{Math.round((totals.cost / budget) * 100)} %</td> : null}
              <td className="numeric"><Compared baseline={stored?.hours} scenario={totals.hours} kind="count" /></td>
              <td className="numeric">{`${totals.assigned} of ${totals.lines}`}</td>
            </tr>
          ))}
        </tbody>
      </TableBox>
      <ShowMore shown={visible.length} total={rows.length} onMore={() => setAll(true)} />
    </>
  );
}

function BudgetForm({ budget, onChange }: { budget: number | null; onChange: (budget: number | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(budget === null ? '' : String(budget));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const value = Number(draft);
        onChange(draft.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value);
      }}
    >
      <label htmlFor={`${id}-budget`}>Budget for the plan</label>
      <input id={`${id}-budget`} type="number" min={0} step={100} inputMode="decimal" value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit">Set budget</button>
    </form>
  );
}

function AssignPlan({ request, summary }: { request: PlanRequest; summary: PlanSummary }) {
  const { persona, asOf } = useViewContext();
  const assign = useAssignPlan(persona, asOf);
  const [confirming, setConfirming] = useState(false);
  const [kind, setKind] = useState<'organisational' | 'personal'>('organisational');
  const id = useId();
  const toAssign = summary.total.lines - summary.total.assigned;
  if (persona.kind === 'hr') return <p className="muted">HR can read and export the plan; L&amp;D and managers assign it.</p>;
  return (
    <div className="plan-assign">
      {toAssign === 0 ? (
        <p className="status-done">
          <span aria-hidden="true">✓ </span>Every line of the plan has an open goal.
        </p>
      ) : confirming ? (
        <form
          className="inline-form"
          aria-label="Assign the plan as goals"
          onSubmit={(event) => {
            event.preventDefault();
            assign.mutate({ ...request, kind });
            setConfirming(false);
          }}
        >
          <p>
            Creates {countOf(toAssign, 'goal')}, each due at the end of its quarter
            {summary.total.assigned > 0 ? `; ${countOf(summary.total.assigned, 'line')} already with an open goal stay as they are` : ''}.
          </p>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as 'organisational' | 'personal')}>
            <option value="organisational">Organisational</option>
            <option value="personal">Personal</option>
          </select>
          <button type="submit">Assign {countOf(toAssign, 'goal')}</button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} disabled={assign.isPending}>
          Assign the whole plan as goals ({toAssign})
        </button>
      )}
      {assign.isSuccess ? (
        <p role="status">
          {countOf(assign.data.created.length, 'goal')} assigned{assign.data.skipped.length ? `, ${assign.data.skipped.length} skipped (already an open goal)` : ''}. <Link to="/goals">See the goals</Link>
        </p>
      ) : null}
      {assign.error ? <ErrorMessage error={assign.error} /> : null}
    </div>
  );
}

function ExportPlan({ request }: { request: PlanRequest }) {
  const { persona, asOf, evidence } = useViewContext();
  const id = useId();
  const [excel, setExcel] = useState(false);
  const download = useMutation({
    mutationFn: async () => downloadBlob(`training-plan-${asOf}.csv`, await postBlob(persona, '/plan/export', { asOf, evidence, bom: excel ? 1 : undefined, delimiter: excel ? ';' : undefined }, request)),
  });
  return (
    <div className="export-button" role="group" aria-label="Export the plan">
      <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
        Export the plan (CSV)
      </button>
      <label className="checkbox" htmlFor={`${id}-excel`}>
        <input id={`${id}-excel`} type="checkbox" checked={excel} onChange={(event) => setExcel(event.target.checked)} /> Excel (BOM, ;)
      </label>
      {download.error ? <ErrorMessage error={download.error} /> : null}
    </div>
  );
}

export function PlanPage() {
  const { persona, asOf, evidence } = useViewContext();
  const plan = usePlan();
  const [allItems, setAllItems] = useState(false);
  const request: PlanRequest = useMemo(() => ({ items: plan.items, budget: plan.budget }), [plan.items, plan.budget]);
  // A large answer (thousands of bookings) is replaced whole, not compared deeply with the last one.
  const planKey = useMemo(() => JSON.stringify(request), [request]);
  const summary = useQuery({ ...gapmapQueries.planSummary(persona, request, planKey, asOf, evidence), enabled: plan.items.length > 0, placeholderData: keepPreviousData, structuralSharing: false });
  const currency = summary.data?.currency ?? 'EUR';
  const columns = useMemo(() => {
    const labels = new Map(plan.items.map((item) => [item.id, item.label]));
    return lineColumns(currency, (itemId) => labels.get(itemId) ?? '');
  }, [currency, plan.items]);
  return (
    <section aria-labelledby="plan-title">
      <header className="page-header">
        <h1 id="plan-title">Training plan</h1>
        <p className="subtitle">
          Cohorts, budget picks and pathways you add from a <Link to="/teams">team</Link> or a person’s page, each in a quarter. {isServerHost() ? 'Kept for you on the server, in any browser you sign in from' : 'Kept in this browser'}; priced from the catalog as of {formatDate(asOf)}.
        </p>
      </header>
      {plan.error ? <ErrorMessage error={plan.error} /> : null}
      {!plan.ready ? (
        plan.error ? null : (
          <p className="loading" role="status">
            Reading your plan…
          </p>
        )
      ) : plan.items.length === 0 ? (
        <p>
          The plan is empty. Add a cohort or the budget picks from a <Link to="/teams">team’s page</Link>, or a person’s best pathway from their page.
        </p>
      ) : (
        <QueryState query={summary} label="Pricing the plan">
          {(data) => {
            const over = data.remaining !== null && data.remaining < 0;
            return (
              <>
                <Figures label="Plan totals">
                  {/* Under a what-if draft the same lines priced on the stored catalog (a draft can change prices and hours, not the plan's lines). */}
                  <Figure
                    label="Total cost"
                    value={<Compared baseline={data.baseline?.cost} scenario={data.total.cost} kind="money" currency={data.currency} />}
                    detail={`${data.budget === null ? 'no budget set' : `of ${formatMoney(data.budget, data.currency)} budget`}${data.baseline === null ? ' · not priced as stored: a course is only in this draft' : ''}`}
                    tone={data.budget === null ? undefined : over ? 'bad' : 'good'}
                  />
                  {data.remaining !== null ? (
                    <Figure
                      label={over ? 'Over budget' : 'Left in the budget'}
                      value={formatMoney(Math.abs(data.remaining), data.currency)}
                      detail={data.baseline && data.baseline.remaining !== null ? `as stored: ${data.baseline.remaining < 0 ? `${formatMoney(-data.baseline.remaining, data.currency)} over` : `${formatMoney(data.baseline.remaining, data.currency)} left`}` : undefined}
                      tone={over ? 'bad' : 'good'}
                    />
                  ) : null}
                  <Figure label="Hours" value={<Compared baseline={data.baseline?.hours} scenario={data.total.hours} kind="count" />} detail="of courses" />
                  <Figure label="People" value={data.total.people} detail={countOf(data.total.lines, 'course booking')} />
                  <Figure label="Assigned as goals" value={`${data.total.assigned} of ${data.total.lines}`} tone={data.total.assigned === data.total.lines ? 'good' : undefined} />
                </Figures>
                {data.duplicates > 0 ? <p className="muted">{countOf(data.duplicates, 'booking')} planned twice {data.duplicates === 1 ? 'is' : 'are'} counted once.</p> : null}

                <div className="toolbar plan-actions no-print">
                  <AssignPlan request={request} summary={data} />
                  <ExportPlan request={request} />
                </div>

                <BudgetForm budget={plan.budget} onChange={plan.setBudget} />

                <h2>What the plan holds</h2>
                <TableBox caption="Items of the plan, each in a quarter">
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col">Kind</th>
                      <th scope="col" className="numeric">Courses</th>
                      <th scope="col">Quarter</th>
                      <th scope="col" className="no-print">
                        <span className="visually-hidden">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {(allItems ? plan.items : plan.items.slice(0, FIRST_ROWS)).map((item) => (
                      <tr key={item.id}>
                        <th scope="row">{item.label}</th>
                        <td>{KIND_LABEL[item.kind]}</td>
                        <td className="numeric">{item.lines.length}</td>
                        <td>
                          <select aria-label={`Quarter for ${item.label}`} value={item.quarter ?? data.defaultQuarter} onChange={(event) => plan.setQuarter(item.id, event.target.value)}>
                            {[...new Set([...(item.quarter ? [item.quarter] : []), ...data.quarters])].sort().map((quarter) => (
                              <option key={quarter} value={quarter}>
                                {quarterLabel(quarter)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td className="no-print">
                          <button type="button" className="secondary" onClick={() => plan.remove(item.id)} aria-label={`Remove ${item.label} from the plan`}>
                            Remove
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </TableBox>
                <ShowMore shown={allItems ? plan.items.length : Math.min(FIRST_ROWS, plan.items.length)} total={plan.items.length} onMore={() => setAllItems(true)} />
                <p className="no-print">
                  <button type="button" className="secondary" onClick={() => plan.clear()}>
                    Empty the plan
                  </button>
                </p>

                <h2>Per quarter</h2>
                <TotalsTable caption="Cost and hours per quarter" first="Quarter" currency={data.currency} budget={data.budget} rows={data.byQuarter.map((row) => ({ key: row.quarter, label: quarterLabel(row.quarter), detail: `goals due ${formatDate(row.dueOn)}`, totals: row, stored: data.baseline?.byQuarter.find((stored) => stored.quarter === row.quarter) }))} />
                <h2>Per team</h2>
                <TotalsTable caption="Cost and hours per team" first="Team" currency={data.currency} budget={data.budget} rows={data.byTeam.map((row) => ({ key: row.team, label: row.team, totals: row, stored: data.baseline?.byTeam.find((stored) => stored.team === row.team) }))} />

                <h2>Every course booking</h2>
                <SortableTable
                  caption="Course bookings of the plan"
                  columns={columns}
                  rows={data.lines}
                  rowKey={(line) => `${line.employeeId}\u0000${line.credentialId}`}
                  sortParam="linesSort"
                  defaultSort={{ column: 'quarter', direction: 'asc' }}
                  tieBreak={lineTieBreak}
                />
              </>
            );
          }}
        </QueryState>
      )}
      {summary.error ? (
        // A plan naming someone who has left, or a course gone from the catalog, cannot be priced: start again.
        <p>
          <button type="button" className="secondary" onClick={() => plan.clear()}>
            Empty the plan
          </button>
        </p>
      ) : null}
    </section>
  );
}
