// Erasing a person (SPEC §9): on an admin's request, or by the retention rule for leavers. The
// organisation without them is stored and every other trace removed in one transaction (the store's
// erasePerson); the audit log keeps the event under a pseudonym, never their name or id.
import { randomUUID } from 'node:crypto';
import { retentionCutoff, withoutPerson } from '../../domain/erasure';
import type { IsoDate } from '../../domain/schema';
import type { AuditLog, NewAuditEvent } from '../store/auditLog';
import type { NewEntry } from '../store/organisationStore';
import type { OrganisationState } from './organisationState';
import type { PlanStore } from './plans';

export class ErasureUnsupportedError extends Error {}

const ERASURE_ENTRY: NewEntry = { source: 'edit', label: 'A person was erased', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] };

export function pseudonym(): string {
  return `erased-${randomUUID().slice(0, 8)}`;
}

interface ErasureOptions {
  /** Who they were when they are no longer in the organisation (a leaver). */
  known?: { name: string };
  /** The training plans, which name people: purged here unless the store's erasure does it in its transaction. */
  plans?: PlanStore;
}

/** Erases one person; false when there is nobody with this id. */
export async function erasePerson(state: OrganisationState, audit: AuditLog, employeeId: string, actor: Pick<NewAuditEvent, 'actorId' | 'actor'>, reason: 'request' | 'retention', { known, plans }: ErasureOptions = {}): Promise<boolean> {
  if (!state.store.erasePerson) throw new ErasureUnsupportedError('This store cannot erase a person.');
  const { org } = await state.current();
  const employee = org.employees.find((candidate) => candidate.id === employeeId);
  if (!employee && !known) return false;
  const { organisation, erased } = withoutPerson(org, employeeId);
  const mentioned = Object.values(erased).some((count) => count > 0);
  const row: NewAuditEvent = { ...actor, action: 'person-erased', subject: pseudonym(), detail: { reason, erased } };
  // In the erasure's own transaction where the store can: never an erasure without its row.
  await state.store.erasePerson(mentioned ? organisation : {}, ERASURE_ENTRY, { id: employeeId, name: employee?.name ?? known?.name ?? '' }, () => row);
  if (!state.store.auditsInTransaction) await audit.append(row);
  await plans?.forgetPerson?.(employeeId);
  await state.current();
  return true;
}

/** The retention rule: every leaver who left before `months` months ago is erased. Returns how many. */
export async function eraseLeavers(state: OrganisationState, audit: AuditLog, months: number, today: IsoDate, plans?: PlanStore): Promise<number> {
  if (!state.store.leaversBefore) return 0;
  const leavers = await state.store.leaversBefore(retentionCutoff(today, months));
  for (const leaver of leavers) await erasePerson(state, audit, leaver.id, { actorId: 'system', actor: `retention (${months} months)` }, 'retention', { known: { name: leaver.name }, ...(plans ? { plans } : {}) });
  return leavers.length;
}
