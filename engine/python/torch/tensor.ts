// torch.Tensor as Python sees it: attributes (grad, requires_grad, is_leaf, grad_fn, shape...),
// methods with PyTorch's argument names, operators (x.grad += t is add_), printing, indexing.
import * as T from "../../index.ts";
import { legacyTypeName, type Scalar } from "../../dtype.ts";
import type { Tensor } from "../../tensor.ts";
import { MISSING, type ParamSpec, bindArgs } from "../args.ts";
import { formatValue, truthy } from "../ops.ts";
import {
  nameTable,
  type CallArgs,
  type ForeignType,
  PyBuiltin,
  PyClass,
  PyList,
  PyTuple,
  type PyValue,
  objectClass,
  pyErr,
  typeName,
} from "../values.ts";
import { dtypeObject, PyDType, TorchSize } from "./dtypes.ts";
import { CPU } from "./device.ts";
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
import { notInGradlens } from "./not_yet.ts";
import { pytorchHas } from "./pytorch_names.ts";
import { tensorSubclass } from "./subclass.ts";
import {
  checkDevice,
  isScalar,
  isTensor,
  toDType,
  toIndexItems,
  toInteger,
  toOperand,
  toScalar,
  toShape,
  toTensorArg,
} from "./convert.ts";

export const tensorClass = new PyClass("Tensor", objectClass, undefined, "torch");

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
      inputs: opt(b.inputs, (v) => tensorList(v, "inputs")) ?? null,
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
    return b.dim === null ? T.squeeze(x) : T.squeeze(x, toInteger(b.dim as PyValue, "dim"));
  },
  permute: (x, a) => T.permute(x, shapeNamed("permute", "dims", a)),
  transpose: (x, a) => {
    const b = parse("transpose", a, [{ name: "dim0" }, { name: "dim1" }]);
    return T.transpose(x, toInteger(b.dim0 as PyValue, "dim0"), toInteger(b.dim1 as PyValue, "dim1"));
  },
  t: (x) => T.tOp(x),
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


/** TensorBody.h's warning, with the build path Debian's PyTorch 2.6 prints */
const NON_LEAF_GRAD =
  "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations. (Triggered internally at ./build/aten/src/ATen/core/TensorBody.h:489.)";

function getattr(x: Tensor, name: string): PyValue | undefined {
  switch (name) {
    case "grad":
      if (!x.isLeaf && !x.retainsGrad && !x.grad) x.rt.warn("UserWarning", NON_LEAF_GRAD);
      return x.grad;
    case "requires_grad":
      return x.requiresGrad;
    case "is_leaf":
      return x.isLeaf;
    case "grad_fn":
      return x.gradFn as unknown as PyValue;
    case "shape":
      return new TorchSize(x.shape);
    case "dtype":
      return dtypeObject(x.dtype);
    case "data":
      return T.detach(x);
    case "T":
      return x.dim() < 2 ? x : T.permute(x, x.shape.map((_, i) => x.dim() - 1 - i));
    case "mT":
      return T.transpose(x, -2, -1);
    case "ndim":
      return BigInt(x.dim());
    case "_version":
      return BigInt(x.version);
    case "retains_grad":
      return x.retainsGrad;
    case "device":
      return CPU;
    case "is_cpu":
      return true;
    case "is_cuda":
      return false;
    case "layout":
      return "torch.strided";
    case "output_nr":
      return BigInt(x.outputNr);
    case "_base":
      return x.base;
  }
  // the instance's own attributes (x.label = "w") come before methods, as a __dict__ does
  const own = instanceAttrs.get(x)?.get(name);
  if (own !== undefined) return own;
  const m = tensorMethods[name];
  if (m) return new PyBuiltin(name, (a) => m(x, a), x);
  // a name PyTorch's Tensor has that Gradlens does not run yet: NotImplementedError, not AttributeError
  if (pytorchHas("torch.Tensor", name)) throw notInGradlens(`torch.Tensor.${name}`);
  return undefined;
}

function setattr(x: Tensor, name: string, value: PyValue): boolean {
  switch (name) {
    case "grad":
      if (value !== null && !isTensor(value))
        throw pyErr("TypeError", `assigned grad expected to be a Tensor or None but got grad of type ${typeName(value)}`);
      T.setGrad(x, value);
      return true;
    case "requires_grad":
      if (typeof value !== "boolean") throw pyErr("TypeError", `requires_grad must be a bool, not ${typeName(value)}`);
      if (!x.isLeaf && !value)
        throw pyErr(
          "RuntimeError",
          "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
        );
      if (!x.isLeaf) return true;
      if (value && x.dtype !== "float32" && x.dtype !== "float64")
        throw pyErr("RuntimeError", "only Tensors of floating point and complex dtype can require gradients");
      T.requiresGrad_(x, value);
      return true;
    case "data":
      if (!isTensor(value)) throw pyErr("TypeError", `Variable data has to be a tensor, but got ${typeName(value)}`);
      throw pyErr("NotImplementedError", "assigning x.data is outside what Gradlens runs; use `with torch.no_grad(): x.copy_(...)`");
  }
  if (READ_ONLY.has(name)) throw pyErr("AttributeError", `attribute '${name}' of 'torch._C.TensorBase' objects is not writable`);
  let own = instanceAttrs.get(x);
  if (!own) instanceAttrs.set(x, (own = new Map()));
  own.set(name, value);
  return true;
}

/** TensorBase's properties without a setter (PyTorch 2.6) */
const READ_ONLY = new Set([
  "H", "T", "_base", "_cdata", "_has_symbolic_sizes_strides", "_python_dispatch", "_version", "device", "dtype", "grad_fn",
  "imag", "is_cpu", "is_cuda", "is_ipu", "is_leaf", "is_maia", "is_meta", "is_mkldnn", "is_mps", "is_mtia", "is_nested",
  "is_quantized", "is_sparse", "is_sparse_csr", "is_vulkan", "is_xla", "is_xpu", "itemsize", "layout", "mH", "mT", "name",
  "nbytes", "ndim", "output_nr", "retains_grad", "shape",
]);

/** attributes a program set on a tensor object (a Tensor has a __dict__): x.label = "w" */
const instanceAttrs = new WeakMap<Tensor, Map<string, PyValue>>();

function binop(op: string, a: PyValue, b: PyValue, inplace: boolean): PyValue | undefined {
  const aT = isTensor(a);
  const bT = isTensor(b);
  if ((!aT && !isScalar(a)) || (!bT && !isScalar(b))) {
    // NotImplemented: the other operand's method runs, then == falls back to identity
    return undefined;
  }
  if (inplace && aT) {
    switch (op) {
      case "+":
        return T.add_(a, b as Tensor | Scalar);
      case "-":
        return T.sub_(a, b as Tensor | Scalar);
      case "*":
        return T.mul_(a, b as Tensor | Scalar);
      case "/":
        return T.div_(a, b as Tensor | Scalar);
    }
  }
  const x = a as Tensor | Scalar;
  const y = b as Tensor | Scalar;
  switch (op) {
    case "+":
      return aT ? T.add(a, y) : T.add(b as Tensor, x);
    case "-":
      return aT ? T.sub(a, y) : T.rsub(b as Tensor, x);
    case "*":
      return aT ? T.mul(a, y) : T.mul(b as Tensor, x);
    case "/":
      return aT ? T.div(a, y) : T.mul(T.reciprocal(b as Tensor), x);
    case "//":
      return T.floorDivide(x, y);
    case "%":
      return T.remainder(x, y);
    case "**":
      return T.pow(x, y);
    case "@":
      if (!aT || !bT) return undefined;
      return T.matmul(a, b);
    case "==":
      return aT ? T.eq(a, y) : T.eq(b as Tensor, x);
    case "!=":
      return aT ? T.ne(a, y) : T.ne(b as Tensor, x);
    case "<":
      return aT ? T.lt(a, y) : T.gt(b as Tensor, x);
    case "<=":
      return aT ? T.le(a, y) : T.ge(b as Tensor, x);
    case ">":
      return aT ? T.gt(a, y) : T.lt(b as Tensor, x);
    case ">=":
      return aT ? T.ge(a, y) : T.le(b as Tensor, x);
    case "&":
      if (aT && bT && a.dtype === "bool" && b.dtype === "bool") return T.logicalAnd(a, b);
      return undefined;
    case "|":
      if (aT && bT && a.dtype === "bool" && b.dtype === "bool") return T.logicalOr(a, b);
      return undefined;
  }
  return undefined;
}

function scalarValue(x: Tensor, conv: string): number {
  if (x.numel !== 1) throw pyErr("ValueError", "only one element tensors can be converted to Python scalars");
  void conv;
  return x.at(0);
}

/** repr(x): PyTorch's tensor repr, after a subclass's prefix ("Parameter containing:") */
function tensorRepr(x: Tensor): string {
  const sub = tensorSubclass(x);
  return sub ? sub.reprPrefix + T.repr(x) : T.repr(x);
}

export const tensorType: ForeignType = {
  cls: tensorClass,
  classOf: (x: Tensor) => tensorSubclass(x)?.cls ?? tensorClass,
  is: isTensor,
  repr: tensorRepr,
  getattr,
  setattr,
  binop,
  unop: (op: string, x: Tensor) => {
    if (op === "-") return T.neg(x);
    if (op === "+") return x;
    if (op === "abs") return T.abs(x);
    if (op === "~" && x.dtype === "bool") return T.logicalNot(x);
    return undefined;
  },
  truthy: (x: Tensor) => {
    if (x.numel === 0) throw pyErr("RuntimeError", "Boolean value of Tensor with no values is ambiguous");
    if (x.numel > 1) throw pyErr("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous");
    return x.at(0) !== 0;
  },
  len: (x: Tensor) => {
    if (x.dim() === 0) throw pyErr("TypeError", "len() of a 0-d tensor");
    return x.shape[0];
  },
  iter: (x: Tensor) => {
    if (x.dim() === 0) throw pyErr("TypeError", "iteration over a 0-d tensor");
    return T.unbind(x, 0);
  },
  getitem: (x: Tensor, index: PyValue) => {
    const { items, single } = toIndexItems(x.rt, index);
    return T.getItem(x, items, single);
  },
  setitem: (x: Tensor, index: PyValue, value: PyValue) => {
    if (!isTensor(value) && typeof value !== "bigint" && typeof value !== "boolean" && typeof value !== "number")
      throw pyErr("TypeError", `can't assign a ${typeName(value)} to a ${legacyTypeName(x.dtype)}`);
    const { items, single } = toIndexItems(x.rt, index);
    T.setItem(x, items, isTensor(value) ? value : value, single);
  },
  format: (x: Tensor, spec: string) => {
    // Tensor.__format__ formats the item only for exactly torch.Tensor, else object.__format__
    const sub = tensorSubclass(x);
    if (x.dim() === 0 && !sub) return formatValue(itemOf(x), spec);
    if (spec === "") return tensorRepr(x);
    throw pyErr("TypeError", `unsupported format string passed to ${sub ? sub.cls.name : "Tensor"}.__format__`);
  },
  toFloat: (x: Tensor) => scalarValue(x, "float"),
  toInt: (x: Tensor) => BigInt(Math.trunc(scalarValue(x, "int"))),
  toIndex: (x: Tensor) => (x.numel === 1 && (x.dtype === "int64" || x.dtype === "int32") ? BigInt(x.at(0)) : undefined),
};
