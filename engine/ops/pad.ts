// constant_pad_nd, what F.pad(x, pad, mode="constant", value) runs: pad holds (before, after)
// pairs from the last dim backwards; negative entries cut instead of pad. One op with ATen's
// derivative (ConstantPadNdBackward0: the gradient padded by the negated amounts, so under
// create_graph it is ConstantPadNdBackward0 again) and its checks.
import { record } from "../autograd/record.ts";
import { runtimeError } from "../errors.ts";
import { filled, numelOf, type Tensor } from "../tensor.ts";
import { castValue } from "../dtype.ts";

export function constantPadNd(x: Tensor, pad: number[], value = 0): Tensor {
  if (pad.length % 2 !== 0) throw runtimeError(`Length of pad must be even but instead it equals ${pad.length}`);
  const nd = x.dim();
  const nPad = pad.length / 2;
  if (nd < nPad)
    throw runtimeError(`Length of pad should be no more than twice the number of dimensions of the input. Pad length is ${pad.length}while the input has ${nd}dimensions.`);
  // ATen narrows for the negative entries first (so a cut past the edge is narrow's error), then,
  // unless nothing is padded, checks each new size
  const shape = x.shape.slice();
  let padsSomething = false;
  for (let k = 0; k < nPad; k++) {
    const d = nd - 1 - k;
    let cur = x.shape[d];
    for (const p of [pad[2 * k], pad[2 * k + 1]]) {
      if (p < 0) {
        if (cur + p < 0) throw runtimeError("narrow(): length must be non-negative.");
        cur += p;
      } else if (p !== 0) padsSomething = true;
    }
    shape[d] = x.shape[d] + pad[2 * k] + pad[2 * k + 1];
  }
  if (padsSomething)
    for (let k = 0; k < nPad; k++) {
      const d = nd - 1 - k;
      if (shape[d] <= 0)
        throw runtimeError(
          `The input size ${x.shape[d]}, plus negative padding ${pad[2 * k]} and ${pad[2 * k + 1]} resulted in a negative output size, which is invalid. Check dimension ${d} of your input.`,
        );
    }
  const out = filled(x.rt, shape, x.dtype, castValue(value, x.dtype));
  const src = x.contiguousData();
  const before = shape.map((_, d) => (d >= nd - nPad ? pad[2 * (nd - 1 - d)] : 0));
  const outStrides = new Array<number>(nd);
  for (let d = nd - 1, st = 1; d >= 0; st *= shape[d--]) outStrides[d] = st;
  const n = numelOf(x.shape);
  const dst = out.storage.data;
  for (let i = 0; i < n; i++) {
    let rem = i;
    let at = 0;
    let inside = true;
    for (let d = nd - 1; d >= 0; d--) {
      const o = (rem % x.shape[d]) + before[d];
      rem = Math.floor(rem / x.shape[d]);
      if (o < 0 || o >= shape[d]) {
        inside = false;
        break;
      }
      at += o * outStrides[d];
    }
    if (inside) dst[at] = src[i];
  }
  return record(out, {
    op: "constant_pad_nd",
    gradFn: "ConstantPadNdBackward0",
    inputs: [x],
    backward: ([g]) => [constantPadNd(g!, pad.map((p) => -p), 0)],
    jvp: ([t]) => constantPadNd(t!, pad, 0),
  });
}
