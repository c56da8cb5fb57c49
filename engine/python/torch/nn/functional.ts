// torch.nn.functional: the functions nn's layers call and learners call directly, with the
// parameters PyTorch's Python signatures have (relu(input, inplace=False)...) and the checks F
// makes in Python before ATen runs; the numeric work is engine ops. Losses: functional_losses.ts.
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { truthy } from "../../ops.ts";
import { type CallArgs, PyBuiltin, PyModule, type PyValue } from "../../values.ts";
import { toTensorArg } from "../convert.ts";
import { withMissingPolicy } from "../not_yet.ts";
import { bindSignature } from "../signature.ts";
import { tensorMethods } from "../tensor.ts";
import { lossFunctions } from "../losses.ts";
import { functionalLosses } from "./functional_losses.ts";
import { pyArgs } from "./args.ts";

const tensorIn = (v: PyValue, fname: string, name = "input", pos = 1): Tensor => toTensorArg(v, fname, name, pos);

/** F.softmax's dim when none is given (_get_softmax_dim), with its deprecation warning */
function softmaxDim(rt: Runtime, name: string, ndim: number): number {
  rt.warn("UserWarning", `Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`);
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
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
  for (const [n, f] of lossFunctions()) attrs.set(n, f);
  for (const [n, f] of functionalLosses(rt)) attrs.set(n, f);
  return withMissingPolicy(new PyModule("torch.nn.functional", attrs));
}

