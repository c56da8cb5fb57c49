// Reductions as tensor methods (and torch.X functions), bound by name as PyTorch binds them:
// x.sum(dim=1, keepdim=True), x.sum(1, keepdims=True), x.mean(axis=0), x.argmax(dim=1),
// x.max(1, True).values, x.max(other), x.softmax(dim=-1)... (var, std, prod, norm: stat_methods.ts)
import * as T from "../../index.ts";
import type { Tensor } from "../../tensor.ts";
import { nameTable, type CallArgs, type PyValue, pyErr } from "../values.ts";
import { isTensor, toDims, toDType, toInteger } from "./convert.ts";
import { returnTypes } from "./return_types.ts";
import { bindSignature, type Param } from "./signature.ts";

type Method = (x: Tensor, a: CallArgs) => PyValue;

const DIM: Param = { name: "dim", type: "int or tuple of ints", default: null };
const KEEPDIM: Param = { name: "keepdim", type: "bool", default: false };
const DTYPE: Param = { name: "dtype", type: "torch.dtype", default: null, kwOnly: true };

const dimsOf = (v: PyValue): number | number[] | null => toDims(v);
const castTo = (x: Tensor, v: PyValue): Tensor => {
  const d = toDType(v);
  return d && d !== x.dtype ? T.castTo(x, d) : x;
};

function sumLike(fname: "sum" | "mean"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [DIM, KEEPDIM, DTYPE]);
    const input = castTo(x, b.dtype);
    return fname === "sum" ? T.sum(input, dimsOf(b.dim), b.keepdim as boolean) : T.mean(input, dimsOf(b.dim), b.keepdim as boolean);
  };
}

/** max()/min(): the whole tensor, (values, indices) along a dim, or elementwise with another tensor */
function extremum(which: "max" | "min"): Method {
  return (x, a) => {
    const other = a.args[0] ?? a.kwargs.get("other");
    if (isTensor(other)) {
      bindSignature(which, a, [{ name: "other", type: "Tensor" }]);
      return which === "max" ? T.maximum(x, other) : T.minimum(x, other);
    }
    const b = bindSignature(which, a, [{ name: "dim", type: "int", default: null }, KEEPDIM]);
    if (b.dim === null) {
      if (a.kwargs.has("keepdim") || a.kwargs.has("keepdims")) throw pyErr("TypeError", `${which}() received an invalid combination of arguments - keepdim needs dim`);
      return T[which](x) as unknown as PyValue;
    }
    const r = T[which](x, toInteger(b.dim, "dim"), b.keepdim as boolean) as unknown;
    if (Array.isArray(r)) return returnTypes(which, r[0], r[1]);
    return r as PyValue;
  };
}

function argExtremum(which: "argmax" | "argmin"): Method {
  return (x, a) => {
    const b = bindSignature(which, a, [{ name: "dim", type: "int", default: null }, KEEPDIM]);
    return T[which](x, b.dim === null ? null : toInteger(b.dim, "dim"), b.keepdim as boolean);
  };
}

function softmaxLike(fname: "softmax" | "log_softmax"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [{ name: "dim", type: "int" }, { name: "dtype", type: "torch.dtype", default: null }]);
    const input = castTo(x, b.dtype);
    return fname === "softmax" ? T.softmax(input, toInteger(b.dim, "dim")) : T.logSoftmax(input, toInteger(b.dim, "dim"));
  };
}

function notYet(what: string): never {
  throw pyErr("NotImplementedError", `${what} is not in Gradlens yet`);
}

/** isclose / allclose(other, rtol=1e-05, atol=1e-08, equal_nan=False) */
function closeness(fname: "isclose" | "allclose"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [
      { name: "other", type: "Tensor" },
      { name: "rtol", type: "float", default: 1e-5 },
      { name: "atol", type: "float", default: 1e-8 },
      { name: "equal_nan", type: "bool", default: false },
    ]);
    const args = [b.other as Tensor, Number(b.rtol), Number(b.atol), b.equal_nan as boolean] as const;
    return fname === "isclose" ? T.isclose(x, ...args) : T.allclose(x, ...args);
  };
}

export const reduceMethods: Record<string, Method> = nameTable({
  isclose: closeness("isclose"),
  allclose: closeness("allclose"),
  equal: (x, a) => T.equal(x, bindSignature("equal", a, [{ name: "other", type: "Tensor" }]).other as Tensor),
  sum: sumLike("sum"),
  mean: sumLike("mean"),
  max: extremum("max"),
  min: extremum("min"),
  argmax: argExtremum("argmax"),
  argmin: argExtremum("argmin"),
  softmax: softmaxLike("softmax"),
  log_softmax: softmaxLike("log_softmax"),
  logsumexp: (x, a) => {
    const b = bindSignature("logsumexp", a, [{ name: "dim", type: "int or tuple of ints" }, KEEPDIM]);
    return T.logsumexp(x, dimsOf(b.dim) ?? [], b.keepdim as boolean);
  },
  cumsum: (x, a) => {
    const b = bindSignature("cumsum", a, [{ name: "dim", type: "int" }, DTYPE]);
    return T.cumsum(castTo(x, b.dtype), toInteger(b.dim, "dim"));
  },
  any: (x, a) => {
    const b = bindSignature("any", a, [{ name: "dim", type: "int", default: null }, KEEPDIM]);
    if (b.dim !== null) notYet("Tensor.any(dim)");
    return T.any(x);
  },
  all: (x, a) => {
    const b = bindSignature("all", a, [{ name: "dim", type: "int", default: null }, KEEPDIM]);
    if (b.dim !== null) notYet("Tensor.all(dim)");
    return T.all(x);
  },
});
