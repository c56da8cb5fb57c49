// One number for an ordered pair of node ids, for maps that would otherwise build "a>b" strings
// per edge per step. Node ids are small integers either side of 0 (leaves' are negative).

const HALF = 2 ** 24;

/** distinct for every pair of integer ids in (-2^24, 2^24); exact in a double (< 2^50) */
export function pairKey(source: number, target: number): number {
  return (source + HALF) * 2 * HALF + (target + HALF);
}
