// What torch and torch.autograd hold beyond grad/backward: Variable, the inference-mode query,
// (custom Functions, hooks, torch.autograd.functional are added here as they land).
import type { Runtime } from "../../../runtime.ts";
import { PyBuiltin, type PyModule, type PyValue } from "../../values.ts";
import { bindArgs } from "../../args.ts";
import { variableModule } from "./variable.ts";
import { functionModule } from "./function.ts";
import { torchCAutograd } from "./saved_hooks.ts";
import { anomalySwitches } from "./grad_mode.ts";

/** fills torch's and torch.autograd's attributes; returns the submodules to register by name */
export function addAutogradSurface(rt: Runtime, torch: Map<string, PyValue>, autograd: Map<string, PyValue>): [string, PyModule][] {
  torch.set(
    "is_inference_mode_enabled",
    new PyBuiltin("is_inference_mode_enabled", (a) => (bindArgs("is_inference_mode_enabled", a, []), rt.inferenceMode)),
  );
  for (const [name, f] of anomalySwitches(rt)) torch.set(name, f);
  const variable = variableModule(rt);
  autograd.set("variable", variable);
  autograd.set("Variable", variable.attrs.get("Variable")!);
  const fn = functionModule(rt);
  autograd.set("function", fn);
  autograd.set("Function", fn.attrs.get("Function")!);
  return [
    ["torch.autograd.variable", variable],
    ["torch.autograd.function", fn],
    ["torch._C._autograd", torchCAutograd(rt)],
  ];
}
