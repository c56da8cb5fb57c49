// torch.Tensor as Python sees it: attributes (grad, requires_grad, is_leaf, grad_fn, shape...),
// printing, truthiness, len/iter, indexing, format; its methods are in tensor_methods.ts, its
// operators in tensor_operators.ts.
import * as T from "../../index.ts";
import { legacyTypeName } from "../../dtype.ts";
import type { Tensor } from "../../tensor.ts";
import { formatValue } from "../ops.ts";
import { pyRepr } from "../repr.ts";
import { type CallArgs, type ForeignType, PyBuiltin, PyClass, type PyValue, pyErr, typeName } from "../values.ts";
import { dtypeObject, TorchSize } from "./dtypes.ts";
import { CPU } from "./device.ts";
import { notInGradlens } from "./not_yet.ts";
import { pytorchHas } from "./pytorch_names.ts";
import { tensorSubclass } from "./subclass.ts";
import { isTensor, toIndexItems } from "./convert.ts";
import { itemOf, tensorMethods } from "./tensor_methods.ts";
import { binop } from "./tensor_operators.ts";
import { installTensorAttrs, tensorBaseClass, tensorDunder } from "./tensor_dunders.ts";

export const tensorClass = new PyClass("Tensor", tensorBaseClass, undefined, "torch");


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
      if (tensorSubclass(x)?.uninitialized) throw pyErr("RuntimeError", UNINITIALIZED_SHAPE);
      return new TorchSize(x.shape);
    case "dtype":
      return dtypeObject(x.dtype);
    case "data":
      return T.variableData(x);
    case "T":
      return x.dim() < 2 ? x : T.permute(x, x.shape.map((_, i) => x.dim() - 1 - i));
    case "mT":
      return T.transpose(x, -2, -1);
    case "ndim":
      return BigInt(x.dim());
    case "_version":
      return BigInt(x.pyVersion);
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
  const lazy = tensorSubclass(x)?.uninitialized;
  const m = lazy ? uninitializedMethod(lazy.methods, name) : tensorMethods[name];
  if (m) return new PyBuiltin(name, (a) => m(x, a), x);
  const dunder = tensorDunder(x, name);
  if (dunder !== undefined) return dunder;
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

function scalarValue(x: Tensor, conv: string): number {
  if (x.numel !== 1) throw pyErr("ValueError", "only one element tensors can be converted to Python scalars");
  void conv;
  return x.at(0);
}

/** repr(x): PyTorch's tensor repr, after a subclass's prefix ("Parameter containing:") */
function tensorRepr(x: Tensor): string {
  const sub = tensorSubclass(x);
  if (sub?.uninitialized) return sub.uninitialized.repr;
  const text = T.repr(x, (v) => pyRepr(v));
  return sub ? sub.reprPrefix + text : text;
}

const UNINITIALIZED_SHAPE =
  "Can't access the shape of an uninitialized parameter or buffer. This error usually happens in `load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call `forward` to initialize the parameters before accessing their attributes.";
/** the methods UninitializedTensorMixin lets through its __torch_function__ */
const UNINITIALIZED_ALLOWED = new Set(["size", "copy_", "is_complex", "is_floating_point", "half", "float", "double", "char", "short", "int", "long", "cuda", "cpu", "to", "get_device", "__hash__"]);

/** a method of a lazy module's placeholder: its own (materialize), the few Tensor allows, or one
 *  that raises UninitializedTensorMixin's ValueError when called */
function uninitializedMethod(own: Record<string, (x: Tensor, a: CallArgs) => PyValue>, name: string): ((x: Tensor, a: CallArgs) => PyValue) | undefined {
  if (Object.hasOwn(own, name)) return own[name];
  const m = tensorMethods[name];
  if (!m || UNINITIALIZED_ALLOWED.has(name)) return m;
  return (x) => {
    throw pyErr(
      "ValueError",
      `Attempted to use an uninitialized parameter in <method '${name}' of 'torch._C.TensorBase' objects>. This error happens when you are using a \`LazyModule\` or explicitly manipulating \`torch.nn.parameter.${tensorSubclass(x)!.cls.name}\` objects. When using LazyModules Call \`forward\` with a dummy batch to initialize the parameters before calling torch functions`,
    );
  };
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

installTensorAttrs(tensorType, tensorMethods);
