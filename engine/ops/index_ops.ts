// Indexing and joining: select, slice, cat, stack, clone, contiguous, unbind,
// and select_backward/slice_backward (which put a gradient back into a zero tensor).
import { promoteTypes, type DType } from "../dtype.ts";
import { indexError, runtimeError } from "../errors.ts";
import { gradientEdge, record } from "../autograd/record.ts";
import { GradNode } from "../autograd/node.ts";
import { attachTangent, inTangentFormula, inputTangents } from "../autograd/forward_ad.ts";
import { zerosLikeT } from "./unary.ts";
import { contiguousStrides, filled, forEachOffset, fromValues, makeView, numelOf, type Tensor } from "../tensor.ts";
import { wrapDim } from "./views.ts";

export function select(t: Tensor, dim: number, index: number, reportDim?: number): Tensor {
  if (t.dim() === 0) throw indexError("select() cannot be applied to a 0-dim tensor.");
  const d = wrapDim(dim, t.dim());
  const size = t.shape[d];
  if (index < -size || index >= size)
    throw indexError(`index ${index} is out of bounds for dimension ${reportDim ?? d} with size ${size}`);
  const i = index < 0 ? index + size : index;
  const sizes = t.shape.slice();
  const shape = t.shape.filter((_, k) => k !== d);
  const strides = t.strides.filter((_, k) => k !== d);
  return record(makeView(t, shape, strides, t.offset + i * t.strides[d]), {
    op: "select",
    gradFn: "SelectBackward0",
    inputs: [t],
    view: true,
    backward: ([g]) => [selectBackward(g!, sizes, d, i)],
    jvp: ([tt]) => select(tt!, d, i),
  });
}

/** Python slice semantics clamped to the size, as ATen's slice does */
export function slice(t: Tensor, dim: number, start: number | null, end: number | null, step = 1): Tensor {
  if (t.dim() === 0) throw indexError("slice() cannot be applied to a 0-dim tensor.");
  if (step <= 0) throw runtimeError("slice step must be positive");
  const d = wrapDim(dim, t.dim());
  const size = t.shape[d];
  const clampIdx = (v: number | null, dflt: number) => {
    if (v === null) return dflt;
    if (v < 0) v += size;
    return Math.min(Math.max(v, 0), size);
  };
  const s = clampIdx(start, 0);
  const e = Math.max(clampIdx(end, size), s);
  const len = Math.ceil((e - s) / step);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  shape[d] = len;
  strides[d] *= step;
  const sizes = t.shape.slice();
  return record(makeView(t, shape, strides, t.offset + s * t.strides[d]), {
    op: "slice",
    gradFn: "SliceBackward0",
    inputs: [t],
    view: true,
    backward: ([g]) => [sliceBackward(g!, sizes, d, s, e, step)],
    jvp: ([tt]) => slice(tt!, d, s, e, step),
  });
}

/** where a select/slice of a contiguous tensor of `sizes` lies: its shape, strides and offset */
interface Place {
  shape: number[];
  strides: number[];
  offset: number;
}

function embed(
  grad: Tensor,
  sizes: number[],
  place: Place,
  op: string,
  gradFn: string,
  back: (g: Tensor) => Tensor,
  again: (g: Tensor) => Tensor,
): Tensor {
  const zeros = filled(grad.rt, sizes.slice(), grad.dtype);
  const src = grad.values();
  // the slot's offsets from its geometry alone: no view of `zeros` is made (nor narrated)
  forEachOffset({ ...place, numel: numelOf(place.shape) } as Tensor, (off, i) => {
    zeros.storage.data[off] = src[i];
  });
  return record(zeros, { op, gradFn, inputs: [grad], backward: ([g]) => [back(g!)], jvp: ([t]) => again(t!) });
}

export function selectBackward(grad: Tensor, sizes: number[], dim: number, i: number): Tensor {
  const strides = contiguousStrides(sizes);
  const place = {
    shape: sizes.filter((_, k) => k !== dim),
    strides: strides.filter((_, k) => k !== dim),
    offset: i * strides[dim],
  };
  return embed(grad, sizes, place, "select_backward", "SelectBackwardBackward0", (g) => select(g, dim, i), (t) => selectBackward(t, sizes, dim, i));
}

export function sliceBackward(grad: Tensor, sizes: number[], dim: number, s: number, e: number, step: number): Tensor {
  const strides = contiguousStrides(sizes);
  const shape = sizes.slice();
  shape[dim] = Math.ceil((e - s) / step);
  const placeStrides = strides.slice();
  placeStrides[dim] *= step;
  const place = { shape, strides: placeStrides, offset: s * strides[dim] };
  return embed(grad, sizes, place, "slice_backward", "SliceBackwardBackward0", (g) => slice(g, dim, s, e, step), (t) => sliceBackward(t, sizes, dim, s, e, step));
}

export function clone(t: Tensor): Tensor {
  return record(fromValues(t.rt, t.values(), t.shape.slice(), t.dtype), {
    op: "clone",
    gradFn: "CloneBackward0",
    inputs: [t],
    backward: ([g]) => [g],
    jvp: ([tt]) => clone(tt!),
  });
}

export function contiguous(t: Tensor): Tensor {
  return t.isContiguous() ? t : clone(t);
}

/** cat/stack's result: for each of `outer` rows, each part's next `inner[k]` elements in turn.
 *  Sized and checked before anything is copied; typed-array copies, no JS arrays (spreading a
 *  150,000-element slice into push() overflows the call stack). Parts' dtypes never demote. */
function joined(parts: Tensor[], outer: number, inner: number | number[], shape: number[], dtype: DType): Tensor {
  const out = filled(parts[0].rt, shape, dtype);
  const data = out.storage.data;
  const srcs = parts.map((x) => x.contiguousData());
  let at = 0;
  for (let o = 0; o < outer; o++)
    for (let k = 0; k < parts.length; k++) {
      const n = typeof inner === "number" ? inner : inner[k];
      data.set(srcs[k].subarray(o * n, (o + 1) * n), at);
      at += n;
    }
  return out;
}

export function cat(tensors: Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError("torch.cat(): expected a non-empty list of Tensors");
  const parts = tensors.filter((x) => !(x.dim() === 1 && x.numel === 0));
  const ref = parts[0] ?? tensors[0];
  const d = wrapDim(dim, ref.dim());
  for (const [k, x] of parts.entries()) {
    if (x.dim() !== ref.dim())
      throw runtimeError(
        `Tensors must have same number of dimensions: got ${ref.dim()} and ${x.dim()}`,
      );
    for (let i = 0; i < ref.dim(); i++)
      if (i !== d && x.shape[i] !== ref.shape[i])
        throw runtimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[i]} but got size ${x.shape[i]} for tensor number ${k} in the list.`,
        );
  }
  if (ref.dim() === 0) throw runtimeError("zero-dimensional tensor (at position 0) cannot be concatenated");
  const dtype = parts.map((x) => x.dtype).reduce(promoteTypes);
  const shape = ref.shape.slice();
  shape[d] = parts.reduce((s, x) => s + x.shape[d], 0);
  const outer = numelOf(shape.slice(0, d));
  const inner = parts.map((x) => numelOf(x.shape.slice(d)));
  const sizes = parts.map((x) => x.shape[d]);
  return record(joined(parts, outer, inner, shape, dtype), {
    op: "cat",
    gradFn: "CatBackward0",
    inputs: parts,
    backward: ([g]) => {
      let at = 0;
      return sizes.map((n) => {
        const piece = slice(g!, d, at, at + n);
        at += n;
        return piece;
      });
    },
    // cat_jvp: a part without a tangent adds zeros
    jvp: (ts) => cat(ts.map((tt, k) => tt ?? zerosLikeT(parts[k])), d),
  });
}

export function stack(tensors: Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError("stack expects a non-empty TensorList");
  const ref = tensors[0];
  tensors.forEach((x, k) => {
    if (x.shape.join() !== ref.shape.join())
      throw runtimeError(
        `stack expects each tensor to be equal size, but got [${ref.shape.join(", ")}] at entry 0 and [${x.shape.join(", ")}] at entry ${k}`,
      );
  });
  const d = wrapDim(dim, ref.dim() + 1);
  const shape = ref.shape.slice();
  shape.splice(d, 0, tensors.length);
  const outer = numelOf(ref.shape.slice(0, d));
  const inner = numelOf(ref.shape.slice(d));
  const dtype = tensors.map((x) => x.dtype).reduce(promoteTypes);
  return record(joined(tensors, outer, inner, shape, dtype), {
    op: "stack",
    gradFn: "StackBackward0",
    inputs: tensors,
    backward: ([g]) => tensors.map((_, k) => select(g!, d, k)),
    jvp: (ts) => stack(ts.map((tt, k) => tt ?? zerosLikeT(tensors[k])), d),
  });
}

/** x.unbind(dim) (and `for row in x`): views of each slice, all outputs of one UnbindBackward0 */
export function unbind(t: Tensor, dim = 0): Tensor[] {
  if (t.dim() === 0) throw indexError("Dimension specified as 0 but tensor has no dimensions");
  const d = wrapDim(dim, t.dim());
  const shape = t.shape.filter((_, k) => k !== d);
  const strides = t.strides.filter((_, k) => k !== d);
  const outs = Array.from({ length: t.shape[d] }, (_, i) =>
    makeView(t, shape.slice(), strides.slice(), t.offset + i * t.strides[d], "multi_output"),
  );
  const rt = t.rt;
  let node: GradNode | null = null;
  if (rt.gradEnabled && t.requiresGrad) {
    node = new GradNode(rt, "UnbindBackward0", [gradientEdge(t)], (grads) => [
      // grads may have holes (outputs that got no gradient), which some()/map() skip
      stack(
        outs.map((o, i) => grads[i] ?? zerosLikeT(o)),
        d,
      ),
    ]);
    node.gradShape = shape.slice();
    node.gradDType = t.dtype;
    outs.forEach((o, i) => {
      o.gradFn = node;
      o.outputNr = i;
    });
  }
  if (rt.sink && outs.length > 0)
    rt.emit({
      kind: "op/applied",
      op: "unbind",
      inputs: [t.id],
      output: outs[0].info(),
      node: node ? node.info() : null,
      extraOutputs: outs.slice(1).map((o) => o.info()),
      span: rt.span,
    });
  const tangents = inputTangents(rt, [t]);
  if (tangents) {
    const parts = inTangentFormula(rt, "unbind", () => unbind(tangents[0]!, d));
    outs.forEach((o, i) => attachTangent(o, parts[i], "unbind", [t]));
  }
  return outs;
}
