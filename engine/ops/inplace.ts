// In-place ops: zero_, fill_, add_, sub_, mul_, div_, copy_, clamp_ bump the storage's
// version and, in grad mode, rebase the tensor's grad_fn (ZeroBackward0, AddBackward0...);
// plus the flag setters requires_grad_, retain_grad and `x.grad = ...`.
import { atenTypeName, canCast, castValue, isFloating, scalarToNumber, typeMetaName, type DType, type Scalar } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { GradNode, type BackwardFn, type SavedArg, wrappedNumbers } from "../autograd/node.ts";
import { gradientEdge, record, recordConstant, saveExtras } from "../autograd/record.ts";
import { checkViewCreation, copySlices, moveRetained } from "../autograd/view_history.ts";
import { forEachOffset, fromValues, makeView, type Tensor } from "../tensor.ts";
import { broadcastStrides, isTensor, promote, type Operand } from "./kernel.ts";
import { addAlpha, mul, neg, div, maybeMultiply, subCheck } from "./arith.ts";
import { created } from "./create.ts";
import { ge, le, logicalAnd, where } from "./compare.ts";
import { clone } from "./index_ops.ts";
import { expand } from "./views.ts";
import { tangentSum, term } from "./tangent_sum.ts";
import { sum, sumTo } from "./reduce.ts";
import { zerosLikeT } from "./unary.ts";
import { attachTangent, inTangentFormula, inputTangents, noTangentFormula, tangentOf } from "../autograd/forward_ad.ts";

interface Rebase {
  gradFn: string;
  /** other differentiable inputs besides self (null: a Python number, an edge to nowhere) */
  others: (Tensor | null)[];
  backward: BackwardFn;
  /** inputs the formula needs, saved before the write: an input that shares the written
   *  storage (`h.mul_(h)`) is then behind by one version, and backward raises as PyTorch does */
  save?: Record<string, Tensor>;
  /** the formula needs the output: self after the write, saved as "result" */
  saveResult?: boolean;
  saveLists?: Record<string, readonly (Tensor | null)[]>;
  args?: Record<string, SavedArg>;
  /** the formula needs self as it was before the write: a clone (recorded, CloneBackward0)
   *  saved as "self", made after the node as PyTorch's original_self is */
  original?: boolean;
  /** forward AD: the new tangent of self from the tangents of [self, ...others], computed
   *  before the write (the formula reads self as it was); absent: a dual operand raises */
  jvp?: (tangents: (Tensor | null)[]) => Tensor | null;
}

function operandAt(o: Operand, t: Tensor, dtype: DType): (i: number) => number {
  if (!isTensor(o)) {
    const v = castValue(scalarToNumber(o), dtype);
    return () => v;
  }
  if (o.dim() > t.dim() || o.shape.some((d, i) => d !== 1 && d !== t.shape[t.dim() - o.dim() + i])) {
    throw runtimeError(
      `output with shape [${t.shape.join(", ")}] doesn't match the broadcast shape [${broadcastShape(o, t).join(", ")}]`,
    );
  }
  const data = o.storage.data;
  if (o.numel === t.numel && o.isContiguous()) {
    const base = o.offset;
    return o.dtype === dtype ? (i) => data[base + i] : (i) => castValue(data[base + i], dtype);
  }
  const strides = broadcastStrides(o, t.shape);
  const offs: number[] = [];
  forEachOffset({ shape: t.shape, strides, offset: o.offset, numel: t.numel } as Tensor, (off) => offs.push(off));
  return (i) => castValue(data[offs[i]], dtype);
}

function broadcastShape(o: Tensor, t: Tensor): number[] {
  const n = Math.max(o.dim(), t.dim());
  return Array.from({ length: n }, (_, i) => Math.max(o.shape[o.dim() - n + i] ?? 1, t.shape[t.dim() - n + i] ?? 1));
}

/** check_inplace: an in-place op autograd records may not touch a leaf that requires grad,
 *  a view of one, or a view made in no_grad mode or by a multi-output op */
export function checkInplace(t: Tensor, recording: boolean): void {
  if (!recording) return;
  const b = t.base;
  if (b) {
    checkViewCreation(t, false);
    if (t.requiresGrad && b.isLeaf)
      throw runtimeError("a view of a leaf Variable that requires grad is being used in an in-place operation.");
  }
  if (t.requiresGrad && t.isLeaf) throw runtimeError("a leaf Variable that requires grad is being used in an in-place operation.");
}

/** is_non_overlapping_and_dense: the elements fill a block of storage exactly, in some dim order */
function denseNonOverlapping(t: Tensor): boolean {
  const dims = t.shape.map((_, i) => i).filter((i) => t.shape[i] !== 1);
  dims.sort((i, j) => t.strides[i] - t.strides[j]);
  let expected = 1;
  for (const i of dims) {
    if (t.strides[i] !== expected) return false;
    expected *= t.shape[i];
  }
  return true;
}

export type Overlap = "no" | "full" | "partial" | "too_hard";

/** ATen's get_overlap_status: only two dense tensors can be told apart; the same elements in the
 *  same layout are a full overlap, anything else sharing memory a partial one */
export function overlapStatus(a: Tensor, b: Tensor): Overlap {
  if (a === b) return "full";
  if (a.numel === 0 || b.numel === 0) return "no";
  if (!denseNonOverlapping(a) || !denseNonOverlapping(b)) return "too_hard";
  if (a.storage !== b.storage) return "no";
  const aEnd = a.offset + a.numel;
  const bEnd = b.offset + b.numel;
  if (a.offset === b.offset && aEnd === bEnd) return a.strides.join() === b.strides.join() ? "full" : "partial";
  return a.offset < bEnd && b.offset < aEnd ? "partial" : "no";
}

export const OVERLAP_MESSAGE =
  "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.";

/** TensorIterator's memory-overlap checks: no writing into an expanded tensor, nor reading from
 *  a tensor that covers the written elements differently (x[1:] = x[:-1]) */
function checkOverlap(t: Tensor, sources: readonly Operand[], internal: boolean): void {
  if (internal && !denseNonOverlapping(t) && t.shape.some((n, i) => n > 1 && t.strides[i] === 0))
    throw runtimeError(
      "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.",
    );
  for (const s of sources) if (isTensor(s) && overlapStatus(t, s) === "partial") throw runtimeError(OVERLAP_MESSAGE);
}

/** write f(old, i) into t, bump the version, rebase grad_fn (CopySlices on the base when t
 *  is a view), narrate. `sources`: the tensors f reads, for the overlap checks */
export function mutate(
  t: Tensor,
  op: string,
  f: (old: number, i: number) => number,
  rebase: Rebase | null,
  sources: readonly Operand[] = [],
  /** zero_ and fill_ may write into an expanded tensor (their kernels skip that check) */
  internalOverlapCheck = true,
  /** t was resized just before the write (an out= argument of another shape): the event says so */
  resized = false,
): Tensor {
  const rt = t.rt;
  const recording = rebase !== null && rt.gradEnabled && !rt.inferenceMode && (t.requiresGrad || rebase.others.some((o) => o?.requiresGrad));
  checkInplace(t, recording);
  checkOverlap(t, sources, internalOverlapCheck);
  const tangents = rebase && isFloating(t.dtype) ? inputTangents(rt, [t, ...rebase.others]) : null;
  if (tangents && !rebase!.jvp) throw noTangentFormula(op);
  const newTangent = tangents ? inTangentFormula(rt, op, () => rebase!.jvp!(tangents)) : null;
  const storageBefore = rt.sink ? t.storage.data.slice() : [];
  // PyTorch makes the op's node, then collects its edges (which regenerates a stale view's grad_fn)
  let node: GradNode | null = null;
  if (recording) {
    node = new GradNode(rt, rebase.gradFn, [], rebase.backward);
    node.next.push(gradientEdge(t), ...rebase.others.map((o) => (o ? gradientEdge(o) : null)));
    if (rebase.original) node.save("self", clone(t));
    if (rebase.save) for (const k in rebase.save) node.save(k, rebase.save[k]);
    saveExtras(node, rebase);
  }
  const gradFnBefore = t.rawGradFn;
  const data = t.storage.data;
  if (t.isContiguous()) {
    const base = t.offset;
    for (let i = 0; i < t.numel; i++) data[base + i] = castValue(f(data[base + i], i), t.dtype);
  } else {
    // element by element in order, each reading what earlier writes left, as ATen's loop does
    // where it cannot tell whether the operands overlap (x[::2] = x[1:6])
    forEachOffset(t, (off, i) => (data[off] = castValue(f(data[off], i), t.dtype)));
  }
  // a write through x.data counts on its own counter; autograd does not see it
  if (t.dataVersion) {
    t.dataVersion.value++;
    t.storage.dataWrites++;
  } else t.storage.version++;
  const bumped = t.dataVersion ? 0 : 1;
  let rebased: GradNode | null = null;
  const base = t.base;
  if (node && rebase) {
    node.gradShape = t.shape.slice();
    node.gradDType = t.dtype;
    // a view saved as its own result reports its (regenerated) grad_fn in version errors
    if (rebase.saveResult) node.save("result", t, !base);
    if (base) {
      rebased = copySlices(t, node);
      base.gradFn = rebased;
      base.outputNr = 0;
    } else {
      rebased = node;
      moveRetained(t, gradFnBefore, node, 0);
      t.gradFn = node;
      t.outputNr = 0;
    }
  }
  if (rt.sink)
    rt.emit({
      kind: "tensor/mutated",
      tensor: t.id,
      storage: t.storage.id,
      op,
      versionBefore: t.storage.version - bumped,
      versionAfter: t.storage.version,
      storageBefore,
      storageAfter: t.storage.data.slice(),
      aliases: t.storage.viewers.slice(),
      gradFnBefore: gradFnBefore ? gradFnBefore.id : null,
      node: rebased ? rebased.info() : null,
      ...(rebased && base ? { rebased: base.id } : {}),
      requiresGradAfter: t.requiresGrad,
      ...(resized ? { geometry: { shape: t.shape.slice(), strides: t.strides.slice() } } : {}),
      span: rt.span,
    });
  node?.packSaved();
  if (newTangent) writeTangent(t, newTangent, op);
  // rebase_history ends by reading the view's grad_fn: it becomes AsStridedBackward0 now
  if (rebased && base) void t.gradFn;
  // PyTorch checks after the kernel wrote: the values change and the error is raised all the same
  if (t.storage.inference && !rt.inferenceMode)
    throw runtimeError(
      "Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.",
    );
  return t;
}

function checkCast(t: Tensor, other: Operand, trueDivision = false): DType {
  let d = promote([t, other]);
  // division of integers is true division: its result is floating (ints divided in place raise)
  if (trueDivision && !isFloating(d)) d = "float32";
  if (!canCast(d, t.dtype))
    throw runtimeError(`result type ${typeWord(d)} can't be cast to the desired output type ${typeWord(t.dtype)}`);
  return d;
}
const typeWord = (d: DType) => atenTypeName(d);
const others = (o: Operand): Tensor[] => (isTensor(o) ? [o] : []);
/** add_/sub_/mul_/div_ take a Python number as a wrapped tensor: its slot shows as None */
const wrapped = (o: Operand): (Tensor | null)[] => [isTensor(o) ? o : null];

export function zero_(t: Tensor): Tensor {
  return mutate(t, "zero_", () => 0, { gradFn: "ZeroBackward0", others: [], backward: ([g]) => [zerosLikeT(g!)], jvp: () => zerosLikeT(t) }, [], false);
}

/** fill_ reads a tensor value's item() before writing: no overlap check (h.fill_(h[0]) is fine) */
export function fill_(t: Tensor, v: Operand): Tensor {
  if (isTensor(v) && v.dim() !== 0)
    throw runtimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${v.dim()} dimensions.`);
  const value = castValue(isTensor(v) ? v.at(0) : scalarToNumber(v), t.dtype);
  return mutate(t, "fill_", () => value, {
    gradFn: isTensor(v) ? "FillBackward3" : "FillBackward2",
    others: others(v),
    backward: ([g]) => [zerosLikeT(g!), ...(isTensor(v) ? [sum(g!)] : [])],
    jvp: ([, tv]) => (tv ? clone(expand(tv, t.shape)) : zerosLikeT(t)),
  }, [], false);
}

export function add_(t: Tensor, other: Operand, alpha: Scalar = 1): Tensor {
  const d = checkCast(t, other);
  const at = operandAt(other, t, d);
  const al = Number(alpha);
  const f = al === 1 ? (x: number, y: number) => x + y : addAlpha(d, al);
  return mutate(t, "add_", (old, i) => f(castValue(old, d), at(i)), {
    gradFn: "AddBackward0",
    others: wrapped(other),
    backward: ([g]) => [g, !isTensor(other) ? null : maybeMultiply(g!, alpha)],
    jvp: ([ts, to]) => tangentSum(t.shape, [term(ts, (x) => x), term(to ?? null, (x) => maybeMultiply(x, alpha))]),
  }, [other]);
}

export function sub_(t: Tensor, other: Operand, alpha: Scalar = 1): Tensor {
  subCheck(t, other);
  const d = checkCast(t, other);
  const at = operandAt(other, t, d);
  const al = Number(alpha);
  const f = al === 1 ? (x: number, y: number) => x - y : addAlpha(d, -al);
  return mutate(t, "sub_", (old, i) => f(castValue(old, d), at(i)), {
    gradFn: "SubBackward0",
    others: wrapped(other),
    backward: ([g]) => [g, !isTensor(other) ? null : maybeMultiply(neg(g!), alpha)],
    jvp: ([ts, to]) => tangentSum(t.shape, [term(ts, (x) => x), term(to ?? null, (x) => neg(maybeMultiply(x, alpha)))]),
  }, [other]);
}

export function mul_(t: Tensor, other: Operand): Tensor {
  const d = checkCast(t, other);
  const at = operandAt(other, t, d);
  const needSelf = isTensor(other) && other.requiresGrad;
  const wrappedOther = isTensor(other) ? other : markWrapped(created(fromValues(t.rt, [scalarToNumber(other)], [], promote([other])), "wrapped number"));
  return mutate(t, "mul_", (old, i) => castValue(old, d) * at(i), {
    gradFn: "MulBackward0",
    others: wrapped(other),
    save: { other: wrappedOther },
    original: needSelf,
    backward: ([g], node) => [mul(g!, node.unpack("other")), needSelf ? mul(g!, node.unpack("self")) : null],
    // other_t * self_p + self_t * other_p, self_p as it was before the write
    jvp: ([ts, to]) => tangentSum(t.shape, [term(to ?? null, (x) => mul(x, t), t), term(ts, (x) => mul(x, other), ...(isTensor(other) ? [other] : []))]),
  }, [other]);
}

export function div_(t: Tensor, other: Operand): Tensor {
  const d = checkCast(t, other, true);
  const at = operandAt(other, t, d);
  const wrappedOther = isTensor(other) ? other : markWrapped(created(fromValues(t.rt, [scalarToNumber(other)], [], promote([other])), "wrapped number"));
  return mutate(t, "div_", (old, i) => castValue(old, d) / at(i), {
    gradFn: "DivBackward0",
    others: wrapped(other),
    save: { other: wrappedOther },
    saveResult: true,
    backward: ([g], node) => {
      const o = node.unpack("other");
      return [div(g!, o), isTensor(other) ? mul(neg(g!), div(node.unpack("result"), o)) : null];
    },
    jvp: ([ts, to]) => {
      const result = to ? t.rt.internally(() => div(t, other)) : t;
      return div(tangentSum(t.shape, [term(ts, (x) => x), term(to ?? null, (x) => neg(mul(x, result)), result)], "SubBackward0"), other);
    },
  }, [other]);
}

export function clamp_(t: Tensor, min?: Scalar | null, max?: Scalar | null): Tensor {
  const d = promote([t, ...[min, max].filter((b): b is Scalar => b != null)]);
  // clamp_'s own check, which names types as C++'s typeid does ("long int")
  if (!canCast(d, t.dtype)) throw runtimeError(`result type ${atenTypeName(d)} can't be cast to the desired output type ${typeMetaName(t.dtype)}`);
  const lo = min == null ? -Infinity : Number(min);
  const hi = max == null ? Infinity : Number(max);
  return mutate(t, "clamp_", (v) => (Number.isNaN(v) ? v : Math.min(Math.max(v, lo), hi)), {
    gradFn: "ClampBackward1",
    others: [],
    original: true,
    backward: ([g], node) => {
      const s = node.unpack("self");
      const mask = min != null && max != null ? logicalAnd(ge(s, min), le(s, max)) : min != null ? ge(s, min) : le(s, max!);
      return [where(mask, g!, 0)];
    },
    jvp: ([ts]) => {
      const mask = min != null && max != null ? logicalAnd(ge(t, min), le(t, max)) : min != null ? ge(t, min) : le(t, max!);
      return where(mask, ts!, 0);
    },
  });
}

/** copy_ into an integer or bool tensor is not recorded (VariableTypeManual's copy_ checks the
 *  dtype; other in-place ops do not: an int `c.fill_(b[0])` gets FillBackward3 in PyTorch too) */
export function copy_(t: Tensor, src: Tensor): Tensor {
  const at = operandAt(src, t, t.dtype);
  const srcShape = src.shape.slice();
  const rebase: Rebase = {
    gradFn: "CopyBackwards",
    others: [src],
    backward: ([g]) => [zerosLikeT(g!), sumTo(g!, srcShape)],
    jvp: ([, ts]) => (ts ? clone(expand(ts, t.shape)) : zerosLikeT(t)),
  };
  return mutate(t, "copy_", (_o, i) => at(i), isFloating(t.dtype) ? rebase : null, [src]);
}

/** AccumulateGrad's `variable_grad += new_grad` with grad mode off: no leaf check, no rebase */
export function addInPlaceNoGrad(t: Tensor, g: Tensor, op: string): Tensor {
  const at = operandAt(g, t, t.dtype);
  return t.rt.noGrad(() => mutate(t, `add_ (${op})`, (old, i) => old + at(i), null));
}

/** new_empty_strided(...).copy_(new_grad): the first .grad under create_graph, CopyBackwards */
export function copyWithGraph(g: Tensor): Tensor {
  const out = fromValues(g.rt, g.values(), g.shape.slice(), g.dtype);
  // AccumulateGrad's clone_obey_contract: new_empty_strided(...).copy_(grad), an in-place copy,
  // so the stored .grad starts at version 1
  out.storage.version = 1;
  return record(out, { op: "copy_", gradFn: "CopyBackwards", inputs: [null, g], backward: ([gr]) => [null, gr] });
}

/** x.to(dtype): a converted copy (ToCopyBackward0); the tensor itself when the dtype is already
 *  right, unless `copy` (x.to(copy=True)) */
export function castTo(t: Tensor, dtype: DType, copy = false): Tensor {
  if (t.dtype === dtype && !copy) return t;
  const from = t.dtype;
  const out = fromValues(t.rt, t.values().map((v) => castValue(v, dtype)), t.shape.slice(), dtype);
  return record(out, { op: "to", gradFn: "ToCopyBackward0", inputs: [t], backward: ([g]) => [castTo(g!, from)], jvp: ([tt]) => castTo(tt!, dtype, true) });
}

export function requiresGrad_(t: Tensor, flag = true): Tensor {
  if (!t.isLeaf) {
    if (flag) return t;
    throw runtimeError(
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  }
  if (flag && !isFloating(t.dtype)) throw runtimeError("only Tensors of floating point dtype can require gradients");
  if (flag && t.storage.inference && !t.rt.inferenceMode)
    throw runtimeError("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.");
  t.setLeafRequiresGrad(flag);
  emitFlags(t);
  return t;
}

/** x.detach_(): the tensor itself leaves the graph (no grad_fn, requires_grad False); a view refuses */
export function detach_(t: Tensor): Tensor {
  if (t.base !== null)
    throw runtimeError(
      "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.",
    );
  t.gradFn = null;
  t.setLeafRequiresGrad(false);
  emitFlags(t);
  return t;
}

export function retainGrad(t: Tensor): void {
  if (!t.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
  if (t.isLeaf || t.retainsGrad) return;
  const node = t.gradFn!;
  node.retained ??= new Map();
  node.retained.set(t.outputNr, t);
  t.retainsGrad = true;
  emitFlags(t);
}

/** `x.grad = g`: THPVariable_set_grad's checks, in its order */
export function setGrad(t: Tensor, g: Tensor | null): void {
  if (g !== null) {
    if (g === t) throw runtimeError("can't assign Variable as its own grad");
    if (g.dtype !== t.dtype)
      throw runtimeError(
        `attempting to assign a gradient with dtype '${typeMetaName(g.dtype)}' to a tensor with dtype '${typeMetaName(t.dtype)}'. Please ensure that the gradient and the tensor have the same dtype`,
      );
    if (g.shape.join() !== t.shape.join() || g.dim() !== t.dim())
      throw runtimeError(
        `attempting to assign a gradient of size '[${g.shape.join(", ")}]' to a tensor of size '[${t.shape.join(", ")}]'. Please ensure that the gradient and the tensor are the same size`,
      );
  }
  const before = t.grad;
  t.grad = g;
  t.rt.emit({ kind: "attr/set", tensor: t.id, attr: "grad", before: before?.id ?? null, after: g?.id ?? null, span: t.rt.span });
}

function emitFlags(t: Tensor): void {
  t.rt.emit({
    kind: "tensor/flags",
    tensor: t.id,
    requiresGrad: t.requiresGrad,
    isLeaf: t.isLeaf,
    gradFn: t.gradFn?.id ?? null,
    retainsGrad: t.retainsGrad,
  });
}

/** a Python scalar operand's 0-d tensor: saved as is, never packed by saved_tensors_hooks */
function markWrapped(t: Tensor): Tensor {
  wrappedNumbers.add(t);
  return t;
}

/** the write of an op's `out=` argument: src's values into t (cast to t's dtype), no autograd */
export function writeOut(t: Tensor, src: Tensor, op: string, resized: boolean): Tensor {
  const at = operandAt(src, t, t.dtype);
  return mutate(t, op, (_o, i) => at(i), null, [src], true, resized);
}

/** an in-place op's new tangent goes into self's tangent in place (every view of it sees the
 *  change); a view without one gets a view of its base's tangent (zeros until now) */
function writeTangent(t: Tensor, value: Tensor, op: string): void {
  const rt = t.rt;
  let tangent = tangentOf(t);
  const base = t.base;
  if (!tangent && base) {
    let baseTangent = tangentOf(base);
    if (!baseTangent) {
      if (!base.isContiguous() || base.offset !== 0) throw noTangentFormula(`an in-place op on a view of a non-contiguous tensor`);
      baseTangent = zerosLikeT(base);
      attachTangent(base, baseTangent, op);
    }
    if (!baseTangent.isContiguous() || baseTangent.dtype !== base.dtype) throw noTangentFormula(`an in-place op on a view of a dual tensor whose tangent has another layout`);
    tangent = recordConstant(makeView(baseTangent, t.shape.slice(), t.strides.slice(), t.offset), "tangent view", [baseTangent], true);
    attachTangent(t, tangent, op);
  }
  if (!tangent) {
    attachTangent(t, value, op);
    return;
  }
  const target = tangent;
  rt.noGrad(() => copy_(target, value));
}
