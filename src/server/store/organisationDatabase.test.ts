import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyOrganisation, type Award, type Organisation } from '../../domain/schema';
import {
  CHUNK_SIZE, UNDO_DEPTH, commitChange, encodeOrganisation, openOrganisationDatabase, readHistory, readOrganisation, undoChange, StaleRevisionError,
  type NewEntry,
} from './organisationDatabase';

let databases = 0;
const fresh = () => openOrganisationDatabase(`test-${++databases}`);
const entry = (label: string): NewEntry => ({ source: 'import', label, mode: 'replace', validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] });
const award = (employee: string, issuedOn: string): Award => ({ employee, credential: 'aws-dea', issuedOn, verification: 'unverified' });

function org(overrides: Partial<Organisation>): Organisation {
  return { ...emptyOrganisation(), ...overrides };
}

describe('the organisation database', () => {
  it('reads back what was committed, across chunk boundaries', async () => {
    const db = await fresh();
    const awards = Array.from({ length: CHUNK_SIZE + 3 }, (_, i) => award(`E${i}`, '2025-01-02'));
    await commitChange(db, encodeOrganisation(org({ awards, skills: [{ id: 'sql', name: 'SQL', category: 'technical' }] })), entry('first'));
    const stored = await readOrganisation(db);
    expect(stored?.organisation.awards).toHaveLength(CHUNK_SIZE + 3);
    expect(stored?.organisation.awards[CHUNK_SIZE + 2]).toEqual(award(`E${CHUNK_SIZE + 2}`, '2025-01-02'));
    expect(stored?.organisation.skills).toEqual([{ id: 'sql', name: 'SQL', category: 'technical' }]);
    expect(stored?.organisation.employees).toEqual([]);
  });

  it('undo of the latest change brings back exactly the records it replaced, and leaves other collections alone', async () => {
    const db = await fresh();
    await commitChange(db, encodeOrganisation(org({ awards: [award('E1', '2024-01-01')], goals: [] })), entry('initial'));
    const second = await commitChange(db, encodeOrganisation({ awards: [award('E2', '2025-05-05'), award('E3', '2025-05-06')] }), entry('awards'));
    expect(second.entry?.counts).toEqual({ awards: { before: 1, after: 2 } });
    const outcome = await undoChange(db, second.entry!.id);
    expect(outcome.ok).toBe(true);
    expect((await readOrganisation(db))?.organisation.awards).toEqual([award('E1', '2024-01-01')]);
    const history = await readHistory(db);
    expect(history.head).toBe(1);
    expect(history.entries[0]?.undoneAt).toBeDefined();
  });

  it('refuses to undo a change that is not the latest, and undoes in order newest first', async () => {
    const db = await fresh();
    const first = await commitChange(db, encodeOrganisation({ awards: [award('E1', '2024-01-01')] }), entry('first'));
    const second = await commitChange(db, encodeOrganisation({ awards: [award('E2', '2024-01-01')] }), entry('second'));
    const refused = await undoChange(db, first.entry!.id);
    expect(refused).toMatchObject({ ok: false, reason: 'not-latest' });
    expect((await undoChange(db, second.entry!.id)).ok).toBe(true);
    expect((await undoChange(db, first.entry!.id)).ok).toBe(true);
    expect((await readOrganisation(db))?.organisation.awards).toEqual([]);
  });

  it('keeps the previous records of the last UNDO_DEPTH changes only', async () => {
    const db = await fresh();
    for (let i = 0; i < UNDO_DEPTH + 2; i++) await commitChange(db, encodeOrganisation({ awards: [award(`E${i}`, '2024-01-01')] }), entry(`change ${i}`));
    const { entries } = await readHistory(db);
    expect(entries.filter((item) => item.undoable)).toHaveLength(UNDO_DEPTH);
    expect(entries.at(-1)?.undoable).toBe(false);
  });

  it('stores nothing when the revision moved on since the import was checked', async () => {
    const db = await fresh();
    const { revision } = await commitChange(db, encodeOrganisation({ awards: [award('E1', '2024-01-01')] }), entry('first'));
    await commitChange(db, encodeOrganisation({ goals: [] }), entry('someone else'));
    await expect(commitChange(db, encodeOrganisation({ awards: [] }), entry('late'), { expectedRevision: revision })).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await readOrganisation(db))?.organisation.awards).toHaveLength(1);
    expect((await readHistory(db)).entries).toHaveLength(2);
  });

  it('writes nothing at all when a write in the transaction fails', async () => {
    const db = await fresh();
    await commitChange(db, encodeOrganisation({ awards: [award('E1', '2024-01-01')] }), entry('first'));
    // A function cannot be cloned into IndexedDB: the put fails and the whole transaction aborts.
    const poisoned = encodeOrganisation({ skills: [{ id: 'x', name: 'X', category: '' }] });
    (poisoned.skills![0]!.columns as unknown[]).push({ type: 'plain', field: 'f', values: [() => 1] });
    await expect(commitChange(db, { ...encodeOrganisation({ awards: [] }), skills: poisoned.skills }, entry('broken'))).rejects.toBeDefined();
    const stored = await readOrganisation(db);
    expect(stored?.organisation.awards).toHaveLength(1);
    expect(stored?.organisation.skills).toEqual([]);
    expect((await readHistory(db)).entries).toHaveLength(1);
  });
});
