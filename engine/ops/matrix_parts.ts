// Parts of matrices: tril/triu (TrilBackward0/TriuBackward0), diag (vector -> diagonal matrix,
// DiagEmbedBackward0; matrix -> its diagonal, DiagonalBackward0_copy), diagonal (a view, DiagonalBackward0) and trace (TraceBackward0,
// whose gradient PyTorch builds with index_fill_ and view, so create_graph shows those).
import { isFloating } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { filled, forEachOffset, fromValues, makeView, numelOf, type Tensor } from "../tensor.ts";
import { created } from "./create.ts";
import { view, wrapDim } from "./views.ts";
import { zerosOf } from "./gather_scatter.ts";
import { indexFill } from "./index_along_dim.ts";

/** keep the elements on the kept side of diagonal k of the last two dims, zero the rest */
function triangle(x: Tensor, k: number, lower: boolean): Tensor {
  if (x.dim() < 2) throw runtimeError(`${lower ? "tril" : "triu"}: input tensor must have at least 2 dimensions`);
  const rows = x.shape[x.dim() - 2];
  const cols = x.shape[x.dim() - 1];
  const v = x.values();
  const out = v.map((val, i) => {
    const j = i % cols;
    const r = Math.floor(i / cols) % rows;
    return (lower ? j - r <= k : j - r >= k) ? val : 0;
  });
  return record(fromValues(x.rt, out, x.shape.slice(), x.dtype), {
    op: lower ? "tril" : "triu",
    gradFn: lower ? "TrilBackward0" : "TriuBackward0",
    inputs: [x],
    backward: ([g]) => [triangle(g!, k, lower)],
    jvp: ([t]) => triangle(t!, k, lower),
  });
}

export const tril = (x: Tensor, diagonal = 0): Tensor => triangle(x, diagonal, true);
export const triu = (x: Tensor, diagonal = 0): Tensor => triangle(x, diagonal, false);

/** the diagonal view's geometry: drop dims d1 and d2, add one dim that walks both */
function diagonalGeometry(x: Tensor, offset: number, d1: number, d2: number) {
  const len = Math.max(0, offset >= 0 ? Math.min(x.shape[d1], x.shape[d2] - offset) : Math.min(x.shape[d1] + offset, x.shape[d2]));
  const start = len === 0 ? x.offset : x.offset + (offset >= 0 ? offset * x.strides[d2] : -offset * x.strides[d1]);
  const keep = x.shape.map((_, i) => i).filter((i) => i !== d1 && i !== d2);
  return {
    shape: [...keep.map((i) => x.shape[i]), len],
    strides: [...keep.map((i) => x.strides[i]), x.strides[d1] + x.strides[d2]],
    offset: start,
  };
}

/** x.diagonal(offset, dim1, dim2): a view of a diagonal */
export function diagonal(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const d1 = wrapDim(dim1, x.dim());
  const d2 = wrapDim(dim2, x.dim());
  if (d1 === d2) throw runtimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const geo = diagonalGeometry(x, offset, d1, d2);
  const sizes = x.shape.slice();
  return record(makeView(x, geo.shape, geo.strides, geo.offset), {
    op: "diagonal",
    gradFn: "DiagonalBackward0",
    inputs: [x],
    view: true,
    backward: ([g]) => [diagonalBackward(g!, sizes, offset, d1, d2)],
    jvp: ([t]) => diagonal(t!, offset, d1, d2),
  });
}

/** zeros of the input's sizes with grad written along the diagonal: DiagonalBackwardBackward0 */
export function diagonalBackward(grad: Tensor, sizes: number[], offset: number, d1: number, d2: number): Tensor {
  const out = filled(grad.rt, sizes.slice(), grad.dtype);
  const geo = diagonalGeometry(out, offset, d1, d2);
  const g = grad.values();
  const target = { shape: geo.shape, strides: geo.strides, offset: geo.offset, numel: numelOf(geo.shape) } as Tensor;
  forEachOffset(target, (off, i) => {
    out.storage.data[off] = g[i];
  });
  return record(out, {
    op: "diagonal_backward",
    gradFn: "DiagonalBackwardBackward0",
    inputs: [grad],
    backward: ([gg]) => [diagonal(gg!, offset, d1, d2)],
    jvp: ([t]) => diagonalBackward(t!, sizes, offset, d1, d2),
  });
}

/** torch.diag: a vector becomes a diagonal matrix (diag_embed, DiagEmbedBackward0), a matrix gives
 *  its diagonal as a copy (diagonal_copy, whose grad_fn PyTorch 2.6 names DiagonalBackward0_copy) */
export function diag(x: Tensor, k = 0): Tensor {
  if (x.dim() === 1) {
    const n = x.numel + Math.abs(k);
    const out = filled(x.rt, [n, n], x.dtype);
    const vals = out.storage.data;
    x.values().forEach((v, i) => (vals[k >= 0 ? i * n + i + k : (i - k) * n + i] = v));
    return record(out, {
      op: "diag_embed",
      gradFn: "DiagEmbedBackward0",
      inputs: [x],
      backward: ([g]) => [diagonal(g!, k, -2, -1)],
      jvp: ([t]) => diag(t!, k),
    });
  }
  if (x.dim() !== 2) throw runtimeError(`diag(): Supports 1D or 2D tensors. Got ${x.dim()}D`);
  const geo = diagonalGeometry(x, k, 0, 1);
  const vals: number[] = [];
  forEachOffset({ shape: geo.shape, strides: geo.strides, offset: geo.offset, numel: numelOf(geo.shape) } as Tensor, (off) =>
    vals.push(x.storage.data[off]),
  );
  const sizes = x.shape.slice();
  return record(fromValues(x.rt, vals, geo.shape, x.dtype), {
    op: "diagonal_copy",
    gradFn: "DiagonalBackward0_copy",
    inputs: [x],
    backward: ([g]) => [diagonalBackward(g!, sizes, k, 0, 1)],
    jvp: ([t]) => diag(t!, k),
  });
}

/** torch.trace: the sum of the main diagonal, accumulated in double as ATen's CPU kernel does */
export function trace(x: Tensor): Tensor {
  if (x.dim() !== 2) throw runtimeError(`trace: expected a matrix, but got tensor with dim ${x.dim()}`);
  const n = Math.min(x.shape[0], x.shape[1]);
  let s = 0;
  for (let i = 0; i < n; i++) s += x.storage.data[x.offset + i * (x.strides[0] + x.strides[1])];
  const dtype = isFloating(x.dtype) ? x.dtype : "int64";
  const sizes = x.shape.slice();
  return record(fromValues(x.rt, [dtype === "float32" ? Math.fround(s) : s], [], dtype), {
    op: "trace",
    gradFn: "TraceBackward0",
    inputs: [x],
    backward: ([g]) => [traceBackward(g!, sizes)],
    jvp: ([t]) => trace(t!),
  });
}

/** ATen's trace_backward: zeros(n*m).index_fill_(0, arange(0, n*m, m+1), grad).view(n, m) */
function traceBackward(g: Tensor, sizes: number[]): Tensor {
  const numel = sizes[0] * sizes[1];
  const positions: number[] = [];
  for (let p = 0; p < numel; p += sizes[1] + 1) positions.push(p);
  const index = created(fromValues(g.rt, positions, [positions.length], "int64"), "arange");
  return view(indexFill(zerosOf(g, [numel]), 0, index, g), sizes);
}
