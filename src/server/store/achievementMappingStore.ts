// Which catalog credential an issuer's achievement is, as the user confirmed it once (SPEC §2 Award):
// kept in its own small IndexedDB database ('gapmap-badges') in the browser, in memory in tests.
// Its own database, because the organisation's has a fixed set of object stores whose upgrade
// starts afresh; and the mapping is not organisation data an undo should take back.
export type StoredMappings = Record<string, string>;

export interface AchievementMappingStore {
  load(): Promise<StoredMappings>;
  save(mappings: StoredMappings): Promise<void>;
}

export function memoryMappingStore(initial: StoredMappings = {}): AchievementMappingStore {
  let mappings = { ...initial };
  return {
    async load() {
      return { ...mappings };
    },
    async save(next) {
      mappings = { ...next };
    },
  };
}

const STORE = 'mappings';
const KEY = 'achievements';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function indexedDbMappingStore(databaseName = 'gapmap-badges', factory: IDBFactory = indexedDB): AchievementMappingStore {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open(databaseName, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onsuccess = () => {
        open.result.onversionchange = () => open.result.close();
        resolve(open.result);
      };
      open.onerror = () => reject(open.error ?? new Error('Cannot open the badge mapping database'));
    }).catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  return {
    async load() {
      const database = await db();
      const stored = await request(database.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
      return typeof stored === 'object' && stored !== null ? { ...(stored as StoredMappings) } : {};
    },
    async save(mappings) {
      const database = await db();
      const tx = database.transaction(STORE, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE).put({ ...mappings }, KEY);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('The mapping was not stored.'));
        tx.onabort = () => reject(tx.error ?? new Error('The mapping was not stored.'));
      });
    },
  };
}

/** IndexedDB where there is one (the browser), else memory (msw/node in tests). */
export function defaultMappingStore(): AchievementMappingStore {
  return typeof indexedDB === 'undefined' ? memoryMappingStore() : indexedDbMappingStore();
}
