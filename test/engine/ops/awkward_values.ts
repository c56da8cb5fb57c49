// Inputs that find where a fast kernel and its reference part ways: values over many magnitudes
// with NaN, infinities, signed zeros and subnormals, and a comparison that tells -0 from 0.

export function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 1e-40, -3e-39, 5e-324, -1e-310, 3.4e38, -3.4e38, 1e300, 1];

/** values over many magnitudes, 10% of them special */
export function awkward(n: number, rand: () => number): number[] {
  return Array.from({ length: n }, () =>
    rand() < 0.1 ? SPECIALS[Math.floor(rand() * SPECIALS.length)]! : (rand() - 0.5) * Math.exp((rand() - 0.5) * 40),
  );
}

export const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? "NaN" : Object.is(x, -0) ? "-0" : String(x)));

/** "same" when a and b hold the same numbers (NaN as NaN, -0 apart from 0), else the first difference */
export function difference(a: ArrayLike<number>, b: ArrayLike<number>): string {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let i = 0; i < a.length; i++)
    if (!Object.is(a[i], b[i]) && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return `at ${i}: ${a[i]} vs ${b[i]}`;
  return "same";
}
