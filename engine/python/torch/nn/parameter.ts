// torch.nn.Parameter: a tensor that a Module registers as a parameter. Parameter(data) is, as
// PyTorch's _make_subclass makes it, data.detach() (same storage and version counter) with
// requires_grad set, whose Python class is Parameter (a subclass of torch.Tensor; subclass.ts).
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { bindArgs } from "../../args.ts";
import { truthy } from "../../ops.ts";
import { PyClass, PyModule, type PyValue, pyErr, typeName } from "../../values.ts";
import { isTensor } from "../convert.ts";
import { setTensorSubclass, tensorSubclass } from "../subclass.ts";
import { tensorClass } from "../tensor.ts";

export const parameterClass = new PyClass("Parameter", tensorClass, undefined, "torch.nn.parameter");
const PARAMETER = { cls: parameterClass, reprPrefix: "Parameter containing:\n" };

export const isParameter = (v: PyValue): v is Tensor => isTensor(v) && tensorSubclass(v)?.cls === parameterClass;

export function makeParameter(rt: Runtime, data: PyValue, requiresGrad: boolean): Tensor {
  if (data === null) data = T.zeros(rt, [0]);
  if (!isTensor(data)) throw pyErr("TypeError", `_make_subclass(): argument 'data' (position 2) must be Tensor, not ${typeName(data)}`);
  if (requiresGrad && !T.isFloating(data.dtype))
    throw pyErr("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients");
  const p = T.detach(data);
  if (requiresGrad) T.requiresGrad_(p, true);
  setTensorSubclass(p, PARAMETER);
  return p;
}

/** the torch.nn.parameter module of a run */
export function parameterModule(rt: Runtime): PyModule {
  parameterClass.construct = (a) => {
    const { values } = bindArgs("Parameter.__new__", a, [{ name: "data", default: null }, { name: "requires_grad", default: true }]);
    return makeParameter(rt, values[0] as PyValue, truthy(values[1] as PyValue));
  };
  return new PyModule("torch.nn.parameter", new Map<string, PyValue>([["Parameter", parameterClass]]));
}
