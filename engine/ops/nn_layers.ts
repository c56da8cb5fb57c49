// Layer ops of torch.nn.functional that ATen runs as one autograd node each:
// embedding (EmbeddingBackward0: rows of the weight picked by index; the gradient adds each
// output row into its weight row, in index order, skipping padding_idx) and leaky_relu
// (LeakyReluBackward0). Their second derivatives are not here yet: asking for one raises.
import { indexError, runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { refuseTangents } from "../autograd/forward_ad.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { binaryMap, unaryMap } from "./kernel.ts";

const rounding = (t: Tensor) => (t.dtype === "float32" ? Math.fround : (v: number) => v);

export function noDoubleBackward(name: string, ...ts: Tensor[]): void {
  if (ts[0].rt.gradEnabled && ts.some((t) => t.requiresGrad)) throw runtimeError(`the second derivative of ${name} is not in the Gradlens engine yet`);
}

/** F.embedding: weight[indices] with the indices' shape plus the embedding dim */
export function embedding(weight: Tensor, indices: Tensor, paddingIdx: number | null): Tensor {
  if (indices.dtype !== "int64" && indices.dtype !== "int32")
    throw runtimeError(
      `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${indices.dtype === "float32" ? "FloatTensor" : indices.dtype === "float64" ? "DoubleTensor" : indices.dtype === "bool" ? "BoolTensor" : "Tensor"} instead (while checking arguments for embedding)`,
    );
  if (weight.dim() !== 2) throw runtimeError("'weight' must be 2-D");
  const [rows, dim] = weight.shape;
  const idx = indices.values();
  for (const v of idx) if (v < 0 || v >= rows) throw indexError("index out of range in self");
  const w = weight.values();
  const out = new Array<number>(idx.length * dim);
  idx.forEach((k, i) => {
    for (let j = 0; j < dim; j++) out[i * dim + j] = w[k * dim + j];
  });
  const result = fromValues(weight.rt, out, [...indices.shape, dim], weight.dtype);
  return record(result, {
    op: "embedding",
    gradFn: "EmbeddingBackward0",
    inputs: [weight],
    save: { indices },
    eventInputs: [weight, indices],
    backward: ([g], node) => {
      noDoubleBackward("embedding", g!);
      // its kernel is not an op with a tangent formula here: forward over reverse would lose the tangent
      refuseTangents(weight.rt, "embedding_backward", [g!]);
      const at = node.unpack("indices").values();
      const go = g!.values();
      const r = rounding(weight);
      const acc = new Array<number>(rows * dim).fill(0);
      at.forEach((k, i) => {
        if (k === paddingIdx) return;
        for (let j = 0; j < dim; j++) acc[k * dim + j] = r(acc[k * dim + j] + go[i * dim + j]);
      });
      return [fromValues(weight.rt, acc, [rows, dim], weight.dtype)];
    },
    // auto_linear: the tangent's rows picked the same way
    jvp: ([t]) => embedding(t!, indices, paddingIdx),
  });
}

/** F.leaky_relu: x above 0, x·negative_slope elsewhere */
export function leakyRelu(x: Tensor, negativeSlope: number): Tensor {
  const r = rounding(x);
  const slope = r(negativeSlope);
  const out = unaryMap(x, x.dtype, (v) => (v > 0 ? v : r(v * slope)));
  const leakyReluBackward = (g: Tensor, self: Tensor): Tensor => {
    noDoubleBackward("leaky_relu", g, self);
    refuseTangents(self.rt, "leaky_relu_backward", [g, self]);
    return binaryMap(self, g, self.dtype, self.dtype, (a, b) => (a > 0 ? b : r(b * slope)));
  };
  return record(out, {
    op: "leaky_relu",
    gradFn: "LeakyReluBackward0",
    inputs: [x],
    save: { self: x },
    backward: ([g], node) => {
      const self = node.unpack("self");
      return [leakyReluBackward(g!, self)];
    },
    // auto_element_wise: leaky_relu_backward(self_t, self_p, negative_slope, false)
    jvp: ([t]) => leakyReluBackward(t!, x),
  });
}
