// The audit log (SPEC §9, server mode, admins): who did what, when — filtered by action, actor and
// dates, and downloaded as CSV with the same filters.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { accessApi } from '../../api/access';
import { ErrorMessage, Loading } from '../../components/QueryState';

const ACTIONS = ['import', 'import-undone', 'goals-assigned', 'goal-status-changed', 'catalog-changed', 'demo-reset', 'whatif-kept', 'badge-mappings-changed', 'account-added', 'account-changed', 'account-removed', 'token-created', 'token-revoked', 'signed-in', 'sign-in-refused', 'signed-out-everywhere', 'person-erased'];

/** Rows name people by pseudonym; those not erased since are named for the admin reading the log. */
function PeopleNamed({ named, people }: { named: readonly string[]; people: Record<string, { id: string; name?: string }> }) {
  if (named.length === 0) return null;
  return (
    <ul className="audit-people">
      {named.map((pseudonym) => (
        <li key={pseudonym}>
          {pseudonym}: {people[pseudonym] ? `${people[pseudonym].name ?? 'no longer an employee'} (${people[pseudonym].id})` : 'erased'}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = { action: action || undefined, actor: actor || undefined, from: from || undefined, to: to || undefined };
  const events = useQuery({ queryKey: ['gapmap', 'audit', filter], queryFn: () => accessApi.audit(filter) });
  return (
    <section aria-labelledby="audit-title">
      <header className="page-header">
        <h1 id="audit-title">Audit log</h1>
        <p className="subtitle">Every change and every refused sign-in, newest first. Nothing here can be edited or deleted.</p>
      </header>
      <div className="inline-form">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" value={action} onChange={(event) => setAction(event.target.value)}>
          <option value="">Any</option>
          {ACTIONS.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
        <label htmlFor="audit-actor">Who</label>
        <input id="audit-actor" value={actor} onChange={(event) => setActor(event.target.value)} />
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <a className="button-link" href={accessApi.auditCsvUrl(filter)} download>
          Download CSV
        </a>
      </div>
      {events.isPending ? <Loading label="Loading the audit log" /> : events.isError ? <ErrorMessage error={events.error} /> : (
        <table className="data-table">
          <thead>
            <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">What</th><th scope="col">Details</th></tr>
          </thead>
          <tbody>
            {events.data.events.map((event) => (
              <tr key={event.id}>
                <td>{event.at.replace('T', ' ').slice(0, 19)}</td><td>{event.actor}</td><td>{event.action}</td><td>{event.subject}</td>
                <td>
                  <code>{JSON.stringify(event.detail)}</code>
                  <PeopleNamed named={event.named} people={events.data.people} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
