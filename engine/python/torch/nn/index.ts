// torch.nn for one run: the host modules written in TypeScript (torch.nn itself, functional,
// parameter, and torch._gradlens, the hooks nn's Python calls to narrate module calls) and the
// library modules written in Python (torch.nn.modules..., torch.nn.init, torch.nn.utils), which
// torch.nn's own names fall back to.
import type { Runtime } from "../../../runtime.ts";
import { bindArgs } from "../../args.ts";
import { host } from "../../host.ts";
import { moduleAttr } from "../../imports.ts";
import { hasLibrary, registerLibrary } from "../../library.ts";
import { type CallArgs, PyBuiltin, PyModule, PyTuple, type PyValue, pyErr } from "../../values.ts";
import { checkDevice, isTensor, toInteger } from "../convert.ts";
import { PyDType, dtypeObject } from "../dtypes.ts";
import { notInGradlens } from "../not_yet.ts";
import { pytorchHas } from "../pytorch_names.ts";
import { functionalModule } from "./functional.ts";
import { initSource } from "./init.ts";
import { utilsSource } from "./utils.ts";
import { MODULES_SOURCES } from "./modules/index.ts";
import { ModuleNarrator } from "./narrate.ts";
import { GradNode } from "../../../autograd/node.ts";
import type { ModuleHookInfo } from "../../../events.ts";
import { hookNames, registerNodeHook } from "../autograd/hook_methods.ts";
import { parameterClass, parameterModule } from "./parameter.ts";

let registered = false;
function registerSources(): void {
  if (registered) return;
  registered = true;
  for (const src of [...MODULES_SOURCES, initSource, utilsSource]) registerLibrary(src);
}

/** torch._gradlens: what torch.nn's Python asks of the engine */
function gradlensModule(rt: Runtime, narrator: ModuleNarrator): PyModule {
  const attrs = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));
  fn("module_enter", (a) => BigInt(narrator.enter(a.args[0])));
  fn("module_exit", (a) => {
    narrator.exit(toInteger(a.args[0], "call"), a.args[1] ?? null);
    return null;
  });
  // a node hook for a module's backward hooks: the view is told which module's, and how registered
  fn("module_node_hook", (a) => {
    const [node, hook, module, method, hooks] = a.args;
    if (!(node instanceof GradNode)) throw pyErr("TypeError", "module_node_hook: not a grad_fn");
    const info = { ...narrator.whereIs(module), method: String(method) as ModuleHookInfo["method"], hooks: hookNames(hooks) };
    return registerNodeHook(node, false, hook, info);
  });
  fn("warn", (a) => {
    rt.warn(String(a.args[0]), String(a.args[1]));
    return null;
  });
  // Module.to(*args, **kwargs) -> (device, dtype, non_blocking), as torch._C._nn._parse_to reads them
  fn("parse_to", (a) => {
    const { values } = bindArgs("to", a, [
      { name: "device", default: null },
      { name: "dtype", default: null },
      { name: "non_blocking", default: false },
      { name: "memory_format", default: null, kwOnly: true },
    ]);
    let [device, dtype] = values as PyValue[];
    if (device instanceof PyDType) [device, dtype] = [null, device];
    else if (isTensor(device)) [device, dtype] = [null, dtypeObject(device.dtype)];
    if (device !== null) checkDevice(device);
    if (dtype !== null && !(dtype instanceof PyDType)) throw pyErr("TypeError", "to() received an invalid combination of arguments");
    if (dtype instanceof PyDType && !dtype.name.startsWith("float") && !dtype.name.startsWith("bfloat") && !dtype.name.startsWith("complex"))
      throw pyErr("TypeError", `nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.${dtype.name}`);
    return new PyTuple([null, dtype, values[2] as PyValue]);
  });
  return new PyModule("torch._gradlens", attrs);
}

/** the torch.nn modules of a run (torch.nn becomes an attribute of `torch`) */
export function nnModules(rt: Runtime, torch: PyModule): (name: string) => PyModule | undefined {
  registerSources();
  const functional = functionalModule(rt);
  const parameter = parameterModule(rt);
  const gradlens = gradlensModule(rt, new ModuleNarrator(rt));
  const nn = new PyModule(
    "torch.nn",
    new Map<string, PyValue>([
      ["functional", functional],
      ["parameter", parameter],
      ["Parameter", parameterClass],
    ]),
  );
  nn.fallback = (name) => {
    const lib = `torch.nn.${name}`;
    if (hasLibrary(lib)) return host.importModule(lib);
    if (name.startsWith("__")) return undefined;
    const v = moduleAttr(host.importModule("torch.nn.modules"), name);
    if (v === undefined && pytorchHas("torch.nn", name)) throw notInGradlens(`torch.nn.${name}`);
    return v;
  };
  torch.attrs.set("nn", nn);
  const modules = new Map<string, PyModule>([
    ["torch.nn", nn],
    ["torch.nn.functional", functional],
    ["torch.nn.parameter", parameter],
    ["torch._gradlens", gradlens],
  ]);
  return (name) => modules.get(name);
}
