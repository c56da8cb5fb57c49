// The regression and binary losses of torch.nn.functional (mse_loss, ...), with the checks F makes
// in Python first: the reduction's name, and a warning when input and target sizes differ.
import * as T from "../../../index.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { PyBuiltin, type PyValue, pyErr, typeName } from "../../values.ts";
import { toTensorArg } from "../convert.ts";
import { pyArgs } from "./args.ts";

type Reduction = "mean" | "sum" | "none";

const pyStr = (v: PyValue): string =>
  typeof v === "string" ? v : v === null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : typeof v === "bigint" || typeof v === "number" ? String(v) : typeName(v);

/** the reduction F accepts ('mean', 'sum', 'none'), refusing the deprecated size_average/reduce */
export function reductionOf(fname: string, b: Record<string, PyValue>): Reduction {
  if ((b.size_average !== undefined && b.size_average !== null) || (b.reduce !== undefined && b.reduce !== null))
    throw pyErr("NotImplementedError", `${fname}(size_average=..., reduce=...) (deprecated) is not in Gradlens; use reduction='mean'|'sum'|'none'`);
  const r = b.reduction;
  if (r !== "mean" && r !== "sum" && r !== "none") throw pyErr("ValueError", `${pyStr(r)} is not a valid value for reduction`);
  return r;
}

/** F's warning when a target's size differs from the input's (broadcasting will pair them) */
export function warnSizes(rt: Runtime, input: Tensor, target: Tensor): void {
  if (input.shape.join() !== target.shape.join())
    rt.warn(
      "UserWarning",
      `Using a target size (torch.Size([${target.shape.join(", ")}])) that is different to the input size (torch.Size([${input.shape.join(", ")}])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`,
    );
}

const REGRESSION = [
  { name: "input" },
  { name: "target" },
  { name: "size_average", default: null },
  { name: "reduce", default: null },
  { name: "reduction", default: "mean" },
  { name: "weight", default: null },
];

export function functionalLosses(rt: Runtime): [string, PyBuiltin][] {
  const mse = new PyBuiltin("mse_loss", (a) => {
    const b = pyArgs("mse_loss", a, REGRESSION);
    const input = toTensorArg(b.input, "mse_loss");
    const target = toTensorArg(b.target, "mse_loss", "target", 2);
    if (b.weight !== null) throw pyErr("NotImplementedError", "mse_loss(weight=...) is not in Gradlens yet");
    warnSizes(rt, input, target);
    const r = reductionOf("mse_loss", b);
    return T.mseLoss(input, target, r);
  });
  return [["mse_loss", mse]];
}
