// Where the standalone API keeps the organisation: IndexedDB in the browser, memory in tests.
// Both replace a whole organisation in one transaction, so a reader never sees half an import.
import type { Organisation } from '../../src/domain/schema';

export interface OrganisationStore {
  /** The stored organisation, or undefined on first start. */
  load(): Promise<Organisation | undefined>;
  /** Replaces everything, atomically. */
  save(organisation: Organisation): Promise<void>;
  clear(): Promise<void>;
}

export function memoryStore(initial?: Organisation): OrganisationStore {
  let stored = initial ? structuredClone(initial) : undefined;
  return {
    async load() {
      return stored ? structuredClone(stored) : undefined;
    },
    async save(organisation) {
      stored = structuredClone(organisation);
    },
    async clear() {
      stored = undefined;
    },
  };
}
