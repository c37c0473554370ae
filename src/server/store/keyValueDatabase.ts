// A small IndexedDB database of one object store, values by key: what the browser host keeps beside
// the organisation (badge mappings, what-if drafts). Their own databases, because the organisation's
// has a fixed set of object stores whose upgrade starts afresh, and neither is organisation data an
// undo should take back.
export interface KeyValueDatabase {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key with its value (a small store: read whole). */
  entries(): Promise<[string, unknown][]>;
}

const STORE = 'values';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function keyValueDatabase(databaseName: string, factory: IDBFactory = indexedDB, storeName = STORE): KeyValueDatabase {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open(databaseName, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(storeName);
      open.onsuccess = () => {
        open.result.onversionchange = () => open.result.close();
        resolve(open.result);
      };
      open.onerror = () => reject(open.error ?? new Error(`Cannot open the ${databaseName} database`));
    }).catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  };
  const write = async (change: (store: IDBObjectStore) => void) => {
    const tx = (await db()).transaction(storeName, 'readwrite', { durability: 'strict' });
    change(tx.objectStore(storeName));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('Nothing was stored.'));
      tx.onabort = () => reject(tx.error ?? new Error('Nothing was stored.'));
    });
  };
  return {
    async get(key) {
      return request((await db()).transaction(storeName, 'readonly').objectStore(storeName).get(key));
    },
    put: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
    async entries() {
      const store = (await db()).transaction(storeName, 'readonly').objectStore(storeName);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      return keys.map((key, index) => [String(key), values[index]]);
    },
  };
}
