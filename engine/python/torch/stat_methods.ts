// Tensor.prod / var / std / norm (and torch.X through forwarding) with PyTorch's signatures:
// prod(dim, keepdim, *, dtype), var/std(dim, unbiased, keepdim, *, correction), norm(p, dim,
// keepdim). A call no overload takes gets the parser's "invalid combination" TypeError.
import * as T from "../../index.ts";
import type { Tensor } from "../../tensor.ts";
import { truthy } from "../ops.ts";
import { nameTable, type CallArgs, PyList, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { toDType } from "./convert.ts";
import { invalidArguments } from "./invalid_arguments.ts";
import { PyDType } from "./dtypes.ts";

type Method = (x: Tensor, a: CallArgs) => PyValue;

const isInt = (v: PyValue | undefined): v is bigint => typeof v === "bigint";
const isDims = (v: PyValue | undefined) => (v instanceof PyTuple || v instanceof PyList) && v.items.every((d) => typeof d === "bigint");

function invalid(fname: string, a: CallArgs, signatures: string[]): never {
  throw invalidArguments(fname, a, signatures);
}

/** positional then keyword values by name; undefined where not given */
function byName(a: CallArgs, names: string[]): Map<string, PyValue> | null {
  if (a.args.length > names.length) return null;
  const out = new Map<string, PyValue>();
  a.args.forEach((v, i) => out.set(names[i], v));
  for (const [k, v] of a.kwargs) {
    if (!names.includes(k) || out.has(k)) return null;
    out.set(k, v);
  }
  return out;
}

const dimsOf = (v: PyValue | undefined): number | number[] | null =>
  v === undefined || v === null ? null : isInt(v) ? Number(v) : (v as PyTuple).items.map((d) => Number(d));

const PROD_SIGNATURES = [
  "(*, torch.dtype dtype = None)",
  "(int dim, bool keepdim = False, *, torch.dtype dtype = None)",
  "(name dim, bool keepdim = False, *, torch.dtype dtype = None)",
];

const prod: Method = (x, a) => {
  const b = byName(a, ["dim", "keepdim", "dtype"]);
  const ok =
    b !== null &&
    a.args.length <= 2 &&
    (!b.has("dim") || isInt(b.get("dim"))) &&
    (!b.has("keepdim") || (b.has("dim") && typeof b.get("keepdim") === "boolean")) &&
    (!b.has("dtype") || b.get("dtype") === null || b.get("dtype") instanceof PyDType);
  if (!ok) invalid("prod", a, PROD_SIGNATURES);
  const dtype = toDType(b.get("dtype"));
  return T.prod(x, b.has("dim") ? Number(b.get("dim")) : null, b.get("keepdim") === true, dtype);
};

const VAR_SIGNATURES = [
  "(tuple of ints dim, bool unbiased = True, bool keepdim = False)",
  "(tuple of ints dim = None, *, Number correction = None, bool keepdim = False)",
  "(bool unbiased = True)",
  "(tuple of names dim, bool unbiased = True, bool keepdim = False)",
  "(tuple of names dim, *, Number correction = None, bool keepdim = False)",
];

/** torch.var / torch.std / torch.prod: the same overloads with input first and out= */
const VAR_FUNCTION = [
  "(Tensor input, tuple of ints dim, bool unbiased = True, bool keepdim = False, *, Tensor out = None)",
  "(Tensor input, tuple of ints dim = None, *, Number correction = None, bool keepdim = False, Tensor out = None)",
  "(Tensor input, bool unbiased = True)",
  "(Tensor input, tuple of names dim, bool unbiased = True, bool keepdim = False, *, Tensor out = None)",
  "(Tensor input, tuple of names dim, *, Number correction = None, bool keepdim = False, Tensor out = None)",
];
export const statFunctionSignatures: Record<string, string[]> = {
  var: VAR_FUNCTION,
  std: VAR_FUNCTION,
  prod: [
    "(Tensor input, *, torch.dtype dtype = None)",
    "(Tensor input, int dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = None)",
    "(Tensor input, name dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = None)",
  ],
};

/** a str dim names a dimension; PyTorch's tensors here have no names */
function namedDim(x: Tensor, dim: PyValue | undefined): void {
  const name = typeof dim === "string" ? dim : (dim instanceof PyTuple || dim instanceof PyList) ? dim.items.find((d) => typeof d === "string") : undefined;
  if (typeof name === "string") throw pyErr("RuntimeError", `Name '${name}' not found in Tensor[${x.shape.map(() => "None").join(", ")}].`);
}

function varianceMethod(fname: "var" | "std"): Method {
  return (x, a) => {
    // (bool unbiased): x.std(False)
    const onlyUnbiased = a.args.length === 1 && a.kwargs.size === 0 && typeof a.args[0] === "boolean";
    const b = onlyUnbiased ? new Map<string, PyValue>([["unbiased", a.args[0]]]) : byName(a, ["dim", "unbiased", "keepdim", "correction"]);
    const dim = b?.get("dim");
    const correction = b?.get("correction");
    namedDim(x, dim);
    const ok =
      b !== null &&
      a.args.length <= 3 &&
      (dim === undefined || dim === null || isInt(dim) || isDims(dim)) &&
      (!b.has("unbiased") || typeof b.get("unbiased") === "boolean") &&
      (!b.has("keepdim") || typeof b.get("keepdim") === "boolean") &&
      !(b.has("unbiased") && b.has("correction")) &&
      (correction === undefined || correction === null || typeof correction === "bigint" || typeof correction === "number");
    if (!ok) invalid(fname, a, VAR_SIGNATURES);
    const corr = correction !== undefined && correction !== null ? Number(correction) : b.get("unbiased") === false ? 0 : 1;
    const opts = { dim: dimsOf(dim), correction: corr, keepdim: b.get("keepdim") === true };
    return fname === "var" ? T.variance(x, opts) : T.std(x, opts);
  };
}

/** torch.norm / Tensor.norm (torch/functional.py): every number p is linalg.vector_norm */
const norm: Method = (x, a) => {
  const b = byName(a, ["p", "dim", "keepdim", "dtype"]);
  if (b === null) {
    if (a.args.length > 4) throw pyErr("TypeError", `norm() takes from 1 to 5 positional arguments but ${a.args.length + 1} were given`);
    const unknown = [...a.kwargs.keys()].find((k) => !["p", "dim", "keepdim", "dtype"].includes(k));
    throw pyErr("TypeError", unknown ? `norm() got an unexpected keyword argument '${unknown}'` : "norm() got multiple values for argument");
  }
  const p = b.get("p");
  if (b.get("dtype") !== undefined && b.get("dtype") !== null)
    throw pyErr("NotImplementedError", "norm(dtype=...) is not in Gradlens yet");
  let order = 2;
  if (typeof p === "string") {
    if (p !== "fro") throw pyErr("NotImplementedError", `norm(p='${p}') (a matrix norm) is not in Gradlens yet`);
  } else if (p !== undefined && p !== null) {
    if (typeof p !== "number" && typeof p !== "bigint") throw pyErr("TypeError", `linalg_vector_norm(): argument 'ord' must be Number, not ${typeName(p)}`);
    order = Number(p);
  }
  const dim = b.get("dim");
  if (dim !== undefined && dim !== null && !isInt(dim) && !isDims(dim))
    throw pyErr("TypeError", `linalg_vector_norm(): argument 'dim' must be tuple of ints, not ${typeName(dim)}`);
  return T.vectorNorm(x, { p: order, dim: dimsOf(dim), keepdim: truthy(b.get("keepdim") ?? false) });
};

export const statMethods: Record<string, Method> = nameTable({ prod, var: varianceMethod("var"), std: varianceMethod("std"), norm });
