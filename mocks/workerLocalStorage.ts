// msw's cookie store (msw 2.15, core/utils/cookieStore) refuses to load outside Node without a
// `localStorage`, and a Web Worker has none. The /api sets and reads no cookies, so an in-memory
// Storage for the API worker's lifetime is all msw needs. Imported before msw by mocks/api.worker.ts.
if (typeof globalThis.localStorage === 'undefined') {
  const items = new Map<string, string>();
  const storage: Storage = {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
}
