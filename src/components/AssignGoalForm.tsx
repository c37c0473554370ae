// Assigns a credential goal to one person or to several in one POST /api/goals, wherever a page
// offers it: a cohort or pathway step (one credential, organisational or personal), a list's row
// (pick among the credentials that close the gap, or renew one before it lapses) and a heatmap
// cell's people (pick who). Then the API's answer (created, skipped, or refused with its reason)
// is announced where the button was.
import { useId, useState } from 'react';
import { useAssignGoals } from '../api/useAssignGoals';
import type { Persona } from '../api/contract';
import type { CredentialOption } from '../api/listContract';
import { ErrorMessage } from './QueryState';
import { formatMoney } from './format';
import { addDays, todayIso } from '../domain/dates';

export interface AssignablePerson {
  id: string;
  name: string;
  team: string;
}

type GoalKind = 'organisational' | 'personal';

interface AssignGoalFormProps {
  persona: Persona;
  people: AssignablePerson[];
  /** The credentials to choose from, cheapest first (one: nothing to choose). */
  credentials: CredentialOption[];
  /** The button that opens the form ("Assign to all 4", "Assign a goal", "Renew"). */
  buttonLabel: string;
  /** What the action is about, for screen readers in a table of many ("SQL for Ada Lovelace"). */
  description?: string;
  /** The form's name; by default the button's label and the description. */
  formLabel?: string;
  /** Default due date (90 days from today otherwise); `latestDue` caps it (a renewal is due before the credential lapses). */
  dueOn?: string;
  latestDue?: string;
  /** Let the user choose among the people (checkboxes, all ticked at first). */
  choosePeople?: boolean;
  /** Let the user choose an organisational or a personal goal (otherwise organisational). */
  chooseKind?: boolean;
  /** Name the single credential in the form (a row that already names it need not). */
  showCredential?: boolean;
  /** A stack's cohort: each member's own courses (then the credential only names the row). */
  pairs?: { employeeId: string; credentialId: string }[];
  credentialNames?: Map<string, string>;
  /** Nothing left to assign: only the answer to the last assignment shows, no button. */
  done?: boolean;
}

function credentialLabel(option: CredentialOption): string {
  const parts = [option.level !== undefined ? `level ${option.level}` : undefined, option.cost !== undefined ? formatMoney(option.cost, option.currency) : undefined, option.hours !== undefined ? `${option.hours} h` : undefined].filter(Boolean);
  return parts.length ? `${option.name} (${parts.join(', ')})` : option.name;
}

export function AssignGoalForm({
  persona, people, credentials, buttonLabel, description, formLabel, dueOn, latestDue, choosePeople = false, chooseKind = false, showCredential = true, pairs, credentialNames, done = false,
}: AssignGoalFormProps) {
  const id = useId();
  const today = todayIso();
  const [open, setOpen] = useState(false);
  const [credential, setCredential] = useState(credentials[0]?.id ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(people.map((person) => person.id)));
  const [due, setDue] = useState(dueOn && dueOn >= today ? dueOn : addDays(today, 90));
  const [kind, setKind] = useState<GoalKind>('organisational');
  // The choice made, or the first offered if the offer changed under it (a cohort's open courses after an assignment).
  const current = credentials.find((option) => option.id === credential) ?? credentials[0];
  const credentialName = current?.name ?? credential;
  const assign = useAssignGoals(persona, { employees: new Map(people.map((person) => [person.id, person])), credentialName, credentialNames });
  if (persona.kind === 'hr') return null;
  if (credentials.length === 0) return <span className="muted">No credential in the catalog closes this gap.</span>;
  const selected = choosePeople ? people.filter((person) => chosen.has(person.id)) : people;
  const described = description ? `${buttonLabel}: ${description}` : undefined;
  if (!open || done) {
    return (
      <div>
        {done ? null : (
          <button type="button" className="secondary" aria-label={described} onClick={() => setOpen(true)}>
            {buttonLabel}
          </button>
        )}
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
      aria-label={formLabel ?? described ?? buttonLabel}
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length === 0) return;
        assign.mutate(
          pairs
            ? { pairs: pairs.map((pair) => ({ employee: pair.employeeId, credential: pair.credentialId })), dueOn: due, kind }
            : { employees: selected.map((person) => person.id), credential: current!.id, dueOn: due, kind },
        );
        setOpen(false);
      }}
    >
      {credentials.length > 1 ? (
        <>
          <label htmlFor={`${id}-credential`}>Credential</label>
          <select id={`${id}-credential`} value={current?.id} onChange={(event) => setCredential(event.target.value)}>
            {credentials.map((option) => (
              <option key={option.id} value={option.id}>
                {credentialLabel(option)}
              </option>
            ))}
          </select>
        </>
      ) : showCredential ? (
        <span>{credentialLabel(credentials[0]!)}</span>
      ) : null}
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
      {chooseKind ? (
        <>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as GoalKind)}>
            <option value="organisational">Organisational</option>
            <option value="personal">Personal</option>
          </select>
        </>
      ) : null}
      <button type="submit" disabled={selected.length === 0}>
        Assign to {selected.length === 1 ? selected[0]?.name : `${selected.length} people`}
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
