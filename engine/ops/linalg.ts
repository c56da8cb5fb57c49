// Matrix products: dot, mv, mm, bmm and matmul in every shape PyTorch allows. Products are
// accumulated in order in the tensor's dtype, as the reference BLAS PyTorch links does (gemm.ts).
import { atenTypeName, typeMetaName, type DType } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromStorage, fromValues, makeView, type Tensor } from "../tensor.ts";
import { mul } from "./arith.ts";
import { gemm32, gemm64 } from "./gemm.ts";
import { contiguous } from "./index_ops.ts";
import { dense, tangentSum } from "./tangent_sum.ts";
import { expand, reshape, tOp, transpose, unsqueeze } from "./views.ts";

/** the same-dtype check of each product, in PyTorch 2.6's words for it */
function checkSameDType(a: Tensor, b: Tensor, op: "mm" | "mv" | "dot" | "bmm"): DType {
  if (a.dtype === b.dtype) return a.dtype;
  const [x, y] = [atenTypeName(a.dtype), atenTypeName(b.dtype)];
  if (op === "mm") throw runtimeError(`expected m1 and m2 to have the same dtype, but got: ${typeMetaName(a.dtype)} != ${typeMetaName(b.dtype)}`);
  if (op === "dot") throw runtimeError(`dot : expected both vectors to have same dtype, but found ${x} and ${y}`);
  throw runtimeError(`expected scalar type ${x} but found ${y}`);
}

function gemm(a: Tensor, b: Tensor, n: number, k: number, m: number, dtype: DType): Float32Array | Float64Array {
  const rt = a.rt;
  rt.checkDeadline();
  // a 5000x5000 product takes a minute: the time budget is looked at between blocks of rows
  const between = () => rt.checkDeadline();
  if (dtype === "float32") return gemm32(a.contiguousData() as Float32Array, b.contiguousData() as Float32Array, n, k, m, between);
  const f64 = (t: Tensor) => {
    const d = t.contiguousData();
    return d instanceof Float64Array ? d : Float64Array.from(d);
  };
  return gemm64(f64(a), f64(b), n, k, m, between);
}

/** matrix i of a batch, as an untracked view */
const batchView = (t: Tensor, i: number): Tensor =>
  makeView(t, t.shape.slice(1), t.strides.slice(1), t.offset + i * t.strides[0]);

/** the input was column-major (a transposed matrix): ATen computes its gradient transposed
 *  (mm_mat1_backward/mm_mat2_backward), which keeps the values and decides the layout */
export const columnMajor = (sizes: number[], strides: number[]): boolean => strides[0] === 1 && strides[1] === sizes[0];

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 2) throw runtimeError("self must be a matrix");
  if (b.dim() !== 2) throw runtimeError("mat2 must be a matrix");
  if (a.shape[1] !== b.shape[0])
    throw runtimeError(
      `mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`,
    );
  const d = checkSameDType(a, b, "mm");
  const [n, k] = a.shape;
  const m = b.shape[1];
  a.rt.checkElements(n * m);
  const out = fromStorage(a.rt, gemm(a, b, n, k, m, d), [n, m], d);
  const [aT, bT] = [columnMajor(a.shape, a.strides), columnMajor(b.shape, b.strides)];
  return record(out, {
    op: "mm",
    gradFn: "MmBackward0",
    inputs: [a, b],
    // each saved only for the other's formula (PyTorch 2.6: _saved_mat2 is None when self needs no grad)
    save: { self: b.requiresGrad ? a : null, mat2: a.requiresGrad ? b : null },
    backward: ([g], node) => [
      node.needs(0) ? (aT ? tOp(mm(node.unpack("mat2"), tOp(g!))) : mm(g!, tOp(node.unpack("mat2")))) : null,
      node.needs(1) ? (bT ? tOp(mm(tOp(g!), node.unpack("self"))) : mm(tOp(node.unpack("self")), g!)) : null,
    ],
    jvp: ([ta, tb]) => tangentSum(out.shape, [dense(ta, a, (t) => mm(t, b)), dense(tb, b, (t) => mm(a, t))]),
  });
}

export function mv(a: Tensor, v: Tensor): Tensor {
  if (a.dim() !== 2 || v.dim() !== 1)
    throw runtimeError(`vector + matrix @ vector expected, got 1, ${a.dim()}, ${v.dim()}`);
  if (a.shape[1] !== v.shape[0])
    throw runtimeError(`size mismatch, got input (${a.shape[0]}), mat (${a.shape[0]}x${a.shape[1]}), vec (${v.shape[0]})`);
  const d = checkSameDType(a, v, "mv");
  const out = fromStorage(a.rt, gemm(a, v, a.shape[0], a.shape[1], 1, d), [a.shape[0]], d);
  return record(out, {
    op: "mv",
    gradFn: "MvBackward0",
    inputs: [a, v],
    save: { self: v.requiresGrad ? a : null, vec: a.requiresGrad ? v : null },
    backward: ([g], node) => [
      node.needs(0) ? mul(reshape(g!, [-1, 1]), node.unpack("vec")) : null,
      node.needs(1) ? mv(tOp(node.unpack("self")), g!) : null,
    ],
    jvp: ([ta, tv]) => tangentSum(out.shape, [dense(ta, a, (t) => mv(t, v)), dense(tv, v, (t) => mv(a, t))]),
  });
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 1 || b.dim() !== 1)
    throw runtimeError(`1D tensors expected, but got ${a.dim()}D and ${b.dim()}D tensors`);
  if (a.numel !== b.numel)
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${a.numel}] and src [${b.numel}] to have the same number of elements, but got ${a.numel} and ${b.numel} elements respectively`,
    );
  const d = checkSameDType(a, b, "dot");
  const out = fromStorage(a.rt, gemm(a, b, 1, a.numel, 1, d), [], d);
  return record(out, {
    op: "dot",
    gradFn: "DotBackward0",
    inputs: [a, b],
    save: { self: b.requiresGrad ? a : null, tensor: a.requiresGrad ? b : null },
    backward: ([g], node) => [
      node.needs(0) ? mul(g!, node.unpack("tensor")) : null,
      node.needs(1) ? mul(g!, node.unpack("self")) : null,
    ],
    jvp: ([ta, tb]) => tangentSum(out.shape, [dense(ta, a, (t) => dot(t, b)), dense(tb, b, (t) => dot(a, t))]),
  });
}

export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 3) throw runtimeError("batch1 must be a 3D tensor");
  if (b.dim() !== 3) throw runtimeError("batch2 must be a 3D tensor");
  const [bs, n, k] = a.shape;
  if (b.shape[0] !== bs || b.shape[1] !== k)
    throw runtimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${bs}, ${k}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  const d = checkSameDType(a, b, "bmm");
  const m = b.shape[2];
  a.rt.checkElements(bs * n * m);
  const out = d === "float32" ? new Float32Array(bs * n * m) : new Float64Array(bs * n * m);
  for (let i = 0; i < bs; i++) out.set(gemm(batchView(a, i), batchView(b, i), n, k, m, d), i * n * m);
  return record(fromStorage(a.rt, out, [bs, n, m], d), {
    op: "bmm",
    gradFn: "BmmBackward0",
    inputs: [a, b],
    save: { self: b.requiresGrad ? a : null, mat2: a.requiresGrad ? b : null },
    backward: ([g], node) => [
      node.needs(0) ? bmm(g!, transpose(node.unpack("mat2"), 1, 2)) : null,
      node.needs(1) ? bmm(transpose(node.unpack("self"), 1, 2), g!) : null,
    ],
    jvp: ([ta, tb]) => tangentSum([bs, n, m], [dense(ta, a, (t) => bmm(t, b)), dense(tb, b, (t) => bmm(a, t))]),
  });
}

/** a view of `t` with a different grad_fn name, as ATen's in-place squeeze_/_unsafe_view give */
function renamed(t: Tensor, shape: number[], gradFn: string, op: string): Tensor {
  const sizes = t.shape.slice();
  const out = fromValues(t.rt, t.values(), shape, t.dtype);
  return record(out, { op, gradFn, inputs: [t], backward: ([g]) => [reshape(g!, sizes)], jvp: ([tt]) => reshape(tt!, shape) });
}

export function matmul(a: Tensor, b: Tensor): Tensor {
  const da = a.dim();
  const db = b.dim();
  if (da === 0 || db === 0)
    throw runtimeError(`both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  if (da === 1 && db === 1) return dot(a, b);
  if (da === 2 && db === 1) return mv(a, b);
  if (da === 1 && db === 2) {
    const r = mm(unsqueeze(a, 0), b);
    return renamedSqueeze(r);
  }
  if (da === 2 && db === 2) return mm(a, b);
  if (da >= 3 && db <= 2) {
    const lead = a.shape.slice(0, -1);
    const folded = reshape(contiguous(a), [-1, a.shape[da - 1]]);
    const r = db === 1 ? mv(folded, b) : mm(folded, b);
    return renamed(r, db === 1 ? lead : [...lead, b.shape[1]], "UnsafeViewBackward0", "matmul");
  }
  // batched: broadcast the batch dims, then bmm
  const ta = da === 1 ? unsqueeze(a, 0) : a;
  const tb = db === 1 ? unsqueeze(b, 1) : b;
  const batchA = ta.shape.slice(0, -2);
  const batchB = tb.shape.slice(0, -2);
  const n = Math.max(batchA.length, batchB.length);
  const batch: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = batchA[batchA.length - n + i] ?? 1;
    const y = batchB[batchB.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1)
      throw runtimeError(
        `The size of tensor a (${x}) must match the size of tensor b (${y}) at non-singleton dimension ${i}`,
      );
    batch.push(Math.max(x, y));
  }
  const [r1, c1] = ta.shape.slice(-2);
  const [r2, c2] = tb.shape.slice(-2);
  const bsz = batch.reduce((p, q) => p * q, 1);
  const ea = reshape(expand(ta, [...batch, r1, c1]), [bsz, r1, c1]);
  const eb = reshape(expand(tb, [...batch, r2, c2]), [bsz, r2, c2]);
  const out = bmm(ea, eb);
  const shape = [...batch];
  if (da > 1) shape.push(r1);
  if (db > 1) shape.push(c2);
  return renamed(out, shape, "UnsafeViewBackward0", "matmul");
}

function renamedSqueeze(r: Tensor): Tensor {
  const out = fromValues(r.rt, r.values(), [r.shape[1]], r.dtype);
  return record(out, { op: "matmul", gradFn: "SqueezeBackward4", inputs: [r], backward: ([g]) => [unsqueeze(g!, 0)], jvp: ([t]) => reshape(t!, [r.shape[1]]) });
}

