// Single-precision arithmetic helpers: IEEE float32 results computed with JS doubles.

const f32 = Math.fround;

const scratch = new DataView(new ArrayBuffer(8));

/** The double next to `x` in the direction of `toward` (finite, non-zero x). */
function stepToward(x: number, toward: number): number {
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  const awayFromZero = toward > 0 === x > 0;
  scratch.setBigUint64(0, awayFromZero ? bits + 1n : bits - 1n);
  return scratch.getFloat64(0);
}

/**
 * fmaf(a, b, c): a*b + c rounded once to float32, as the `vfmadd` instruction does.
 * a*b of two floats is exact in a double; the sum is made exact with TwoSum and then
 * rounded to odd, so the final rounding to float32 cannot suffer from double rounding.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (!Number.isFinite(s) || s === 0) return f32(s);
  const bv = s - p;
  const err = p - (s - bv) + (c - bv);
  if (err === 0) return f32(s);
  scratch.setFloat64(0, s);
  const lastBitOdd = (scratch.getUint32(4) & 1) === 1;
  return f32(lastBitOdd ? s : stepToward(s, err));
}

/** Reinterpret a float32 as its 32 bits (unsigned). */
export function floatBits(x: number): number {
  scratch.setFloat32(0, x);
  return scratch.getUint32(0);
}

/** Reinterpret 32 bits as a float32. */
export function bitsToFloat(bits: number): number {
  scratch.setUint32(0, bits >>> 0);
  return scratch.getFloat32(0);
}
