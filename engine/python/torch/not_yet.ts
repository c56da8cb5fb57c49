// The one message for PyTorch's names that Gradlens does not run yet.
import { type PyError, pyErr } from "../values.ts";

/** NotImplementedError: torch.einsum is not in Gradlens yet */
export const notInGradlens = (qualified: string): PyError => pyErr("NotImplementedError", `${qualified} is not in Gradlens yet`);
