// round(x, nd) as CPython computes it: the exact binary value rounded to nd decimals, ties to
// even (round(2.675, 2) is 2.67, round(0.125, 2) is 0.12), for negative nd too (round(x, -2)).

/** x = digits / 10^scale exactly (x finite, >= 0). */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    mant |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (mant === 0n) return { digits: 0n, scale: 0 };
  if (exp2 >= 0) return { digits: mant << BigInt(exp2), scale: 0 };
  // m / 2^k = m * 5^k / 10^k
  return { digits: mant * 5n ** BigInt(-exp2), scale: -exp2 };
}

/** round(n / 10^shift) half to even (shift >= 0) */
function divRound(n: bigint, shift: number): bigint {
  if (shift <= 0) return n * 10n ** BigInt(-shift);
  const p = 10n ** BigInt(shift);
  const q = n / p;
  const r2 = 2n * (n % p);
  return r2 > p || (r2 === p && q % 2n === 1n) ? q + 1n : q;
}

/** round(x, nd) for a finite float: the double nearest the correctly rounded decimal. */
export function roundFloat(x: number, nd: number): number {
  const { digits, scale } = exactDecimal(Math.abs(x));
  const n = divRound(digits, scale - nd);
  const text = nd >= 0 ? `${n}e-${nd}` : `${n}e${-nd}`;
  const r = Number(text);
  return x < 0 || Object.is(x, -0) ? -r : r;
}
