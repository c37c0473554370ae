// Who is asking, without a database round trip per request (issue 12: the session and scope check
// costs under 2 ms at p95 under load). The sessions and API tokens a process has checked are kept
// in its memory with their accounts, and forgotten:
// - at once, when this process changes an account, a token or a session;
// - when another process (or `gapmap users`, or a statement typed by hand) does: the database
//   announces every such change on ACCOUNTS_CHANNEL (migration 8) and every process forgets all;
// - while that announcement cannot be heard (the LISTEN connection is down), nothing is kept;
// - after MAX_AGE_MS in any case, so "last seen" and a missed announcement are never old for long.
// Expiry and idle limits are still judged at every request (accounts.ts), from the kept times.
import type { AccountStore } from '../store/accountStore';

/** The channel the database announces account, token and session changes on (migration 8). */
export const ACCOUNTS_CHANNEL = 'gapmap_accounts';

const MAX_AGE_MS = 10_000;
const MAX_ENTRIES = 10_000;

type Found<K extends 'tokenWithAccount' | 'sessionWithAccount'> = NonNullable<Awaited<ReturnType<AccountStore[K]>>>;

interface Kept<T> {
  value: T;
  keptAt: number;
}

export interface ProofCache {
  /** The account store to use: the same store, with the two per-request reads answered from memory when they can be. */
  readonly accounts: AccountStore;
  /** Forget everything (an announcement arrived). */
  forget(): void;
  /** Whether announcements can be heard now; while they cannot, nothing is kept. */
  setListening(listening: boolean): void;
}

export function cacheProofs(store: AccountStore, options: { now?: () => number; listening?: boolean } = {}): ProofCache {
  const now = options.now ?? (() => performance.now());
  let listening = options.listening ?? true;
  const tokens = new Map<string, Kept<Found<'tokenWithAccount'>>>();
  const sessions = new Map<string, Kept<Found<'sessionWithAccount'>>>();
  // A read that started before a change finished must not put what it read back into the cache.
  let epoch = 0;

  const forget = () => {
    epoch += 1;
    tokens.clear();
    sessions.clear();
  };

  function fresh<T>(map: Map<string, Kept<T>>, key: string): T | undefined {
    const kept = map.get(key);
    if (!kept) return undefined;
    if (now() - kept.keptAt > MAX_AGE_MS) {
      map.delete(key);
      return undefined;
    }
    return kept.value;
  }

  function keep<T>(map: Map<string, Kept<T>>, key: string, value: T, readEpoch: number) {
    if (!listening || readEpoch !== epoch) return;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { value, keptAt: now() });
  }

  /** A change made here: forgotten before and after, so no read in between keeps the old answer. */
  const changing =
    <A extends unknown[], R>(change: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      forget();
      try {
        return await change(...args);
      } finally {
        forget();
      }
    };

  const accounts: AccountStore = {
    ...store,
    updateAccount: changing(store.updateAccount),
    removeAccount: changing(store.removeAccount),
    revokeToken: changing(store.revokeToken),
    removeSession: changing(store.removeSession),
    removeSessionsOf: changing(store.removeSessionsOf),
    async tokenWithAccount(digest) {
      const cached = fresh(tokens, digest);
      if (cached) return cached;
      const readEpoch = epoch;
      const found = await store.tokenWithAccount(digest);
      if (found) keep(tokens, digest, found, readEpoch);
      return found;
    },
    async sessionWithAccount(digest) {
      const cached = fresh(sessions, digest);
      if (cached) return cached;
      const readEpoch = epoch;
      const found = await store.sessionWithAccount(digest);
      if (found) keep(sessions, digest, found, readEpoch);
      return found;
    },
    async touchToken(id, at) {
      await store.touchToken(id, at);
      for (const kept of tokens.values()) if (kept.value.token.id === id) kept.value = { ...kept.value, token: { ...kept.value.token, lastUsedAt: at } };
    },
    async touchSession(digest, at) {
      await store.touchSession(digest, at);
      const kept = sessions.get(digest);
      if (kept) kept.value = { ...kept.value, session: { ...kept.value.session, lastSeenAt: at } };
    },
  };

  return {
    accounts,
    forget,
    setListening(next) {
      listening = next;
      if (!next) forget();
    },
  };
}
