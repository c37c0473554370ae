// A small seeded pseudo-random generator (mulberry32) and the draws the demo generator needs:
// the same seed gives the same organisation on every machine (SPEC §7 "generated, deterministic").

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [low, high], both included. */
  int(low: number, high: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items, in draw order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** Lower-case hex digits, `length` of them. */
  hex(length: number): string;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    // Partial Fisher–Yates on a copy: O(count) draws, no repeats.
    const copy = items.slice();
    const taken = Math.min(count, copy.length);
    for (let i = 0; i < taken; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    return copy.slice(0, taken);
  };
  const hex = (length: number): string => {
    let text = '';
    while (text.length < length) text += Math.floor(next() * 16).toString(16);
    return text;
  };
  return { next, int, chance: (p) => next() < p, pick, sample, hex };
}
