// Forward-mode AD (torch.autograd.forward_ad): a tensor may carry a tangent at the dual level
// in force; each op recorded while tangents are about computes its output's tangent with its
// own formula (derivatives.yaml's `result:` line, OpRecord.jvp), right after the op, as
// PyTorch's autograd kernels do. PyTorch supports one level at a time, so a tangent is valid
// while the level it was made under (counted by rt.dualEpoch) is the one entered.
import { runtimeError, TorchError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";

/** t's tangent at the level in force, or null */
export function tangentOf(t: Tensor): Tensor | null {
  const fw = t.fw;
  // with forward grad off (a custom Function's forward, _set_fwd_grad_enabled(False), inference
  // mode) no tensor has one
  if (fw === null || !t.rt.fwGradEnabled || t.rt.inferenceMode) return null;
  if (t.rt.dualLevel < 0 || fw.epoch !== t.rt.dualEpoch) {
    t.fw = null;
    return null;
  }
  return fw.tangent;
}

export function setTangent(t: Tensor, tangent: Tensor): void {
  t.fw = { tangent, epoch: t.rt.dualEpoch };
}

/** set t's tangent and narrate it (tangent/set), the tangent being a tensor already narrated;
 *  `inputs`: the primal inputs of the op whose tangent it is */
export function attachTangent(t: Tensor, tangent: Tensor, op: string, inputs?: readonly (Tensor | null)[]): void {
  setTangent(t, tangent);
  const ids = inputs?.flatMap((x) => (x ? [x.id] : []));
  t.rt.emit({ kind: "tangent/set", tensor: t.id, tangent: tangent.id, op, ...(ids ? { inputs: ids } : {}), span: t.rt.span });
}

/** are tangents propagated now: a level is entered, forward grad is on, and no tangent formula
 *  is running (a formula works on primals) */
export const forwardActive = (rt: Runtime): boolean =>
  rt.dualLevel >= 0 && rt.fwGradEnabled && !rt.inferenceMode && rt.tangentFormulaOf === null;

/** the tangents of an op's inputs, or null when none has one (the usual case: nothing to do) */
export function inputTangents(rt: Runtime, inputs: readonly (Tensor | null)[]): (Tensor | null)[] | null {
  if (!forwardActive(rt)) return null;
  let any = false;
  const out = inputs.map((t) => {
    const tg = t ? tangentOf(t) : null;
    if (tg) any = true;
    return tg;
  });
  return any ? out : null;
}

/** ops PyTorch 2.6 itself has no forward derivative for, by their ATen names */
const PYTORCH_LACKS = new Set([
  "_cdist_forward",
  "_pdist_forward",
  "_ctc_loss",
  "grid_sampler_2d",
  "igamma",
  "igammac",
  "multilabel_margin_loss_forward",
  "multi_margin_loss",
]);

/** a dual tensor reached an op without a tangent formula: PyTorch's message for the ops it lacks
 *  one for, else Gradlens' own (PyTorch has it, Gradlens does not yet) */
export function noTangentFormula(op: string): TorchError {
  if (PYTORCH_LACKS.has(op))
    return new TorchError(
      "NotImplementedError",
      `Trying to use forward AD with ${op} that does not support it because it has not been implemented yet.\n` +
        "Please file an issue to PyTorch at https://github.com/pytorch/pytorch/issues/new?template=feature-request.yml so that we can prioritize its implementation or submit a PR adding the implementation to derivatives.yaml",
    );
  return new TorchError("NotImplementedError", `forward-mode AD (a tangent) through ${op} is not in Gradlens yet`);
}

/** raise when any input has a tangent: for ops that have no formula here */
export function refuseTangents(rt: Runtime, op: string, inputs: readonly (Tensor | null)[]): void {
  if (inputTangents(rt, inputs)) throw noTangentFormula(op);
}

/** run an op's tangent formula: its ops see primals only, and are narrated as computing `op`'s tangent */
export function inTangentFormula<T>(rt: Runtime, op: string, fn: () => T): T {
  const before = rt.tangentFormulaOf;
  rt.tangentFormulaOf = op;
  try {
    return fn();
  } finally {
    rt.tangentFormulaOf = before;
  }
}

/** torch._C._enter_dual_level: one level at a time, numbered 0 */
export function enterDualLevel(rt: Runtime): number {
  if (rt.dualLevel >= 0) throw runtimeError("Nested forward mode AD is not supported at the moment");
  rt.dualLevel = 0;
  rt.dualEpoch++;
  rt.emit({ kind: "dual/level", entered: true, level: 0, span: rt.span });
  return 0;
}

/** torch._C._exit_dual_level: every tangent of the level is gone */
export function exitDualLevel(rt: Runtime, level: number): void {
  if (level < 0) throw runtimeError("Dual level must be a positive number.");
  if (level !== rt.dualLevel)
    throw runtimeError("Trying to exit a forward AD level that was not the last one that was created. This is not supported.");
  rt.dualLevel = -1;
  rt.dualEpoch++;
  rt.emit({ kind: "dual/level", entered: false, level, span: rt.span });
}

/** the level number for error messages (0 while entered) */
export const levelName = (rt: Runtime): number => Math.max(rt.dualLevel, 0);
