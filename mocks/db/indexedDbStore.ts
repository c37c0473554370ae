// The organisation in IndexedDB (Dexie), one table per record kind, written in a single
// read-write transaction with strict durability so a closed tab never leaves half an import.
import Dexie, { type Table } from 'dexie';
import type { Organisation } from '../../src/domain/schema';
import type { OrganisationStore } from './store';

const KINDS = ['skills', 'roles', 'employees', 'credentials', 'awards', 'assessments', 'goals', 'interests'] as const;
type Kind = (typeof KINDS)[number];

interface MetaRow {
  key: string;
  value: unknown;
}

class GapmapDatabase extends Dexie {
  meta!: Table<MetaRow, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      meta: 'key',
      skills: '++',
      roles: '++',
      employees: '++',
      credentials: '++',
      awards: '++',
      assessments: '++',
      goals: '++',
      interests: '++',
    });
  }
  kindTable(kind: Kind): Table<object, number> {
    return this.table(kind);
  }
}

export function indexedDbStore(databaseName = 'gapmap'): OrganisationStore {
  const db = new GapmapDatabase(databaseName);
  const allTables = () => [db.meta, ...KINDS.map((kind) => db.kindTable(kind))];
  return {
    async load() {
      return db.transaction('r', allTables(), async () => {
        const initialised = await db.meta.get('initialised');
        if (!initialised) return undefined;
        const organisation = {} as Record<Kind, unknown[]>;
        for (const kind of KINDS) organisation[kind] = await db.kindTable(kind).toArray();
        return organisation as unknown as Organisation;
      });
    },
    async save(organisation) {
      await db.transaction('rw', allTables(), async () => {
        for (const kind of KINDS) {
          const table = db.kindTable(kind);
          await table.clear();
          // Outbound keys ('++'): records are stored exactly as given, with no key field added.
          await table.bulkAdd(organisation[kind] as object[]);
        }
        await db.meta.put({ key: 'initialised', value: true });
      });
    },
    async clear() {
      await db.transaction('rw', allTables(), async () => {
        for (const table of allTables()) await table.clear();
      });
    },
  };
}
