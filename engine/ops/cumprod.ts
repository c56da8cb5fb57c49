// torch.cumprod(x, dim) (CumprodBackward0): running products accumulated in double, as ATen's
// CPU kernel does for float32 too, each stored in the tensor's dtype. Its gradient is
// PyTorch's: reversed cumsum of output*grad divided by the input (no zeros in the input).
import { isFloating } from "../dtype.ts";
import { record } from "../autograd/record.ts";
import { noTangentFormula } from "../autograd/forward_ad.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { div, mul } from "./arith.ts";
import { created } from "./create.ts";
import { cumsum } from "./nn.ts";
import { flip } from "./reorder.ts";
import { wrapDim } from "./views.ts";

/** fn over every 1-D lane along dim of values laid out in `shape` */
function lanes(shape: number[], d: number, fn: (at: (k: number) => number) => void): void {
  const n = shape[d] ?? 1;
  const inner = numelOf(shape.slice(d + 1));
  const outer = numelOf(shape.slice(0, d));
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) fn((k) => (o * n + k) * inner + i);
}

export function cumprod(x: Tensor, dim: number): Tensor {
  const d = x.dim() === 0 ? (wrapDim(dim, 0), 0) : wrapDim(dim, x.dim());
  const shape = x.dim() === 0 ? [1] : x.shape;
  const v = x.values();
  const out = new Array<number>(v.length);
  lanes(shape, d, (at) => {
    let acc = 1;
    for (let k = 0; k < shape[d]; k++) {
      acc *= v[at(k)];
      out[at(k)] = acc;
    }
  });
  const dtype = isFloating(x.dtype) ? x.dtype : "int64";
  const result = fromValues(x.rt, out, x.shape.slice(), dtype);
  return record(result, {
    op: "cumprod",
    gradFn: "CumprodBackward0",
    inputs: [x],
    save: { self: x, result },
    backward: ([g], node) => [cumprodBackward(g!, node.unpack("self"), d, node.unpack("result"))],
    // cumprod_jvp without zeros in the input: (self_t / self_p).cumsum(dim) * result
    jvp: ([t]) => {
      if (v.includes(0)) throw noTangentFormula("cumprod of a tensor holding zeros");
      return mul(cumsum(div(t!, x), d), result);
    },
  });
}

/** ATen's cumprod_backward */
function cumprodBackward(grad: Tensor, input: Tensor, d: number, output: Tensor): Tensor {
  if (input.numel <= 1 || (input.shape[d] ?? 1) === 1) return grad;
  if (!input.values().includes(0)) return div(flip(cumsum(flip(mul(output, grad), [d]), d), [d]), input);
  return cumprodBackwardWithZeros(grad, input, d);
}

/** with zeros in the input: d out_j / d x_i = prod of x_k for k <= j, k != i, summed against grad
 *  (a constant here: PyTorch's create_graph formula for this case is not reproduced) */
function cumprodBackwardWithZeros(grad: Tensor, input: Tensor, d: number): Tensor {
  const shape = input.dim() === 0 ? [1] : input.shape;
  const x = input.values();
  const g = grad.values();
  const out = new Array<number>(x.length).fill(0);
  lanes(shape, d, (at) => {
    const n = shape[d];
    for (let i = 0; i < n; i++) {
      let total = 0;
      let prodOthers = 1;
      for (let k = 0; k < i; k++) prodOthers *= x[at(k)];
      for (let j = i; j < n; j++) {
        if (j > i) prodOthers *= x[at(j)];
        total += g[at(j)] * prodOthers;
      }
      out[at(i)] = total;
    }
  });
  return created(fromValues(grad.rt, out, grad.shape.slice(), grad.dtype), "cumprod_backward");
}
