// The `math` module: the handful of functions students reach for next to torch.
import { toFloat, toInt } from "./builtins.ts";
import { isInt, iterate, toBig, binaryOp } from "./ops.ts";
import { type CallArgs, PyBuiltin, PyModule, type PyValue, pyErr } from "./values.ts";

function domain(x: number): number {
  if (Number.isNaN(x)) throw pyErr("ValueError", "math domain error");
  return x;
}

function f1(name: string, fn: (x: number) => number, checkDomain = true): [string, PyBuiltin] {
  return [
    name,
    new PyBuiltin(name, (a: CallArgs) => {
      if (a.args.length !== 1) throw pyErr("TypeError", `math.${name}() takes exactly one argument (${a.args.length} given)`);
      const x = toFloat(a.args[0]);
      const r = fn(x);
      if (checkDomain && Number.isNaN(r) && !Number.isNaN(x)) throw pyErr("ValueError", "math domain error");
      if (!Number.isFinite(r) && Number.isFinite(x) && !Number.isNaN(r)) throw pyErr("OverflowError", "math range error");
      return r;
    }),
  ];
}

export function mathModule(): PyModule {
  const attrs = new Map<string, PyValue>([
    ["pi", Math.PI],
    ["e", Math.E],
    ["tau", 2 * Math.PI],
    ["inf", Infinity],
    ["nan", NaN],
    f1("sqrt", Math.sqrt),
    f1("exp", Math.exp),
    f1("sin", Math.sin),
    f1("cos", Math.cos),
    f1("tan", Math.tan),
    f1("asin", Math.asin),
    f1("acos", Math.acos),
    f1("atan", Math.atan),
    f1("sinh", Math.sinh),
    f1("cosh", Math.cosh),
    f1("tanh", Math.tanh),
    f1("fabs", Math.abs),
    f1("log2", (x) => (x <= 0 ? NaN : Math.log2(x))),
    f1("log10", (x) => (x <= 0 ? NaN : Math.log10(x))),
    f1("log1p", (x) => (x <= -1 ? NaN : Math.log1p(x))),
    f1("expm1", Math.expm1),
    f1("degrees", (x) => (x * 180) / Math.PI),
    f1("radians", (x) => (x * Math.PI) / 180),
    f1("erf", erf),
    [
      "log",
      new PyBuiltin("log", (a) => {
        const x = toFloat(a.args[0]);
        if (x <= 0) throw pyErr("ValueError", "math domain error");
        if (a.args.length > 1) {
          const b = toFloat(a.args[1]);
          if (b <= 0) throw pyErr("ValueError", "math domain error");
          if (b === 1) throw pyErr("ZeroDivisionError", "float division by zero");
          return Math.log(x) / Math.log(b);
        }
        return Math.log(x);
      }),
    ],
    ["floor", new PyBuiltin("floor", (a) => (isInt(a.args[0]) ? toBig(a.args[0]) : toInt(Math.floor(toFloat(a.args[0])))))],
    ["ceil", new PyBuiltin("ceil", (a) => (isInt(a.args[0]) ? toBig(a.args[0]) : toInt(Math.ceil(toFloat(a.args[0])))))],
    ["trunc", new PyBuiltin("trunc", (a) => toInt(a.args[0]))],
    ["pow", new PyBuiltin("pow", (a) => domain(toFloat(a.args[0]) ** toFloat(a.args[1])))],
    ["atan2", new PyBuiltin("atan2", (a) => Math.atan2(toFloat(a.args[0]), toFloat(a.args[1])))],
    ["hypot", new PyBuiltin("hypot", (a) => Math.hypot(...a.args.map(toFloat)))],
    ["isnan", new PyBuiltin("isnan", (a) => Number.isNaN(toFloat(a.args[0])))],
    ["isinf", new PyBuiltin("isinf", (a) => Math.abs(toFloat(a.args[0])) === Infinity)],
    ["isfinite", new PyBuiltin("isfinite", (a) => Number.isFinite(toFloat(a.args[0])))],
    [
      "isclose",
      new PyBuiltin("isclose", (a) => {
        const x = toFloat(a.args[0]);
        const y = toFloat(a.args[1]);
        const rel = a.kwargs.has("rel_tol") ? toFloat(a.kwargs.get("rel_tol")!) : 1e-9;
        const abs = a.kwargs.has("abs_tol") ? toFloat(a.kwargs.get("abs_tol")!) : 0;
        if (x === y) return true;
        return Math.abs(x - y) <= Math.max(rel * Math.max(Math.abs(x), Math.abs(y)), abs);
      }),
    ],
    [
      "factorial",
      new PyBuiltin("factorial", (a) => {
        const n = toInt(a.args[0]);
        if (n < 0n) throw pyErr("ValueError", "factorial() not defined for negative values");
        if (n > 5000n) throw pyErr("MemoryError", "factorial too large for Gradlens");
        let r = 1n;
        for (let i = 2n; i <= n; i++) r *= i;
        return r;
      }),
    ],
    [
      "prod",
      new PyBuiltin("prod", (a) => {
        let acc: PyValue = 1n;
        for (const v of iterate(a.args[0])) acc = binaryOp("*", acc, v);
        return acc;
      }),
    ],
    [
      "fsum",
      new PyBuiltin("fsum", (a) => {
        let s = 0;
        for (const v of iterate(a.args[0])) s += toFloat(v);
        return s;
      }),
    ],
    [
      "gcd",
      new PyBuiltin("gcd", (a) => {
        let [x, y] = a.args.map((v) => toInt(v));
        x = x < 0n ? -x : x;
        y = y < 0n ? -y : y;
        while (y) [x, y] = [y, x % y];
        return x;
      }),
    ],
  ]);
  return new PyModule("math", attrs);
}

/** Abramowitz-Stegun 7.1.26 refined by a series near zero; close to libm for teaching use. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a < 2) {
    let sum = a;
    let term = a;
    for (let n = 1; n < 60; n++) {
      term *= (-a * a) / n;
      sum += term / (2 * n + 1);
    }
    return (sign * 2 * sum) / Math.sqrt(Math.PI);
  }
  const t = 1 / (1 + 0.5 * a);
  const tau =
    t *
    Math.exp(
      -a * a -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return sign * (1 - tau);
}
