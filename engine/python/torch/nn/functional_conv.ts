// torch.nn.functional's convolution and pooling: conv2d (torch.conv2d's signature and checks, an
// unbatched (C, H, W) input run as a batch of one and squeezed back, padding='same'/'valid'),
// max_pool2d (with return_indices) and avg_pool2d, as F's Python functions call ATen.
import * as T from "../../../index.ts";
import { runtimeError } from "../../../errors.ts";
import type { Tensor } from "../../../tensor.ts";
import { truthy } from "../../ops.ts";
import { type CallArgs, PyBuiltin, PyList, PyTuple, type PyValue, pyErr } from "../../values.ts";
import { toTensorArg } from "../convert.ts";
import { bindSignature } from "../signature.ts";
import { pyArgs } from "./args.ts";
import { intList } from "./functional_layers.ts";

const sizeText = (s: readonly number[]) => `[${s.join(", ")}]`;

/** an int or int list argument expanded to two values, with ATen's message for a wrong length */
function pair(v: PyValue, name: string, dims: number): [number, number] {
  const l = intList(v);
  if (l.length === 1) return [l[0], l[0]];
  if (l.length !== dims)
    throw runtimeError(`expected ${name} to be a single integer value or a list of ${dims} values to match the convolution dimensions, but got ${name}=${sizeText(l)}`);
  return [l[0], l[1]];
}

function conv2d(a: CallArgs): Tensor {
  const b = bindSignature("conv2d", a, [
    { name: "input", type: "Tensor" },
    { name: "weight", type: "Tensor" },
    { name: "bias", type: "Tensor", default: null },
    { name: "stride", type: "tuple of ints", default: 1n },
    { name: "padding", type: "object", default: 0n },
    { name: "dilation", type: "tuple of ints", default: 1n },
    { name: "groups", type: "int", default: 1n },
  ]);
  let input = b.input as Tensor;
  const weight = b.weight as Tensor;
  const bias = b.bias as Tensor | null;
  if (input.dim() !== 3 && input.dim() !== 4)
    throw runtimeError(`Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${sizeText(input.shape)}`);
  const dims = weight.dim() - 2;
  const strideList = intList(b.stride);
  const stride = pair(b.stride, "stride", dims);
  const dilation = pair(b.dilation, "dilation", dims);
  const groups = Number(b.groups as bigint);
  if (dims !== 2) throw runtimeError(`expected stride to be a single integer value or a list of ${dims} values to match the convolution dimensions, but got stride=${sizeText(strideList.length === 1 ? [strideList[0], strideList[0]] : strideList)}`);
  let padding: [number, number];
  if (typeof b.padding === "string") {
    if (b.padding !== "same" && b.padding !== "valid") throw runtimeError(`Invalid padding string: '${b.padding}'`);
    if (b.padding === "same" && (stride[0] !== 1 || stride[1] !== 1)) throw runtimeError("padding='same' is not supported for strided convolutions");
    const total = [0, 1].map((k) => (b.padding === "same" ? dilation[k] * (weight.shape[2 + k] - 1) : 0));
    if (total.some((t) => t % 2 !== 0)) throw runtimeError("padding='same' with an even kernel is not in Gradlens yet");
    padding = [total[0] / 2, total[1] / 2];
  } else padding = pair(b.padding, "padding", dims);
  if (stride.some((s) => s <= 0)) throw runtimeError("non-positive stride is not supported");
  if (padding.some((p) => p < 0)) throw runtimeError("negative padding is not supported");
  if (groups <= 0) throw runtimeError("non-positive groups is not supported");
  if (input.dtype !== weight.dtype) throw runtimeError(`expected scalar type ${input.dtype === "float64" ? "Double" : "Float"} but found ${weight.dtype === "float64" ? "Double" : "Float"}`);
  if (bias && (bias.dim() !== 1 || bias.shape[0] !== weight.shape[0]))
    throw runtimeError(`Given weight of size ${sizeText(weight.shape)}, expected bias to be 1-dimensional with ${weight.shape[0]} elements, but got bias of size ${sizeText(bias.shape)} instead`);
  // oneDNN runs these through kernels (gemm:jit for groups) whose order of additions is not matched yet
  if (groups > 1) throw pyErr("NotImplementedError", "conv2d with groups > 1 is not in Gradlens yet");
  if (stride.some((v) => v > 1) && dilation.some((v) => v > 1)) throw pyErr("NotImplementedError", "conv2d with both stride and dilation above 1 is not in Gradlens yet");
  const unbatched = input.dim() === 3;
  if (unbatched) input = T.unsqueeze(input, 0);
  const out = T.conv2d(input, weight, bias, { stride, padding, dilation, groups });
  return unbatched ? T.squeeze(out, 0) : out;
}

/** kernel_size, stride (None or [] → kernel_size), padding, dilation of a 2-D pool */
function poolParams(b: Record<string, PyValue>): { k: [number, number]; s: [number, number]; p: [number, number]; d: [number, number] } {
  const two = (v: PyValue): [number, number] => {
    const l = intList(v);
    return l.length === 1 ? [l[0], l[0]] : [l[0], l[1]];
  };
  const k = two(b.kernel_size);
  const s = b.stride === null || (b.stride instanceof PyTuple && b.stride.items.length === 0) ? k : two(b.stride);
  return { k, s, p: two(b.padding), d: b.dilation === undefined ? [1, 1] : two(b.dilation) };
}

/** F's _list_with_default: an int stands for both sides; None takes the input's size there */
function outputSizeWithDefault(v: PyValue, defaults: readonly number[]): number[] {
  if (typeof v === "bigint") return [Number(v), Number(v)];
  const items = v instanceof PyTuple || v instanceof PyList ? v.items : null;
  if (!items) return intList(v);
  if (defaults.length <= items.length) throw pyErr("ValueError", `Input dimension should be at least ${items.length + 1}`);
  const tail = defaults.slice(defaults.length - items.length);
  return items.map((s, i) => (s === null ? tail[i] : intList(s)[0]));
}

export function functionalConv(): Map<string, PyValue> {
  const attrs = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));
  fn("conv2d", conv2d);
  const maxPool = (name: string, forceIndices: boolean | null) =>
    fn(name, (a) => {
      const b = pyArgs(name, a, [
        { name: "input" },
        { name: "kernel_size" },
        { name: "stride", default: null },
        { name: "padding", default: 0n },
        { name: "dilation", default: 1n },
        { name: "ceil_mode", default: false },
        { name: "return_indices", default: false },
      ]);
      const x = toTensorArg(b.input, name);
      const { k, s, p, d } = poolParams(b);
      const [out, indices] = T.maxPool2d(x, k, s, p, d, truthy(b.ceil_mode));
      return (forceIndices ?? truthy(b.return_indices)) ? new PyTuple([out, indices]) : out;
    });
  maxPool("max_pool2d", null);
  maxPool("max_pool2d_with_indices", true);
  fn("avg_pool2d", (a) => {
    const b = pyArgs("avg_pool2d", a, [
      { name: "input" },
      { name: "kernel_size" },
      { name: "stride", default: null },
      { name: "padding", default: 0n },
      { name: "ceil_mode", default: false },
      { name: "count_include_pad", default: true },
      { name: "divisor_override", default: null },
    ]);
    const x = toTensorArg(b.input, "avg_pool2d");
    const { k, s, p } = poolParams(b);
    if (b.divisor_override !== null) throw runtimeError("avg_pool2d(divisor_override=) is not in Gradlens yet");
    return T.avgPool2d(x, k, s, p, truthy(b.ceil_mode), truthy(b.count_include_pad));
  });
  fn("adaptive_avg_pool2d", (a) => {
    const b = pyArgs("adaptive_avg_pool2d", a, [{ name: "input" }, { name: "output_size" }]);
    const x = toTensorArg(b.input, "adaptive_avg_pool2d");
    return T.adaptiveAvgPool2d(x, outputSizeWithDefault(b.output_size, x.shape));
  });
  return attrs;
}
