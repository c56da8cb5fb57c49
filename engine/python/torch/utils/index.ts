// torch.utils for one run: torch.utils.data is a Python library module (data_source.ts);
// torch.utils.data._gradlens holds the hooks its Python calls (seed: the exact 63-bit seed that
// DataLoader and RandomSampler draw from a generator, as torch.empty((), dtype=torch.int64)
// .random_(generator=g).item() does in PyTorch). Other torch.utils names PyTorch has are refused
// with NotImplementedError.
import type { Runtime } from "../../../runtime.ts";
import { host } from "../../host.ts";
import { hasLibrary, registerLibrary } from "../../library.ts";
import { PyBuiltin, PyModule, type PyValue } from "../../values.ts";
import { notInGradlens } from "../not_yet.ts";
import { generatorOf } from "../random_functions.ts";
import { dataSource } from "./data_source.ts";

/** torch.utils's names after `import torch` and its submodules (recorded with the answer key) */
const UTILS_NAMES = new Set(
  ("ThroughputBenchmark backcompat backend_registration cmake_prefix_path collect_env cpp_backtrace deterministic dlpack " +
    "generate_methods_for_privateuse1_backend get_cpp_backtrace hooks rename_privateuse1_backend set_module swap_tensors " +
    "throughput_benchmark weak").split(" "),
);
const UTILS_SUBMODULES = new Set(
  ("backcompat backend_registration benchmark bottleneck bundled_inputs checkpoint collect_env cpp_backtrace cpp_extension " +
    "deterministic dlpack file_baton flop_counter hipify hooks jit mkldnn mobile_optimizer model_dump model_zoo " +
    "module_tracker show_pickle tensorboard throughput_benchmark viz weak").split(" "),
);

let registered = false;

/** the torch.utils modules of a run (torch.utils becomes an attribute of `torch`) */
export function utilsModules(rt: Runtime, torch: PyModule): (name: string) => PyModule | undefined {
  if (!registered) {
    registered = true;
    registerLibrary(dataSource);
  }
  const hooks = new PyModule(
    "torch.utils.data._gradlens",
    new Map<string, PyValue>([
      ["seed", new PyBuiltin("seed", (a) => generatorOf(rt, a.args[0] ?? null, "random_").randomInt64())],
    ]),
  );
  const utils = new PyModule("torch.utils", new Map());
  utils.fallback = (name) => {
    if (hasLibrary(`torch.utils.${name}`)) return host.importModule(`torch.utils.${name}`);
    if (UTILS_NAMES.has(name)) throw notInGradlens(`torch.utils.${name}`);
    return undefined;
  };
  torch.attrs.set("utils", utils);
  const modules = new Map<string, PyModule>([
    ["torch.utils", utils],
    ["torch.utils.data._gradlens", hooks],
  ]);
  return (name) => {
    const mod = modules.get(name);
    if (mod) return mod;
    const sub = name.startsWith("torch.utils.") ? name.split(".")[2] : undefined;
    if (sub !== undefined && UTILS_SUBMODULES.has(sub) && !hasLibrary(name)) throw notInGradlens(name);
    return undefined;
  };
}
