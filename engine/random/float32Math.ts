// Single-precision arithmetic helpers: IEEE float32 results computed with JS doubles.
// Our own code (MIT like the rest of Gradlens), using the round-to-odd technique described in fma.ts.

const f32 = Math.fround;

const buffer = new ArrayBuffer(8);
const asDouble = new Float64Array(buffer);
const asFloat = new Float32Array(buffer, 0, 1);
const asWords = new Uint32Array(buffer); // little-endian: [low word, high word]

/**
 * fmaf(a, b, c): a*b + c rounded once to float32, as the `vfmadd` instruction does.
 * a*b of two floats is exact in a double; the sum is made exact with TwoSum and then
 * rounded to odd, so the final rounding to float32 cannot suffer from double rounding.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  if (s === 0 || !Number.isFinite(s)) return f32(s);
  const bv = s - p;
  const err = p - (s - bv) + (c - bv);
  if (err === 0) return f32(s);
  asDouble[0] = s;
  const low = asWords[0]!;
  if (low & 1) return f32(s);
  // Even last bit: both neighbours are odd; take the one on the side of the true sum.
  if (err > 0 === s > 0) asWords[0] = low + 1;
  else if (low === 0) {
    asWords[0] = 0xffffffff;
    asWords[1] = asWords[1]! - 1;
  } else asWords[0] = low - 1;
  return f32(asDouble[0]);
}

/** Reinterpret a float32 as its 32 bits (unsigned). */
export function floatBits(x: number): number {
  asFloat[0] = x;
  return asWords[0]!;
}

/** Reinterpret 32 bits as a float32. */
export function bitsToFloat(bits: number): number {
  asWords[0] = bits >>> 0;
  return asFloat[0]!;
}
