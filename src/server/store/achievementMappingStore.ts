// Which catalog credential an issuer's achievement is, as the user confirmed it once (SPEC §2 Award):
// kept in its own small IndexedDB database ('gapmap-badges') in the browser, in memory in tests.
import { keyValueDatabase } from './keyValueDatabase';
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

const KEY = 'achievements';

export function indexedDbMappingStore(databaseName = 'gapmap-badges', factory: IDBFactory = indexedDB): AchievementMappingStore {
  // The object store keeps its first name, so browsers that stored mappings before keep them.
  const database = keyValueDatabase(databaseName, factory, 'mappings');
  return {
    async load() {
      const stored = await database.get(KEY);
      return typeof stored === 'object' && stored !== null ? { ...(stored as StoredMappings) } : {};
    },
    save: (mappings) => database.put(KEY, { ...mappings }),
  };
}

/** IndexedDB where there is one (the browser), else memory (msw/node in tests). */
export function defaultMappingStore(): AchievementMappingStore {
  return typeof indexedDB === 'undefined' ? memoryMappingStore() : indexedDbMappingStore();
}
