// The float algorithms CPython's mathmodule.c writes itself (not libm's): fsum's exact partial
// sums (Shewchuk's msum), hypot/dist's vector_norm (scaled, with a differential correction), and
// the Lanczos gamma/lgamma. CPython is built for baseline x86-64, so none of these fuse multiplies.
import { pyErr } from "../values.ts";
import { libmExp } from "../../random/libmExp.ts";
import { libmLog } from "../../random/libm.ts";
import { libmPow } from "../../random/libmPow.ts";
import { productError } from "../../random/fma.ts";

/** math.fsum: the correctly rounded sum (Shewchuk's partials, CPython's final half-way fix-up) */
export function fsum(values: number[]): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (const xsave of values) {
    let x = xsave;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // a nonfinite x could arise either as a result of intermediate overflow, or as a result
        // of a nan or inf in the summands
        if (Number.isFinite(xsave)) throw pyErr("OverflowError", "intermediate overflow in fsum");
        if (!Number.isNaN(xsave)) infSum += xsave;
        specialSum += xsave;
        partials.length = 0;
      } else partials.push(x);
    }
  }
  if (specialSum !== 0) {
    if (Number.isNaN(infSum)) throw pyErr("ValueError", "-inf + inf in fsum");
    return specialSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

/** CPython 3.12+'s vector_norm: sqrt of the sum of squares, scaled so nothing overflows, with
 *  the squares and their sum kept exactly in two parts and a final correction */
export function vectorNorm(vec: number[]): number {
  let max = 0;
  let foundNan = false;
  for (let i = 0; i < vec.length; i++) {
    const x = Math.abs(vec[i]);
    vec[i] = x;
    foundNan ||= Number.isNaN(x);
    if (x > max) max = x;
  }
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  const maxE = Math.floor(Math.log2(max)) + 1;
  let e = maxE;
  // frexp's exponent exactly (log2 can be off by one next to a power of two)
  while (max * 2 ** -e >= 1) e++;
  while (max * 2 ** -e < 0.5) e--;
  if (e < -1023) {
    const DBL_MIN = 2.2250738585072014e-308;
    return DBL_MIN * vectorNorm(vec.map((x) => x / DBL_MIN));
  }
  const scale = 2 ** -e;
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  for (let x of vec) {
    x *= scale;
    const hi = x * x;
    const lo = productError(x, x, hi);
    const s = csum + hi;
    frac2 += hi - (s - csum);
    csum = s;
    frac1 += lo;
  }
  let h = Math.sqrt(csum - 1 + (frac1 + frac2));
  const ph = -h * h;
  const pl = productError(-h, h, ph);
  const s = csum + ph;
  frac2 += ph - (s - csum);
  csum = s;
  frac1 += pl;
  const x = csum - 1 + (frac1 + frac2);
  h += x / (2 * h);
  return h / scale;
}

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.41076, 42919803642.6491, 35711959237.35567, 17921034426.03721, 6039542586.352028,
  1439720407.3117216, 248874557.86205417, 31426415.585400194, 2876370.6289353725,
  186056.26539522348, 8071.672002365816, 210.82427775157936, 2.5066282746310002,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
  357423.0, 32670.0, 1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL = [
  1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800,
  87178291200, 1307674368000, 20922789888000, 355687428096000, 6402373705728000, 121645100408832000,
  2432902008176640000, 51090942171709440000, 1124000727777607680000,
];
const LOG_PI = 1.1447298858494002;

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = LANCZOS_NUM.length; --i >= 0;) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < LANCZOS_NUM.length; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** sin(pi*x), exact at the integers and half-integers */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = Math.round(2 * y);
  const r = [
    Math.sin(Math.PI * y),
    Math.cos(Math.PI * (y - 0.5)),
    Math.sin(Math.PI * (1 - y)),
    -Math.cos(Math.PI * (y - 1.5)),
    Math.sin(Math.PI * (y - 2)),
  ][n];
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

/** math.gamma (NaN for a pole or a negative integer: a domain error; Infinity: a range error) */
export function gamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) || x > 0 ? x : NaN;
  if (x === 0) return NaN;
  if (x === Math.floor(x)) {
    if (x < 0) return NaN;
    if (x <= GAMMA_INTEGRAL.length) return GAMMA_INTEGRAL[x - 1];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1 / x;
  if (absx > 200) {
    if (x < 0) return 0 / sinpi(x);
    return Infinity;
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = ((-Math.PI / sinpi(absx) / absx) * libmExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) r /= libmPow(y, absx - 0.5);
    else {
      const sqrtpow = libmPow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / libmExp(y);
    r += z * r;
    if (absx < 140) r *= libmPow(y, absx - 0.5);
    else {
      const sqrtpow = libmPow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return r;
}

/** math.lgamma: log|gamma(x)| (NaN at the poles: a domain error) */
export function lgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) return x <= 0 ? NaN : 0;
  const absx = Math.abs(x);
  if (absx < 1e-20) return -libmLog(absx);
  let r = libmLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (libmLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - libmLog(Math.abs(sinpi(absx))) - libmLog(absx) - r;
  return r;
}
