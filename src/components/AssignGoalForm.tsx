// Assigns a credential goal to one person or to a whole cohort in one action: due date and kind,
// then the API's answer (created, skipped, or refused with its reason) is announced.
import { useId, useState } from 'react';
import { useAssignGoals } from '../api/useAssignGoals';
import type { Persona } from '../api/contract';
import { ErrorMessage } from './QueryState';

function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

interface AssignGoalFormProps {
  persona: Persona;
  credentialId: string;
  credentialName: string;
  employees: { id: string; name: string; team: string }[];
  /** "Assign to all 4" for a cohort, "Assign as a goal" for one person. */
  buttonLabel: string;
  /** A stack's cohort: each member's own courses (then `credentialId` only names the row). */
  pairs?: { employeeId: string; credentialId: string }[];
  credentialNames?: Map<string, string>;
  /** Nothing left to assign: only the answer to the last assignment shows, no button. */
  done?: boolean;
}

export function AssignGoalForm({ persona, credentialId, credentialName, employees, buttonLabel, pairs, credentialNames, done = false }: AssignGoalFormProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [dueOn, setDueOn] = useState(inDays(90));
  const [kind, setKind] = useState<'organisational' | 'personal'>('organisational');
  const assign = useAssignGoals(persona, { employees: new Map(employees.map((employee) => [employee.id, employee])), credentialName, credentialNames });
  if (persona.kind === 'hr') return null;
  if (!open || done) {
    return (
      <div>
        {done ? null : (
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
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
      aria-label={`Assign ${credentialName} as a goal`}
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate(
          pairs
            ? { pairs: pairs.map((pair) => ({ employee: pair.employeeId, credential: pair.credentialId })), dueOn, kind }
            : { employees: employees.map((employee) => employee.id), credential: credentialId, dueOn, kind },
        );
        setOpen(false);
      }}
    >
      <label htmlFor={`${id}-due`}>Due</label>
      <input id={`${id}-due`} type="date" required value={dueOn} min={inDays(0)} onChange={(event) => setDueOn(event.target.value)} />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as 'organisational' | 'personal')}>
        <option value="organisational">Organisational</option>
        <option value="personal">Personal</option>
      </select>
      <button type="submit">
        Assign to {employees.length === 1 ? employees[0]?.name : `${employees.length} people`}
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
