// The organisation-wide list behind each Overview figure (issue 13 point 1): critical gaps, single
// points of failure, credentials expiring in 90 days, overdue goals. Sortable (sort in the URL),
// exportable as CSV, each row with the action that fixes it. Scoped by the API to the caller's teams.
import { useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { listQueries } from '../../api/listQueries';
import { LIST_KINDS, type CredentialOption, type ListKind } from '../../api/listContract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { ExportButton } from '../../components/ExportButton';
import { Compared } from '../../components/Compared';
import { countOf, formatDate } from '../../components/format';
import { addDays } from '../../domain/dates';
import { AssignGoalForm } from '../../components/AssignGoalForm';
import { ListTable } from './TableScroll';
import './lists.css';
import type { ListSearch } from './search';

const TITLES: Record<ListKind, { title: string; what: string }> = {
  'critical-gaps': { title: 'Critical gaps', what: 'Each critical requirement of a role that its holder does not meet yet.' },
  'single-points-of-failure': { title: 'Single points of failure', what: 'Critical team skills held at the level the team needs by one person or none.' },
  expiring: {
    title: 'Expiring in 90 days',
    // Rule 11 completes a goal by the credential held on or after its creation, so today a renewal
    // goal counts as completed while the current award lasts: said here until renewals are tracked apart.
    what: 'Current credentials that lapse within 90 days and have not been renewed. Renew assigns a goal for the same credential, due before it lapses; while the current one is valid, Goals shows that goal as completed.',
  },
  'overdue-goals': { title: 'Overdue goals', what: 'Open credential goals past their due date.' },
};

/** A column header that sorts the list: ascending on first click, descending on the next. */
function SortHeader({ column, label, sort, numeric }: { column: string; label: string; sort: string; numeric?: boolean }) {
  const navigate = useNavigate();
  const active = sort === column || sort === `-${column}`;
  const descending = sort === `-${column}`;
  return (
    <th scope="col" className={numeric ? 'numeric' : undefined} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className="link-button"
        onClick={() => void navigate({ to: '.', search: (previous: ListSearch) => ({ ...previous, listSort: active && !descending ? `-${column}` : column }) })}
      >
        {label}
        {active ? <span aria-hidden="true">{descending ? ' ▼' : ' ▲'}</span> : null}
      </button>
    </th>
  );
}

/** The stored organisation's side of a list under a what-if draft (listBaselineSchema): its total and the rows the draft makes disappear. */
interface ListBaseline<Row> {
  total: number;
  goneTotal: number;
  gone: Row[];
}

/**
 * Rows a list opens with, and adds on each "Show more": a list of the whole organisation runs to
 * thousands of rows (the export has them all), and the first rows must paint at once.
 */
const LIST_PAGE = 100;

/** How many rows of a list to ask for: LIST_PAGE more on each "Show more", the rows shown kept meanwhile. */
function useListLimit() {
  const [limit, setLimit] = useState(LIST_PAGE);
  return { limit, more: () => setLimit((current) => current + LIST_PAGE), options: { placeholderData: keepPreviousData } };
}

interface ListFrameProps<Row> {
  list: ListKind;
  /** The list's answer: who it covers, its total, the rows sent, and the stored side under a what-if draft. */
  data: { scope: string; total: number; rows: readonly unknown[]; asOf: string; sort: string; baseline?: ListBaseline<Row> | undefined };
  /** Asks for LIST_PAGE more rows; `loadingMore` while they come. */
  onMore: () => void;
  loadingMore: boolean;
  /** A row gone under the draft, in a sentence (no action: there is nothing left to fix in the draft). */
  describeGone: (row: Row) => string;
  keyOfGone: (row: Row) => string;
  children: ReactNode;
}

function ListFrame<Row>({ list, data, onMore, loadingMore, describeGone, keyOfGone, children }: ListFrameProps<Row>) {
  const { scope, total, asOf, sort, baseline } = data;
  const shown = data.rows.length;
  const { persona, evidence } = useViewContext();
  const { title, what } = TITLES[list];
  return (
    <>
      <header className="page-header">
        <h1 id="list-title">{title}</h1>
        <p className="subtitle">
          {scope} · <Compared baseline={baseline?.total} scenario={total} kind="count" /> {total === 1 ? 'row' : 'rows'} · as of {formatDate(asOf)}
          {shown < total ? ` · the first ${shown} shown, the export has all` : ''}
        </p>
        <p className="muted">{what}</p>
        {baseline ? (
          <p className="muted">
            Under this what-if draft: rows marked “new in this draft” are not in the list as stored, and each changed figure reads stored → draft.
          </p>
        ) : null}
      </header>
      <ExportButton persona={persona} path={`/lists/${list}`} params={{ asOf, evidence, sort, format: 'csv' }} fileName={`${list}-${asOf}.csv`} label="Export CSV" />
      {total === 0 ? <p>Nothing to list{baseline ? ' under this draft' : ''}.</p> : children}
      {shown < total ? (
        <p className="no-print">
          <button type="button" className="secondary" onClick={onMore} disabled={loadingMore}>
            Show {Math.min(LIST_PAGE, total - shown)} more ({shown} of {total} shown)
          </button>
        </p>
      ) : null}
      {baseline && baseline.goneTotal > 0 ? (
        <section aria-labelledby="list-gone-title">
          <h2 id="list-gone-title">Gone under this draft</h2>
          <p className="muted">
            {countOf(baseline.goneTotal, 'row')} of the list as stored {baseline.goneTotal === 1 ? 'is' : 'are'} not in the draft's
            {baseline.gone.length < baseline.goneTotal ? ` (the first ${baseline.gone.length} shown)` : ''}.
          </p>
          <ul className="plain-list compact">
            {baseline.gone.map((row) => (
              <li key={keyOfGone(row)}>{describeGone(row)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The marker of a row the stored list does not have (its `baseline` is null): text, not colour alone. */
function NewInDraft({ baseline }: { baseline: object | null | undefined }) {
  return baseline === null ? <span className="tag">new in this draft</span> : null;
}

/** A row's header naming its person: a link to their page, marked when new in the draft. */
function PersonRowHeader({ row }: { row: { employee: string; employeeName: string; baseline?: object | null } }) {
  return (
    <th scope="row">
      <Link to="/employees/$employeeId" params={{ employeeId: row.employee }}>{row.employeeName}</Link>
      <NewInDraft baseline={row.baseline} />
    </th>
  );
}

function pickCredentials(all: CredentialOption[], ids: string[]): CredentialOption[] {
  const byId = new Map(all.map((option) => [option.id, option]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function CriticalGaps({ sort }: { sort: string | undefined }) {
  const { persona, asOf, evidence } = useViewContext();
  const rows = useListLimit();
  const query = useQuery({ ...listQueries.criticalGaps(persona, asOf, sort, evidence, rows.limit), ...rows.options });
  return (
    <QueryState query={query} label="Listing the critical gaps">
      {(data) => (
        <ListFrame
          list="critical-gaps"
          data={data}
          onMore={rows.more}
          loadingMore={query.isPlaceholderData}
          keyOfGone={(row) => `${row.employee}:${row.skill}`}
          describeGone={(row) => `${row.employeeName} (${row.team}, ${row.roleName}) — ${row.skillName}: has ${row.effective}, required ${row.required} as stored; no longer a critical gap under the draft`}
        >
          <ListTable
            caption="Critical gaps"
            headers={
              <>
                <SortHeader column="employee" label="Person" sort={data.sort} />
                <SortHeader column="team" label="Team" sort={data.sort} />
                <SortHeader column="role" label="Role" sort={data.sort} />
                <SortHeader column="skill" label="Skill" sort={data.sort} />
                <SortHeader column="required" label="Required" sort={data.sort} numeric />
                <SortHeader column="effective" label="Has" sort={data.sort} numeric />
                <SortHeader column="gap" label="Gap" sort={data.sort} numeric />
                <th scope="col">Fix</th>
              </>
            }
          >
            {data.rows.map((row) => (
              <tr key={`${row.employee}:${row.skill}`}>
                <PersonRowHeader row={row} />
                <td>{row.team}</td>
                <td>{row.roleName}</td>
                <td>{row.skillName}</td>
                <td className="numeric"><Compared baseline={row.baseline?.required} scenario={row.required} kind="count" /></td>
                <td className="numeric"><Compared baseline={row.baseline?.effective} scenario={row.effective} kind="count" /></td>
                <td className="numeric"><Compared baseline={row.baseline?.gap} scenario={row.gap} kind="count" /></td>
                <td>
                  <AssignGoalForm
                    persona={persona}
                    people={[{ id: row.employee, name: row.employeeName, team: row.team }]}
                    credentials={pickCredentials(data.credentials, row.fixes)}
                    buttonLabel="Assign a goal"
                    description={`${row.skillName} for ${row.employeeName}`}
                  />
                </td>
              </tr>
            ))}
          </ListTable>
        </ListFrame>
      )}
    </QueryState>
  );
}

function SinglePointsOfFailure({ sort }: { sort: string | undefined }) {
  const { persona, asOf, evidence } = useViewContext();
  const rows = useListLimit();
  const query = useQuery({ ...listQueries.singlePointsOfFailure(persona, asOf, sort, evidence, rows.limit), ...rows.options });
  return (
    <QueryState query={query} label="Listing the single points of failure">
      {(data) => (
        <ListFrame
          list="single-points-of-failure"
          data={data}
          onMore={rows.more}
          loadingMore={query.isPlaceholderData}
          keyOfGone={(row) => `${row.team}:${row.skill}`}
          describeGone={(row) => `${row.skillName} in ${row.team} — as stored held at level ${row.highestRequired} by ${row.holders.length ? row.holders.map((holder) => holder.name).join(', ') : 'nobody'}; under the draft no longer a single point of failure`}
        >
          <ListTable
            caption="Single points of failure"
            headers={
              <>
                <SortHeader column="skill" label="Skill" sort={data.sort} />
                <SortHeader column="team" label="Team" sort={data.sort} />
                <SortHeader column="highestRequired" label="Level needed" sort={data.sort} numeric />
                <SortHeader column="holders" label="Held by" sort={data.sort} />
                <SortHeader column="requiredCount" label="Roles needing it" sort={data.sort} numeric />
                <th scope="col">Fix: train a second person</th>
              </>
            }
          >
            {data.rows.map((row) => (
              <tr key={`${row.team}:${row.skill}`}>
                <th scope="row">
                  <Link to="/teams/$team/skills/$skill" params={{ team: row.team, skill: row.skill }}>{row.skillName}</Link>
                  <NewInDraft baseline={row.baseline} />
                </th>
                <td>
                  <Link to="/teams/$team" params={{ team: row.team }}>{row.team}</Link>
                </td>
                <td className="numeric"><Compared baseline={row.baseline?.highestRequired} scenario={row.highestRequired} kind="count" /></td>
                <td>
                  {row.holders.length ? row.holders.map((holder) => holder.name).join(', ') : 'nobody'}
                  {row.baseline && row.baseline.holders !== row.holders.length ? <span className="muted block">as stored: {countOf(row.baseline.holders, 'holder')}</span> : null}
                </td>
                <td className="numeric"><Compared baseline={row.baseline?.requiredCount} scenario={row.requiredCount} kind="count" /></td>
                <td>
                  <AssignGoalForm
                    persona={persona}
                    people={row.candidates.map((candidate) => ({ ...candidate, team: row.team }))}
                    credentials={pickCredentials(data.credentials, row.fixes)}
                    buttonLabel="Assign a goal"
                    description={`${row.skillName} in ${row.team}`}
                    choosePeople
                  />
                </td>
              </tr>
            ))}
          </ListTable>
        </ListFrame>
      )}
    </QueryState>
  );
}

function Expiring({ sort }: { sort: string | undefined }) {
  const { persona, asOf, evidence } = useViewContext();
  const rows = useListLimit();
  const query = useQuery({ ...listQueries.expiring(persona, asOf, sort, evidence, rows.limit), ...rows.options });
  return (
    <QueryState query={query} label="Listing the credentials that expire soon">
      {(data) => (
        <ListFrame
          list="expiring"
          data={data}
          onMore={rows.more}
          loadingMore={query.isPlaceholderData}
          keyOfGone={(row) => `${row.employee}:${row.credential}:${row.issuedOn}`}
          describeGone={(row) => `${row.employeeName} (${row.team}) — ${row.credentialName}: expires ${formatDate(row.expiresOn)} as stored; not within ${data.horizonDays} days under the draft`}
        >
          <ListTable
            caption={`Credentials expiring in ${data.horizonDays} days`}
            headers={
              <>
                <SortHeader column="employee" label="Person" sort={data.sort} />
                <SortHeader column="team" label="Team" sort={data.sort} />
                <SortHeader column="credential" label="Credential" sort={data.sort} />
                <SortHeader column="issuedOn" label="Issued" sort={data.sort} />
                <SortHeader column="expiresOn" label="Expires" sort={data.sort} />
                <th scope="col">Fix</th>
              </>
            }
          >
            {data.rows.map((row) => {
              // Due the day before it lapses, so the renewal lands while the credential still counts.
              const dayBefore = addDays(row.expiresOn, -1);
              return (
                <tr key={`${row.employee}:${row.credential}:${row.issuedOn}`}>
                  <PersonRowHeader row={row} />
                  <td>{row.team}</td>
                  <td>{row.credentialName}</td>
                  <td>{formatDate(row.issuedOn)}</td>
                  <td>
                    {formatDate(row.expiresOn)}
                    {/* A draft changing the credential's validity moves the date: the stored one beside it, in words. */}
                    {row.baseline && row.baseline.expiresOn !== row.expiresOn ? <span className="muted block">as stored: {formatDate(row.baseline.expiresOn)}</span> : null}
                  </td>
                  <td>
                    <AssignGoalForm
                      persona={persona}
                      people={[{ id: row.employee, name: row.employeeName, team: row.team }]}
                      credentials={[{ id: row.credential, name: row.credentialName }]}
                      buttonLabel="Renew"
                      description={`${row.credentialName} for ${row.employeeName}`}
                      dueOn={dayBefore}
                      latestDue={dayBefore}
                    />
                  </td>
                </tr>
              );
            })}
          </ListTable>
        </ListFrame>
      )}
    </QueryState>
  );
}

function OverdueGoals({ sort }: { sort: string | undefined }) {
  const { persona, asOf, evidence } = useViewContext();
  const rows = useListLimit();
  const query = useQuery({ ...listQueries.overdueGoals(persona, asOf, sort, evidence, rows.limit), ...rows.options });
  return (
    <QueryState query={query} label="Listing the overdue goals">
      {(data) => (
        <ListFrame
          list="overdue-goals"
          data={data}
          onMore={rows.more}
          loadingMore={query.isPlaceholderData}
          keyOfGone={(row) => row.goal}
          describeGone={(row) => `${row.employeeName} (${row.team}) — ${row.credentialName}, due ${formatDate(row.dueOn)}: overdue as stored, met under the draft`}
        >
          <ListTable
            caption="Overdue goals"
            headers={
              <>
                <SortHeader column="employee" label="Person" sort={data.sort} />
                <SortHeader column="team" label="Team" sort={data.sort} />
                <SortHeader column="credential" label="Credential" sort={data.sort} />
                <SortHeader column="dueOn" label="Due" sort={data.sort} />
                <SortHeader column="daysOverdue" label="Days late" sort={data.sort} numeric />
                <th scope="col">Follow up</th>
              </>
            }
          >
            {data.rows.map((row) => (
              <tr key={row.goal}>
                <PersonRowHeader row={row} />
                <td>{row.team}</td>
                <td>{row.credentialName}</td>
                <td>{formatDate(row.dueOn)}</td>
                <td className="numeric">{row.daysOverdue}</td>
                <td>
                  <Link to="/goals" search={{ team: row.team, status: 'overdue' }}>Open in Goals</Link>
                </td>
              </tr>
            ))}
          </ListTable>
        </ListFrame>
      )}
    </QueryState>
  );
}

export function ListPage() {
  const { list } = useParams({ from: '/lists/$list' });
  const { listSort: sort } = useSearch({ from: '/lists/$list' });
  const kind = LIST_KINDS.find((candidate) => candidate === list);
  if (!kind) {
    return (
      <section aria-labelledby="list-title">
        <h1 id="list-title">No such list</h1>
        <p role="alert">There is no list called “{list}”. The lists are the critical gaps, single points of failure, expiring credentials and overdue goals of the Overview.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="list-title">
      {kind === 'critical-gaps' ? <CriticalGaps sort={sort} /> : null}
      {kind === 'single-points-of-failure' ? <SinglePointsOfFailure sort={sort} /> : null}
      {kind === 'expiring' ? <Expiring sort={sort} /> : null}
      {kind === 'overdue-goals' ? <OverdueGoals sort={sort} /> : null}
    </section>
  );
}
