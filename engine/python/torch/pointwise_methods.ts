// Pointwise tensor methods: exp, sin, relu... with no arguments, their in-place variants
// (x.sin_() is SinBackward0 written into x), NumPy-style aliases (arcsin, fix, negative),
// clamp_min/clamp_max/clip, and pow_.
import * as T from "../../index.ts";
import type { Tensor } from "../../tensor.ts";
import { nameTable, type CallArgs, type PyValue, pyErr } from "../values.ts";
import { isScalar, isTensor, toScalar } from "./convert.ts";
import { invalidArguments } from "./invalid_arguments.ts";

type Method = (x: Tensor, a: CallArgs) => PyValue;

export const UNARY_NAMES = [
  "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "abs", "neg", "square", "reciprocal", "sgn", "sign",
  "tan", "asin", "acos", "atan", "sinh", "cosh", "log2", "log10", "log1p", "expm1", "exp2", "rsqrt",
  "floor", "ceil", "round", "trunc", "frac", "isnan", "isinf", "erf",
] as const;
type UnaryName = (typeof UNARY_NAMES)[number];

/** NumPy's names PyTorch keeps as aliases */
const ALIASES: Record<string, UnaryName> = nameTable({
  arcsin: "asin", arccos: "acos", arctan: "atan", fix: "trunc", negative: "neg", absolute: "abs",
});

/** a method of no arguments, refusing them as CPython's METH_NOARGS does */
function noArgs(name: string, fn: (x: Tensor) => PyValue): Method {
  return (x, a) => {
    if (a.args.length > 0) throw pyErr("TypeError", `TensorBase.${name}() takes no arguments (${a.args.length} given)`);
    if (a.kwargs.size > 0) throw pyErr("TypeError", `TensorBase.${name}() takes no keyword arguments`);
    return fn(x);
  };
}

const unary = (n: UnaryName) => T[n] as (t: Tensor) => Tensor;

/** clamp_min(min) / clamp_max(max) and their in-place forms: one Number bound */
function oneBound(name: string, bound: "min" | "max", inplace: boolean): Method {
  return (x, a) => {
    const v = a.args[0] ?? a.kwargs.get(bound);
    if (v === undefined || a.args.length + a.kwargs.size !== 1 || !(isTensor(v) || isScalar(v)))
      throw invalidArguments(name, a, [`(Tensor ${bound})`, `(Number ${bound})`]);
    const s = toScalar(v, `${name}(): argument '${bound}'`);
    const op = (t: Tensor) => (bound === "min" ? T.clampMin(t, s) : T.clampMax(t, s));
    return inplace ? T.inplaceOf(x, name, op) : op(x);
  };
}

/** the one `other` operand of remainder(_): a tensor or a Number */
function operand(name: string, a: CallArgs): Tensor | T.Scalar {
  const v = a.args[0] ?? a.kwargs.get("other");
  if (v === undefined || a.args.length + a.kwargs.size !== 1 || !(isTensor(v) || isScalar(v)))
    throw invalidArguments(name, a, ["(Tensor other)", "(Number other)"]);
  return isTensor(v) ? v : toScalar(v, `${name}(): argument 'other'`);
}

export const pointwiseMethods: Record<string, Method> = nameTable({
  clamp_min: oneBound("clamp_min", "min", false),
  clamp_max: oneBound("clamp_max", "max", false),
  clamp_min_: oneBound("clamp_min_", "min", true),
  clamp_max_: oneBound("clamp_max_", "max", true),
  remainder: (x, a) => T.remainder(x, operand("remainder", a)),
  remainder_: (x, a) => {
    const o = operand("remainder_", a);
    return T.inplaceOf(x, "remainder_", (t) => T.remainder(t, o), isTensor(o) ? [o] : []);
  },
  pow_: (x, a) => {
    const e = a.args[0] ?? a.kwargs.get("exponent");
    if (e === undefined || a.args.length + a.kwargs.size !== 1 || !(isTensor(e) || isScalar(e)))
      throw invalidArguments("pow_", a, ["(Tensor exponent)", "(Number exponent)"]);
    if (isTensor(e)) return T.inplaceOf(x, "pow_", (t) => T.pow(t, e), [e]);
    const s = toScalar(e, "pow_(): argument 'exponent'");
    return T.inplaceOf(x, "pow_", (t) => T.pow(t, s));
  },
});
for (const n of UNARY_NAMES) {
  pointwiseMethods[n] = noArgs(n, unary(n));
  if (n !== "isnan" && n !== "isinf") pointwiseMethods[`${n}_`] = noArgs(`${n}_`, (x) => T.inplaceOf(x, `${n}_`, unary(n)));
}
for (const [alias, n] of Object.entries(ALIASES)) {
  pointwiseMethods[alias] = noArgs(alias, unary(n));
  pointwiseMethods[`${alias}_`] = noArgs(`${alias}_`, (x) => T.inplaceOf(x, `${n}_`, unary(n)));
}

/** torch.X(input) for the in-place names PyTorch also has as functions (torch.relu_, torch.exp_...) */
export const INPLACE_FUNCTIONS = [
  ...UNARY_NAMES.filter((n) => n !== "isnan" && n !== "isinf" && n !== "sign" && n !== "square" && n !== "sgn").map((n) => `${n}_`),
  "clamp_min", "clamp_max", "clamp_min_", "clamp_max_", "square_", "arcsin", "arccos", "arctan", "fix", "absolute", "negative",
  "arcsin_", "arccos_", "arctan_", "fix_", "absolute_", "negative_", "remainder",
];
