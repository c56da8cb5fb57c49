// Counting crossings between two neighbouring layers by counting inversions (Barth, Jünger, Mutzel 2004).

/**
 * Crossings among straight segments between two parallel lines, each segment given by its
 * rank on the lower line and on the upper line. Segments sharing an end do not cross.
 * `lower[i]`, `upper[i]` describe segment i; ranks may be any numbers (ties allowed).
 */
export function countSegmentCrossings(lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  const m = lower.length;
  if (m < 2) return 0;
  const idx = Array.from({ length: m }, (_, i) => i).sort(
    (a, b) => lower[a] - lower[b] || upper[a] - upper[b],
  );
  // Compress the upper ranks so the Fenwick tree is as small as the segment count.
  const distinct = Array.from(new Set(Array.from(upper))).sort((a, b) => a - b);
  const rankOf = new Map<number, number>();
  distinct.forEach((value, i) => rankOf.set(value, i));
  const size = distinct.length;
  const tree = new Float64Array(size + 1);
  let crossings = 0;
  let seen = 0;
  // Walk in (lower, upper) order; a segment crosses every earlier one whose upper rank is strictly
  // greater and whose lower rank is strictly smaller, so segments tied on `lower` are added in blocks.
  let start = 0;
  while (start < m) {
    let end = start;
    while (end < m && lower[idx[end]] === lower[idx[start]]) end++;
    for (let k = start; k < end; k++) {
      const r = rankOf.get(upper[idx[k]]) as number;
      let atMost = 0;
      for (let i = r + 1; i > 0; i -= i & -i) atMost += tree[i];
      crossings += seen - atMost;
    }
    for (let k = start; k < end; k++) {
      const r = rankOf.get(upper[idx[k]]) as number;
      for (let i = r + 1; i <= size; i += i & -i) tree[i] += 1;
      seen++;
    }
    start = end;
  }
  return crossings;
}
