// F.softmax's dim when none is given (_get_softmax_dim), with its deprecation warning: shared by
// softmax, log_softmax (functional.ts) and softmin (functional_layers.ts).
import type { Runtime } from "../../../runtime.ts";

export function softmaxDim(rt: Runtime, name: string, ndim: number): number {
  rt.warn("UserWarning", `Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`);
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}
