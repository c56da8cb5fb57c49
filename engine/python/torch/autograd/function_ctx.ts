// The ctx of a custom autograd.Function: as in PyTorch it is the backward node itself
// (`FBackward`, a grad_fn), holding what forward told it (save_for_backward, mark_dirty,
// mark_non_differentiable, set_materialize_grads, needs_input_grad) and any attribute the
// program sets on it (ctx.k = k).
import { FREED_MESSAGE, type GradNode } from "../../../autograd/node.ts";
import type { Tensor } from "../../../tensor.ts";
import { truthy } from "../../ops.ts";
import { PyBuiltin, PyClass, PyTuple, type PyValue, objectClass, pyErr, typeName } from "../../values.ts";
import { isTensor } from "../convert.ts";

export interface CustomState {
  /** the user's Function subclass */
  fnClass: PyClass;
  /** its backward class, `torch.autograd.function.FBackward` */
  backwardClass: PyClass;
  /** attributes the program set on ctx */
  attrs: Map<string, PyValue>;
  /** save_for_backward's arguments until apply saves them */
  toSave: (Tensor | null)[] | null;
  /** slots of the saved tensors, null where None was saved */
  savedSlots: (string | null)[] | null;
  dirty: Tensor[];
  nonDifferentiable: Tensor[];
  materializeGrads: boolean;
  needsInputGrad: boolean[];
  /** per forward argument: the index of its edge, or -1 for a non-tensor argument */
  edgeOf: number[];
  /** the outputs (shapes and dtypes) for materialized zero gradients */
  outputs: Tensor[];
  /** per item forward returned: the index of its tensor in outputs, or -1 (its gradient is None) */
  outputSlots: number[];
}

const states = new WeakMap<GradNode, CustomState>();

export function customState(n: GradNode): CustomState | undefined {
  return states.get(n);
}

export function setCustomState(n: GradNode, s: CustomState): void {
  states.set(n, s);
}

/** the base of every FBackward class (PyTorch's BackwardCFunction) */
export const backwardCFunctionClass = new PyClass("BackwardCFunction", objectClass, undefined, "torch.autograd.function");

function tensorsOf(fname: string, args: PyValue[]): Tensor[] {
  return args.map((v) => {
    if (!isTensor(v)) throw pyErr("TypeError", `${fname}(): expected tensor arguments, got ${typeName(v)}`);
    return v;
  });
}

/** ctx.X on a custom Function's node; undefined: not one of ctx's own */
export function customAttr(n: GradNode, s: CustomState, name: string): PyValue | undefined {
  switch (name) {
    case "save_for_backward":
      return new PyBuiltin(name, (a) => {
        s.toSave = a.args.map((v, i) => {
          if (v !== null && !isTensor(v)) throw pyErr("TypeError", `save_for_backward can only save variables, but argument ${i} is of type ${typeName(v)}`);
          return v as Tensor | null;
        });
        return null;
      }, n);
    case "mark_dirty":
      return new PyBuiltin(name, (a) => ((s.dirty = tensorsOf("mark_dirty", a.args)), null), n);
    case "mark_non_differentiable":
      return new PyBuiltin(name, (a) => ((s.nonDifferentiable = tensorsOf("mark_non_differentiable", a.args)), null), n);
    case "set_materialize_grads":
      return new PyBuiltin(name, (a) => ((s.materializeGrads = truthy(a.args[0] ?? true)), null), n);
    case "needs_input_grad":
      return new PyTuple(s.needsInputGrad);
    case "saved_tensors":
    case "saved_variables": {
      if (s.savedSlots === null) return new PyTuple([]);
      if (n.released) throw pyErr("RuntimeError", FREED_MESSAGE);
      return new PyTuple(s.savedSlots.map((slot) => (slot === null ? null : n.unpack(slot))));
    }
    case "to_save":
      // forward's list until apply saved it, None after
      return s.toSave ? new PyTuple(s.toSave) : s.savedSlots !== null ? null : undefined;
    case "__class__":
      return s.backwardClass;
    case "_forward_cls":
      return s.fnClass;
  }
  return s.attrs.get(name);
}

/** ctx.name = value: the program's own attributes */
export function setCustomAttr(s: CustomState, name: string, value: PyValue): boolean {
  if (name === "needs_input_grad" || name === "saved_tensors")
    throw pyErr("AttributeError", `attribute '${name}' of 'torch._C._FunctionBase' objects is not writable`);
  s.attrs.set(name, value);
  return true;
}
