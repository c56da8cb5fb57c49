// torch.nn.functional.cross_entropy and nll_loss with PyTorch's parameters and the
// reduction check F does in Python before calling into ATen; F.one_hot for their targets.
import * as T from "../../index.ts";
import { MISSING, bindArgs } from "../args.ts";
import { nameTable, PyBuiltin, type PyValue, pyErr, typeName } from "../values.ts";
import { isTensor, toInteger, toScalar, toTensorArg } from "./convert.ts";

const LOSS_PARAMS = [
  { name: "input" },
  { name: "target" },
  { name: "weight", default: null },
  { name: "size_average", default: null },
  { name: "ignore_index", default: -100n },
  { name: "reduce", default: null },
  { name: "reduction", default: "mean" },
];

/** str(v) for the values a reduction= mistake carries */
const pyStr = (v: PyValue): string =>
  typeof v === "string" ? v : v === null ? "None" : typeof v === "boolean" ? (v ? "True" : "False") : typeof v === "bigint" || typeof v === "number" ? String(v) : typeName(v);

function lossFunction(name: "cross_entropy" | "nll_loss"): PyBuiltin {
  const spec = name === "cross_entropy" ? [...LOSS_PARAMS, { name: "label_smoothing", default: 0.0 }] : LOSS_PARAMS;
  return new PyBuiltin(name, (a) => {
    const { values } = bindArgs(name, a, spec);
    const b = nameTable(Object.fromEntries(spec.map((s, i) => [s.name, values[i] === MISSING ? null : values[i]])) as Record<string, PyValue>);
    if (b.size_average !== null || b.reduce !== null)
      throw pyErr("NotImplementedError", `${name}(size_average=..., reduce=...) (deprecated) is not in Gradlens; use reduction='mean'|'sum'|'none'`);
    const r = b.reduction;
    if (r !== "mean" && r !== "sum" && r !== "none")
      throw pyErr("ValueError", `${pyStr(r)} is not a valid value for reduction`);
    const aten = name === "cross_entropy" ? "cross_entropy_loss" : "nll_loss_nd";
    const input = toTensorArg(b.input, aten, "input", 1);
    const target = toTensorArg(b.target, aten, "target", 2);
    const weight = b.weight === null ? null : isTensor(b.weight) ? b.weight : toTensorArg(b.weight, aten, "weight", 3);
    const opts = { weight, reduction: r, ignoreIndex: toInteger(b.ignore_index, "ignore_index") } as const;
    if (name === "nll_loss") return T.nllLoss(input, target, opts);
    return T.crossEntropy(input, target, { ...opts, labelSmoothing: Number(toScalar(b.label_smoothing, "label_smoothing")) });
  });
}

/** F.one_hot(tensor, num_classes=-1) */
const oneHot = new PyBuiltin("one_hot", (a) => {
  const { values } = bindArgs("one_hot", a, [{ name: "tensor" }, { name: "num_classes", default: -1n }]);
  return T.oneHot(toTensorArg(values[0] as PyValue, "one_hot", "tensor", 1), toInteger(values[1] as PyValue, "one_hot(): argument 'num_classes' (position 2)"));
});

/** F.binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None) */
const bceWithLogits = new PyBuiltin("binary_cross_entropy_with_logits", (a) => {
  const spec = [
    { name: "input" },
    { name: "target" },
    { name: "weight", default: null },
    { name: "size_average", default: null },
    { name: "reduce", default: null },
    { name: "reduction", default: "mean" },
    { name: "pos_weight", default: null },
  ];
  const { values } = bindArgs("binary_cross_entropy_with_logits", a, spec);
  const b = nameTable(Object.fromEntries(spec.map((s, i) => [s.name, values[i] === MISSING ? null : values[i]])) as Record<string, PyValue>);
  if (b.size_average !== null || b.reduce !== null)
    throw pyErr("NotImplementedError", "binary_cross_entropy_with_logits(size_average=..., reduce=...) (deprecated) is not in Gradlens; use reduction='mean'|'sum'|'none'");
  const r = b.reduction;
  if (r !== "mean" && r !== "sum" && r !== "none") throw pyErr("ValueError", `${pyStr(r)} is not a valid value for reduction`);
  const aten = "binary_cross_entropy_with_logits";
  const tensorOrNull = (v: PyValue, name: string, pos: number) => (v === null ? null : toTensorArg(v, aten, name, pos));
  const input = toTensorArg(b.input, aten, "input", 1);
  const target = toTensorArg(b.target, aten, "target", 2);
  // F checks the sizes in Python first, so this one is a ValueError
  if (target.shape.join() !== input.shape.join())
    throw pyErr("ValueError", `Target size (torch.Size([${target.shape.join(", ")}])) must be the same as input size (torch.Size([${input.shape.join(", ")}]))`);
  return T.binaryCrossEntropyWithLogits(input, target, {
    weight: tensorOrNull(b.weight, "weight", 3),
    posWeight: tensorOrNull(b.pos_weight, "pos_weight", 4),
    reduction: r,
  });
});

export const lossFunctions = (): [string, PyBuiltin][] => [
  ["binary_cross_entropy_with_logits", bceWithLogits],
  ["cross_entropy", lossFunction("cross_entropy")],
  ["nll_loss", lossFunction("nll_loss")],
  ["one_hot", oneHot],
];
