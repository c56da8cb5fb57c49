// split / split_with_sizes / chunk: views of consecutive pieces along a dim, all outputs of
// one SplitBackward0 (or SplitWithSizesBackward0) node whose gradient is the cat of the
// pieces' gradients (zeros for pieces that got none), as ATen's split_backward.
import { runtimeError } from "../errors.ts";
import { gradientEdge } from "../autograd/record.ts";
import { attachTangent, inTangentFormula, inputTangents } from "../autograd/forward_ad.ts";
import { GradNode } from "../autograd/node.ts";
import { makeView, type Tensor } from "../tensor.ts";
import { cat } from "./index_ops.ts";
import { zerosLikeT } from "./unary.ts";
import { wrapDim } from "./views.ts";

function pieces(t: Tensor, d: number, sizes: number[], gradFn: string, op: string): Tensor[] {
  let start = 0;
  const outs = sizes.map((n) => {
    const shape = t.shape.slice();
    shape[d] = n;
    // multi-output views: an in-place change to one raises, as PyTorch's split outputs do
    const v = makeView(t, shape, t.strides.slice(), t.offset + start * t.strides[d], "multi_output");
    start += n;
    return v;
  });
  const rt = t.rt;
  let node: GradNode | null = null;
  if (rt.gradEnabled && t.requiresGrad) {
    node = new GradNode(rt, gradFn, [gradientEdge(t)], (grads) => [cat(outs.map((o, i) => grads[i] ?? zerosLikeT(o)), d)]);
    node.gradShape = outs[0]?.shape.slice() ?? [];
    node.outputShapes = outs.map((o) => o.shape.slice());
    node.gradDType = t.dtype;
    outs.forEach((o, i) => {
      o.gradFn = node;
      o.outputNr = i;
    });
  }
  if (rt.sink && outs.length > 0)
    rt.emit({
      kind: "op/applied",
      op,
      inputs: [t.id],
      output: outs[0].info(),
      node: node ? node.info() : null,
      extraOutputs: outs.slice(1).map((o) => o.info()),
      span: rt.span,
    });
  // auto_linear: the tangent split the same way
  const tangents = inputTangents(rt, [t]);
  if (tangents) {
    const parts = inTangentFormula(rt, op, () => pieces(tangents[0]!, d, sizes, gradFn, op));
    outs.forEach((o, i) => attachTangent(o, parts[i], op));
  }
  return outs;
}

/** x.split(split_size, dim): pieces of split_size, the last one possibly smaller */
export function split(t: Tensor, splitSize: number, dim = 0): Tensor[] {
  if (t.dim() === 0) throw runtimeError("split expects at least a 1-dimensional tensor");
  const d = wrapDim(dim, t.dim());
  const size = t.shape[d];
  if (splitSize < 0) throw runtimeError(`split expects split_size be non-negative, but got split_size=${splitSize}`);
  if (splitSize === 0 && size !== 0)
    throw runtimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${size}`);
  const count = Math.max(Math.ceil(size / (splitSize || 1)), 1);
  const sizes = Array.from({ length: count }, (_, i) => (i < count - 1 ? splitSize : size - splitSize * (count - 1)));
  return pieces(t, d, sizes, "SplitBackward0", "split");
}

/** x.split([2, 1], dim): pieces of the given sizes, which must add up to the dim's size */
export function splitWithSizes(t: Tensor, sizes: number[], dim = 0): Tensor[] {
  if (t.dim() === 0) throw runtimeError("split expects at least a 1-dimensional tensor");
  const d = wrapDim(dim, t.dim());
  const list = `[${sizes.join(", ")}]`;
  if (sizes.some((s) => s < 0))
    throw runtimeError(`split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=${list}`);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== t.shape[d])
    throw runtimeError(
      `split_with_sizes expects split_sizes to sum exactly to ${t.shape[d]} (input tensor's size at dimension ${d}), but got split_sizes=${list}`,
    );
  return pieces(t, d, sizes, "SplitWithSizesBackward0", "split_with_sizes");
}

/** x.chunk(chunks, dim): split into pieces of ceil(size / chunks) (so possibly fewer than chunks) */
export function chunk(t: Tensor, chunks: number, dim = 0): Tensor[] {
  if (t.dim() === 0) throw runtimeError("chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0) throw runtimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, t.dim());
  return split(t, Math.ceil(t.shape[d] / chunks), d);
}
