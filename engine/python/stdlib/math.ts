// `import math`: CPython 3.13's math module. exp and log are glibc's own algorithms (what CPython
// calls), fsum/hypot/dist/gamma/lgamma are CPython's own (msum, vector_norm, Lanczos), integer
// functions (comb, perm, isqrt, factorial, gcd, lcm) exact on big ints; the rest use JS's libm,
// which can differ from glibc's in the last bit. Errors as CPython words them.
import { toFloat, toInt } from "../builtins.ts";
import { NO_METHOD, trySpecial, userClass } from "../dunder.ts";
import { asIndex, binaryOp, isInt, iterate, toBig } from "../ops.ts";
import { type CallArgs, PyBuiltin, PyModule, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { fma } from "../../random/fma.ts";
import { libmExp } from "../../random/libmExp.ts";
import { libmLog } from "../../random/libm.ts";
import { libmPow } from "../../random/libmPow.ts";
import { erfValue, erfcValue } from "../../ops/erf.ts";
import { fsum, gamma, lgamma, vectorNorm } from "./mathfloat.ts";

/** a float argument: numbers, __float__/__index__ objects, one-element tensors; not strings */
export function realArg(v: PyValue): number {
  if (typeof v === "string") throw pyErr("TypeError", `must be real number, not ${typeName(v)}`);
  try {
    return toFloat(v);
  } catch (e) {
    if (e instanceof Error && "exc" in e) throw pyErr("TypeError", `must be real number, not ${typeName(v)}`);
    throw e;
  }
}

function intArg(v: PyValue): bigint {
  const n = asIndex(v);
  if (n === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
  return n;
}

const domainError = (): never => {
  throw pyErr("ValueError", "math domain error");
};

/** libm's result checked as CPython's math_1 does: NaN from a non-NaN is a domain error, an
 *  infinity from a finite input a range error */
function checked(x: number, r: number, overflowIsRange = true): number {
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
  if (!Number.isFinite(r) && Number.isFinite(x) && !Number.isNaN(r)) {
    if (overflowIsRange) throw pyErr("OverflowError", "math range error");
    domainError();
  }
  return r;
}

function nargs(name: string, a: CallArgs, n: number): PyValue[] {
  if (a.kwargs.size) throw pyErr("TypeError", `math.${name}() takes no keyword arguments`);
  if (a.args.length !== n)
    throw pyErr(
      "TypeError",
      n === 1 ? `math.${name}() takes exactly one argument (${a.args.length} given)` : `${name} expected ${n} arguments, got ${a.args.length}`,
    );
  return a.args;
}

type Entry = [string, PyValue];
const fn = (name: string, body: (a: CallArgs) => PyValue): Entry => [name, new PyBuiltin(name, body)];
/** a function of one float; `domain` says where libm would give NaN or a pole */
const f1 = (name: string, f: (x: number) => number, overflowIsRange = true): Entry =>
  fn(name, (a) => {
    const x = realArg(nargs(name, a, 1)[0]);
    return checked(x, f(x), overflowIsRange);
  });
const f2 = (name: string, f: (x: number, y: number) => number): Entry =>
  fn(name, (a) => {
    const [x, y] = nargs(name, a, 2).map(realArg);
    const r = f(x, y);
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domainError();
    if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y) && !Number.isNaN(r)) throw pyErr("OverflowError", "math range error");
    return r;
  });

/** log(x) for any int (big ones by their bit length), or a positive float */
function logOf(v: PyValue): number {
  if (isInt(v)) {
    const n = toBig(v);
    if (n <= 0n) domainError();
    const bits = n.toString(2).length;
    if (bits <= 1000) return libmLog(Number(n));
    const shift = BigInt(bits - 60);
    return libmLog(Number(n >> shift)) + Number(shift) * Math.LN2;
  }
  const x = realArg(v);
  if (!(x > 0)) {
    if (Number.isNaN(x)) return x;
    domainError();
  }
  return libmLog(x);
}

/** floor/ceil/trunc: ints as they are, __floor__/__ceil__/__trunc__ of objects, floats to ints */
function rounding(name: string, dunder: string, f: (x: number) => number): Entry {
  return fn(name, (a) => {
    const v = nargs(name, a, 1)[0];
    if (isInt(v)) return toBig(v);
    const cls = userClass(v);
    if (cls) {
      const r = trySpecial(cls, v, dunder);
      if (r !== NO_METHOD) return r;
      if (name === "trunc") throw pyErr("TypeError", `type ${cls.name} doesn't define __trunc__ method`);
    }
    return toInt(f(realArg(v)));
  });
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton's steps from the float estimate until x*x <= n < (x+1)^2
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

function combPerm(name: "comb" | "perm", a: CallArgs): bigint {
  if (a.kwargs.size) throw pyErr("TypeError", `math.${name}() takes no keyword arguments`);
  if (a.args.length < 1 || a.args.length > 2 || (name === "comb" && a.args.length !== 2))
    throw pyErr("TypeError", name === "comb" ? `comb expected 2 arguments, got ${a.args.length}` : `perm expected at most 2 arguments, got ${a.args.length}`);
  const n = intArg(a.args[0]);
  const k = a.args.length === 2 && a.args[1] !== null ? intArg(a.args[1]) : n;
  if (n < 0n) throw pyErr("ValueError", "n must be a non-negative integer");
  if (k < 0n) throw pyErr("ValueError", "k must be a non-negative integer");
  if (k > n) return 0n;
  if (n - k > 100000n && k > 100000n) throw pyErr("MemoryError", `math.${name}() too large for Gradlens`);
  let r = 1n;
  if (name === "perm") {
    for (let i = n - k + 1n; i <= n; i++) r *= i;
    return r;
  }
  const kk = k < n - k ? k : n - k;
  for (let i = 1n; i <= kk; i++) r = (r * (n - kk + i)) / i;
  return r;
}

function gcd2(x: bigint, y: bigint): bigint {
  x = x < 0n ? -x : x;
  y = y < 0n ? -y : y;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** frexp(x): [m, e] with x = m * 2**e, 0.5 <= |m| < 1 */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

function ldexp(x: number, e: number): number {
  // in steps, so 2**e itself never overflows or underflows early
  let r = x;
  while (e > 1000) {
    r *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    r *= 2 ** -1000;
    e += 1000;
  }
  return r * 2 ** e;
}

function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let bits = buf.getBigUint64(0);
  bits += (y > x) === (x > 0) ? 1n : -1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

function ulp(x: number): number {
  if (Number.isNaN(x)) return x;
  x = Math.abs(x);
  if (!Number.isFinite(x)) return x;
  const next = nextafter(x, Infinity);
  if (!Number.isFinite(next)) return x - nextafter(x, -Infinity);
  return next - x;
}

/** glibc's cosh (fdlibm's e_cosh.c) over glibc's exp */
function cosh(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(ax)) return ax;
  if (ax < 0.5 * Math.LN2) {
    const t = Math.expm1(ax);
    const w = 1 + t;
    if (ax < 2 ** -55) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ax < 22) {
    const t = libmExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax < 709.782712893384) return 0.5 * libmExp(ax);
  const w = libmExp(0.5 * ax);
  return 0.5 * w * w;
}

/** CPython's m_remainder: x - n*y for the integer n nearest x/y, ties to even, exactly */
function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const ax = Math.abs(x);
    const ay = Math.abs(y);
    const m = ax % ay;
    const c = ay - m;
    const r = m < c ? m : m > c ? -c : m - 2 * ((0.5 * (ax - m)) % ay);
    return (Object.is(x, -0) || x < 0 ? -1 : 1) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

function points(v: PyValue): number[] {
  return [...iterate(v)].map(realArg);
}

export function mathModule(): PyModule {
  const entries: Entry[] = [
    ["pi", Math.PI],
    ["e", Math.E],
    ["tau", 2 * Math.PI],
    ["inf", Infinity],
    ["nan", NaN],
    f1("sqrt", Math.sqrt),
    f1("exp", libmExp),
    f1("exp2", (x) => libmPow(2, x)),
    f1("expm1", Math.expm1),
    f1("cbrt", Math.cbrt),
    f1("sin", Math.sin),
    f1("cos", Math.cos),
    f1("tan", Math.tan),
    f1("asin", Math.asin),
    f1("acos", Math.acos),
    f1("atan", Math.atan),
    f1("sinh", Math.sinh),
    f1("cosh", cosh),
    f1("tanh", Math.tanh),
    f1("asinh", Math.asinh),
    f1("acosh", Math.acosh),
    f1("atanh", (x) => (Math.abs(x) === 1 ? NaN : Math.atanh(x))),
    f1("fabs", Math.abs),
    f1("log2", (x) => (x <= 0 ? NaN : Math.log2(x))),
    f1("log10", (x) => (x <= 0 ? NaN : Math.log10(x))),
    f1("log1p", (x) => (x <= -1 ? NaN : Math.log1p(x))),
    f1("degrees", (x) => x * (180 / Math.PI)),
    f1("radians", (x) => x * (Math.PI / 180)),
    f1("erf", (x) => erfValue(x, libmExp)),
    f1("erfc", (x) => erfcValue(x, libmExp)),
    f1("gamma", gamma),
    f1("lgamma", lgamma),
    f2("atan2", Math.atan2),
    f2("copysign", (x, y) => (Object.is(y, -0) || y < 0 || (Number.isNaN(y) && negativeNaN(y)) ? -Math.abs(x) : Math.abs(x))),
    f2("fmod", (x, y) => (!Number.isFinite(y) && Number.isFinite(x) ? x : x % y)),
    f2("remainder", remainder),
    f2("nextafter", nextafter),
    f2("pow", (x, y) => {
      if (x === 0 && y < 0) domainError();
      if (x === 1 || y === 0) return 1;
      return libmPow(x, y);
    }),
    fn("log", (a) => {
      if (a.args.length < 1 || a.args.length > 2) throw pyErr("TypeError", `log expected 1 or 2 arguments, got ${a.args.length}`);
      const num = logOf(a.args[0]);
      if (a.args.length === 1) return num;
      const den = logOf(a.args[1]);
      if (den === 0) throw pyErr("ZeroDivisionError", "float division by zero");
      return num / den;
    }),
    rounding("floor", "__floor__", Math.floor),
    rounding("ceil", "__ceil__", Math.ceil),
    rounding("trunc", "__trunc__", Math.trunc),
    fn("isnan", (a) => Number.isNaN(realArg(nargs("isnan", a, 1)[0]))),
    fn("isinf", (a) => Math.abs(realArg(nargs("isinf", a, 1)[0])) === Infinity),
    fn("isfinite", (a) => Number.isFinite(realArg(nargs("isfinite", a, 1)[0]))),
    fn("isclose", (a) => {
      if (a.args.length !== 2) throw pyErr("TypeError", `isclose() takes exactly 2 positional arguments (${a.args.length} given)`);
      const [x, y] = a.args.map(realArg);
      const rel = a.kwargs.has("rel_tol") ? realArg(a.kwargs.get("rel_tol")!) : 1e-9;
      const abs = a.kwargs.has("abs_tol") ? realArg(a.kwargs.get("abs_tol")!) : 0;
      if (rel < 0 || abs < 0) throw pyErr("ValueError", "tolerances must be non-negative");
      if (x === y) return true;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
      const diff = Math.abs(y - x);
      return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
    }),
    fn("factorial", (a) => {
      const v = nargs("factorial", a, 1)[0];
      const n = intArg(v);
      if (n < 0n) throw pyErr("ValueError", "factorial() not defined for negative values");
      if (n > 20000n) throw pyErr("MemoryError", "factorial too large for Gradlens");
      let r = 1n;
      for (let i = 2n; i <= n; i++) r *= i;
      return r;
    }),
    fn("isqrt", (a) => {
      const n = intArg(nargs("isqrt", a, 1)[0]);
      if (n < 0n) throw pyErr("ValueError", "isqrt() argument must be nonnegative");
      return isqrt(n);
    }),
    fn("comb", (a) => combPerm("comb", a)),
    fn("perm", (a) => combPerm("perm", a)),
    fn("gcd", (a) => a.args.map(intArg).reduce(gcd2, 0n)),
    fn("lcm", (a) =>
      a.args.map(intArg).reduce((acc, n) => {
        if (acc === 0n || n === 0n) return 0n;
        const l = (acc / gcd2(acc, n)) * n;
        return l < 0n ? -l : l;
      }, 1n),
    ),
    fn("prod", (a) => {
      if (a.args.length !== 1) throw pyErr("TypeError", `prod() takes exactly 1 positional argument (${a.args.length} given)`);
      let acc: PyValue = a.kwargs.has("start") ? a.kwargs.get("start")! : 1n;
      for (const v of iterate(a.args[0])) acc = binaryOp("*", acc, v);
      return acc;
    }),
    fn("sumprod", (a) => {
      const [p, q] = nargs("sumprod", a, 2).map((v) => [...iterate(v)]);
      if (p.length !== q.length) throw pyErr("ValueError", "Inputs are not the same length");
      let acc: PyValue = 0n;
      for (let i = 0; i < p.length; i++) acc = binaryOp("+", acc, binaryOp("*", p[i], q[i]));
      return acc;
    }),
    fn("fsum", (a) => fsum([...iterate(nargs("fsum", a, 1)[0])].map(realArg))),
    fn("hypot", (a) => vectorNorm(a.args.map(realArg))),
    fn("dist", (a) => {
      const [p, q] = nargs("dist", a, 2).map(points);
      if (p.length !== q.length) throw pyErr("ValueError", "both points must have the same number of dimensions");
      return vectorNorm(p.map((x, i) => x - q[i]));
    }),
    fn("frexp", (a) => {
      const x = realArg(nargs("frexp", a, 1)[0]);
      const [m, e] = frexp(x);
      return tupleOf([m, BigInt(e)]);
    }),
    fn("ldexp", (a) => {
      const [xv, ev] = nargs("ldexp", a, 2);
      const x = realArg(xv);
      if (!isInt(ev)) throw pyErr("TypeError", "Expected an int as second argument to ldexp.");
      const e = toBig(ev);
      const r = ldexp(x, Number(e > 5000n ? 5000n : e < -5000n ? -5000n : e));
      if (!Number.isFinite(r) && Number.isFinite(x)) throw pyErr("OverflowError", "math range error");
      return r;
    }),
    fn("modf", (a) => {
      const x = realArg(nargs("modf", a, 1)[0]);
      if (!Number.isFinite(x)) return tupleOf([Number.isNaN(x) ? x : Math.sign(x) * 0, x]);
      const i = Math.trunc(x);
      return tupleOf([x - i === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : x - i, i]);
    }),
    fn("ulp", (a) => ulp(realArg(nargs("ulp", a, 1)[0]))),
    fn("fma", (a) => {
      const [x, y, z] = nargs("fma", a, 3).map(realArg);
      return fmaChecked(x, y, z);
    }),
  ];
  return new PyModule("math", new Map<string, PyValue>(entries));
}

const tupleOf = (items: PyValue[]): PyTuple => new PyTuple(items);

function fmaChecked(x: number, y: number, z: number): number {
  const r = fma(x, y, z);
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z)) throw pyErr("ValueError", "invalid operation in fma");
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) throw pyErr("OverflowError", "overflow in fma");
  return r;
}

function negativeNaN(x: number): boolean {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return (v.getUint8(0) & 0x80) !== 0;
}
