// Which collections a change touches: a commit stores (and undo keeps) only those. Records kept
// from the base are the same objects, so identity tells them apart without deep comparison.
import type { Organisation } from '../domain/schema';
import { STORED_KINDS, type StoredKind } from '../api/importContract';

export function changedKinds(base: Organisation | undefined, next: Organisation): StoredKind[] {
  if (!base) return [...STORED_KINDS];
  return STORED_KINDS.filter((kind) => {
    const before: readonly unknown[] = base[kind];
    const after: readonly unknown[] = next[kind];
    if (before === after) return false;
    if (before.length !== after.length) return true;
    for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) return true;
    return false;
  });
}

/** Only the changed collections of `next`. */
export function changesOf(base: Organisation | undefined, next: Organisation): Partial<Organisation> {
  const changes: Partial<Record<StoredKind, unknown[]>> = {};
  for (const kind of changedKinds(base, next)) changes[kind] = next[kind];
  return changes as Partial<Organisation>;
}
