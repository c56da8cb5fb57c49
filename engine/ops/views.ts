// View ops: outputs share the input's storage (so in-place changes show through every alias):
// view, reshape, t, transpose, permute, unsqueeze, squeeze, expand, detach.
import { indexError, runtimeError } from "../errors.ts";
import { record, recordConstant } from "../autograd/record.ts";
import { contiguousStrides, makeView, numelOf, type Tensor } from "../tensor.ts";
import { clone } from "./index_ops.ts";
import { sumTo } from "./reduce.ts";

export function wrapDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n)
    throw indexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  return dim < 0 ? dim + n : dim;
}

export function inferShape(shape: number[], numel: number): number[] {
  let infer = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (d === -1) {
      if (infer >= 0) throw runtimeError("only one dimension can be inferred");
      infer = i;
    } else if (d < 0) throw runtimeError(`invalid shape dimension ${d}`);
    else known *= d;
  });
  const out = shape.slice();
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0)
      throw runtimeError(`shape '[${shape.join(", ")}]' is invalid for input of size ${numel}`);
    out[infer] = numel / known;
  } else if (known !== numel) throw runtimeError(`shape '[${shape.join(", ")}]' is invalid for input of size ${numel}`);
  return out;
}

/** ATen's computeStride: strides for viewing t as newShape without a copy, or null. */
function computeStride(t: Tensor, newShape: number[]): number[] | null {
  // a 0-d tensor views as any shape of one element (c.view(-1) shares c's storage)
  if (t.dim() === 0) return newShape.map(() => 1);
  if (t.numel === 0) return t.shape.join() === newShape.join() ? t.strides.slice() : contiguousStrides(newShape);
  const oldShape = t.shape;
  const oldStride = t.strides;
  const newStride = new Array<number>(newShape.length);
  let viewD = newShape.length - 1;
  let chunkBase = oldStride[oldShape.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d];
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStride[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStride[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldStride[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStride;
}

function viewAs(t: Tensor, shape: number[], op: string, gradFn: string): Tensor {
  const strides = computeStride(t, shape);
  if (!strides)
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  const sizes = t.shape.slice();
  return record(makeView(t, shape, strides, t.offset), {
    op,
    gradFn,
    inputs: [t],
    view: true,
    backward: ([g]) => [reshape(g!, sizes)],
    jvp: ([tt]) => reshape(tt!, shape),
  });
}

export function view(t: Tensor, shape: number[]): Tensor {
  return viewAs(t, inferShape(shape, t.numel), "view", "ViewBackward0");
}

export function reshape(t: Tensor, shape: number[]): Tensor {
  const s = inferShape(shape, t.numel);
  // a contiguous tensor is viewed; another one that can be is ATen's _reshape_alias
  if (t.isContiguous()) return viewAs(t, s, "reshape", "ViewBackward0");
  if (computeStride(t, s)) return viewAs(t, s, "reshape", "ReshapeAliasBackward0");
  const sizes = t.shape.slice();
  const c = clone(t);
  // _unsafe_view: shares the clone's storage but is not a view of it (._base is None)
  const out = makeView(c, s, contiguousStrides(s), 0);
  out.base = null;
  return record(out, {
    op: "reshape",
    gradFn: "UnsafeViewBackward0",
    inputs: [c],
    view: true,
    backward: ([g]) => [reshape(g!, sizes)],
    jvp: ([tt]) => reshape(tt!, s),
  });
}

export function permute(t: Tensor, dims: number[]): Tensor {
  if (dims.length !== t.dim())
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.dim()} is not equal to len(dims) = ${dims.length}`,
    );
  const d = dims.map((x) => wrapDim(x, t.dim()));
  if (new Set(d).size !== d.length) throw runtimeError("permute(): duplicate dims are not allowed.");
  const inverse = new Array<number>(d.length);
  d.forEach((x, i) => (inverse[x] = i));
  return record(
    makeView(
      t,
      d.map((x) => t.shape[x]),
      d.map((x) => t.strides[x]),
      t.offset,
    ),
    { op: "permute", gradFn: "PermuteBackward0", inputs: [t], view: true, backward: ([g]) => [permute(g!, inverse)], jvp: ([tt]) => permute(tt!, d) },
  );
}

export function transpose(t: Tensor, d0: number, d1: number, gradFn = "TransposeBackward0"): Tensor {
  if (t.dim() === 0) {
    wrapDim(d0, 0);
    wrapDim(d1, 0);
  }
  const a = t.dim() === 0 ? 0 : wrapDim(d0, t.dim());
  const b = t.dim() === 0 ? 0 : wrapDim(d1, t.dim());
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  [shape[a], shape[b]] = [shape[b], shape[a]];
  [strides[a], strides[b]] = [strides[b], strides[a]];
  return record(makeView(t, shape, strides, t.offset), {
    op: gradFn === "TBackward0" ? "t" : "transpose",
    gradFn,
    inputs: [t],
    view: true,
    backward: ([g]) => [gradFn === "TBackward0" ? tOp(g!) : transpose(g!, a, b)],
    jvp: ([tt]) => (gradFn === "TBackward0" ? tOp(tt!) : transpose(tt!, a, b)),
  });
}

export function tOp(t: Tensor): Tensor {
  if (t.dim() > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${t.dim()}D`);
  if (t.dim() < 2)
    return record(makeView(t, t.shape.slice(), t.strides.slice(), t.offset), {
      op: "t",
      gradFn: "TBackward0",
      inputs: [t],
      view: true,
      backward: ([g]) => [tOp(g!)],
      jvp: ([tt]) => tOp(tt!),
    });
  return transpose(t, 0, 1, "TBackward0");
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const d = wrapDim(dim, t.dim() + 1);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  const st = d < t.dim() ? shape[d] * strides[d] : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  return record(makeView(t, shape, strides, t.offset), {
    op: "unsqueeze",
    gradFn: "UnsqueezeBackward0",
    inputs: [t],
    view: true,
    backward: ([g]) => [squeeze(g!, d)],
    jvp: ([tt]) => unsqueeze(tt!, d),
  });
}

/** squeeze() (SqueezeBackward0), squeeze(dim) (SqueezeBackward1), squeeze(dims) (SqueezeBackward2) */
export function squeeze(t: Tensor, dim?: number | number[]): Tensor {
  const sizes = t.shape.slice();
  let keep: number[];
  if (dim === undefined) keep = t.shape.map((_, i) => i).filter((i) => t.shape[i] !== 1);
  else {
    const dims = (typeof dim === "number" ? [dim] : dim).map((x) => (t.dim() === 0 ? (wrapDim(x, 0), -1) : wrapDim(x, t.dim())));
    // dim_list_to_bitset
    dims.forEach((d, i) => {
      if (d >= 0 && dims.indexOf(d) !== i) throw runtimeError(`dim ${d} appears multiple times in the list of dims`);
    });
    keep = t.shape.map((_, i) => i).filter((i) => !dims.includes(i) || t.shape[i] !== 1);
  }
  return record(
    makeView(
      t,
      keep.map((i) => t.shape[i]),
      keep.map((i) => t.strides[i]),
      t.offset,
    ),
    {
      op: "squeeze",
      gradFn: dim === undefined ? "SqueezeBackward0" : typeof dim === "number" ? "SqueezeBackward1" : "SqueezeBackward2",
      inputs: [t],
      view: true,
      backward: ([g]) => {
        let r = g!;
        for (let i = 0; i < sizes.length; i++) if (sizes[i] === 1 && !keep.includes(i)) r = unsqueeze(r, i);
        return [r];
      },
      jvp: ([tt]) => squeeze(tt!, dim),
    },
  );
}

export function expand(t: Tensor, shape: number[]): Tensor {
  if (shape.length < t.dim())
    throw runtimeError(
      `expand(torch.FloatTensor{[${t.shape.join(", ")}]}, size=[${shape.join(", ")}]): the number of sizes provided (${shape.length}) must be greater or equal to the number of dimensions in the tensor (${t.dim()})`,
    );
  const lead = shape.length - t.dim();
  const outShape: number[] = [];
  const strides: number[] = [];
  shape.forEach((s, i) => {
    const src = i - lead;
    const size = src >= 0 ? t.shape[src] : 1;
    const target = s === -1 ? size : s;
    if (src >= 0 && size !== target && size !== 1)
      throw runtimeError(
        `The expanded size of the tensor (${target}) must match the existing size (${size}) at non-singleton dimension ${i}.  Target sizes: [${shape.join(", ")}].  Tensor sizes: [${t.shape.join(", ")}]`,
      );
    outShape.push(target);
    strides.push(src >= 0 && size === target ? t.strides[src] : 0);
  });
  const sizes = t.shape.slice();
  return record(makeView(t, outShape, strides, t.offset), {
    op: "expand",
    gradFn: "ExpandBackward0",
    inputs: [t],
    view: true,
    backward: ([g]) => [sumTo(g!, sizes)],
    jvp: ([tt]) => expand(tt!, shape),
  });
}

export function detach(t: Tensor): Tensor {
  const d = makeView(t, t.shape.slice(), t.strides.slice(), t.offset);
  d.base = null; // detach() is a view autograd does not track: in-place on it is allowed
  return recordConstant(d, "detach", [t], true);
}

/** x.data: detached, sharing the storage, with a version counter of its own */
export function variableData(t: Tensor): Tensor {
  const d = detach(t);
  d.dataVersion = { value: 0 };
  return d;
}

export const isViewable = (t: Tensor, shape: number[]): boolean =>
  numelOf(shape) === t.numel && computeStride(t, shape) !== null;
