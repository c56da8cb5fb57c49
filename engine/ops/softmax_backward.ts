// The gradients of softmax and log_softmax as PyTorch computes them: one op each
// (_softmax_backward_data / _log_softmax_backward_data), so a create_graph backward shows
// SoftmaxBackwardDataBackward0 / LogSoftmaxBackwardDataBackward0 with their own formulas.
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { mul, neg, sub } from "./arith.ts";
import { exp } from "./unary.ts";
import { sum } from "./reduce.ts";
import { wrapDim } from "./views.ts";
import { innerChunk, inVector, laneSum } from "./vec_reduce.ts";
import { expf, fmaf } from "./sleef/float32.ts";
import { exp as exp64 } from "./sleef/float64.ts";
import { inputTangents, tangentOf } from "../autograd/forward_ad.ts";
import { clone } from "./index_ops.ts";
import { fma } from "../random/fma.ts";

type Run = (gl: number[], yl: number[], vector: boolean) => number[];

/**
 * out = f(g, y) run by run along dim, as ATen 2.6's CPU kernels walk it (one thread). A contiguous
 * last dim is one run per row, vectorised whole (`last`). Any other dim is walked across the inner
 * positions (`inner`): those in whole 8-float (4-double) vectors of a chunk get vector code
 * (vector = true), the rest a scalar loop. Measured against PyTorch 2.6 over last and inner dims of
 * 7 to 100 elements, float32: the multiply-adds that GCC fused, and those it did not, are as written.
 */
function lanewise(g: Tensor, y: Tensor, dim: number, last: Run, inner: Run): Tensor {
  const d = wrapDim(dim, g.dim());
  const shape = g.dim() === 0 ? [1] : g.shape;
  const n = shape[d];
  const innerSize = numelOf(shape.slice(d + 1));
  const outer = numelOf(shape.slice(0, d));
  const lanes = y.dtype === "float64" ? 4 : 8;
  const chunk = innerChunk(n, y.dtype, lanes);
  const gv = g.values();
  const yv = y.values();
  const out = new Array<number>(gv.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < innerSize; i++) {
      const at = (k: number) => (o * n + k) * innerSize + i;
      const gl = Array.from({ length: n }, (_, k) => gv[at(k)]);
      const yl = Array.from({ length: n }, (_, k) => yv[at(k)]);
      const run = innerSize === 1 ? last(gl, yl, true) : inner(gl, yl, inVector(i, innerSize, lanes, chunk));
      run.forEach((v, k) => (out[at(k)] = v));
    }
  return fromValues(g.rt, out, g.shape.slice(), y.dtype);
}

const rounder = (t: Tensor) => (t.dtype === "float32" ? Math.fround : (v: number) => v);
const kernelsOf = (t: Tensor) =>
  t.dtype === "float32" ? { exp: expf, fused: fmaf, lanes: 8 } : { exp: exp64, fused: fma, lanes: 4 };

/** _log_softmax_backward_data: grad_output - exp(output) * grad_output.sum(dim) */
export function logSoftmaxBackwardData(gradOutput: Tensor, output: Tensor, dim: number): Tensor {
  const r = rounder(output);
  const k = kernelsOf(output);
  // grad_output - exp(output) * grad_output.sum(dim): PyTorch's decomposition, run on dual inputs
  const dual = viaDecomposition(gradOutput, output, () => sub(gradOutput, mul(exp(output), sum(gradOutput, dim, true))));
  const out = dual?.out ?? lanewise(
    gradOutput,
    output,
    dim,
    (gl, yl) => {
      const s = laneSum(gl, k.lanes, r);
      return gl.map((g, i) => k.fused(-k.exp(yl[i]!), s, g));
    },
    (gl, yl, vector) => {
      const s = gl.reduce((a, v) => r(a + v), 0);
      // SLEEF's exp in the vector code, libm's in the scalar loop (JS's Math.exp stands in for glibc's
      // expf, which is not always correctly rounded: a rare last-bit difference there)
      return gl.map((g, i) => k.fused(-(vector ? k.exp(yl[i]!) : r(Math.exp(yl[i]!))), s, g));
    },
  );
  return record(out, {
    op: "log_softmax_backward_data",
    gradFn: "LogSoftmaxBackwardDataBackward0",
    inputs: [gradOutput, output],
    save: { grad_output: gradOutput, output },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const y = node.unpack("output");
      return [
        node.needs(0) ? sub(g!, sum(mul(g!, exp(y)), dim, true)) : null,
        node.needs(1) ? mul(mul(neg(sum(go, dim, true)), exp(y)), g!) : null,
      ];
    },
    jvp: () => dual!.tangent(),
  });
}

/** _softmax_backward_data: output * (grad_output - (grad_output * output).sum(dim)) */
export function softmaxBackwardData(gradOutput: Tensor, output: Tensor, dim: number): Tensor {
  const r = rounder(output);
  const k = kernelsOf(output);
  const dual = viaDecomposition(gradOutput, output, () => {
    const scaled = mul(gradOutput, output);
    return sub(scaled, mul(output, sum(scaled, dim, true)));
  });
  const out = dual?.out ?? lanewise(
    gradOutput,
    output,
    dim,
    (gl, yl) => {
      const s = laneSum(gl.map((g, i) => r(g * yl[i]!)), k.lanes, r);
      return gl.map((g, i) => r(r(g - s) * yl[i]!));
    },
    (gl, yl) => {
      const s = gl.reduce((a, g, i) => k.fused(g, yl[i]!, a), 0);
      return gl.map((g, i) => r(yl[i]! * r(g - s)));
    },
  );
  return record(out, {
    op: "softmax_backward_data",
    gradFn: "SoftmaxBackwardDataBackward0",
    inputs: [gradOutput, output],
    save: { grad_output: gradOutput, output },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const y = node.unpack("output");
      return [
        node.needs(0) ? softmaxBackwardData(g!, y, dim) : null,
        node.needs(1) ? softmaxDoubleBackward(g!, go, dim, y) : null,
      ];
    },
    jvp: () => dual!.tangent(),
  });
}

/** ATen's softmax_double_backward */
function softmaxDoubleBackward(grad: Tensor, gradOutput: Tensor, dim: number, output: Tensor): Tensor {
  return sub(sub(mul(gradOutput, grad), mul(sum(mul(output, gradOutput), dim, true), grad)), mul(gradOutput, sum(mul(output, grad), dim, true)));
}

/** With a dual input, PyTorch computes these backward ops through their Python decompositions
 *  (torch._decomp's, registered for forward AD by decompositions_for_jvp): the values come from the
 *  decomposition's ops, and so does the tangent, propagated through them. Null: no dual input. */
function viaDecomposition(gradOutput: Tensor, output: Tensor, decomposition: () => Tensor): { out: Tensor; tangent: () => Tensor } | null {
  const rt = output.rt;
  if (!inputTangents(rt, [gradOutput, output])) return null;
  const result = rt.internally(decomposition);
  const tangent = tangentOf(result)!;
  return { out: fromValues(rt, result.values(), result.shape.slice(), result.dtype), tangent: () => clone(tangent) };
}
