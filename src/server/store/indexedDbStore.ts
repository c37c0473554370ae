// The organisation in IndexedDB for the standalone API: the chunked, columnar layout of
// src/workers/organisationDatabase (shared with the import worker), every write under the
// cross-tab lock, every change announced to the pages of every tab.
import type { Organisation } from '../../domain/schema';
import {
  announceChange,
  clearDatabase,
  commitChange,
  encodeOrganisation,
  openOrganisationDatabase,
  readHistory,
  readOrganisation,
  readRevision,
  undoChange,
  withWriteLock,
} from './organisationDatabase';
import type { OrganisationStore } from './organisationStore';

/** Lets the browser paint and handle input between decoded chunks of a large organisation. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function indexedDbStore(databaseName = 'gapmap', factory?: IDBFactory): OrganisationStore {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () => {
    opened ??= openOrganisationDatabase(databaseName, factory ?? indexedDB).catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    async load() {
      return readOrganisation(await db(), typeof window === 'undefined' ? undefined : yieldToBrowser);
    },
    async revision() {
      return readRevision(await db());
    },
    async commit(changes: Partial<Organisation>, entry, options = {}) {
      const encoded = encodeOrganisation(changes);
      const database = await db();
      const result = await withWriteLock(() => commitChange(database, encoded, entry, { record: options.record ?? true, expectedRevision: options.expectedRevision }));
      if (options.announce ?? true) announceChange(result.revision);
      return result;
    },
    async history() {
      return readHistory(await db());
    },
    async undo(id) {
      const database = await db();
      const outcome = await withWriteLock(() => undoChange(database, id));
      if (outcome.ok && outcome.revision !== undefined) announceChange(outcome.revision);
      const { revision: _revision, ...rest } = outcome as typeof outcome & { revision?: number };
      return rest;
    },
    async clear() {
      const database = await db();
      await withWriteLock(() => clearDatabase(database));
      announceChange(await readRevision(database));
    },
  };
}
