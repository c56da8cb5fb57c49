// The switches behind torch.autograd.grad_mode (written in Python, grad_mode_source.ts), as a
// small host module torch._C: grad mode on/off and inference mode in and out.
import type { Runtime } from "../../../runtime.ts";
import { registerLibrary } from "../../library.ts";
import { truthy } from "../../ops.ts";
import { host } from "../../host.ts";
import { type CallArgs, PyBuiltin, PyModule, PyTuple, type PyValue, pyErr, typeName } from "../../values.ts";
import { bindArgs } from "../../args.ts";
import { PyFunction } from "../../function.ts";
import { gradModeSource } from "./grad_mode_source.ts";
import { functionalSource } from "./functional_source.ts";
import { graphSource } from "./graph_source.ts";
import { anomalyModeSource } from "./anomaly_mode_source.ts";
import { gradcheckSource } from "./gradcheck_source.ts";
import { fastGradcheckSource } from "./fast_gradcheck_source.ts";
import { funcSource } from "../func_source.ts";
import { graphTaskFunctions } from "./graph_task.ts";
import { forwardAdSource } from "./forward_ad_source.ts";
import { forwardAdSwitches } from "./forward_ad_host.ts";

registerLibrary(gradModeSource);
registerLibrary(functionalSource);
registerLibrary(anomalyModeSource);
registerLibrary(gradcheckSource);
registerLibrary(fastGradcheckSource);
registerLibrary(funcSource);
registerLibrary(forwardAdSource);

const ANOMALY_NAMES = new Set(["detect_anomaly", "set_detect_anomaly"]);

/** names torch and torch.autograd take from the grad_mode module */
export const GRAD_MODE_NAMES = new Set(["no_grad", "enable_grad", "set_grad_enabled", "inference_mode"]);

/** torch.no_grad and its siblings, from the grad_mode module of this run (and torch.autograd's
 *  grad_mode and functional submodules, written in Python: autogradName) */
export function autogradName(name: string): PyValue | undefined {
  if (name === "grad_mode") return host.importModule(gradModeSource.name);
  if (name === "functional") return host.importModule(functionalSource.name);
  if (name === "graph") return host.importModule(graphSource.name);
  if (name === "anomaly_mode") return host.importModule(anomalyModeSource.name);
  if (name === "forward_ad") return host.importModule(forwardAdSource.name);
  if (ANOMALY_NAMES.has(name)) return host.importModule(anomalyModeSource.name).attrs.get(name);
  // torch.autograd.gradcheck is the function (its module is reached by import only)
  if (name === "gradcheck" || name === "gradgradcheck") return host.importModule(gradcheckSource.name).attrs.get(name);
  return gradModeName(name);
}

/** torch's names from Python-source modules: torch.func, and no_grad and its siblings */
export function torchName(name: string): PyValue | undefined {
  if (name === "func") return host.importModule(funcSource.name);
  return gradModeName(name);
}

export function gradModeName(name: string): PyValue | undefined {
  if (!GRAD_MODE_NAMES.has(name)) return undefined;
  return host.importModule(gradModeSource.name).attrs.get(name);
}

export function torchC(rt: Runtime): PyModule {
  const m = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void m.set(name, new PyBuiltin(name, f));
  fn("_set_grad_enabled", (a) => {
    const { values } = bindArgs("set_grad_enabled", a, [{ name: "enabled" }]);
    if (typeof values[0] !== "boolean")
      throw pyErr("TypeError", `set_grad_enabled(): argument 'enabled' (position 1) must be bool, not ${typeName(values[0] as PyValue)}`);
    rt.gradEnabled = values[0];
    return null;
  });
  fn("is_grad_enabled", () => rt.gradEnabled);
  fn("_is_generator_function", (a) => a.args[0] instanceof PyFunction && a.args[0].isGenerator);
  fn("_is_inference_mode_enabled", () => rt.inferenceMode);
  // a warning at the user's line, or at (file, line, text): a line of torch's own Python
  fn("_gradlens_warn", (a) => {
    const [category, message, file, line, text] = a.args;
    const place = typeof file === "string" ? { file, line: Number(line), text: String(text) } : undefined;
    rt.warn(String(category), String(message), place);
    return null;
  });
  for (const [name, f] of anomalySwitches(rt)) m.set(name, f);
  for (const [name, f] of graphTaskFunctions(rt)) m.set(name, f);
  for (const [name, f] of forwardAdSwitches(rt)) m.set(name, f);
  // the first gradcheck of a run imports modules (sympy's) that change warnings' filters, so
  // warnings shown before can show once more
  let filtersChanged = false;
  fn("_gradlens_first_gradcheck", () => {
    if (!filtersChanged) rt.onWarningsReset?.();
    filtersChanged = true;
    return null;
  });
  // the token restores both modes on the way out
  fn("_enter_inference_mode", (a) => {
    const { values } = bindArgs("_enter_inference_mode", a, [{ name: "mode" }]);
    const token = new PyTuple([rt.inferenceMode, rt.gradEnabled]);
    const on = truthy(values[0] as PyValue);
    rt.inferenceMode = on;
    // InferenceMode(False) turns grad mode on (even inside no_grad), InferenceMode(True) off
    rt.gradEnabled = !on;
    return token;
  });
  fn("_exit_inference_mode", (a) => {
    const token = a.args[0] as PyTuple;
    rt.inferenceMode = token.items[0] as boolean;
    rt.gradEnabled = token.items[1] as boolean;
    return null;
  });
  return new PyModule("torch._C", m);
}

/** torch.set_anomaly_enabled, is_anomaly_enabled, is_anomaly_check_nan_enabled (torch._C's) */
export function anomalySwitches(rt: Runtime): [string, PyBuiltin][] {
  return [
    [
      "set_anomaly_enabled",
      new PyBuiltin("set_anomaly_enabled", (a) => {
        const { values } = bindArgs("set_anomaly_enabled", a, [{ name: "enabled" }, { name: "check_nan", default: true }]);
        for (const [i, v] of values.entries())
          if (typeof v !== "boolean")
            throw pyErr(
              "TypeError",
              `set_anomaly_enabled(): argument '${i === 0 ? "enabled" : "check_nan"}' (position ${i + 1}) must be bool, not ${typeName(v as PyValue)}`,
            );
        rt.anomalyEnabled = values[0] as boolean;
        rt.anomalyCheckNan = values[1] as boolean;
        return null;
      }),
    ],
    ["is_anomaly_enabled", new PyBuiltin("is_anomaly_enabled", (a) => (bindArgs("is_anomaly_enabled", a, []), rt.anomalyEnabled))],
    [
      "is_anomaly_check_nan_enabled",
      new PyBuiltin("is_anomaly_check_nan_enabled", (a) => (bindArgs("is_anomaly_check_nan_enabled", a, []), rt.anomalyCheckNan)),
    ],
  ];
}
