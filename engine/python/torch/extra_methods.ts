// Tensor methods (and, through torch.X forwarding, torch functions) for indexing and
// reordering (gather, scatter, index_select, masked_fill, split/chunk, flip, sort/topk/argsort,
// nonzero), matrix parts (tril/triu, diag, diagonal, trace) and addmm, erf, lerp, cumprod.
import * as T from "../../index.ts";
import type { Tensor } from "../../tensor.ts";
import { MISSING, type ParamSpec, bindArgs } from "../args.ts";
import { truthy } from "../ops.ts";
import { nameTable, type CallArgs, PyList, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { isTensor, toInteger, toScalar, toShape, toTensorArg } from "./convert.ts";
import { returnTypes } from "./return_types.ts";

type Bound = Record<string, PyValue | typeof MISSING>;
type Method = (x: Tensor, a: CallArgs) => PyValue;

/** methods with one signature: PyTorch's parser reports a missing argument as
 *  `topk() missing 1 required positional arguments: "k"` */
const ONE_SIGNATURE = new Set(["topk", "chunk", "flip"]);

function parse(fname: string, a: CallArgs, spec: ParamSpec[]): Bound {
  const required = spec.filter((s) => s.default === undefined && !s.kwOnly);
  const given = a.args.length + required.filter((s) => a.kwargs.has(s.name)).length;
  if (ONE_SIGNATURE.has(fname) && given < required.length && a.args.length <= required.length) {
    const missing = required.slice(a.args.length).filter((s) => !a.kwargs.has(s.name));
    if (missing.length > 0)
      throw pyErr("TypeError", `${fname}() missing ${missing.length} required positional arguments: ${missing.map((m) => `"${m.name}"`).join(", ")}`);
  }
  if (fname === "split" && a.args.length === 0 && !a.kwargs.has("split_size"))
    throw pyErr("TypeError", "Tensor.split() missing 1 required positional argument: 'split_size'");
  const { values } = bindArgs(fname, a, spec);
  const out: Bound = nameTable();
  spec.forEach((s, i) => (out[s.name] = values[i]));
  return out;
}
/** an int argument, with PyTorch's "f(): argument 'dim' (position 1) must be int, not float" */
const int = (v: PyValue | typeof MISSING, fname: string, name: string, pos: number): number =>
  toInteger(v as PyValue, `${fname}(): argument '${name}' (position ${pos})`);
const flag = (v: PyValue | typeof MISSING): boolean => truthy(v as PyValue);
const tensorArg = (v: PyValue | typeof MISSING, fname: string, name: string, pos: number): Tensor =>
  toTensorArg(v as PyValue, fname, name, pos);

/** masked_fill's value: a Python number, or a 0-d tensor (which can carry grad) */
function maskValue(v: PyValue | typeof MISSING, fname: string): number | Tensor {
  if (isTensor(v)) return v;
  return Number(toScalar(v as PyValue, `${fname}(): argument 'value'`));
}

const tuple = (ts: Tensor[]): PyValue => new PyTuple(ts);

function scatterMethod(fname: string): Method {
  return (x, a) => {
    const b = parse(fname, a, [{ name: "dim" }, { name: "index" }, { name: "src", default: null }, { name: "value", default: null }, { name: "reduce", default: null, kwOnly: true }]);
    if (b.reduce !== null) throw pyErr("NotImplementedError", `${fname}(reduce=...) is not in Gradlens yet`);
    const dim = int(b.dim, fname, "dim", 1);
    const index = tensorArg(b.index, fname, "index", 2);
    const src = b.src !== null ? b.src : b.value;
    if (src === null)
      throw pyErr("TypeError", `${fname}() received an invalid combination of arguments - got (int, Tensor), but expected (int dim, Tensor index, Tensor src) or (int dim, Tensor index, Number value)`);
    if (fname === "scatter_add") return T.scatterAdd(x, dim, index, tensorArg(src, fname, "src", 3));
    if (fname === "scatter_add_") {
      const s = tensorArg(src, fname, "src", 3);
      return T.inplaceOf(x, fname, (t) => T.scatterAdd(t, dim, index, s), [s]);
    }
    if (fname === "scatter_") return T.scatter_(x, dim, index, isTensor(src) ? src : Number(toScalar(src as PyValue, `${fname}(): argument 'value'`)));
    if (isTensor(src)) return T.scatter(x, dim, index, src);
    return T.scatterValue(x, dim, index, Number(toScalar(src as PyValue, `${fname}(): argument 'value'`)));
  };
}

function lerpMethod(fname: "lerp" | "lerp_"): Method {
  return (x, a) => {
    const b = parse(fname, a, [{ name: "end" }, { name: "weight" }]);
    const w = b.weight as PyValue;
    const end = tensorArg(b.end, fname, "end", 1);
    const weight = isTensor(w) ? w : Number(toScalar(w, `${fname}(): argument 'weight'`));
    const op = (t: Tensor) => T.lerp(t, end, weight);
    return fname === "lerp_" ? T.inplaceOf(x, "lerp_", op, isTensor(weight) ? [end, weight] : [end]) : op(x);
  };
}

function addcMethod(fname: "addcmul" | "addcmul_" | "addcdiv" | "addcdiv_"): Method {
  const base = fname.replace("_", "") as "addcmul" | "addcdiv";
  return (x, a) => {
    const b = parse(fname, a, [{ name: "tensor1" }, { name: "tensor2" }, { name: "value", default: 1n, kwOnly: true }]);
    const t1 = tensorArg(b.tensor1, fname, "tensor1", 1);
    const t2 = tensorArg(b.tensor2, fname, "tensor2", 2);
    const value = Number(toScalar(b.value as PyValue, `${fname}(): argument 'value'`));
    const op = (t: Tensor) => (base === "addcmul" ? T.addcmul(t, t1, t2, value) : T.addcdiv(t, t1, t2, value));
    return fname.endsWith("_") ? T.inplaceOf(x, fname, op, [t1, t2]) : op(x);
  };
}

function sortMethod(x: Tensor, a: CallArgs): PyValue {
  const b = parse("sort", a, [{ name: "dim", default: -1n }, { name: "descending", default: false }, { name: "stable", default: false, kwOnly: true }]);
  const [values, indices] = T.sort(x, int(b.dim, "sort", "dim", 1), flag(b.descending), flag(b.stable));
  return returnTypes("sort", values, indices);
}

export const extraMethods: Record<string, Method> = nameTable({
  masked_fill: (x, a) => {
    const b = parse("masked_fill", a, [{ name: "mask" }, { name: "value" }]);
    return T.maskedFill(x, tensorArg(b.mask, "masked_fill", "mask", 1), maskValue(b.value, "masked_fill"));
  },
  masked_fill_: (x, a) => {
    const b = parse("masked_fill_", a, [{ name: "mask" }, { name: "value" }]);
    return T.maskedFill_(x, tensorArg(b.mask, "masked_fill_", "mask", 1), maskValue(b.value, "masked_fill_"));
  },
  gather: (x, a) => {
    const b = parse("gather", a, [{ name: "dim" }, { name: "index" }, { name: "sparse_grad", default: false, kwOnly: true }]);
    return T.gather(x, int(b.dim, "gather", "dim", 1), tensorArg(b.index, "gather", "index", 2));
  },
  scatter: scatterMethod("scatter"),
  scatter_add: scatterMethod("scatter_add"),
  scatter_add_: scatterMethod("scatter_add_"),
  scatter_: scatterMethod("scatter_"),
  index_select: (x, a) => {
    const b = parse("index_select", a, [{ name: "dim" }, { name: "index" }]);
    return T.indexSelect(x, int(b.dim, "index_select", "dim", 1), tensorArg(b.index, "index_select", "index", 2));
  },
  tril: (x, a) => T.tril(x, int(parse("tril", a, [{ name: "diagonal", default: 0n }]).diagonal, "tril", "diagonal", 1)),
  triu: (x, a) => T.triu(x, int(parse("triu", a, [{ name: "diagonal", default: 0n }]).diagonal, "triu", "diagonal", 1)),
  diag: (x, a) => T.diag(x, int(parse("diag", a, [{ name: "diagonal", default: 0n }]).diagonal, "diag", "diagonal", 1)),
  diagonal: (x, a) => {
    const b = parse("diagonal", a, [{ name: "offset", default: 0n }, { name: "dim1", default: 0n }, { name: "dim2", default: 1n }]);
    return T.diagonal(x, int(b.offset, "diagonal", "offset", 1), int(b.dim1, "diagonal", "dim1", 2), int(b.dim2, "diagonal", "dim2", 3));
  },
  trace: (x, a) => {
    parse("trace", a, []);
    return T.trace(x);
  },
  split: (x, a) => {
    const b = parse("split", a, [{ name: "split_size" }, { name: "dim", default: 0n }]);
    const s = b.split_size as PyValue;
    const dim = int(b.dim, "split", "dim", 2);
    if (s instanceof PyList || s instanceof PyTuple) return tuple(T.splitWithSizes(x, toShape([s], "split_with_sizes"), dim));
    return tuple(T.split(x, int(s, "split", "split_size", 1), dim));
  },
  chunk: (x, a) => {
    const b = parse("chunk", a, [{ name: "chunks" }, { name: "dim", default: 0n }]);
    return tuple(T.chunk(x, int(b.chunks, "chunk", "chunks", 1), int(b.dim, "chunk", "dim", 2)));
  },
  flip: (x, a) => {
    if (a.args.length === 0 && a.kwargs.has("dims")) return T.flip(x, toShape([a.kwargs.get("dims")!], "flip"));
    if (a.args.length === 0) parse("flip", a, [{ name: "dims" }]);
    return T.flip(x, toShape(a.args, "flip"));
  },
  addmm: (x, a) => {
    const b = parse("addmm", a, [{ name: "mat1" }, { name: "mat2" }, { name: "beta", default: 1n, kwOnly: true }, { name: "alpha", default: 1n, kwOnly: true }]);
    return T.addmm(x, tensorArg(b.mat1, "addmm", "mat1", 1), tensorArg(b.mat2, "addmm", "mat2", 2), toScalar(b.beta as PyValue, "beta"), toScalar(b.alpha as PyValue, "alpha"));
  },
  cumprod: (x, a) => {
    const b = parse("cumprod", a, [{ name: "dim" }, { name: "dtype", default: null, kwOnly: true }]);
    return T.cumprod(x, int(b.dim, "cumprod", "dim", 1));
  },
  detach_: (x, a) => (parse("detach_", a, []), T.detach_(x)),
  addcmul: addcMethod("addcmul"),
  addcmul_: addcMethod("addcmul_"),
  addcdiv: addcMethod("addcdiv"),
  addcdiv_: addcMethod("addcdiv_"),
  lerp: lerpMethod("lerp"),
  lerp_: lerpMethod("lerp_"),
  sort: sortMethod,
  argsort: (x, a) => {
    const b = parse("argsort", a, [{ name: "dim", default: -1n }, { name: "descending", default: false }]);
    return T.argsort(x, int(b.dim, "argsort", "dim", 1), flag(b.descending));
  },
  topk: (x, a) => {
    const b = parse("topk", a, [{ name: "k" }, { name: "dim", default: -1n }, { name: "largest", default: true }, { name: "sorted", default: true }]);
    const [values, indices] = T.topk(x, int(b.k, "topk", "k", 1), int(b.dim, "topk", "dim", 2), flag(b.largest), flag(b.sorted));
    return returnTypes("topk", values, indices);
  },
  unbind: (x, a) => tuple(T.unbind(x, int(parse("unbind", a, [{ name: "dim", default: 0n }]).dim, "unbind", "dim", 1))),
  nonzero: (x, a) => {
    const b = parse("nonzero", a, [{ name: "as_tuple", default: false, kwOnly: true }]);
    return flag(b.as_tuple) ? tuple(T.nonzeroTuple(x)) : T.nonzero(x);
  },
});

/** torch.X(input, ...) names that forward to the methods above */
export const EXTRA_FUNCTIONS = [
  "masked_fill", "gather", "scatter", "scatter_add", "index_select", "tril", "triu", "diag", "diagonal", "trace",
  "split", "chunk", "unbind", "erf", "addmm", "cumprod", "lerp", "addcmul", "addcdiv", "sort", "argsort", "topk", "nonzero",
];

/** torch.flip(input, dims): dims must be a tuple or list there (the method takes varargs too) */
export function torchFlip(a: CallArgs): PyValue {
  const b = parse("flip", a, [{ name: "input" }, { name: "dims" }]);
  const x = tensorArg(b.input, "flip", "input", 1);
  const dims = b.dims as PyValue;
  if (!(dims instanceof PyList || dims instanceof PyTuple))
    throw pyErr("TypeError", `flip(): argument 'dims' (position 2) must be tuple of ints, not ${typeName(dims)}`);
  return T.flip(x, toShape([dims], "flip"));
}
