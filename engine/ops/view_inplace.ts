// In-place view ops: x.t_(), x.transpose_(0, 1), x.squeeze_(), x.unsqueeze_(0) change only x's
// shape and strides (same storage, same values), bump its version as every in-place op does, and
// on a tensor that requires grad give it PyTorch's in-place node (TBackward1, TransposeBackward1,
// SqueezeBackward3/4, UnsqueezeBackward1) whose formula is the out-of-place view's. Other views of
// the storage then see a newer version: their grad_fn is regenerated (AsStridedBackward0).
import { GradNode } from "../autograd/node.ts";
import type { OpRecord } from "../autograd/record.ts";
import { gradientEdge } from "../autograd/record.ts";
import { moveRetained } from "../autograd/view_history.ts";
import { runtimeError } from "../errors.ts";
import type { Tensor } from "../tensor.ts";
import { checkInplace } from "./inplace.ts";
import { squeeze, tOp, transpose, unsqueeze } from "./views.ts";

/** the geometry and formula of `view(t)`, taken without recording it or narrating it */
function viewOf(t: Tensor, view: (x: Tensor) => Tensor): { shape: number[]; strides: number[]; rec: OpRecord | null } {
  const rt = t.rt;
  const capture = rt.recordCapture;
  const sink = rt.sink;
  let rec: OpRecord | null = null;
  rt.recordCapture = (r) => void (rec = r);
  rt.sink = null;
  let v: Tensor;
  try {
    v = view(t);
  } finally {
    rt.recordCapture = capture;
    rt.sink = sink;
  }
  // the out-of-place view was only a way to compute the geometry: it is no alias of the storage
  const viewers = t.storage.viewers;
  const at = viewers.lastIndexOf(v.id);
  if (v !== t && at >= 0) viewers.splice(at, 1);
  rt.tracked?.tensors.delete(v.id);
  return { shape: v.shape.slice(), strides: v.strides.slice(), rec };
}

function viewInplace(t: Tensor, op: string, gradFn: string, view: (x: Tensor) => Tensor): Tensor {
  const rt = t.rt;
  const recording = rt.gradEnabled && !rt.inferenceMode && t.requiresGrad;
  checkInplace(t, recording);
  const { shape, strides, rec } = viewOf(t, view);
  let node: GradNode | null = null;
  const gradFnBefore = t.rawGradFn;
  if (recording && rec) {
    node = new GradNode(rt, gradFn, [gradientEdge(t)], (rec as OpRecord).backward);
    node.gradShape = shape.slice();
    node.gradDType = t.dtype;
  }
  t.storage.version++;
  t.shape = shape;
  t.strides = strides;
  if (node) {
    moveRetained(t, gradFnBefore, node, 0);
    t.gradFn = node;
    t.outputNr = 0;
  }
  if (rt.sink) {
    const values = t.storage.data.slice();
    rt.emit({
      kind: "tensor/mutated",
      tensor: t.id,
      storage: t.storage.id,
      op,
      versionBefore: t.storage.version - 1,
      versionAfter: t.storage.version,
      storageBefore: values,
      storageAfter: values,
      aliases: t.storage.viewers.slice(),
      gradFnBefore: gradFnBefore ? gradFnBefore.id : null,
      node: node ? node.info() : null,
      requiresGradAfter: t.requiresGrad,
      geometry: { shape: shape.slice(), strides: strides.slice() },
      span: rt.span,
    });
  }
  return t;
}

export function t_(t: Tensor): Tensor {
  if (t.dim() > 2) throw runtimeError(`t_() expects a tensor with <= 2 dimensions, but self is ${t.dim()}D`);
  return viewInplace(t, "t_", "TBackward1", tOp);
}

export function transpose_(t: Tensor, dim0: number, dim1: number): Tensor {
  return viewInplace(t, "transpose_", "TransposeBackward1", (x) => transpose(x, dim0, dim1));
}

/** squeeze_() (SqueezeBackward3), squeeze_(dim) (SqueezeBackward4), squeeze_(dims) (SqueezeBackward5) */
export function squeeze_(t: Tensor, dim?: number | number[]): Tensor {
  const gradFn = dim === undefined ? "SqueezeBackward3" : typeof dim === "number" ? "SqueezeBackward4" : "SqueezeBackward5";
  return viewInplace(t, "squeeze_", gradFn, (x) => squeeze(x, dim));
}

export function unsqueeze_(t: Tensor, dim: number): Tensor {
  return viewInplace(t, "unsqueeze_", "UnsqueezeBackward1", (x) => unsqueeze(x, dim));
}
