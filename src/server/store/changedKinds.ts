// Which collections a change touches: a commit stores (and undo keeps) only those. Records kept
// from the base are usually the same objects; a rebuilt one (merge mode) is compared by value.
import type { Organisation } from '../../domain/schema';
import { STORED_KINDS, type StoredKind } from '../../api/importContract';

export function changedKinds(base: Organisation | undefined, next: Organisation): StoredKind[] {
  if (!base) return [...STORED_KINDS];
  return STORED_KINDS.filter((kind) => {
    const before: readonly unknown[] = base[kind];
    const after: readonly unknown[] = next[kind];
    if (before === after) return false;
    if (before.length !== after.length) return true;
    for (let i = 0; i < after.length; i++) if (before[i] !== after[i] && !sameValue(before[i], after[i])) return true;
    return false;
  });
}

/** Deep equality of plain records (strings, numbers, arrays, objects); absent = undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (!sameValue(left[key], right[key])) return false;
  for (const key in right) if (!(key in left) && right[key] !== undefined) return false;
  return true;
}

/** Only the changed collections of `next`. */
export function changesOf(base: Organisation | undefined, next: Organisation): Partial<Organisation> {
  const changes: Partial<Record<StoredKind, unknown[]>> = {};
  for (const kind of changedKinds(base, next)) changes[kind] = next[kind];
  return changes as Partial<Organisation>;
}
