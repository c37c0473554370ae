// Sign-in attempts limited per account and per address (SPEC §9): after `max` failures within
// `windowMs`, further attempts are refused (429, Retry-After) without checking the password, so
// guessing costs the server nothing and the guesser a long wait. On a server the failures are kept
// in the database, so a guesser gets the same allowance however many processes answer; the
// browser host (one process) and tests of the memory store keep them in memory.
import type { SqlDatabase } from '../store/sql/sqlDatabase';
import { digestOf } from './secrets';

export interface RateLimit {
  /** Seconds to wait before another attempt for any of these keys, or 0 when one may try now. */
  retryAfter(keys: readonly string[], now?: number): Promise<number>;
  failed(keys: readonly string[], now?: number): Promise<void>;
  /** A success clears the account's count (not the address's). */
  clear(key: string): Promise<void>;
}

export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/** Seconds until the oldest of the last `max` failures leaves the window (0 when fewer than `max`). */
function waitSeconds(times: readonly number[], options: RateLimitOptions, now: number): number {
  const recent = times.filter((time) => now - time < options.windowMs).sort((a, b) => a - b);
  if (recent.length < options.max) return 0;
  return Math.ceil((recent[recent.length - options.max]! + options.windowMs - now) / 1000);
}

export function createRateLimit(options: RateLimitOptions): RateLimit {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (failures.get(key) ?? []).filter((time) => now - time < options.windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  return {
    async retryAfter(keys, now = Date.now()) {
      return Math.max(0, ...keys.map((key) => waitSeconds(recent(key, now), options, now)));
    },
    async failed(keys, now = Date.now()) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
    },
    async clear(key) {
      failures.delete(key);
    },
  };
}

/**
 * The same limit shared by every process on the database (migration 9). Keys are stored as
 * digests: the table never holds the emails and addresses that were tried.
 */
export function postgresRateLimit(db: SqlDatabase, name: string, options: RateLimitOptions): RateLimit {
  return {
    async retryAfter(keys, now = Date.now()) {
      if (keys.length === 0) return 0;
      const digests = keys.map(digestOf);
      const rows = await db.query<{ key: string; at: Date | string }>(
        `select key, at from sign_in_failures where limit_name = $1 and key in (${digests.map((_, i) => `$${i + 3}`).join(', ')}) and at > $2`,
        [name, new Date(now - options.windowMs).toISOString(), ...digests],
      );
      return Math.max(0, ...digests.map((digest) => waitSeconds(rows.filter((row) => row.key === digest).map((row) => new Date(row.at).getTime()), options, now)));
    },
    async failed(keys, now = Date.now()) {
      const at = new Date(now).toISOString();
      await db.transaction(async (tx) => {
        // Failures older than the window count for nothing: dropped as new ones come.
        await tx.query('delete from sign_in_failures where limit_name = $1 and at < $2', [name, new Date(now - options.windowMs).toISOString()]);
        for (const key of keys) await tx.query('insert into sign_in_failures (limit_name, key, at) values ($1, $2, $3)', [name, digestOf(key), at]);
      });
    },
    async clear(key) {
      await db.query('delete from sign_in_failures where limit_name = $1 and key = $2', [name, digestOf(key)]);
    },
  };
}
