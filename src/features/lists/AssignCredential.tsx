// The action that fixes a row: assign a credential goal to one person or to the chosen people of a
// list in one POST /api/goals — pick the credential (those that close the gap), who, and the due date.
import { useId, useState } from 'react';
import { useAssignGoals } from '../../api/useAssignGoals';
import type { Persona } from '../../api/contract';
import type { CredentialOption } from '../../api/listContract';
import { ErrorMessage } from '../../components/QueryState';
import { formatMoney } from '../../components/format';
import { addDays, todayIso } from '../../domain/dates';

export interface AssignablePerson {
  id: string;
  name: string;
  team: string;
}

interface AssignCredentialProps {
  persona: Persona;
  people: AssignablePerson[];
  credentials: CredentialOption[];
  /** The button that opens the form ("Assign a goal", "Renew"). */
  label: string;
  /** What the action is about, for screen readers in a table of many ("SQL Practitioner for Ada Lovelace"). */
  description?: string;
  /** Default due date; `latestDue` caps it (a renewal is due before the credential lapses). */
  dueOn?: string;
  latestDue?: string;
  /** Let the user choose among the people (checkboxes, all ticked at first). */
  choosePeople?: boolean;
}

function credentialLabel(option: CredentialOption): string {
  const parts = [option.level !== undefined ? `level ${option.level}` : undefined, option.cost !== undefined ? formatMoney(option.cost, option.currency) : undefined, option.hours !== undefined ? `${option.hours} h` : undefined].filter(Boolean);
  return parts.length ? `${option.name} (${parts.join(', ')})` : option.name;
}

export function AssignCredential({ persona, people, credentials, label, description, dueOn, latestDue, choosePeople = false }: AssignCredentialProps) {
  const id = useId();
  const today = todayIso();
  const [open, setOpen] = useState(false);
  const [credential, setCredential] = useState(credentials[0]?.id ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(people.map((person) => person.id)));
  const [due, setDue] = useState(dueOn && dueOn >= today ? dueOn : addDays(today, 90));
  const credentialName = credentials.find((option) => option.id === credential)?.name ?? credential;
  const assign = useAssignGoals(persona, { employees: new Map(people.map((person) => [person.id, person])), credentialName });
  if (persona.kind === 'hr') return null;
  if (credentials.length === 0) return <span className="muted">No credential in the catalog closes this gap.</span>;
  const selected = people.filter((person) => chosen.has(person.id));
  if (!open) {
    return (
      <div>
        <button type="button" className="secondary" aria-label={description ? `${label}: ${description}` : undefined} onClick={() => setOpen(true)}>
          {label}
        </button>
        {assign.isSuccess ? (
          <p role="status" className="muted">
            {assign.data.created.length} goal{assign.data.created.length === 1 ? '' : 's'} assigned
            {assign.data.skipped.length ? `, ${assign.data.skipped.length} skipped (already an open goal)` : ''}.
          </p>
        ) : null}
        {assign.error ? <ErrorMessage error={assign.error} /> : null}
      </div>
    );
  }
  return (
    <form
      className="inline-form"
      aria-label={description ? `${label}: ${description}` : label}
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length === 0) return;
        assign.mutate({ employees: selected.map((person) => person.id), credential, dueOn: due, kind: 'organisational' });
        setOpen(false);
      }}
    >
      {credentials.length > 1 ? (
        <>
          <label htmlFor={`${id}-credential`}>Credential</label>
          <select id={`${id}-credential`} value={credential} onChange={(event) => setCredential(event.target.value)}>
            {credentials.map((option) => (
              <option key={option.id} value={option.id}>
                {credentialLabel(option)}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span>{credentialLabel(credentials[0]!)}</span>
      )}
      {choosePeople && people.length > 1 ? (
        <fieldset className="inline-form">
          <legend>Who</legend>
          {people.map((person) => (
            <label key={person.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(person.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(person.id);
                  else next.delete(person.id);
                  setChosen(next);
                }}
              />
              {person.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor={`${id}-due`}>Due</label>
      <input id={`${id}-due`} type="date" required value={due} min={today} max={latestDue} onChange={(event) => setDue(event.target.value)} />
      <button type="submit" disabled={selected.length === 0}>
        Assign to {selected.length === 1 ? selected[0]?.name : `${selected.length} people`}
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
