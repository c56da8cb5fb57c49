// torch.Tensor's own methods as Python calls them (x.backward(...), x.view(2, 3), x.to(dtype)...),
// with PyTorch's argument names; the op families' tables (pointwise, reduce, index...) are merged in.
import * as T from "../../index.ts";
import type { Scalar } from "../../dtype.ts";
import type { Tensor } from "../../tensor.ts";
import { MISSING, type ParamSpec, bindArgs } from "../args.ts";
import { truthy } from "../ops.ts";
import { nameTable, type CallArgs, PyList, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { legacyTypeName } from "../../dtype.ts";
import { PyDType, TorchSize } from "./dtypes.ts";
import { PyNdarray } from "./numpy_array.ts";
import { extraMethods } from "./extra_methods.ts";
import { addInplaceVariants } from "./inplace_methods.ts";
import { indexMethods } from "./index_methods.ts";
import { pointwiseMethods } from "./pointwise_methods.ts";
import { statMethods } from "./stat_methods.ts";
import { randomMethods } from "./random_functions.ts";
import { reduceMethods } from "./reduce_methods.ts";
import { bindSignature } from "./signature.ts";
import { hookMethods } from "./autograd/hook_methods.ts";
import { gradInputs } from "./autograd/graph_task.ts";
import { checkDevice, isTensor, toDims, toDType, toInteger, toOperand, toScalar, toShape, toTensorArg } from "./convert.ts";

type Bound = Record<string, PyValue | typeof MISSING>;

function parse(fname: string, a: CallArgs, spec: ParamSpec[]): Bound {
  const { values } = bindArgs(fname, a, spec);
  const out: Bound = nameTable();
  spec.forEach((s, i) => (out[s.name] = values[i]));
  return out;
}
const opt = <X>(v: PyValue | typeof MISSING, f: (v: PyValue) => X): X | undefined =>
  v === MISSING || v === null ? undefined : f(v);

/** Python value of a one-element tensor. */
export function itemOf(x: Tensor): Scalar {
  const v = T.item(x);
  // the engine's pyValue knows int64 only; an int32 element is a Python int too
  return x.dtype === "int32" && typeof v === "number" ? BigInt(v) : v;
}

export function pyFromNested(v: T.PyNested, int = false): PyValue {
  if (Array.isArray(v)) return new PyList(v.map((x) => pyFromNested(x, int)));
  return int && typeof v === "number" ? BigInt(v) : v;
}

/** inputs=... of backward: a tensor or a sequence of tensors */
export function tensorList(v: PyValue, what: string): Tensor[] {
  if (isTensor(v)) return [v];
  if (v instanceof PyTuple || v instanceof PyList)
    return v.items.map((x, i) => {
      if (!isTensor(x)) throw pyErr("TypeError", `${what}: expected Tensor at index ${i}, got ${typeName(x)}`);
      return x;
    });
  throw pyErr("TypeError", `${what} must be a Tensor or a sequence of Tensors, not ${typeName(v)}`);
}

const boolArg = (v: PyValue | typeof MISSING, dflt: boolean): boolean => (v === MISSING || v === null ? dflt : truthy(v));

function sizeMethod(x: Tensor, a: CallArgs): PyValue {
  const { dim } = parse("size", a, [{ name: "dim", default: null }]);
  if (dim === null) return new TorchSize(x.shape);
  const d = T.wrapDim(toInteger(dim as PyValue, "dim"), x.dim());
  return BigInt(x.shape[d]);
}

function castDType(x: Tensor, d: T.DType): Tensor {
  return x.dtype === d ? x : T.castTo(x, d);
}

export type Method = (x: Tensor, a: CallArgs) => PyValue;

/** x.to(dtype) / x.to(device, dtype) / x.to(other) with non_blocking, copy, memory_format */
function toMethod(x: Tensor, a: CallArgs): PyValue {
  const first = a.args[0] ?? null;
  const form = isTensor(first) ? "other" : first instanceof PyDType ? "dtype" : "device";
  const b = bindSignature("to", a, [
    ...(form === "other" ? [{ name: "other", type: "Tensor" as const }] : form === "dtype" ? [] : [{ name: "device", type: "object" as const, default: null }]),
    { name: "dtype", type: "object", default: null },
    { name: "non_blocking", type: "bool", default: false },
    { name: "copy", type: "bool", default: false },
    { name: "memory_format", type: "object", default: null, kwOnly: true },
  ]);
  if (form !== "other") checkDevice(b.device ?? null);
  const dtype = form === "other" ? (b.other as Tensor).dtype : (toDType(b.dtype) ?? x.dtype);
  return T.castTo(x, dtype, b.copy as boolean);
}

/** the one tensor argument of x.matmul(other) / x.mm(mat2=...) */
const tensorNamed = (fname: string, name: string, a: CallArgs): Tensor => bindSignature(fname, a, [{ name, type: "Tensor" }])[name] as Tensor;
/** the one tensor-or-number argument of x.eq(other) */
const operandNamed = (fname: string, a: CallArgs): Tensor | Scalar => toOperand(bindSignature(fname, a, [{ name: "other", type: "object" }]).other, "other");

/** sizes as varargs, one tuple, or by keyword: x.view(2, 3), x.view((2, 3)), x.view(size=(2, 3)) */
function shapeNamed(fname: string, name: string, a: CallArgs, ignored: string[] = []): number[] {
  const kw = new Map([...a.kwargs].filter(([k]) => !ignored.includes(k)));
  if (kw.size === 0) return toShape(a.args, fname);
  const b = bindSignature(fname, { args: a.args, kwargs: kw }, [{ name, type: "object" }]);
  return toShape([b[name]], fname);
}


export const tensorMethods: Record<string, Method> = nameTable({
  backward: (x, a) => {
    const b = parse("backward", a, [
      { name: "gradient", default: null },
      { name: "retain_graph", default: null },
      { name: "create_graph", default: false },
      { name: "inputs", default: null },
    ]);
    T.backward(x, {
      gradient: opt(b.gradient, (v) => toTensorArg(v, "backward", "gradient")) ?? null,
      retainGraph: b.retain_graph === null || b.retain_graph === MISSING ? null : truthy(b.retain_graph),
      createGraph: boolArg(b.create_graph, false),
      inputs: opt(b.inputs, (v) => gradInputs(v, "inputs")) ?? null,
    });
    return null;
  },
  item: (x, a) => {
    parse("item", a, []);
    return itemOf(x);
  },
  tolist: (x, a) => {
    parse("tolist", a, []);
    return pyFromNested(T.tolist(x), x.dtype === "int32");
  },
  numel: (x) => BigInt(x.numel),
  nelement: (x) => BigInt(x.numel),
  dim: (x) => BigInt(x.dim()),
  ndimension: (x) => BigInt(x.dim()),
  size: sizeMethod,
  stride: (x, a) => {
    const { dim } = parse("stride", a, [{ name: "dim", default: null }]);
    if (dim === null) return new PyTuple(x.strides.map((s) => BigInt(s)));
    return BigInt(x.strides[T.wrapDim(toInteger(dim as PyValue, "dim"), x.dim())]);
  },
  data_ptr: (x) => BigInt(x.dataPtr()),
  is_contiguous: (x) => x.isContiguous(),
  is_floating_point: (x) => T.isFloating(x.dtype),
  element_size: (x) => (x.dtype === "float32" || x.dtype === "int32" ? 4n : x.dtype === "bool" ? 1n : 8n),
  zero_: (x, a) => {
    parse("zero_", a, []);
    return T.zero_(x);
  },
  fill_: (x, a) => {
    const b = parse("fill_", a, [{ name: "value" }]);
    return T.fill_(x, toOperand(b.value as PyValue, "fill_(): argument 'value'"));
  },
  add_: (x, a) => {
    const b = parse("add_", a, [{ name: "other" }, { name: "alpha", default: 1n, kwOnly: true }]);
    return T.add_(x, toOperand(b.other as PyValue, "add_(): argument 'other'"), toScalar(b.alpha as PyValue, "alpha"));
  },
  sub_: (x, a) => {
    const b = parse("sub_", a, [{ name: "other" }, { name: "alpha", default: 1n, kwOnly: true }]);
    return T.sub_(x, toOperand(b.other as PyValue, "sub_(): argument 'other'"), toScalar(b.alpha as PyValue, "alpha"));
  },
  mul_: (x, a) => {
    const b = parse("mul_", a, [{ name: "other" }]);
    return T.mul_(x, toOperand(b.other as PyValue, "mul_(): argument 'other'"));
  },
  div_: (x, a) => {
    const b = parse("div_", a, [{ name: "other" }]);
    return T.div_(x, toOperand(b.other as PyValue, "div_(): argument 'other'"));
  },
  copy_: (x, a) => {
    const b = parse("copy_", a, [{ name: "src" }, { name: "non_blocking", default: false }]);
    return T.copy_(x, toTensorArg(b.src as PyValue, "copy_", "src"));
  },
  clamp_: (x, a) => {
    const b = parse("clamp_", a, [{ name: "min", default: null }, { name: "max", default: null }]);
    return T.clamp_(x, opt(b.min, (v) => toScalar(v, "min")) ?? null, opt(b.max, (v) => toScalar(v, "max")) ?? null);
  },
  requires_grad_: (x, a) => {
    const b = parse("requires_grad_", a, [{ name: "requires_grad", default: true }]);
    return T.requiresGrad_(x, truthy(b.requires_grad as PyValue));
  },
  is_inference: (x, a) => (parse("is_inference", a, []), x.storage.inference),
  retain_grad: (x, a) => {
    parse("retain_grad", a, []);
    T.retainGrad(x);
    return null;
  },
  detach: (x, a) => {
    parse("detach", a, []);
    return T.detach(x);
  },
  clone: (x) => T.clone(x),
  contiguous: (x) => T.contiguous(x),
  view: (x, a) => {
    if (a.args.length === 1 && a.args[0] instanceof PyDType) throw pyErr("NotImplementedError", "Tensor.view(dtype) is not in Gradlens yet");
    return T.view(x, shapeNamed("view", "size", a));
  },
  reshape: (x, a) => T.reshape(x, shapeNamed("reshape", "shape", a)),
  view_as: (x, a) => T.view(x, toTensorArg(a.args[0], "view_as", "other").shape),
  reshape_as: (x, a) => T.reshape(x, toTensorArg(a.args[0], "reshape_as", "other").shape),
  expand: (x, a) => T.expand(x, shapeNamed("expand", "size", a, ["implicit"])),
  expand_as: (x, a) => T.expand(x, toTensorArg(a.args[0], "expand_as", "other").shape),
  flatten: (x, a) => {
    const b = parse("flatten", a, [{ name: "start_dim", default: 0n }, { name: "end_dim", default: -1n }]);
    if (x.dim() === 0) return T.reshape(x, [1]);
    const s = T.wrapDim(toInteger(b.start_dim as PyValue, "start_dim"), x.dim());
    const e = T.wrapDim(toInteger(b.end_dim as PyValue, "end_dim"), x.dim());
    if (s === e) return x;
    const shape = [...x.shape.slice(0, s), x.shape.slice(s, e + 1).reduce((p, q) => p * q, 1), ...x.shape.slice(e + 1)];
    return T.reshape(x, shape);
  },
  unflatten: (x, a) => {
    // at::unflatten: a view with dim split into sizes (one of them may be -1)
    const b = parse("unflatten", a, [{ name: "dim" }, { name: "sizes" }]);
    const d = T.wrapDim(toInteger(b.dim as PyValue, "dim"), x.dim());
    const sizes = toShape([b.sizes as PyValue], "unflatten");
    const known = sizes.filter((n) => n !== -1).reduce((p, q) => p * q, 1);
    if (sizes.includes(-1) ? known === 0 || x.shape[d] % known !== 0 : known !== x.shape[d])
      throw pyErr("RuntimeError", `unflatten: Provided sizes [${sizes.join(", ")}] don't multiply up to the size of dim ${d} (${x.shape[d]}) in the input tensor`);
    return T.view(x, [...x.shape.slice(0, d), ...sizes, ...x.shape.slice(d + 1)]);
  },
  unsqueeze: (x, a) => T.unsqueeze(x, toInteger(parse("unsqueeze", a, [{ name: "dim" }]).dim as PyValue, "dim")),
  squeeze: (x, a) => {
    const b = parse("squeeze", a, [{ name: "dim", default: null }]);
    return T.squeeze(x, toDims(b.dim as PyValue) ?? undefined);
  },
  permute: (x, a) => T.permute(x, shapeNamed("permute", "dims", a)),
  transpose: (x, a) => {
    const b = parse("transpose", a, [{ name: "dim0" }, { name: "dim1" }]);
    return T.transpose(x, toInteger(b.dim0 as PyValue, "dim0"), toInteger(b.dim1 as PyValue, "dim1"));
  },
  t: (x) => T.tOp(x),
  t_: (x, a) => (parse("t_", a, []), T.t_(x)),
  transpose_: (x, a) => {
    const b = parse("transpose_", a, [{ name: "dim0" }, { name: "dim1" }]);
    return T.transpose_(x, toInteger(b.dim0 as PyValue, "dim0"), toInteger(b.dim1 as PyValue, "dim1"));
  },
  squeeze_: (x, a) => {
    const b = parse("squeeze_", a, [{ name: "dim", default: null }]);
    return T.squeeze_(x, toDims(b.dim as PyValue) ?? undefined);
  },
  unsqueeze_: (x, a) => T.unsqueeze_(x, toInteger(parse("unsqueeze_", a, [{ name: "dim" }]).dim as PyValue, "dim")),
  pow: (x, a) => T.pow(x, toOperand(parse("pow", a, [{ name: "exponent" }]).exponent as PyValue, "exponent")),
  add: (x, a) => {
    const b = parse("add", a, [{ name: "other" }, { name: "alpha", default: 1n, kwOnly: true }]);
    return T.add(x, toOperand(b.other as PyValue, "other"), toScalar(b.alpha as PyValue, "alpha"));
  },
  sub: (x, a) => {
    const b = parse("sub", a, [{ name: "other" }, { name: "alpha", default: 1n, kwOnly: true }]);
    return T.sub(x, toOperand(b.other as PyValue, "other"), toScalar(b.alpha as PyValue, "alpha"));
  },
  mul: (x, a) => T.mul(x, toOperand(parse("mul", a, [{ name: "other" }]).other as PyValue, "other")),
  div: (x, a) => T.div(x, toOperand(parse("div", a, [{ name: "other" }]).other as PyValue, "other")),
  matmul: (x, a) => T.matmul(x, tensorNamed("matmul", "other", a)),
  mm: (x, a) => T.mm(x, tensorNamed("mm", "mat2", a)),
  mv: (x, a) => T.mv(x, tensorNamed("mv", "vec", a)),
  dot: (x, a) => T.dot(x, tensorNamed("dot", "tensor", a)),
  bmm: (x, a) => T.bmm(x, tensorNamed("bmm", "mat2", a)),
  clamp: (x, a) => {
    const b = parse("clamp", a, [{ name: "min", default: null }, { name: "max", default: null }]);
    if (opt(b.min, (v) => v) === undefined && opt(b.max, (v) => v) === undefined)
      throw pyErr("RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None");
    return T.clamp(x, opt(b.min, (v) => toScalar(v, "min")) ?? null, opt(b.max, (v) => toScalar(v, "max")) ?? null);
  },
  eq: (x, a) => T.eq(x, operandNamed("eq", a)),
  ne: (x, a) => T.ne(x, operandNamed("ne", a)),
  lt: (x, a) => T.lt(x, operandNamed("lt", a)),
  le: (x, a) => T.le(x, operandNamed("le", a)),
  gt: (x, a) => T.gt(x, operandNamed("gt", a)),
  ge: (x, a) => T.ge(x, operandNamed("ge", a)),
  eq_: (x, a) => T.eq_(x, operandNamed("eq_", a)),
  ne_: (x, a) => T.ne_(x, operandNamed("ne_", a)),
  lt_: (x, a) => T.lt_(x, operandNamed("lt_", a)),
  le_: (x, a) => T.le_(x, operandNamed("le_", a)),
  gt_: (x, a) => T.gt_(x, operandNamed("gt_", a)),
  ge_: (x, a) => T.ge_(x, operandNamed("ge_", a)),
  // torch's NumPy-style names of the comparisons
  not_equal: (x, a) => T.ne(x, operandNamed("not_equal", a)),
  less: (x, a) => T.lt(x, operandNamed("less", a)),
  less_equal: (x, a) => T.le(x, operandNamed("less_equal", a)),
  greater: (x, a) => T.gt(x, operandNamed("greater", a)),
  greater_equal: (x, a) => T.ge(x, operandNamed("greater_equal", a)),
  not_equal_: (x, a) => T.ne_(x, operandNamed("not_equal_", a)),
  less_: (x, a) => T.lt_(x, operandNamed("less_", a)),
  less_equal_: (x, a) => T.le_(x, operandNamed("less_equal_", a)),
  greater_: (x, a) => T.gt_(x, operandNamed("greater_", a)),
  greater_equal_: (x, a) => T.ge_(x, operandNamed("greater_equal_", a)),
  float: (x) => castDType(x, "float32"),
  double: (x) => castDType(x, "float64"),
  long: (x) => castDType(x, "int64"),
  int: (x) => castDType(x, "int32"),
  bool: (x) => castDType(x, "bool"),
  to: toMethod,
  cuda: (x, a) => {
    bindSignature("cuda", a, [{ name: "device", type: "object", default: null }, { name: "non_blocking", type: "bool", default: false }]);
    throw pyErr("AssertionError", "Torch not compiled with CUDA enabled");
  },
  type: (x, a) => {
    if (a.args.length === 0) return legacyTypeName(x.dtype);
    const d = toDType(a.args[0]);
    return d ? castDType(x, d) : x;
  },
  maximum: (x, a) => {
    const b = parse("maximum", a, [{ name: "other" }]);
    return T.maximum(x, toTensorArg(b.other as PyValue, "maximum", "other", 2));
  },
  minimum: (x, a) => {
    const b = parse("minimum", a, [{ name: "other" }]);
    return T.minimum(x, toTensorArg(b.other as PyValue, "minimum", "other", 2));
  },
  outer: (x, a) => {
    const b = parse("outer", a, [{ name: "vec2" }]);
    return T.outer(x, toTensorArg(b.vec2 as PyValue, "outer", "vec2", 2));
  },
  cpu: (x) => x,
  numpy: (x, a) => {
    bindSignature("numpy", a, [{ name: "force", type: "bool", default: false, kwOnly: true }]);
    if (x.requiresGrad && !a.kwargs.get("force"))
      throw pyErr("RuntimeError", "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    return new PyNdarray(x.values(), x.shape.slice(), x.dtype);
  },
});
Object.assign(tensorMethods, pointwiseMethods, reduceMethods, extraMethods, indexMethods, statMethods, randomMethods, hookMethods);
addInplaceVariants(tensorMethods);
tensorMethods.clip = tensorMethods.clamp;
tensorMethods.clip_ = tensorMethods.clamp_;
