// Recording an op: make its grad_fn node when grad mode is on and an input requires grad,
// wire the edges (AccumulateGrad for leaves), and narrate the op as an event.
import { isFloating } from "../dtype.ts";
import type { Tensor } from "../tensor.ts";
import { GradNode, type BackwardFn, type Edge, type SavedArg } from "./node.ts";
import { attachTangent, inTangentFormula, inputTangents, noTangentFormula } from "./forward_ad.ts";

/** The edge a gradient for `t` travels along: its grad_fn, or its leaf's AccumulateGrad. */
export function gradientEdge(t: Tensor): Edge | null {
  const fn = t.gradFn;
  if (fn) return { node: fn, inputNr: t.outputNr };
  // a view made in no_grad mode of a tensor that requires grad requires grad too, but has no
  // AccumulateGrad: only the requires_grad_() flag makes one
  if (!t.leafFlag) return null;
  return { node: accumulatorOf(t), inputNr: 0 };
}

export function accumulatorOf(leaf: Tensor): GradNode {
  if (!leaf.gradAccumulator) {
    const node = new GradNode(leaf.rt, "AccumulateGrad", [], () => [], true);
    node.variable = leaf;
    node.gradShape = leaf.shape.slice();
    node.gradDType = leaf.dtype;
    leaf.gradAccumulator = node;
    leaf.rt.emit({ kind: "node/created", node: node.info() });
  }
  return leaf.gradAccumulator;
}

export const needsGrad = (inputs: readonly (Tensor | null)[]): boolean => {
  for (const t of inputs) if (t && t.requiresGrad) return true;
  return false;
};

export interface OpRecord {
  /** the op's name as a learner would call it ("mul", "matmul", "select") */
  op: string;
  /** PyTorch's grad_fn name */
  gradFn: string;
  /** the differentiable inputs, in the order of next_functions (null: a constant slot) */
  inputs: (Tensor | null)[];
  backward: BackwardFn;
  /** tensors the formula needs, by slot name; "result" means the output; null: a slot PyTorch
   *  declares but leaves unsaved when no input whose formula reads it needs a gradient (None) */
  save?: Record<string, Tensor | null>;
  /** Tensor?[] arguments the formula needs (index's `indices`), by name */
  saveLists?: Record<string, readonly (Tensor | null)[]>;
  /** non-tensor arguments saved for backward that Python can read (_saved_accumulate) */
  args?: Record<string, SavedArg>;
  /** the output shares an input's storage */
  view?: boolean;
  /** every input tensor, for the event (defaults to the non-null differentiable inputs) */
  eventInputs?: Tensor[];
  /** forward AD: the output's tangent from the inputs' tangents (null where an input has none),
   *  as derivatives.yaml's `result:` formula computes it from the primals; absent: the op has
   *  no tangent formula here and a dual input raises */
  jvp?: (tangents: (Tensor | null)[]) => Tensor | null;
  /** forward AD: the output's tangent given outright (make_dual) */
  tangent?: Tensor;
}

/** Attach a grad_fn to `out` if needed and emit op/applied. Returns out. An integer or bool
 *  result never requires grad (PyTorch's isDifferentiableType): `b.long()`, `b > 0`, `b.argmax()`. */
export function record(out: Tensor, rec: OpRecord): Tensor {
  const rt = out.rt;
  if (rt.recordCapture) {
    rt.recordCapture(rec, out);
    return out;
  }
  const tangents = isFloating(out.dtype) ? inputTangents(rt, rec.inputs) : null;
  if (tangents && !rec.jvp) throw noTangentFormula(rec.op);
  let node: GradNode | null = null;
  if (rt.gradEnabled && !rt.inferenceMode && isFloating(out.dtype) && needsGrad(rec.inputs)) {
    node = new GradNode(
      rt,
      rec.gradFn,
      rec.inputs.map((t) => (t ? gradientEdge(t) : null)),
      rec.backward,
    );
    node.gradShape = out.shape.slice();
    node.gradDType = out.dtype;
    out.gradFn = node;
    out.outputNr = 0;
    if (rec.save)
      for (const slot in rec.save) {
        const t = rec.save[slot];
        if (t === null) node.saveArg(slot, null);
        else node.save(slot, t, t === out);
      }
    saveExtras(node, rec);
  }
  if (rt.sink) {
    const inputs = rec.eventInputs ?? (rec.inputs.filter((t) => t !== null) as Tensor[]);
    rt.emit({
      kind: "op/applied",
      op: rec.op,
      inputs: inputs.map((t) => t.id),
      output: out.info(!rec.view),
      node: node ? node.info() : null,
      span: rt.span,
      ...(rt.tangentFormulaOf !== null ? { tangentFormulaOf: rt.tangentFormulaOf } : {}),
    });
  }
  node?.packSaved();
  // the tangent is computed after the op, as PyTorch's autograd kernels do (its formula reads the output)
  const tangent = rec.tangent ?? (tangents ? inTangentFormula(rt, rec.op, () => rec.jvp!(tangents)) : null);
  if (tangent) attachTangent(out, tangent, rec.op, rec.eventInputs ?? rec.inputs);
  return out;
}

/** the saved lists and arguments of an op record (or of an in-place op's rebase) */
export function saveExtras(node: GradNode, rec: Pick<OpRecord, "saveLists" | "args">): void {
  if (rec.saveLists) for (const name in rec.saveLists) node.saveList(name, rec.saveLists[name]);
  if (rec.args) for (const name in rec.args) node.saveArg(name, rec.args[name]);
}

/** Emit op/applied for an op that never records a graph (comparisons, argmax, detach). */
export function recordConstant(out: Tensor, op: string, inputs: Tensor[], view = false): Tensor {
  const rt = out.rt;
  if (rt.sink)
    rt.emit({
      kind: "op/applied",
      op,
      inputs: inputs.map((t) => t.id),
      output: out.info(!view),
      node: null,
      span: rt.span,
    });
  return out;
}
