// torch.nn.functional: the functions nn's layers call and learners call directly, with the
// parameters PyTorch's Python signatures have (relu(input, inplace=False)...) and the checks F
// makes in Python before ATen runs; the numeric work is engine ops. Losses: functional_losses.ts.
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { truthy } from "../../ops.ts";
import { runtimeError } from "../../../errors.ts";
import { type CallArgs, PyBuiltin, PyModule, type PyValue, pyErr } from "../../values.ts";
import { pyRepr } from "../../repr.ts";
import { toInteger, toScalar, toTensorArg } from "../convert.ts";
import { withMissingPolicy } from "../not_yet.ts";
import { bindSignature } from "../signature.ts";
import { tensorMethods } from "../tensor_methods.ts";
import { lossFunctions } from "../losses.ts";
import { functionalLosses } from "./functional_losses.ts";
import { functionalLayers } from "./functional_layers.ts";
import { functionalConv } from "./functional_conv.ts";
import { pyArgs } from "./args.ts";
import { softmaxDim } from "./functional_softmax.ts";

const tensorIn = (v: PyValue, fname: string, name = "input", pos = 1): Tensor => toTensorArg(v, fname, name, pos);

function checkDropoutP(pv: PyValue): number {
  const p = Number(toScalar(pv, "p"));
  if (p < 0 || p > 1) throw pyErr("ValueError", `dropout probability has to be between 0 and 1, but got ${pyRepr(pv)}`);
  return p;
}

/** ATen's _dropout_impl on the CPU: the input itself when nothing is dropped, else input times a
 *  noise tensor of bernoulli_(1 - p) draws divided by 1 - p (MulBackward0); feature dropout draws
 *  one per (N, C) and broadcasts it over the rest (make_feature_noise) */
function dropoutImpl(rt: Runtime, b: Record<string, PyValue>, x: Tensor, feature: boolean): PyValue {
  const p = checkDropoutP(b.p);
  if (p === 0 || !truthy(b.training) || x.numel === 0) return x;
  if (feature && x.dim() < 2) throw runtimeError("Feature dropout requires at least 2 dimensions in the input");
  const none = { args: [], kwargs: new Map<string, PyValue>() };
  const noiseShape = feature ? x.shape.map((n, i) => (i < 2 ? n : 1)) : x.shape;
  const noise = p === 1 ? T.zeros(rt, [], { dtype: x.dtype }) : T.zeros(rt, noiseShape, { dtype: x.dtype });
  if (p !== 1) {
    tensorMethods.bernoulli_(noise, { ...none, args: [1 - p] });
    tensorMethods.div_(noise, { ...none, args: [1 - p] });
  }
  return truthy(b.inplace) ? tensorMethods.mul_(x, { ...none, args: [noise] }) : T.mul(x, noise);
}

function softmaxLike(rt: Runtime, name: "softmax" | "log_softmax"): (a: CallArgs) => PyValue {
  return (a) => {
    const b = pyArgs(name, a, [{ name: "input" }, { name: "dim", default: null }, { name: "_stacklevel", default: 3n }, { name: "dtype", default: null }]);
    const input = tensorIn(b.input, name);
    const dim = b.dim === null ? BigInt(softmaxDim(rt, name, input.dim())) : b.dim;
    const kwargs = new Map<string, PyValue>(b.dtype === null ? [] : [["dtype", b.dtype]]);
    return tensorMethods[name](input, { args: [dim], kwargs });
  };
}

/** f(input, inplace=False) running the op, or its in-place form */
function withInplace(name: string, op: (x: Tensor) => Tensor, inplaceOp: (x: Tensor) => Tensor): (a: CallArgs) => PyValue {
  return (a) => {
    const b = pyArgs(name, a, [{ name: "input" }, { name: "inplace", default: false }]);
    const x = tensorIn(b.input, name);
    return truthy(b.inplace) ? inplaceOp(x) : op(x);
  };
}

export function functionalModule(rt: Runtime): PyModule {
  const attrs = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));

  fn("linear", (a) => {
    const b = bindSignature("linear", a, [
      { name: "input", type: "Tensor" },
      { name: "weight", type: "Tensor" },
      { name: "bias", type: "Tensor", default: null },
    ]);
    return T.linear(b.input as Tensor, b.weight as Tensor, b.bias as Tensor | null);
  });
  fn("relu", withInplace("relu", T.relu, (x) => tensorMethods.relu_(x, { args: [], kwargs: new Map() }) as Tensor));
  fn("relu_", (a) => tensorMethods.relu_(tensorIn(bindSignature("relu_", a, [{ name: "input", type: "Tensor" }]).input, "relu_"), { args: [], kwargs: new Map() }));
  fn("tanh", (a) => T.tanh(tensorIn(pyArgs("tanh", a, [{ name: "input" }]).input, "tanh")));
  fn("sigmoid", (a) => T.sigmoid(tensorIn(pyArgs("sigmoid", a, [{ name: "input" }]).input, "sigmoid")));
  fn("softmax", softmaxLike(rt, "softmax"));
  fn("log_softmax", softmaxLike(rt, "log_softmax"));
  fn("leaky_relu", (a) => {
    const b = pyArgs("leaky_relu", a, [{ name: "input" }, { name: "negative_slope", default: 0.01 }, { name: "inplace", default: false }]);
    if (truthy(b.inplace)) throw pyErr("NotImplementedError", "leaky_relu(inplace=True) is not in Gradlens yet");
    return T.leakyRelu(tensorIn(b.input, "leaky_relu"), Number(toScalar(b.negative_slope, "negative_slope")));
  });
  fn("dropout", (a) => {
    const b = pyArgs("dropout", a, [{ name: "input" }, { name: "p", default: 0.5 }, { name: "training", default: true }, { name: "inplace", default: false }]);
    return dropoutImpl(rt, b, tensorIn(b.input, "dropout"), false);
  });
  fn("dropout2d", (a) => {
    const b = pyArgs("dropout2d", a, [{ name: "input" }, { name: "p", default: 0.5 }, { name: "training", default: true }, { name: "inplace", default: false }]);
    const x = tensorIn(b.input, "dropout2d");
    checkDropoutP(b.p);
    // F.dropout2d's own warnings, at its lines in torch/nn/functional.py (once each, as Python's filter shows them)
    const at = (line: number, text: string) => ({ file: "/usr/lib/python3/dist-packages/torch/nn/functional.py", line, text });
    if (x.dim() !== 3 && x.dim() !== 4)
      rt.warn(
        "UserWarning",
        `dropout2d: Received a ${x.dim()}-D input to dropout2d, which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs).`,
        at(1538, "warnings.warn(warn_msg)"),
      );
    if (x.dim() === 3)
      rt.warn(
        "UserWarning",
        "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.",
        at(1545, "warnings.warn("),
      );
    return dropoutImpl(rt, b, x, true);
  });
  fn("embedding", (a) => {
    const b = pyArgs("embedding", a, [
      { name: "input" },
      { name: "weight" },
      { name: "padding_idx", default: null },
      { name: "max_norm", default: null },
      { name: "norm_type", default: 2.0 },
      { name: "scale_grad_by_freq", default: false },
      { name: "sparse", default: false },
    ]);
    const input = tensorIn(b.input, "embedding");
    const weight = tensorIn(b.weight, "embedding", "weight", 2);
    let pad: number | null = null;
    if (b.padding_idx !== null) {
      pad = toInteger(b.padding_idx, "padding_idx");
      if (pad > 0 && pad >= weight.shape[0]) throw pyErr("AssertionError", "Padding_idx must be within num_embeddings");
      if (pad < 0 && pad < -weight.shape[0]) throw pyErr("AssertionError", "Padding_idx must be within num_embeddings");
      if (pad < 0) pad += weight.shape[0];
    }
    if (b.max_norm !== null || truthy(b.scale_grad_by_freq) || truthy(b.sparse))
      throw pyErr("NotImplementedError", "embedding(max_norm=, scale_grad_by_freq=, sparse=) is not in Gradlens yet");
    return T.embedding(weight, input, pad);
  });
  fn("batch_norm", (a) => {
    const b = pyArgs("batch_norm", a, [
      { name: "input" },
      { name: "running_mean" },
      { name: "running_var" },
      { name: "weight", default: null },
      { name: "bias", default: null },
      { name: "training", default: false },
      { name: "momentum", default: 0.1 },
      { name: "eps", default: 1e-5 },
    ]);
    const input = tensorIn(b.input, "batch_norm");
    const training = truthy(b.training);
    // F's _verify_batch_size: one value per channel has no variance
    if (training && input.numel / input.shape[1] <= 1)
      throw pyErr("ValueError", `Expected more than 1 value per channel when training, got input size torch.Size([${input.shape.join(", ")}])`);
    const opt = (v: PyValue, name: string, pos: number) => (v === null ? null : tensorIn(v, "batch_norm", name, pos));
    return T.batchNorm(input, {
      runningMean: opt(b.running_mean, "running_mean", 2),
      runningVar: opt(b.running_var, "running_var", 3),
      weight: opt(b.weight, "weight", 4),
      bias: opt(b.bias, "bias", 5),
      training,
      momentum: Number(toScalar(b.momentum, "momentum")),
      eps: Number(toScalar(b.eps, "eps")),
    });
  });
  for (const [n, f] of lossFunctions()) attrs.set(n, f);
  for (const [n, f] of functionalLosses(rt)) attrs.set(n, f);
  for (const [n, f] of functionalLayers(rt)) attrs.set(n, f);
  for (const [n, f] of functionalConv()) attrs.set(n, f);
  return withMissingPolicy(new PyModule("torch.nn.functional", attrs));
}

