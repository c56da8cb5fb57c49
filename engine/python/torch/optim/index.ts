// torch.optim for one run: a host module whose names come from the Python library modules that
// implement it (optimizer.ts, sgd.ts, adam.ts, rmsprop.ts, adagrad.ts, adadelta.ts, lr_scheduler.ts), and
// torch.optim._gradlens, the hooks their Python calls to narrate a step (narrate.ts) and to warn.
import type { Runtime } from "../../../runtime.ts";
import { host } from "../../host.ts";
import { moduleAttr } from "../../imports.ts";
import { hasLibrary, registerLibrary } from "../../library.ts";
import { truthy } from "../../ops.ts";
import { type CallArgs, PyBuiltin, PyModule, type PyValue } from "../../values.ts";
import { notInGradlens } from "../not_yet.ts";
import { pytorchHas } from "../pytorch_names.ts";
import { adadeltaSource } from "./adadelta.ts";
import { adagradSource } from "./adagrad.ts";
import { adamSource, adamwSource } from "./adam.ts";
import { lrSchedulerSource } from "./lr_scheduler.ts";
import { OptimNarrator } from "./narrate.ts";
import { optimizerSource } from "./optimizer.ts";
import { rmspropSource } from "./rmsprop.ts";
import { sgdSource } from "./sgd.ts";

/** the names `torch.optim` exports, and the module that defines each */
const EXPORTS: Record<string, string> = {
  Optimizer: "torch.optim.optimizer",
  SGD: "torch.optim.sgd",
  Adam: "torch.optim.adam",
  AdamW: "torch.optim.adamw",
  RMSprop: "torch.optim.rmsprop",
  Adagrad: "torch.optim.adagrad",
  Adadelta: "torch.optim.adadelta",
};

let registered = false;
function registerSources(): void {
  if (registered) return;
  registered = true;
  for (const src of [optimizerSource, sgdSource, adamSource, adamwSource, rmspropSource, adagradSource, adadeltaSource, lrSchedulerSource]) registerLibrary(src);
}

function hooksModule(rt: Runtime, narrator: OptimNarrator): PyModule {
  const attrs = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));
  fn("stepping", (a) => narrator.stepping(truthy(a.args[0] ?? false)));
  fn("before", (a) => (narrator.noteBefore(a.args[0]), null));
  fn("after", (a) => (narrator.narrateAfter(String(a.args[0]), a.args[1], a.args[2] ?? null, a.args[3] ?? null), null));
  fn("warn", (a) => (rt.warn(String(a.args[0]), String(a.args[1])), null));
  return new PyModule("torch.optim._gradlens", attrs);
}

/** the torch.optim modules of a run (torch.optim becomes an attribute of `torch`) */
export function optimModules(rt: Runtime, torch: PyModule): (name: string) => PyModule | undefined {
  registerSources();
  const hooks = hooksModule(rt, new OptimNarrator(rt));
  const optim = new PyModule("torch.optim", new Map());
  optim.fallback = (name) => {
    const lib = `torch.optim.${name}`;
    if (hasLibrary(lib)) return host.importModule(lib);
    const from = EXPORTS[name];
    if (from) return moduleAttr(host.importModule(from), name);
    if (pytorchHas("torch.optim", name)) throw notInGradlens(`torch.optim.${name}`);
    return undefined;
  };
  torch.attrs.set("optim", optim);
  const modules = new Map<string, PyModule>([
    ["torch.optim", optim],
    ["torch.optim._gradlens", hooks],
  ]);
  return (name) => modules.get(name);
}
