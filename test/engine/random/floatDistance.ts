// How far apart two doubles are, for comparing float64 normals with PyTorch's (see generator.ts's header).

const view = new DataView(new ArrayBuffer(8));

/** Position of x on the line of all doubles, so that neighbours differ by 1 (-0 sits just below +0). */
function ordinal(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) - 1n : bits;
}

/** How many doubles apart a and b are: 0 when identical, 1 for neighbours. */
export function ulpDistance(a: number, b: number): number {
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** The gap between |x| and the next larger double. */
export function ulp(x: number): number {
  const a = Math.abs(x);
  view.setFloat64(0, a);
  view.setBigInt64(0, view.getBigInt64(0) + 1n);
  return view.getFloat64(0) - a;
}

/**
 * Math.sin/Math.cos and glibc's sincos disagree by 1 ulp for about 3% of Box-Muller's angles.
 * Multiplying by the radius can make that 2 ulps of the standard normal z = radius * sin/cos
 * (when sin/cos sits low in its binade and z high in its own), so 2 ulps of z is the bound.
 */
export const BOX_MULLER_ULPS = 2;

/**
 * Whether `got` can be PyTorch's `expected` = fma(z, std, mean) with z off by at most BOX_MULLER_ULPS:
 * std scales z's error, and the final rounding adds up to 1 ulp of the result (none when the
 * transform is the identity, as in randn). Near mean, that can be many ulps of a small result.
 */
export function withinBoxMullerError(got: number, expected: number, mean = 0, std = 1): boolean {
  if (mean === 0 && std === 1) return ulpDistance(got, expected) <= BOX_MULLER_ULPS;
  const z = (expected - mean) / std;
  return Math.abs(got - expected) <= BOX_MULLER_ULPS * Math.abs(std) * ulp(z) + ulp(expected);
}
