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

const weightOf = (v: PyValue, fname: string): Tensor | null => (v === null ? null : toTensorArg(v, fname, "weight", 3));

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
  // l1_loss is composite in ATen: (input - target).abs(), then mean or sum
  const l1 = new PyBuiltin("l1_loss", (a) => {
    const b = pyArgs("l1_loss", a, REGRESSION.slice(0, 5));
    const input = toTensorArg(b.input, "l1_loss");
    const target = toTensorArg(b.target, "l1_loss", "target", 2);
    warnSizes(rt, input, target);
    const r = reductionOf("l1_loss", b);
    const loss = T.abs(T.sub(input, target));
    return r === "mean" ? T.mean(loss) : r === "sum" ? T.sum(loss) : loss;
  });
  const bce = new PyBuiltin("binary_cross_entropy", (a) => {
    const b = pyArgs("binary_cross_entropy", a, [
      { name: "input" },
      { name: "target" },
      { name: "weight", default: null },
      { name: "size_average", default: null },
      { name: "reduce", default: null },
      { name: "reduction", default: "mean" },
    ]);
    const input = toTensorArg(b.input, "binary_cross_entropy");
    const target = toTensorArg(b.target, "binary_cross_entropy", "target", 2);
    const r = reductionOf("binary_cross_entropy", b);
    if (input.shape.join() !== target.shape.join())
      throw pyErr(
        "ValueError",
        `Using a target size (torch.Size([${target.shape.join(", ")}])) that is different to the input size (torch.Size([${input.shape.join(", ")}])) is deprecated. Please ensure they have the same size.`,
      );
    let weight = weightOf(b.weight, "binary_cross_entropy");
    if (weight) weight = T.expand(weight, T.broadcastShapes(target.shape, weight.shape));
    return T.binaryCrossEntropy(input, target, weight, r);
  });
  const huber = new PyBuiltin("huber_loss", (a) => {
    const b = pyArgs("huber_loss", a, [
      { name: "input" },
      { name: "target" },
      { name: "reduction", default: "mean" },
      { name: "delta", default: 1.0 },
      { name: "weight", default: null },
    ]);
    const input = toTensorArg(b.input, "huber_loss");
    const target = toTensorArg(b.target, "huber_loss", "target", 2);
    if (b.weight !== null) throw pyErr("NotImplementedError", "huber_loss(weight=...) is not in Gradlens yet");
    warnSizes(rt, input, target);
    return T.huberLoss(input, target, reductionOf("huber_loss", b), Number(b.delta));
  });
  const smoothL1 = new PyBuiltin("smooth_l1_loss", (a) => {
    const b = pyArgs("smooth_l1_loss", a, [...REGRESSION.slice(0, 5), { name: "beta", default: 1.0 }]);
    const input = toTensorArg(b.input, "smooth_l1_loss");
    const target = toTensorArg(b.target, "smooth_l1_loss", "target", 2);
    warnSizes(rt, input, target);
    const r = reductionOf("smooth_l1_loss", b);
    if (Number(b.beta) === 0) throw pyErr("NotImplementedError", "smooth_l1_loss(beta=0) is not in Gradlens yet");
    return T.smoothL1Loss(input, target, r, Number(b.beta));
  });
  return [
    ["mse_loss", mse],
    ["l1_loss", l1],
    ["binary_cross_entropy", bce],
    ["huber_loss", huber],
    ["smooth_l1_loss", smoothL1],
  ];
}
