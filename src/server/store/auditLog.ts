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
  append(event: NewAuditEvent): Promise<void>;
  /** Newest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
}

export const AUDIT_LIST_LIMIT = 10_000;

/** The end of a `to` bound: a bare day covers the whole of it. */
export function endOf(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to;
}

export function memoryAuditLog(now: () => Date = () => new Date()): AuditLog {
  const events: AuditEvent[] = [];
  return {
    async append(event) {
      events.push(structuredClone({ ...event, id: events.length + 1, at: now().toISOString() }));
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
