// Tensor methods (and torch.X functions) that index with tensors: index_put(_), index_add(_),
// index_fill(_), masked_scatter(_), masked_select, take, put(_), with PyTorch's argument names.
import * as T from "../../index.ts";
import type { Tensor } from "../../tensor.ts";
import { nameTable, type CallArgs, PyList, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { isTensor, toInteger, toScalar } from "./convert.ts";
import { bindSignature } from "./signature.ts";

type Method = (x: Tensor, a: CallArgs) => PyValue;

/** indices=(t0, t1): a tuple or list of tensors (argument 0 of index_put_) */
function indexList(v: PyValue, fname: string): Tensor[] {
  if (!(v instanceof PyTuple || v instanceof PyList))
    throw pyErr("TypeError", `${fname}(): argument 'indices' (position 1) must be tuple of Tensors, not ${typeName(v)}`);
  return v.items.map((t, i) => {
    if (isTensor(t)) return t;
    throw pyErr("TypeError", `expected Tensor as element ${i} in argument 0, but got ${typeName(t)}`);
  });
}

const num = (v: PyValue): T.Scalar => toScalar(v, "value");
const int = (v: PyValue): number => toInteger(v, "dim");

function indexPutMethod(fname: "index_put" | "index_put_"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [
      { name: "indices", type: "object" },
      { name: "values", type: "Tensor" },
      { name: "accumulate", type: "bool", default: false },
    ]);
    const indices = indexList(b.indices, fname);
    const values = b.values as Tensor;
    const acc = b.accumulate as boolean;
    return fname === "index_put_" ? T.indexPut_(x, indices, values, acc) : T.indexPut(x, indices, values, acc);
  };
}

function indexAddMethod(fname: "index_add" | "index_add_"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [
      { name: "dim", type: "int" },
      { name: "index", type: "Tensor" },
      { name: "source", type: "Tensor" },
      { name: "alpha", type: "Number", default: 1n, kwOnly: true },
    ]);
    const dim = int(b.dim);
    const index = b.index as Tensor;
    const source = b.source as Tensor;
    const alpha = num(b.alpha);
    return fname === "index_add_" ? T.indexAdd_(x, dim, index, source, alpha) : T.indexAdd(x, dim, index, source, alpha);
  };
}

function indexFillMethod(fname: "index_fill" | "index_fill_"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [
      { name: "dim", type: "int" },
      { name: "index", type: "Tensor" },
      { name: "value", type: isTensor(a.args[2] ?? a.kwargs.get("value") ?? null) ? "Tensor" : "Number" },
    ]);
    const dim = int(b.dim);
    const index = b.index as Tensor;
    const value = isTensor(b.value) ? b.value : num(b.value);
    return fname === "index_fill_" ? T.indexFill_(x, dim, index, value) : T.indexFill(x, dim, index, value);
  };
}

function maskedScatterMethod(fname: "masked_scatter" | "masked_scatter_"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [
      { name: "mask", type: "Tensor" },
      { name: "source", type: "Tensor" },
    ]);
    const mask = b.mask as Tensor;
    const source = b.source as Tensor;
    return fname === "masked_scatter_" ? T.maskedScatter_(x, mask, source) : T.maskedScatter(x, mask, source);
  };
}

function putMethod(fname: "put" | "put_"): Method {
  return (x, a) => {
    const b = bindSignature(fname, a, [
      { name: "index", type: "Tensor" },
      { name: "source", type: "Tensor" },
      { name: "accumulate", type: "bool", default: false },
    ]);
    const [index, source, acc] = [b.index as Tensor, b.source as Tensor, b.accumulate as boolean];
    return fname === "put_" ? T.put_(x, index, source, acc) : T.put(x, index, source, acc);
  };
}

export const indexMethods: Record<string, Method> = nameTable({
  index_put: indexPutMethod("index_put"),
  index_put_: indexPutMethod("index_put_"),
  index_add: indexAddMethod("index_add"),
  index_add_: indexAddMethod("index_add_"),
  index_fill: indexFillMethod("index_fill"),
  index_fill_: indexFillMethod("index_fill_"),
  masked_scatter: maskedScatterMethod("masked_scatter"),
  masked_scatter_: maskedScatterMethod("masked_scatter_"),
  put: putMethod("put"),
  put_: putMethod("put_"),
  masked_select: (x, a) => T.maskedSelect(x, bindSignature("masked_select", a, [{ name: "mask", type: "Tensor" }]).mask as Tensor),
  take: (x, a) => T.take(x, bindSignature("take", a, [{ name: "index", type: "Tensor" }]).index as Tensor),
});

/** torch.X(input, ...) names that forward to the methods above */
export const INDEX_FUNCTIONS = ["index_put", "index_put_", "index_add", "index_fill", "masked_scatter", "masked_select", "take", "put"];
