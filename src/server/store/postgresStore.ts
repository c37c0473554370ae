// The organisation in PostgreSQL (SPEC §8, `gapmap serve`): the same OrganisationStore as memory
// and IndexedDB, over a server reached with `pg` or the embedded PGlite. A change writes new
// generations of the kinds it touches with COPY, moves the pointers, records the history entry and
// announces the new revision (NOTIFY, delivered at commit) — all in one transaction, so a process
// killed half-way leaves the database exactly as before.
import type { Organisation } from '../../domain/schema';
import { STORED_KINDS, type HistoryEntry, type ImportHistory, type StoredKind } from '../../api/importContract';
import { UNDO_DEPTH, StaleRevisionError } from './organisationDatabase';
import type { NewEntry, OrganisationStore, StoreCommitOptions, UndoOutcome } from './organisationStore';
import { appendAuditRow } from './postgresAccountStore';
import { copyColumns, copyLines, recordsOf, selectGeneration, storedShape } from './sql/recordTables';
import type { SqlDatabase, SqlQueryable } from './sql/sqlDatabase';
import { decodeSnapshot, encodeSnapshot } from './sql/generationSnapshots';
import type { AchievementMappingStore } from './achievementMappingStore';
import type { Backup } from '../backup/backupFile';
import type { DraftStore, WhatIfScenario } from '../state/whatIf';
import type { PlanStore } from '../state/plans';
import type { SavedPlan } from '../../api/contract';
import { planWithoutPerson } from '../../domain/recommend/trainingPlan';

/** The channel every process LISTENs on; the payload is the new revision. */
export const CHANGES_CHANNEL = 'gapmap_changes';

interface KindPointer {
  generation: number;
  count: number;
}

interface StateRow {
  revision: string | number;
  head: number;
  next_generation: string | number;
  next_entry_id: number;
  initialised: boolean;
}

interface HistoryRow {
  id: number;
  at: Date | string;
  source: 'import' | 'edit';
  label: string;
  mode: 'replace' | 'merge' | null;
  valid_rows_only: boolean;
  files: HistoryEntry['files'];
  counts: HistoryEntry['counts'];
  errors: number;
  warnings: number;
  issues: HistoryEntry['issues'];
  undoable: boolean;
  undone_at: Date | string | null;
  parent: number;
  previous: Partial<Record<StoredKind, KindPointer | null>>;
  next: Partial<Record<StoredKind, KindPointer>>;
  actor: string | null;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function entryOf(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    at: iso(row.at),
    source: row.source,
    label: row.label,
    mode: row.mode,
    validRowsOnly: row.valid_rows_only,
    files: row.files,
    counts: row.counts,
    errors: row.errors,
    warnings: row.warnings,
    issues: row.issues,
    undoable: row.undoable,
    ...(row.undone_at ? { undoneAt: iso(row.undone_at) } : {}),
    ...(row.actor ? { by: row.actor } : {}),
  };
}

async function lockedState(tx: SqlQueryable): Promise<StateRow> {
  const [state] = await tx.query<StateRow>('select revision, head, next_generation, next_entry_id, initialised from organisation_state for update');
  if (!state) throw new Error('organisation_state has no row: the migrations did not run');
  return state;
}

async function pointers(db: SqlQueryable): Promise<Map<StoredKind, KindPointer>> {
  const rows = await db.query<{ kind: StoredKind; generation: string | number; count: number }>('select kind, generation, count from kind_generations');
  return new Map(rows.map((row) => [row.kind, { generation: Number(row.generation), count: row.count }]));
}

async function dropGeneration(tx: SqlQueryable, kind: StoredKind, pointer: KindPointer | null | undefined): Promise<void> {
  if (!pointer) return;
  await tx.query(`delete from ${kind} where generation = $1`, [pointer.generation]);
  await tx.query('delete from generation_snapshots where generation = $1', [pointer.generation]);
}

/**
 * A snapshot is stored in parts of SNAPSHOT_PART_BYTES: the driver gathers each row's message in one
 * buffer, copying it again as every network chunk arrives, so one 15 MB row costs seconds, 15 rows of
 * 1 MB a few milliseconds.
 */
const SNAPSHOT_PART_BYTES = 1 << 20;

/** A generation just stored (or read from its rows), whose snapshot is still to be written. */
interface UnsnapshottedGeneration {
  kind: StoredKind;
  generation: number;
  records: readonly object[];
}

/**
 * Writes a generation's snapshot after the change that made it is committed, in a transaction of its
 * own: a commit waits for its rows only, and a snapshot lost (a process stopped, a write failed) costs
 * only a slower read from the rows, whose reader writes it then. Under the state lock, so no change
 * drops or erases from the generation meanwhile; written only while the generation still holds
 * exactly these records (an erasure since removed someone: the rows are then the truth) and has no
 * snapshot yet (another process wrote it).
 */
async function writeSnapshot(db: SqlDatabase, { kind, generation, records }: UnsnapshottedGeneration): Promise<void> {
  if (records.length === 0) return;
  const snapshot = encodeSnapshot(kind, records);
  await db.transaction(async (tx) => {
    await lockedState(tx);
    const [held] = await tx.query<{ count: number }>(`select count(*)::int as count from ${kind} where generation = $1`, [generation]);
    if (Number(held?.count) !== records.length) return;
    const [existing] = await tx.query('select 1 from generation_snapshots where generation = $1 limit 1', [generation]);
    if (existing) return;
    for (let part = 0; part * SNAPSHOT_PART_BYTES < snapshot.length; part++) {
      const data = snapshot.subarray(part * SNAPSHOT_PART_BYTES, (part + 1) * SNAPSHOT_PART_BYTES);
      await tx.query('insert into generation_snapshots (generation, part, data) values ($1, $2, $3)', [generation, part, data]);
    }
  });
}

/** A generation's records: from its snapshot when it has one, else from its rows (and then its snapshot is due). */
async function readGeneration(db: SqlQueryable, kind: StoredKind, generation: number): Promise<{ records: object[]; fromSnapshot: boolean }> {
  // As base64 text: pg would send bytea as hex, twice the bytes, and parse it slower.
  const parts = await db.query<{ data: string }>(`select encode(data, 'base64') as data from generation_snapshots where generation = $1 order by part`, [generation]);
  if (parts.length > 0) return { records: decodeSnapshot(Buffer.concat(parts.map((part) => Buffer.from(part.data, 'base64')))), fromSnapshot: true };
  return { records: recordsOf(kind, await db.queryArrays(selectGeneration(kind), [generation])), fromSnapshot: false };
}

export interface PostgresStoreOptions {
  now?: () => string;
}

export function postgresStore(db: SqlDatabase, options: PostgresStoreOptions = {}): OrganisationStore {
  const now = options.now ?? (() => new Date().toISOString());
  // The records last read or written, per kind and generation: a change to the goals reloads the goals only.
  const cache = new Map<StoredKind, { generation: number; records: object[] }>();
  // Snapshots written after their commit, one after another; settled() waits for them (a graceful stop).
  let snapshotsWritten: Promise<void> = Promise.resolve();
  const snapshotLater = (generations: readonly UnsnapshottedGeneration[]) => {
    for (const generation of generations) {
      snapshotsWritten = snapshotsWritten.then(() =>
        writeSnapshot(db, generation).catch((error: unknown) => console.error(`gapmap: the snapshot of ${generation.kind} (generation ${generation.generation}) was not written; it is read from its rows until it is:`, error)),
      );
    }
  };

  async function readKind(kind: StoredKind, pointer: KindPointer | undefined): Promise<object[]> {
    if (!pointer) return [];
    const cached = cache.get(kind);
    if (cached && cached.generation === pointer.generation) return cached.records;
    const { records, fromSnapshot } = await readGeneration(db, kind, pointer.generation);
    cache.set(kind, { generation: pointer.generation, records });
    if (!fromSnapshot) snapshotLater([{ kind, generation: pointer.generation, records }]);
    return records;
  }

  return {
    auditsInTransaction: true,

    async load() {
      // One snapshot: the pointers and the revision read together, the generations they name never change.
      const [state] = await db.query<StateRow>('select revision, initialised from organisation_state');
      if (!state?.initialised) return undefined;
      const kinds = await pointers(db);
      const organisation = {} as Record<StoredKind, object[]>;
      // Every kind at once: the database reads the next while this process parses the last.
      const read = await Promise.all(STORED_KINDS.map((kind) => readKind(kind, kinds.get(kind))));
      STORED_KINDS.forEach((kind, k) => (organisation[kind] = read[k]!));
      const [after] = await db.query<StateRow>('select revision from organisation_state');
      // A change landed while reading: read again (rare; the pointers moved under us).
      if (Number(after?.revision) !== Number(state.revision)) return this.load();
      return { organisation: organisation as unknown as Organisation, revision: Number(state.revision) };
    },

    async revision() {
      const [state] = await db.query<StateRow>('select revision from organisation_state');
      return Number(state?.revision ?? 0);
    },

    async commit(changes, newEntry, commitOptions: StoreCommitOptions = {}) {
      const { entry, revision, written } = await db.transaction((tx) => commitChanges(tx, changes, newEntry, commitOptions, now));
      // This process has the new records in hand: its next load reads none of them back.
      for (const { kind, generation, records } of written) cache.set(kind, { generation, records: records.map((record) => storedShape(kind, record)) });
      snapshotLater(written.map(({ kind, generation }) => ({ kind, generation, records: cache.get(kind)!.records })));
      return { entry, revision };
    },

    settled: () => snapshotsWritten,

    async erasePerson(changes, newEntry, person, audit) {
      return db.transaction(async (tx) => {
        const { revision } = await commitChanges(tx, changes, newEntry, { audit }, now);
        await purgePerson(tx, person);
        cache.clear();
        return { revision };
      });
    },

    async leaversBefore(cutoff) {
      const rows = await db.query<{ employee_id: string; name: string }>(`select employee_id, name from leavers where left_on < $1::date
           and employee_id not in (select id from employees where generation = (select generation from kind_generations where kind = 'employees'))
         order by employee_id`, [cutoff]);
      return rows.map((row) => ({ id: row.employee_id, name: row.name }));
    },

    async history(): Promise<ImportHistory> {
      const rows = await db.query<HistoryRow>('select * from change_history order by id desc');
      const [state] = await db.query<StateRow>('select head from organisation_state');
      return { entries: rows.map(entryOf), head: state?.head ?? 0 };
    },

    async undo(id, audit): Promise<UndoOutcome> {
      return db.transaction(async (tx) => {
        const state = await lockedState(tx);
        const [row] = await tx.query<HistoryRow>('select * from change_history where id = $1', [id]);
        if (!row) return { ok: false, reason: 'not-found', message: `There is no change number ${id} in the history.` };
        if (row.undone_at) return { ok: false, reason: 'not-undoable', message: `"${row.label}" was already undone.` };
        if (state.head !== id) return { ok: false, reason: 'not-latest', message: `"${row.label}" is not the latest change: undo the changes after it first, newest first.` };
        if (!row.undoable) return { ok: false, reason: 'not-undoable', message: `"${row.label}" is more than ${UNDO_DEPTH} changes old: its previous data is no longer kept.` };
        for (const kind of STORED_KINDS) {
          if (!(kind in row.next)) continue;
          await dropGeneration(tx, kind, row.next[kind]);
          const before = row.previous[kind];
          if (before) await tx.query('update kind_generations set generation = $2, count = $3 where kind = $1', [kind, before.generation, before.count]);
          else await tx.query('delete from kind_generations where kind = $1', [kind]);
        }
        const undoneAt = now();
        await tx.query(`update change_history set undoable = false, undone_at = $2, previous = '{}', next = '{}' where id = $1`, [id, undoneAt]);
        const revision = Number(state.revision) + 1;
        await tx.query('update organisation_state set revision = $1, head = $2', [revision, row.parent]);
        await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(revision)]);
        const entry = entryOf({ ...row, undoable: false, undone_at: undoneAt });
        if (audit) await appendAuditRow(tx, audit(entry));
        return { ok: true, entry };
      });
    },

    async clear() {
      await db.transaction(async (tx) => {
        await lockedState(tx);
        for (const kind of STORED_KINDS) await tx.query(`delete from ${kind}`);
        await tx.query('delete from generation_snapshots');
        await tx.query('delete from kind_generations');
        await tx.query('delete from change_history');
        await tx.query('update organisation_state set revision = revision + 1, head = 0, next_entry_id = 1, initialised = false');
        const [state] = await tx.query<StateRow>('select revision from organisation_state');
        await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(state?.revision ?? 0)]);
      });
      cache.clear();
    },
  };
}


/** Stores a change inside the caller's transaction: new generations by COPY, pointers, history, NOTIFY. */
async function commitChanges(
  tx: SqlQueryable,
  changes: Partial<Organisation>,
  newEntry: NewEntry,
  commitOptions: StoreCommitOptions,
  now: () => string,
): Promise<{ entry: HistoryEntry | undefined; revision: number; written: UnsnapshottedGeneration[] }> {
  const state = await lockedState(tx);
  if (commitOptions.expectedRevision !== undefined && Number(state.revision) !== commitOptions.expectedRevision) throw new StaleRevisionError();
  const current = await pointers(tx);
  let nextGeneration = Number(state.next_generation);
  const previous: HistoryRow['previous'] = {};
  const next: HistoryRow['next'] = {};
  const counts: HistoryEntry['counts'] = {};
  const record = commitOptions.record ?? true;
  const written: UnsnapshottedGeneration[] = [];
  for (const kind of STORED_KINDS) {
    const records = changes[kind] as readonly object[] | undefined;
    if (!records) continue;
    const generation = nextGeneration++;
    if (records.length > 0) await tx.copyIn(kind, copyColumns(kind), copyLines(kind, generation, records));
    written.push({ kind, generation, records });
    const before = current.get(kind) ?? null;
    const pointer = { generation, count: records.length };
    await tx.query('insert into kind_generations (kind, generation, count) values ($1, $2, $3) on conflict (kind) do update set generation = excluded.generation, count = excluded.count', [kind, generation, records.length]);
    previous[kind] = before;
    next[kind] = pointer;
    counts[kind] = { before: before?.count ?? 0, after: records.length };
    if (kind === 'employees') await trackLeavers(tx, before, pointer, now().slice(0, 10));
    if (!record) await dropGeneration(tx, kind, before);
  }
  const revision = Number(state.revision) + 1;
  let entry: HistoryEntry | undefined;
  let head = state.head;
  let nextEntryId = state.next_entry_id;
  if (record) {
    const id = nextEntryId++;
    const at = now();
    await tx.query(
      `insert into change_history (id, at, source, label, mode, valid_rows_only, files, counts, errors, warnings, issues, undoable, parent, previous, next, actor)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12, $13, $14, $15)`,
      [id, at, newEntry.source, newEntry.label, newEntry.mode, newEntry.validRowsOnly, JSON.stringify(newEntry.files), JSON.stringify(counts),
        newEntry.errors, newEntry.warnings, JSON.stringify(newEntry.issues), head, JSON.stringify(previous), JSON.stringify(next), newEntry.by ?? null],
    );
    entry = { ...newEntry, id, at, counts, undoable: true };
    head = id;
    await pruneBeyondUndoDepth(tx, id);
  }
  await tx.query('update organisation_state set revision = $1, head = $2, next_generation = $3, next_entry_id = $4, initialised = true', [revision, head, nextGeneration, nextEntryId]);
  if (commitOptions.announce ?? true) await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, String(revision)]);
  if (commitOptions.audit) await appendAuditRow(tx, commitOptions.audit(entry));
  return { entry, revision, written };
}

/**
 * Every trace of a person beyond the current organisation: their rows in every generation, their
 * name as manager, history issue lists that quote them, open imports (all of them). The
 * history's earlier changes become final (their generations no longer hold what undo would restore).
 */
async function purgePerson(tx: SqlQueryable, person: { id: string; name: string }): Promise<void> {
  for (const kind of ['awards', 'assessments', 'goals', 'interests'] as const) await tx.query(`delete from ${kind} where employee_id = $1`, [person.id]);
  await tx.query('delete from employees where id = $1', [person.id]);
  await tx.query('update employees set manager_id = null where manager_id = $1', [person.id]);
  const mentions = (column: string) => `(strpos(${column}, $1) > 0 or ($2 <> '' and strpos(${column}, $2) > 0))`;
  await tx.query(`update change_history set issues = case when ${mentions('issues::text')} then '[]'::jsonb else issues end, undoable = false, previous = '{}'`, [person.id, person.name]);
  // Every open import is cancelled: a file may name them where no search of its bytes can see it
  // (an .xlsx is compressed). Whoever was importing uploads the files again.
  await tx.query('delete from import_jobs');
  await tx.query('delete from leavers where employee_id = $1', [person.id]);
  // The audit log keeps what happened to them under a pseudonym that no longer leads to anyone.
  await tx.query('delete from audit_people where employee_id = $1', [person.id]);
  // Snapshots are whole generations: those the person was in are dropped (their rows, purged above, are read instead).
  await tx.query('delete from generation_snapshots where generation not in (select generation from kind_generations)');
  // Training plans name people (a pathway item carries its person's name): their lines go, and any item left with none.
  const plans = await tx.query<{ owner: string; plan: SavedPlan | string }>('select owner, plan from training_plans where strpos(plan::text, $1) > 0', [JSON.stringify(person.id)]);
  for (const row of plans) {
    const without = planWithoutPerson(typeof row.plan === 'string' ? (JSON.parse(row.plan) as SavedPlan) : row.plan, person.id);
    if (without) await tx.query('update training_plans set plan = $2, updated_at = now() where owner = $1', [row.owner, JSON.stringify(without)]);
  }
}

/** Who left with this change (a leaver's day starts retention), and who came back. */
async function trackLeavers(tx: SqlQueryable, before: KindPointer | null, after: KindPointer, day: string): Promise<void> {
  if (before) {
    await tx.query(
      `insert into leavers (employee_id, name, left_on)
         select id, name, $3::date from employees where generation = $1 and id not in (select id from employees where generation = $2)
       on conflict (employee_id) do nothing`,
      [before.generation, after.generation, day],
    );
  }
  await tx.query('delete from leavers where employee_id in (select id from employees where generation = $1)', [after.generation]);
}

/** Changes more than UNDO_DEPTH back lose their previous records and become final. */
async function pruneBeyondUndoDepth(tx: SqlQueryable, head: number): Promise<void> {
  const rows = await tx.query<{ id: number; parent: number; undoable: boolean; previous: HistoryRow['previous'] }>(
    `with recursive chain as (
       select id, parent, undoable, previous, 1 as depth from change_history where id = $1
       union all
       select h.id, h.parent, h.undoable, h.previous, c.depth + 1 from change_history h join chain c on h.id = c.parent
     ) select id, parent, undoable, previous from chain where depth > $2 and undoable`,
    [head, UNDO_DEPTH],
  );
  for (const row of rows) {
    for (const kind of STORED_KINDS) await dropGeneration(tx, kind, row.previous[kind]);
    await tx.query(`update change_history set undoable = false, previous = '{}' where id = $1`, [row.id]);
  }
}

/** Confirmed badge-achievement mappings in the database, shared by every process. */
export function postgresMappingStore(db: SqlDatabase): AchievementMappingStore {
  return {
    async load() {
      const rows = await db.query<{ achievement: string; credential_id: string }>('select achievement, credential_id from achievement_mappings');
      return Object.fromEntries(rows.map((row) => [row.achievement, row.credential_id]));
    },
    async save(mappings) {
      await db.transaction(async (tx) => {
        await tx.query('delete from achievement_mappings');
        for (const [achievement, credential] of Object.entries(mappings)) {
          await tx.query('insert into achievement_mappings (achievement, credential_id) values ($1, $2)', [achievement, credential]);
        }
      });
    },
  };
}

/**
 * Replaces the organisation with a backup's, in one transaction: the backup's history comes first
 * (kept as a record, not undoable), then the restore itself, which can be undone like any change.
 */
export async function restoreBackup(db: SqlDatabase, backup: Backup, fileName: string, now: () => string = () => new Date().toISOString()): Promise<void> {
  await db.transaction(async (tx) => {
    const state = await lockedState(tx);
    let id = state.next_entry_id;
    let parent = state.head;
    for (const entry of [...backup.history].reverse()) {
      await tx.query(
        `insert into change_history (id, at, source, label, mode, valid_rows_only, files, counts, errors, warnings, issues, undoable, undone_at, parent, previous, next, actor)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, $12, $13, '{}', '{}', $14)`,
        [id, entry.at, entry.source, entry.label, entry.mode, entry.validRowsOnly, JSON.stringify(entry.files), JSON.stringify(entry.counts),
          entry.errors, entry.warnings, JSON.stringify(entry.issues), entry.undoneAt ?? null, parent, entry.by ?? null],
      );
      if (!entry.undoneAt) parent = id;
      id++;
    }
    await tx.query('update organisation_state set next_entry_id = $1, head = $2', [id, parent]);
    const madeIn = backup.madeBy === 'browser' ? 'in a browser' : 'on a server';
    await commitChanges(tx, backup.organisation, {
      source: 'import', label: `Restored from ${fileName} (made ${madeIn} on ${backup.createdAt.slice(0, 10)})`, mode: 'replace', validRowsOnly: false,
      files: [], errors: 0, warnings: 0, issues: [],
    }, {}, now);
    await tx.query('delete from achievement_mappings');
    for (const [achievement, credential] of Object.entries(backup.achievementMappings)) {
      await tx.query('insert into achievement_mappings (achievement, credential_id) values ($1, $2)', [achievement, credential]);
    }
  });
}

/** Training plans in the database, one per author; the organisation store's erasure purges them in its transaction. */
export function postgresPlanStore(db: SqlDatabase): PlanStore {
  return {
    async load(owner) {
      const [row] = await db.query<{ plan: SavedPlan | string }>('select plan from training_plans where owner = $1', [owner]);
      if (!row) return undefined;
      return typeof row.plan === 'string' ? (JSON.parse(row.plan) as SavedPlan) : row.plan;
    },
    async save(owner, plan) {
      await db.query('insert into training_plans (owner, plan) values ($1, $2) on conflict (owner) do update set plan = excluded.plan, updated_at = now()', [owner, JSON.stringify(plan)]);
    },
  };
}

/** What-if drafts in the database: the same in every process, kept across restarts. */
export function postgresDraftStore(db: SqlDatabase): DraftStore {
  return {
    async load(id) {
      const [row] = await db.query<{ owner: string; scenario: WhatIfScenario | string }>('select owner, scenario from whatif_drafts where id = $1', [id]);
      if (!row) return undefined;
      return { id, owner: row.owner, scenario: typeof row.scenario === 'string' ? (JSON.parse(row.scenario) as WhatIfScenario) : row.scenario };
    },
    async save(draft) {
      await db.query(
        'insert into whatif_drafts (id, owner, scenario) values ($1, $2, $3) on conflict (id) do update set scenario = excluded.scenario, updated_at = now()',
        [draft.id, draft.owner, JSON.stringify(draft.scenario)],
      );
    },
    async delete(id) {
      await db.query('delete from whatif_drafts where id = $1', [id]);
    },
  };
}
