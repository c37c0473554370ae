// Compressed rows by counting sort: items grouped by their owner's index, in item order within
// each group. The engine groups awards, assessments and members this way; the optimiser groups a
// catalog's components, parents and grants.

/**
 * Groups items by `owner[i]` (an index below `groups`; −1 drops the item): group g's items are
 * `order[start[g]]` up to `order[start[g + 1] − 1]`, in increasing item index.
 */
export function groupBy(owner: ArrayLike<number>, groups: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < owner.length; i++) {
    const g = owner[i]!;
    if (g >= 0) start[g + 1]!++;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const order = new Int32Array(start[groups]!);
  for (let i = 0; i < owner.length; i++) {
    const g = owner[i]!;
    if (g >= 0) order[fill[g]!++] = i;
  }
  return { start, order };
}
