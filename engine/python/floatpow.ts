// float ** float as CPython computes it with glibc's pow, which rounds correctly in all but
// vanishingly rare cases; V8's ** does not (0.9 ** 4 is 0.6561000000000001 in JavaScript, 0.6561
// in Python). An integer exponent (Adam's beta2 ** step) is computed in double-double arithmetic
// (about 100 bits) by repeated squaring and rounded once, which agrees with glibc everywhere but
// where glibc itself misrounds (about 1 in 1500 powers past the 250th); other exponents keep V8's pow.
import { productError } from "../random/fma.ts";

type DD = [number, number];

function ddMul(a: DD, b: DD): DD {
  const p = a[0] * b[0];
  const e = productError(a[0], b[0], p) + (a[0] * b[1] + a[1] * b[0]);
  const s = p + e;
  return [s, e - (s - p)];
}

/** 1 / a in double-double */
function ddRecip(a: DD): DD {
  const q1 = 1 / a[0];
  // r = 1 - q1 * a, exactly enough: q1*a[0] as a double-double, then the low part
  const p = q1 * a[0];
  const r = 1 - p - productError(q1, a[0], p) - q1 * a[1];
  const q2 = r / a[0];
  const s = q1 + q2;
  return [s, q2 - (s - q1)];
}

const LIMIT = 2 ** 31;

export function floatPow(a: number, b: number): number {
  const plain = a ** b;
  if (!Number.isInteger(b) || Math.abs(b) >= LIMIT || b === 0 || a === 0 || !Number.isFinite(a)) return plain;
  // near the ends of the range the squares' low parts lose their bits: V8's pow there
  if (!Number.isFinite(plain) || Math.abs(plain) < 1e-280 || Math.abs(plain) > 1e280) return plain;
  let n = Math.abs(b);
  let base: DD = [a, 0];
  let acc: DD = [1, 0];
  while (n > 0) {
    if (n % 2 === 1) acc = ddMul(acc, base);
    n = Math.floor(n / 2);
    if (n > 0) base = ddMul(base, base);
  }
  const r = b < 0 ? ddRecip(acc) : acc;
  return Number.isFinite(r[0]) ? r[0] + r[1] : plain;
}
