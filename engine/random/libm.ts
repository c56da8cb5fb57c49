// log() for doubles exactly as glibc 2.36's x86-64 libm computes it on FMA hardware (__log_fma),
// which PyTorch's double-precision Box-Muller calls; JS's Math.log differs from it in the last bit
// for several percent of inputs. Every `fma` below is where GCC fused a multiply into the following add.
// Origin: the log() of Arm optimized-routines (math/log.c, math/log_data.c), which glibc
// adopted; Copyright (c) 2018 Arm Limited, MIT licence (notice in ./THIRD_PARTY_NOTICES.md).
// This is a TypeScript rendering of that algorithm. Nothing here comes from glibc's sin/cos/sincos
// (IBM Accurate Mathematical Library, LGPL-2.1): Box-Muller uses JS's Math.sin/Math.cos instead.

import { fma } from "./fma.ts";
import { LOG_LN2, LOG_POLY, LOG_POLY1, LOG_TABLE } from "./libmTables.ts";

const buffer = new ArrayBuffer(8);
const asFloat = new Float64Array(buffer);
const asWords = new Uint32Array(buffer); // little-endian: [low word, high word]

const [LN2_HI, LN2_LO] = LOG_LN2 as [number, number];
const [A0, A1, A2, A3, A4] = LOG_POLY as [number, number, number, number, number];
const B = LOG_POLY1;
const TWO_POW_27 = 134217728;
const OFF_HIGH = 0x3fe60000; // high word of OFF = 0x3fe6000000000000; z lands in [OFF, 2*OFF)
const NEAR_ONE_LO_HIGH = 0x3fee0000; // 1 - 2^-4
const NEAR_ONE_HI_HIGH = 0x3ff10900; // 1 + 0x1.09p-4

/** glibc log(x) for positive normal x (Box-Muller only passes 1 - u with u in [0, 1)). */
export function libmLog(x: number): number {
  if (!(x > 0) || x === Infinity || x < 2.2250738585072014e-308) return Math.log(x);
  asFloat[0] = x;
  const high = asWords[1]!;
  if (high >= NEAR_ONE_LO_HIGH && high < NEAR_ONE_HI_HIGH) {
    if (x === 1) return 0;
    const r = x - 1;
    const r2 = r * r;
    const r3 = r * r2;
    const inner7 = fma(r3, B[10]!, fma(r2, B[9]!, fma(r, B[8]!, B[7]!)));
    const inner4 = fma(inner7, r3, fma(r2, B[6]!, fma(r, B[5]!, B[4]!)));
    const poly = fma(inner4, r3, fma(r2, B[3]!, fma(r, B[2]!, B[1]!)));
    // r split into rhi (26 bits) + rlo so that rhi*rhi is exact: hi + lo = r - r*r/2.
    const rhi = fma(-TWO_POW_27, r, fma(r, TWO_POW_27, r));
    const rlo = r - rhi;
    const rhi2 = rhi * rhi;
    const hi = fma(rhi2, B[0]!, r);
    let lo = fma(rhi2, B[0]!, r - hi);
    lo = fma(B[0]! * rlo, rhi + r, lo);
    return hi + fma(poly, r3, lo);
  }
  // x = 2^k z with z in [OFF, 2*OFF); table entry i brackets z with 1/c and log(c).
  const tmpHigh = (high - OFF_HIGH) | 0;
  const i = (tmpHigh >>> 13) & 0x7f;
  const k = tmpHigh >> 20;
  asWords[1] = high - (tmpHigh & 0xfff00000);
  const z = asFloat[0]!;
  const invc = LOG_TABLE[2 * i]!;
  const logc = LOG_TABLE[2 * i + 1]!;
  const r = fma(z, invc, -1);
  const w = fma(k, LN2_HI, logc);
  const hi = w + r;
  const lo = fma(k, LN2_LO, w - hi + r);
  const r2 = r * r;
  const poly = fma(r2, fma(r, A4, A3), fma(r, A2, A1));
  return fma(r * r2, poly, fma(r2, A0, lo)) + hi;
}
