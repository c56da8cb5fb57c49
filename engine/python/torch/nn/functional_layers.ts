// The layers of torch.nn.functional that ATen runs as one kernel each: layer_norm (through
// torch.layer_norm's signature, so its argument errors are PyTorch's), gelu, softplus (ATen
// signatures), F's Python activations elu, selu, celu, silu, pad (constant mode), and F's functions
// written in Python over tensor methods (softsign, tanhshrink, softmin, normalize), run through the
// same methods and operators so each step records what PyTorch's does.
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { type CallArgs, PyBuiltin, PyList, PyTuple, type PyValue, pyErr } from "../../values.ts";
import { runtimeError } from "../../../errors.ts";
import { binaryOp, truthy, unaryOp } from "../../ops.ts";
import { getAttr } from "../../attributes.ts";
import { host } from "../../host.ts";
import { softmaxDim } from "./functional_softmax.ts";
import { toScalar, toTensorArg } from "../convert.ts";
import { pyArgs } from "./args.ts";
import { bindSignature } from "../signature.ts";

/** an int list argument given as one int or a tuple/list of ints */
export const intList = (v: PyValue): number[] =>
  v instanceof PyTuple || v instanceof PyList ? v.items.map((x) => Number(x as bigint)) : [Number(v as bigint)];

export function functionalLayers(rt: Runtime): Map<string, PyValue> {
  const attrs = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));
  fn("layer_norm", (a) => {
    const b = bindSignature("layer_norm", a, [
      { name: "input", type: "Tensor" },
      { name: "normalized_shape", type: "tuple of ints" },
      { name: "weight", type: "Tensor", default: null },
      { name: "bias", type: "Tensor", default: null },
      { name: "eps", type: "float", default: 1e-5 },
    ]);
    // torch.layer_norm's SymInt[] takes a list or tuple only (a lone int is refused)
    if (typeof b.normalized_shape === "bigint")
      throw pyErr("TypeError", "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int");
    return T.layerNorm(b.input as Tensor, intList(b.normalized_shape), b.weight as Tensor | null, b.bias as Tensor | null, Number(toScalar(b.eps, "eps")));
  });
  fn("pad", (a) => {
    const b = bindSignature("pad", a, [
      { name: "input", type: "Tensor" },
      { name: "pad", type: "tuple of ints" },
      { name: "mode", type: "str", default: "constant" },
      { name: "value", type: "float", default: null },
    ]);
    const x = b.input as Tensor;
    const pad = intList(b.pad);
    if (pad.length % 2 !== 0) throw runtimeError("Padding length must be divisible by 2");
    if (pad.length > x.dim() * 2)
      throw runtimeError(`Padding length should be less than or equal to two times the input dimension but got padding length ${pad.length} and input of dimension ${x.dim()}`);
    if (b.mode !== "constant") throw pyErr("NotImplementedError", `F.pad(mode='${String(b.mode)}') is not in Gradlens yet`);
    return T.constantPadNd(x, pad, b.value === null ? 0 : Number(toScalar(b.value, "value")));
  });
  fn("gelu", (a) => {
    const b = bindSignature("gelu", a, [
      { name: "input", type: "Tensor" },
      { name: "approximate", type: "str", default: "none", kwOnly: true },
    ]);
    const approx = b.approximate as string;
    if (approx !== "none" && approx !== "tanh") throw runtimeError("approximate argument must be either none or tanh.");
    return T.gelu(b.input as Tensor, approx);
  });
  fn("softplus", (a) => {
    const b = bindSignature("softplus", a, [
      { name: "input", type: "Tensor" },
      { name: "beta", type: "Number", default: 1n },
      { name: "threshold", type: "Number", default: 20n },
    ]);
    return T.softplus(b.input as Tensor, Number(toScalar(b.beta, "beta")), Number(toScalar(b.threshold, "threshold")));
  });
  // elu, selu, celu and silu are Python functions in F: (input, [alpha,] inplace=False)
  const eluLike = (name: string, alphaDefault: number | null, run: (x: Tensor, alpha: number) => Tensor) =>
    fn(name, (a) => {
      const spec = [{ name: "input" }, ...(alphaDefault === null ? [] : [{ name: "alpha", default: alphaDefault }]), { name: "inplace", default: false }];
      const b = pyArgs(name, a, spec);
      if (truthy(b.inplace)) throw pyErr("NotImplementedError", `${name}(inplace=True) is not in Gradlens yet`);
      const x = toTensorArg(b.input, name);
      return run(x, alphaDefault === null ? 0 : Number(toScalar(b.alpha, "alpha")));
    });
  eluLike("elu", 1.0, (x, alpha) => T.elu(x, alpha));
  eluLike("celu", 1.0, (x, alpha) => {
    if (alpha === 0) throw runtimeError("ZeroDivisionError: alpha cannot be 0 for CELU");
    // CeluBackward0 (derivatives.yaml): elu_backward(grad, alpha, 1, 1.0/alpha.toFloat(), ...), the
    // backward's input scale from alpha rounded to float; the forward's is 1. / alpha in double
    return T.elu(x, alpha, 1, 1 / alpha, "CeluBackward0", 1 / Math.fround(alpha));
  });
  eluLike("selu", null, (x) => T.elu(x, SELU_ALPHA, SELU_SCALE));
  eluLike("silu", null, (x) => T.silu(x));
  const method = (x: PyValue, name: string, args: PyValue[], kwargs: [string, PyValue][] = []): PyValue =>
    host.call(getAttr(x, name), { args, kwargs: new Map(kwargs) });
  fn("softsign", (a) => {
    const x = pyArgs("softsign", a, [{ name: "input" }]).input;
    return binaryOp("/", x, binaryOp("+", method(x, "abs", []), 1n));
  });
  fn("tanhshrink", (a) => {
    const x = pyArgs("tanhshrink", a, [{ name: "input" }]).input;
    return binaryOp("-", x, method(x, "tanh", []));
  });
  fn("softmin", (a) => {
    const b = pyArgs("softmin", a, [{ name: "input" }, { name: "dim", default: null }, { name: "_stacklevel", default: 3n }, { name: "dtype", default: null }]);
    const dim = b.dim === null ? BigInt(softmaxDim(rt, "softmin", toTensorArg(b.input, "softmin").dim())) : b.dim;
    return method(unaryOp("-", b.input), "softmax", [dim], b.dtype === null ? [] : [["dtype", b.dtype]]);
  });
  fn("normalize", (a) => {
    const b = pyArgs("normalize", a, [{ name: "input" }, { name: "p", default: 2.0 }, { name: "dim", default: 1n }, { name: "eps", default: 1e-12 }, { name: "out", default: null }]);
    if (b.out !== null) throw pyErr("NotImplementedError", "normalize(out=...) is not in Gradlens yet");
    const denom = method(method(method(b.input, "norm", [b.p, b.dim], [["keepdim", true]]), "clamp_min", [b.eps]), "expand_as", [b.input]);
    return binaryOp("/", b.input, denom);
  });
  return attrs;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
