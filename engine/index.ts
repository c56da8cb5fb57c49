// The engine's public face: tensors, ops, autograd and printing, as the interpreter and
// the tests use them. Python scalars: float = number, int = bigint, bool = boolean.
import { formatTensor } from "./format/index.ts";
import { runtimeError, TorchError, valueError } from "./errors.ts";
import type { Tensor } from "./tensor.ts";
import { tangentOf } from "./autograd/forward_ad.ts";

export { Runtime, type RuntimeOptions } from "./runtime.ts";
export { TorchGenerator } from "./random/index.ts";
export { Tensor, Storage } from "./tensor.ts";
export { GradNode } from "./autograd/node.ts";
export { TorchError, type PyErrorType } from "./errors.ts";
export type { DType, Scalar } from "./dtype.ts";
export { promoteTypes, isFloating } from "./dtype.ts";
export type { TraceEvent, EventSink, Span, TensorInfo, NodeInfo } from "./events.ts";
export { sizeRepr, dtypeRepr } from "./format/index.ts";
export type { Operand } from "./ops/kernel.ts";
export { isTensor, broadcastShapes } from "./ops/kernel.ts";

export * from "./ops/arith.ts";
export * from "./ops/unary.ts";
export * from "./ops/compare.ts";
export * from "./ops/compare_inplace.ts";
export * from "./ops/view_inplace.ts";
export * from "./ops/materialize.ts";
export * from "./ops/reduce.ts";
export * from "./ops/linalg.ts";
export * from "./ops/views.ts";
export * from "./ops/index_ops.ts";
export * from "./ops/advanced_index.ts";
export * from "./ops/subscript.ts";
export * from "./ops/create.ts";
export * from "./ops/random_ops.ts";
export * from "./ops/inplace.ts";
export * from "./ops/inplace_math.ts";
export * from "./ops/math_extra.ts";
export * from "./ops/nn.ts";
export * from "./ops/stats.ts";
export * from "./ops/loss.ts";
export * from "./ops/bce_logits.ts";
export * from "./ops/gather_scatter.ts";
export * from "./ops/index_along_dim.ts";
export * from "./ops/masked_take.ts";
export * from "./ops/masked.ts";
export * from "./ops/closeness.ts";
export * from "./ops/matrix_parts.ts";
export * from "./ops/split.ts";
export * from "./ops/reorder.ts";
export * from "./ops/erf.ts";
export * from "./ops/lerp.ts";
export * from "./ops/addcmul.ts";
export * from "./ops/addmm.ts";
export * from "./ops/cumprod.ts";
export * from "./ops/softmax_backward.ts";
export * from "./ops/scatter_inplace.ts";
export * from "./ops/one_hot.ts";
export * from "./ops/pad.ts";
export * from "./ops/linear.ts";
export * from "./ops/nn_losses.ts";
export * from "./ops/nn_layers.ts";
export * from "./ops/batch_norm.ts";
export * from "./ops/einsum.ts";
export * from "./ops/layer_norm.ts";
export * from "./ops/activation.ts";
export * from "./ops/conv.ts";
export * from "./ops/pool.ts";
export * from "./ops/adaptive_pool.ts";
export { backward, grad, type BackwardOptions, type GradOptions } from "./autograd/api.ts";
export { CREATE_GRAPH_WARNING } from "./autograd/engine.ts";

/** repr(x) / print(x), byte for byte as PyTorch prints it */
export function repr(x: Tensor, itemRepr: (v: number | bigint | boolean) => string = String): string {
  const gradFn = gradFnName(x);
  const tangent = tangentOf(x);
  return formatTensor(
    { values: x.values(), shape: x.shape, dtype: x.dtype },
    {
      requiresGrad: !gradFn && x.requiresGrad && x.isLeaf,
      gradFn,
      // f"{tangent}": Tensor.__format__ shows a 0-d tensor's item
      ...(tangent ? { tangent: tangent.dim() === 0 ? itemRepr(item(tangent)) : repr(tangent, itemRepr) } : {}),
    },
  );
}

/** the grad_fn's name for the repr; "Invalid" when reading grad_fn raises (a view made inside a
 *  custom Function whose base changed in place under no_grad), as _tensor_str.py catches it */
function gradFnName(x: Tensor): string | null {
  try {
    return x.gradFn ? x.gradFn.name : null;
  } catch (e) {
    if (e instanceof TorchError && e.pyType === "RuntimeError") return "Invalid";
    throw e;
  }
}

/** the Python value of a one-element tensor: float, int (bigint) or bool */
export function item(x: Tensor): number | bigint | boolean {
  if (x.numel !== 1) throw runtimeError(`a Tensor with ${x.numel} elements cannot be converted to Scalar`);
  return pyValue(x.at(0), x.dtype);
}

export function pyValue(v: number, dtype: Tensor["dtype"]): number | bigint | boolean {
  if (dtype === "bool") return v !== 0;
  if (dtype === "int64" || dtype === "int32") return BigInt(v);
  return v;
}

export type PyNested = number | bigint | boolean | PyNested[];

export function tolist(x: Tensor): PyNested {
  const vals = x.values();
  let i = 0;
  const build = (d: number): PyNested => {
    if (d === x.dim()) return pyValue(vals[i++], x.dtype);
    return Array.from({ length: x.shape[d] }, () => build(d + 1));
  };
  return build(0);
}

/** float(x) / int(x) of a tensor */
export function scalarOf(x: Tensor): number {
  if (x.numel !== 1) throw valueError("only one element tensors can be converted to Python scalars");
  return x.at(0);
}
