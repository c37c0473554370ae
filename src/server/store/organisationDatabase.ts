// The organisation in IndexedDB (SPEC §4 transactions and undo, §7 persistence): each collection
// as columnar chunks of at most 50,000 records under a generation number, so a commit writes only
// the collections it changes, in ONE strict transaction, and undo just points back at the
// generations the change replaced. Used by the import worker and by the standalone API (indexedDbStore.ts).
import type { Organisation } from '../../domain/schema';
import { STORED_KINDS, type HistoryEntry, type StoredKind } from '../../api/importContract';
import { decodeRecords, encodeRecords, type ColumnarChunk } from './columnarRecords';

export const DATABASE_VERSION = 20; // above the Dexie layout (10) it replaces
export const CHUNK_SIZE = 50_000;
/** How many changes back can be undone; older ones drop their previous records. */
export const UNDO_DEPTH = 10;

export interface KindPointer {
  generation: number;
  chunks: number;
  count: number;
}

interface StoredState {
  revision: number;
  head: number;
  nextGeneration: number;
  nextEntryId: number;
  kinds: Partial<Record<StoredKind, KindPointer>>;
}

interface StoredEntry extends HistoryEntry {
  parent: number;
  previous: Partial<Record<StoredKind, KindPointer | null>>;
  next: Partial<Record<StoredKind, KindPointer>>;
}

/** What a change says about itself; the database adds id, time, counts and undo data. */
export type NewEntry = Omit<HistoryEntry, 'id' | 'at' | 'counts' | 'undoable' | 'undoneAt'>;

export type EncodedKinds = Partial<Record<StoredKind, ColumnarChunk[]>>;

export type UndoOutcome = { ok: true; entry: HistoryEntry } | { ok: false; reason: 'not-found' | 'not-latest' | 'not-undoable'; message: string };

const CHUNKS = 'chunks';
const STATE = 'state';
const HISTORY = 'history';
const STATE_KEY = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new DOMException('The change was not stored.', 'AbortError'));
  });
}

/** Runs `work` in one read-write transaction with strict durability; all of it lands or none. */
async function inWriteTransaction<T>(db: IDBDatabase, stores: string[], work: (tx: IDBTransaction) => Promise<T>): Promise<T> {
  const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
  const finished = done(tx);
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await finished.catch(() => undefined);
    throw error;
  }
  await finished;
  return result;
}

export function openOrganisationDatabase(name = 'gapmap', factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name, DATABASE_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      // The earlier one-row-per-record layout held only the demo organisation: start afresh.
      for (const store of Array.from(db.objectStoreNames)) db.deleteObjectStore(store);
      db.createObjectStore(CHUNKS);
      db.createObjectStore(STATE);
      db.createObjectStore(HISTORY);
    };
    open.onsuccess = () => {
      const db = open.result;
      // Another tab upgrading later must not be blocked by this one.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error ?? new Error('Cannot open the Gapmap database'));
    open.onblocked = () => reject(new Error('Another Gapmap tab holds an older version of the database open: close it and reload.'));
  });
}

/** Splits records into encoded chunks; done before the transaction so it stays short. */
export function encodeKind(records: readonly object[]): ColumnarChunk[] {
  const chunks: ColumnarChunk[] = [];
  for (let start = 0; start < records.length; start += CHUNK_SIZE) chunks.push(encodeRecords(records.slice(start, start + CHUNK_SIZE)));
  return chunks;
}

export function encodeOrganisation(organisation: Partial<Organisation>): EncodedKinds {
  const encoded: EncodedKinds = {};
  for (const kind of STORED_KINDS) {
    const records = organisation[kind];
    if (records) encoded[kind] = encodeKind(records);
  }
  return encoded;
}

export async function readRevision(db: IDBDatabase): Promise<number> {
  const tx = db.transaction(STATE, 'readonly');
  const state = (await request(tx.objectStore(STATE).get(STATE_KEY))) as StoredState | undefined;
  return state?.revision ?? 0;
}

function chunkRange(kind: StoredKind, pointer: KindPointer): IDBKeyRange {
  return IDBKeyRange.bound([kind, pointer.generation, 0], [kind, pointer.generation, pointer.chunks]);
}

/**
 * The stored organisation and its revision, or undefined before the first save. `pause` runs
 * between chunks while decoding, so the main thread can yield to input.
 */
export async function readOrganisation(db: IDBDatabase, pause?: () => Promise<void>): Promise<{ organisation: Organisation; revision: number } | undefined> {
  const tx = db.transaction([STATE, CHUNKS], 'readonly');
  const state = (await request(tx.objectStore(STATE).get(STATE_KEY))) as StoredState | undefined;
  if (!state) return undefined;
  const raw = new Map<StoredKind, ColumnarChunk[]>();
  await Promise.all(
    STORED_KINDS.map(async (kind) => {
      const pointer = state.kinds[kind];
      raw.set(kind, pointer ? ((await request(tx.objectStore(CHUNKS).getAll(chunkRange(kind, pointer)))) as ColumnarChunk[]) : []);
    }),
  );
  const organisation = {} as Record<StoredKind, unknown[]>;
  for (const kind of STORED_KINDS) {
    const records: unknown[] = [];
    for (const chunk of raw.get(kind) ?? []) {
      const decoded = decodeRecords<unknown>(chunk);
      for (let i = 0; i < decoded.length; i++) records.push(decoded[i]);
      if (pause) await pause();
    }
    organisation[kind] = records;
  }
  return { organisation: organisation as unknown as Organisation, revision: state.revision };
}

function publicEntry(stored: StoredEntry): HistoryEntry {
  const { parent: _parent, previous: _previous, next: _next, ...entry } = stored;
  return entry;
}

function emptyState(): StoredState {
  return { revision: 0, head: 0, nextGeneration: 1, nextEntryId: 1, kinds: {} };
}

async function deleteGeneration(tx: IDBTransaction, kind: StoredKind, pointer: KindPointer | null | undefined): Promise<void> {
  if (pointer) await request(tx.objectStore(CHUNKS).delete(chunkRange(kind, pointer)));
}

export interface CommitOptions {
  /** Refuse (throw StaleRevisionError) when the stored revision is no longer this one. */
  expectedRevision?: number;
  /** false: store without a history entry (the first demo organisation). */
  record?: boolean;
  now?: () => string;
}

export class StaleRevisionError extends Error {
  constructor() {
    super('The stored data changed while this import was being prepared: check it again.');
    this.name = 'StaleRevisionError';
  }
}

/**
 * Stores the changed collections (each replaced whole) and a history entry, in one transaction.
 * Returns the entry, or undefined when `record` is false.
 */
export async function commitChange(db: IDBDatabase, changes: EncodedKinds, entry: NewEntry, options: CommitOptions = {}): Promise<{ entry: HistoryEntry | undefined; revision: number }> {
  const now = options.now ?? (() => new Date().toISOString());
  return inWriteTransaction(db, [STATE, CHUNKS, HISTORY], async (tx) => {
    const stateStore = tx.objectStore(STATE);
    const state = ((await request(stateStore.get(STATE_KEY))) as StoredState | undefined) ?? emptyState();
    if (options.expectedRevision !== undefined && state.revision !== options.expectedRevision) throw new StaleRevisionError();
    const previous: StoredEntry['previous'] = {};
    const next: StoredEntry['next'] = {};
    const counts: HistoryEntry['counts'] = {};
    const chunkStore = tx.objectStore(CHUNKS);
    const record = options.record ?? true;
    for (const kind of STORED_KINDS) {
      const chunks = changes[kind];
      if (!chunks) continue;
      const generation = state.nextGeneration++;
      const pointer: KindPointer = { generation, chunks: chunks.length, count: chunks.reduce((sum, chunk) => sum + chunk.count, 0) };
      chunks.forEach((chunk, index) => void chunkStore.put(chunk, [kind, generation, index]));
      const before = state.kinds[kind] ?? null;
      previous[kind] = before;
      next[kind] = pointer;
      counts[kind] = { before: before?.count ?? 0, after: pointer.count };
      state.kinds[kind] = pointer;
      // Without a history entry nothing can bring the replaced records back: drop them now.
      if (!record) await deleteGeneration(tx, kind, before);
    }
    state.revision++;
    let stored: StoredEntry | undefined;
    if (record) {
      stored = { ...entry, id: state.nextEntryId++, at: now(), counts, undoable: true, parent: state.head, previous, next };
      state.head = stored.id;
      await request(tx.objectStore(HISTORY).put(stored, stored.id));
      await pruneBeyondUndoDepth(tx, stored);
    }
    await request(stateStore.put(state, STATE_KEY));
    return { entry: stored ? publicEntry(stored) : undefined, revision: state.revision };
  });
}

/** Changes more than UNDO_DEPTH back lose their previous records and become final. */
async function pruneBeyondUndoDepth(tx: IDBTransaction, head: StoredEntry): Promise<void> {
  const history = tx.objectStore(HISTORY);
  let depth = 1;
  let id = head.parent;
  while (id !== 0) {
    const entry = (await request(history.get(id))) as StoredEntry | undefined;
    if (!entry) return;
    depth++;
    if (depth > UNDO_DEPTH) {
      if (!entry.undoable) return; // everything older was pruned before
      for (const kind of STORED_KINDS) await deleteGeneration(tx, kind, entry.previous[kind]);
      await request(history.put({ ...entry, undoable: false, previous: {} }, entry.id));
    }
    id = entry.parent;
  }
}

/** Undoes the latest change: its collections point back at what they were; refused for any other. */
export async function undoChange(db: IDBDatabase, id: number, now: () => string = () => new Date().toISOString()): Promise<UndoOutcome & { revision?: number }> {
  return inWriteTransaction(db, [STATE, CHUNKS, HISTORY], async (tx) => {
    const history = tx.objectStore(HISTORY);
    const entry = (await request(history.get(id))) as StoredEntry | undefined;
    if (!entry) return { ok: false, reason: 'not-found', message: `There is no change number ${id} in the history.` } as const;
    const state = ((await request(tx.objectStore(STATE).get(STATE_KEY))) as StoredState | undefined) ?? emptyState();
    if (entry.undoneAt) return { ok: false, reason: 'not-undoable', message: `"${entry.label}" was already undone.` } as const;
    if (state.head !== id) {
      return { ok: false, reason: 'not-latest', message: `"${entry.label}" is not the latest change: undo the changes after it first, newest first.` } as const;
    }
    if (!entry.undoable) {
      return { ok: false, reason: 'not-undoable', message: `"${entry.label}" is more than ${UNDO_DEPTH} changes old: its previous data is no longer kept.` } as const;
    }
    for (const kind of STORED_KINDS) {
      if (!(kind in entry.next)) continue;
      await deleteGeneration(tx, kind, entry.next[kind]);
      const before = entry.previous[kind];
      if (before) state.kinds[kind] = before;
      else delete state.kinds[kind];
    }
    state.head = entry.parent;
    state.revision++;
    const undone: StoredEntry = { ...entry, undoable: false, undoneAt: now(), previous: {}, next: {} };
    await request(history.put(undone, id));
    await request(tx.objectStore(STATE).put(state, STATE_KEY));
    return { ok: true, entry: publicEntry(undone), revision: state.revision } as const;
  });
}

export async function readHistory(db: IDBDatabase): Promise<{ entries: HistoryEntry[]; head: number }> {
  const tx = db.transaction([STATE, HISTORY], 'readonly');
  const state = (await request(tx.objectStore(STATE).get(STATE_KEY))) as StoredState | undefined;
  const entries = (await request(tx.objectStore(HISTORY).getAll())) as StoredEntry[];
  return { entries: entries.map(publicEntry).sort((a, b) => b.id - a.id), head: state?.head ?? 0 };
}

export async function clearDatabase(db: IDBDatabase): Promise<void> {
  await inWriteTransaction(db, [STATE, CHUNKS, HISTORY], async (tx) => {
    await Promise.all([CHUNKS, STATE, HISTORY].map((store) => request(tx.objectStore(store).clear())));
  });
}

/** Runs `work` holding the cross-tab write lock, where the browser has Web Locks. */
export function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? (locks.request('gapmap-write', work) as Promise<T>) : work();
}

/** Tells every tab (and worker) of this origin that the stored organisation changed. */
export function announceChange(revision: number): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel('gapmap');
  channel.postMessage({ type: 'organisation-changed', revision });
  channel.close();
}
