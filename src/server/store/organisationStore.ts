// Where the standalone API keeps the organisation: IndexedDB in the browser, memory in tests.
// Both store a change in one transaction with a history entry, so a reader never sees half an
// import and the latest change can be undone.
import type { Organisation } from '../../domain/schema';
import { STORED_KINDS, type HistoryEntry, type ImportHistory, type StoredKind } from '../../api/importContract';
import { StaleRevisionError, UNDO_DEPTH, type NewEntry, type UndoOutcome } from './organisationDatabase';
import type { NewAuditEvent } from './auditLog';

export type { NewEntry, UndoOutcome };

export interface StoreCommitOptions {
  /** false: no history entry (the first demo organisation). */
  record?: boolean;
  /**
   * false: other tabs and the page are not told. Seeding the first organisation changes nothing
   * anyone has seen; announcing it made the page refetch every query it had just received.
   */
  announce?: boolean;
  /** Refuse with StaleRevisionError when the stored revision is no longer this one (another change landed). */
  expectedRevision?: number;
  /** The change's audit row, given its history entry: written in the change's own transaction by a store that `auditsInTransaction`. */
  audit?: AuditRowOf;
}

/** An audit row made from the history entry a change produced (undefined when it records none). */
export type AuditRowOf = (entry: HistoryEntry | undefined) => NewAuditEvent;

export interface OrganisationStore {
  /** The stored organisation and its revision, or undefined on first start. */
  load(): Promise<{ organisation: Organisation; revision: number } | undefined>;
  /** Increases with every stored change, from any tab. */
  revision(): Promise<number>;
  /** Replaces the given collections, atomically, recording the change in the history. */
  commit(changes: Partial<Organisation>, entry: NewEntry, options?: StoreCommitOptions): Promise<{ entry: HistoryEntry | undefined; revision: number }>;
  history(): Promise<ImportHistory>;
  /** Undoes the latest change; any other is refused with the reason. */
  undo(id: number, audit?: AuditRowOf): Promise<UndoOutcome>;
  /**
   * True when commit, undo and erasePerson write the audit row they are given in the change's own
   * transaction (PostgreSQL): a change is never stored without its row, nor a row without its change.
   * Other stores leave the row to the caller (auditedChange in requestContext.ts).
   */
  readonly auditsInTransaction?: boolean;
  clear(): Promise<void>;
  /**
   * Erases a person (SPEC §9): stores `changes` (the organisation without them) and removes every
   * other trace the store keeps — earlier generations, the history's issue lists, open imports — in
   * one transaction. Nothing before it can be undone any more (an undo would bring them back).
   */
  erasePerson?(changes: Partial<Organisation>, entry: NewEntry, person: { id: string; name: string }, audit?: AuditRowOf): Promise<{ revision: number }>;
  /** People no longer among the employees since before `cutoff` (a leaver's day is when a change removed them). */
  leaversBefore?(cutoff: string): Promise<{ id: string; name: string }[]>;
  /** Resolves when work the store does after a commit (PostgreSQL: the generations' snapshots) is done: a graceful stop waits for it. */
  settled?(): Promise<void>;
}

interface MemoryEntry {
  entry: HistoryEntry;
  parent: number;
  previous: Partial<Record<StoredKind, unknown[] | null>>;
}

export function memoryStore(initial?: Organisation, now: () => string = () => new Date().toISOString()): OrganisationStore {
  let kinds: Partial<Record<StoredKind, unknown[]>> | undefined = initial ? structuredClone(initial) : undefined;
  let revision = kinds ? 1 : 0;
  let head = 0;
  const entries: MemoryEntry[] = [];
  const snapshot = (): Organisation => {
    const organisation = {} as Record<StoredKind, unknown[]>;
    for (const kind of STORED_KINDS) organisation[kind] = structuredClone(kinds?.[kind] ?? []);
    return organisation as unknown as Organisation;
  };
  return {
    async load() {
      return kinds ? { organisation: snapshot(), revision } : undefined;
    },
    async revision() {
      return revision;
    },
    async commit(changes, newEntry, options = {}) {
      if (options.expectedRevision !== undefined && options.expectedRevision !== revision) throw new StaleRevisionError();
      const current = (kinds ??= {});
      const previous: MemoryEntry['previous'] = {};
      const counts: HistoryEntry['counts'] = {};
      for (const kind of STORED_KINDS) {
        const records = changes[kind] as unknown[] | undefined;
        if (!records) continue;
        previous[kind] = current[kind] ?? null;
        counts[kind] = { before: current[kind]?.length ?? 0, after: records.length };
        current[kind] = structuredClone(records);
      }
      revision++;
      if (options.record === false) return { entry: undefined, revision };
      const entry: HistoryEntry = { ...newEntry, id: entries.length + 1, at: now(), counts, undoable: true };
      entries.push({ entry, parent: head, previous });
      head = entry.id;
      let depth = 0;
      for (let id = head; id !== 0; id = entries[id - 1]!.parent) {
        if (++depth > UNDO_DEPTH) entries[id - 1]!.entry.undoable = false;
      }
      return { entry: structuredClone(entry), revision };
    },
    async history() {
      return { entries: entries.map((item) => structuredClone(item.entry)).reverse(), head };
    },
    async undo(id) {
      const item = entries[id - 1];
      if (!item) return { ok: false, reason: 'not-found', message: `There is no change number ${id} in the history.` };
      if (item.entry.undoneAt) return { ok: false, reason: 'not-undoable', message: `"${item.entry.label}" was already undone.` };
      if (head !== id) return { ok: false, reason: 'not-latest', message: `"${item.entry.label}" is not the latest change: undo the changes after it first, newest first.` };
      if (!item.entry.undoable) return { ok: false, reason: 'not-undoable', message: `"${item.entry.label}" is more than ${UNDO_DEPTH} changes old: its previous data is no longer kept.` };
      const current = (kinds ??= {});
      for (const kind of STORED_KINDS) {
        if (!(kind in item.previous)) continue;
        const before = item.previous[kind];
        if (before) current[kind] = before;
        else delete current[kind];
      }
      head = item.parent;
      revision++;
      item.entry = { ...item.entry, undoable: false, undoneAt: now() };
      return { ok: true, entry: structuredClone(item.entry) };
    },
    async clear() {
      kinds = undefined;
      revision++;
      head = 0;
      entries.length = 0;
    },
    async erasePerson(changes, newEntry) {
      const { revision: stored } = await this.commit(changes, newEntry);
      // The records an undo would bring back go: nothing before the erasure can be undone.
      for (const item of entries) {
        item.previous = {};
        item.entry.undoable = false;
        item.entry.issues = [];
      }
      return { revision: stored };
    },
  };
}
