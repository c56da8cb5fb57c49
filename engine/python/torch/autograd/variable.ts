// torch.autograd.Variable, the deprecated alias PyTorch keeps: calling it gives a detached
// Tensor (requires_grad as asked), and isinstance(t, Variable) holds for every tensor.
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import { bindArgs } from "../../args.ts";
import { truthy } from "../../ops.ts";
import { PyClass, PyModule, type PyValue, objectClass, pyErr, typeName } from "../../values.ts";
import { isTensor } from "../convert.ts";

export function variableModule(rt: Runtime): PyModule {
  const cls = new PyClass("Variable", objectClass, undefined, "torch.autograd.variable");
  cls.instanceCheck = isTensor;
  cls.construct = (a) => {
    const { values } = bindArgs("Variable", a, [
      { name: "data", default: null },
      { name: "requires_grad", default: false },
      { name: "volatile", default: false },
    ]);
    const data = values[0] as PyValue;
    if (data === null) return T.tensor(rt, [], { dtype: "float32" });
    if (!isTensor(data)) throw pyErr("TypeError", `Variable data has to be a tensor, but got ${typeName(data)}`);
    const out = T.detach(data);
    if (truthy(values[1] as PyValue)) T.requiresGrad_(out, true);
    return out;
  };
  return new PyModule("torch.autograd.variable", new Map<string, PyValue>([["Variable", cls]]));
}
