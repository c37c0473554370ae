// The audit log (SPEC §9): who did what, when — append-only. Nothing in the app updates or deletes
// an entry (in PostgreSQL a trigger refuses it too). In memory for the memory store and the browser host.

export const AUDIT_ACTIONS = [
  'import',
  'import-undone',
  'goals-assigned',
  'goal-status-changed',
  'catalog-changed',
  'demo-reset',
  'whatif-kept',
  'badge-mappings-changed',
  'account-added',
  'account-changed',
  'account-removed',
  'token-created',
  'token-revoked',
  'signed-in',
  'sign-in-refused',
  'signed-out-everywhere',
  'person-erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface NewAuditEvent {
  /** The account that acted ('system' for retention, the CLI's 'cli:<user>'). */
  actorId: string;
  /** What the actor was called then (an email, or a description). */
  actor: string;
  action: AuditAction;
  /** What it was done to (an account's email, a goal id, a file name); '' when nothing in particular. */
  subject: string;
  detail: Record<string, unknown>;
}

export interface AuditEvent extends NewAuditEvent {
  id: number;
  at: string;
}

export interface AuditFilter {
  action?: AuditAction;
  /** Part of the actor's name or email, case-insensitive. */
  actor?: string;
  /** ISO instants or days, inclusive; `to` as a day means the whole day. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface AuditLog {
  /** Stores the event; each person it names (personRef) is stored as their pseudonym. */
  append(event: NewAuditEvent): Promise<void>;
  /** Newest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** The employee ids behind these pseudonyms, for those not erased since. */
  people(pseudonyms: readonly string[]): Promise<Map<string, string>>;
}

/**
 * A person named in an audit row. The log is append-only, yet an erased person must not stay
 * named in it (SPEC §9): rows hold a pseudonym per person instead, and only a separate table
 * (memory here) links pseudonyms to employee ids. Erasure deletes the person's link, so every row
 * about them keeps what happened but no longer says to whom.
 */
export interface PersonRef {
  $person: string;
}

export const personRef = (employeeId: string): PersonRef => ({ $person: employeeId });

const isPersonRef = (value: unknown): value is PersonRef =>
  typeof value === 'object' && value !== null && typeof (value as PersonRef).$person === 'string' && Object.keys(value).length === 1;

/** The employee ids an event's detail names. */
export function peopleNamedIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (isPersonRef(value)) into.add(value.$person);
  else if (Array.isArray(value)) for (const item of value) peopleNamedIn(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) peopleNamedIn(item, into);
  return into;
}

/** The detail with each person replaced by their pseudonym. */
export function withPseudonyms(value: unknown, pseudonymOf: ReadonlyMap<string, string>): unknown {
  if (isPersonRef(value)) return pseudonymOf.get(value.$person)!;
  if (Array.isArray(value)) return value.map((item) => withPseudonyms(item, pseudonymOf));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPseudonyms(item, pseudonymOf)]));
  return value;
}

export const PSEUDONYM_PATTERN = /\bperson-[0-9a-f]{12}\b/g;

export function newPersonPseudonym(): string {
  return `person-${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** The pseudonyms that appear in stored events. */
export function pseudonymsIn(events: readonly AuditEvent[]): string[] {
  const found = new Set<string>();
  for (const event of events) for (const match of JSON.stringify(event.detail).matchAll(PSEUDONYM_PATTERN)) found.add(match[0]);
  return [...found];
}

export const AUDIT_LIST_LIMIT = 10_000;

/** The end of a `to` bound: a bare day covers the whole of it. */
export function endOf(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to;
}

export function memoryAuditLog(now: () => Date = () => new Date()): AuditLog {
  const events: AuditEvent[] = [];
  const pseudonyms = new Map<string, string>();
  return {
    async append(event) {
      for (const id of peopleNamedIn(event.detail)) if (!pseudonyms.has(id)) pseudonyms.set(id, newPersonPseudonym());
      const detail = withPseudonyms(event.detail, pseudonyms) as Record<string, unknown>;
      events.push(structuredClone({ ...event, detail, id: events.length + 1, at: now().toISOString() }));
    },
    async people(wanted) {
      const ids = new Map<string, string>();
      for (const [id, pseudonym] of pseudonyms) if (wanted.includes(pseudonym)) ids.set(pseudonym, id);
      return ids;
    },
    async list(filter = {}) {
      const actor = filter.actor?.toLowerCase();
      return events
        .filter((event) => (!filter.action || event.action === filter.action) && (!actor || event.actor.toLowerCase().includes(actor)))
        .filter((event) => (!filter.from || event.at >= filter.from) && (!filter.to || event.at <= endOf(filter.to)))
        .reverse()
        .slice(0, filter.limit ?? AUDIT_LIST_LIMIT)
        .map((event) => structuredClone(event));
    },
  };
}
