// fma(a, b, c) for doubles: a*b + c with one rounding, as the x86 vfmadd instructions compute it.
// glibc's libm and ATen's kernels are built for FMA hardware, so matching them bit for bit needs this.
// Origin: published algorithms (Veltkamp's split and Dekker's exact product, 1971; Boldo and Melquiond's
// round-to-odd fma, 2008), implemented here from the papers: our own code, MIT like the rest of Gradlens.

const SPLITTER = 134217729; // 2^27 + 1, for Veltkamp's split of a double into two 26-bit halves

const buffer = new ArrayBuffer(8);
const asFloat = new Float64Array(buffer);
const asWords = new Uint32Array(buffer); // little-endian: [low word, high word]

/** The rounding error of p = a*b, so that a*b = p + error exactly (Dekker's TwoProduct). */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** x + y rounded to odd: exact if representable, else the neighbour whose last mantissa bit is 1. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const yv = s - x;
  const err = x - (s - yv) + (y - yv);
  if (err === 0 || !Number.isFinite(s)) return s;
  asFloat[0] = s;
  if (asWords[0]! & 1) return s;
  // The last bit is 0, so one step either way lands on an odd neighbour; step towards the true sum.
  const awayFromZero = err > 0 === s > 0;
  if (awayFromZero) asWords[0] = asWords[0]! + 1;
  else if (asWords[0] === 0) {
    asWords[0] = 0xffffffff;
    asWords[1] = asWords[1]! - 1;
  } else asWords[0] = asWords[0]! - 1;
  return asFloat[0];
}

/** Correctly rounded a*b + c (Boldo and Melquiond's emulation: exact product, exact sum, round to odd). */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (p === 0 || c === 0 || !Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  const pErr = productError(a, b, p);
  const hi = c + p;
  const pv = hi - c;
  const lo = c - (hi - pv) + (p - pv);
  return hi + addRoundToOdd(lo, pErr);
}
