// The gradients of softmax and log_softmax as PyTorch computes them: one op each
// (_softmax_backward_data / _log_softmax_backward_data), so a create_graph backward shows
// SoftmaxBackwardDataBackward0 / LogSoftmaxBackwardDataBackward0 with their own formulas.
import { record } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { mul, neg, sub } from "./arith.ts";
import { exp } from "./unary.ts";
import { sum } from "./reduce.ts";
import { wrapDim } from "./views.ts";

/** out[k] = f(g-lane, y-lane)[k] over every lane along dim (g and y share a shape) */
function lanewise(g: Tensor, y: Tensor, dim: number, f: (gl: number[], yl: number[]) => number[]): Tensor {
  const d = g.dim() === 0 ? 0 : wrapDim(dim, g.dim());
  const shape = g.dim() === 0 ? [1] : g.shape;
  const n = shape[d];
  const inner = numelOf(shape.slice(d + 1));
  const outer = numelOf(shape.slice(0, d));
  const gv = g.values();
  const yv = y.values();
  const out = new Array<number>(gv.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const at = (k: number) => (o * n + k) * inner + i;
      const gl = Array.from({ length: n }, (_, k) => gv[at(k)]);
      const yl = Array.from({ length: n }, (_, k) => yv[at(k)]);
      f(gl, yl).forEach((v, k) => (out[at(k)] = v));
    }
  return fromValues(g.rt, out, g.shape.slice(), y.dtype);
}

const rounder = (t: Tensor) => (t.dtype === "float32" ? Math.fround : (v: number) => v);

/** _log_softmax_backward_data: grad_output - exp(output) * grad_output.sum(dim) */
export function logSoftmaxBackwardData(gradOutput: Tensor, output: Tensor, dim: number): Tensor {
  const r = rounder(output);
  const out = lanewise(gradOutput, output, dim, (gl, yl) => {
    const s = gl.reduce((a, v) => r(a + v), 0);
    return gl.map((g, k) => r(g - r(r(Math.exp(yl[k])) * s)));
  });
  return record(out, {
    op: "log_softmax_backward_data",
    gradFn: "LogSoftmaxBackwardDataBackward0",
    inputs: [gradOutput, output],
    save: { grad_output: gradOutput, output },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const y = node.unpack("output");
      return [
        gradOutput.requiresGrad ? sub(g!, sum(mul(g!, exp(y)), dim, true)) : null,
        output.requiresGrad ? mul(mul(neg(sum(go, dim, true)), exp(y)), g!) : null,
      ];
    },
  });
}

/** _softmax_backward_data: output * (grad_output - (grad_output * output).sum(dim)) */
export function softmaxBackwardData(gradOutput: Tensor, output: Tensor, dim: number): Tensor {
  const r = rounder(output);
  const out = lanewise(gradOutput, output, dim, (gl, yl) => {
    const s = gl.reduce((a, g, k) => r(a + r(g * yl[k])), 0);
    return gl.map((g, k) => r(yl[k] * r(g - s)));
  });
  return record(out, {
    op: "softmax_backward_data",
    gradFn: "SoftmaxBackwardDataBackward0",
    inputs: [gradOutput, output],
    save: { grad_output: gradOutput, output },
    backward: ([g], node) => {
      const go = node.unpack("grad_output");
      const y = node.unpack("output");
      return [
        gradOutput.requiresGrad ? softmaxBackwardData(g!, y, dim) : null,
        output.requiresGrad ? softmaxDoubleBackward(g!, go, dim, y) : null,
      ];
    },
  });
}

/** ATen's softmax_double_backward */
function softmaxDoubleBackward(grad: Tensor, gradOutput: Tensor, dim: number, output: Tensor): Tensor {
  return sub(sub(mul(gradOutput, grad), mul(sum(mul(output, gradOutput), dim, true), grad)), mul(gradOutput, sum(mul(output, grad), dim, true)));
}
