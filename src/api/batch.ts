/** `/fixtures?ids=` takes at most 20 ids joined by `-` (SPEC.md §7.9). */
export const MAX_IDS_PER_REQUEST = 20;

/** Splits ids into batches of at most `size`, dropping duplicates and keeping the first order. */
export function batchIds(ids: Iterable<number>, size = MAX_IDS_PER_REQUEST): number[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, not ${size}`);
  const unique = [...new Set(ids)];
  const batches: number[][] = [];
  for (let start = 0; start < unique.length; start += size) batches.push(unique.slice(start, start + size));
  return batches;
}
