// Sign-in attempts limited per account and per address (SPEC §9): after `max` failures within
// `windowMs`, further attempts are refused (429, Retry-After) without checking the password, so
// guessing costs the server nothing and the guesser a long wait. Kept in this process's memory: with
// several processes the limit applies per process (a sign-in lands on one of a few processes at most).

export interface RateLimit {
  /** Seconds to wait before another attempt for any of these keys, or 0 when one may try now. */
  retryAfter(keys: readonly string[], now?: number): number;
  failed(keys: readonly string[], now?: number): void;
  /** A success clears the account's count (not the address's). */
  clear(key: string): void;
}

export function createRateLimit(options: { max: number; windowMs: number }): RateLimit {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((time) => now - time < options.windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  return {
    retryAfter(keys, now = Date.now()) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, now);
        if (times.length >= options.max) wait = Math.max(wait, Math.ceil((times[times.length - options.max]! + options.windowMs - now) / 1000));
      }
      return wait;
    },
    failed(keys, now = Date.now()) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
    },
    clear(key) {
      failures.delete(key);
    },
  };
}
