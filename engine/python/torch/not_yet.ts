// The one message for PyTorch's names that Gradlens does not run yet.
import { type PyError, type PyModule, type PyValue, pyErr } from "../values.ts";
import { pytorchHas } from "./pytorch_names.ts";

/** NotImplementedError: torch.kron is not in Gradlens yet */
export const notInGradlens = (qualified: string): PyError => pyErr("NotImplementedError", `${qualified} is not in Gradlens yet`);

/** the policy for names PyTorch has and Gradlens does not run yet: NotImplementedError naming
 *  them; a name PyTorch lacks too falls through to the AttributeError PyTorch gives */
export function withMissingPolicy(mod: PyModule, own?: (name: string) => PyValue | undefined): PyModule {
  mod.fallback = (name) => {
    const v = own?.(name);
    if (v !== undefined) return v;
    if (pytorchHas(mod.name, name)) throw notInGradlens(`${mod.name}.${name}`);
    return undefined;
  };
  return mod;
}
