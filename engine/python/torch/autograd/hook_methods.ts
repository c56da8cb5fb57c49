// Registering backward hooks from Python: Tensor.register_hook, Tensor.register_post_accumulate_grad_hook,
// grad_fn.register_hook / register_prehook; each gives a torch.utils.hooks.RemovableHandle.
import { addAccumulatedHook, addNodeHook, addTensorHook } from "../../../autograd/hooks.ts";
import type { GradNode } from "../../../autograd/node.ts";
import type { ModuleHookInfo } from "../../../events.ts";
import { accumulatorOf } from "../../../autograd/record.ts";
import { runtimeError } from "../../../errors.ts";
import type { Tensor } from "../../../tensor.ts";
import { PyMethodDescriptor } from "../../descriptors.ts";
import { host } from "../../host.ts";
import { iterate } from "../../ops.ts";
import { type CallArgs, PyBuiltin, PyClass, PyInstance, PyTuple, type PyValue, objectClass, pyErr, typeName } from "../../values.ts";
import { bindArgs } from "../../args.ts";
import { isTensor } from "../convert.ts";
import { getAttr } from "../../attributes.ts";

const removers = new WeakMap<PyInstance, () => void>();

export const removableHandleClass = new PyClass("RemovableHandle", objectClass, undefined, "torch.utils.hooks");
removableHandleClass.attrs.set(
  "remove",
  new PyMethodDescriptor("remove", removableHandleClass, (self) => (removers.get(self as PyInstance)?.(), null)),
);

function handle(remove: () => void): PyInstance {
  const h = new PyInstance(removableHandleClass, "<torch.utils.hooks.RemovableHandle object at 0x0>");
  removers.set(h, remove);
  return h;
}

/** a hook's __name__ (its type's name if it has none), as events and captions show it */
export function hookName(fn: PyValue): string {
  try {
    const n = getAttr(fn, "__name__");
    return typeof n === "string" ? n : typeName(fn);
  } catch {
    return typeName(fn);
  }
}

function hookArg(fname: string, a: CallArgs): PyValue {
  return bindArgs(fname, a, [{ name: "hook" }]).values[0] as PyValue;
}

const call1 = (fn: PyValue, v: PyValue): PyValue => host.call(fn, { args: [v], kwargs: new Map() });

function tensorOrNone(v: PyValue, what: string): Tensor | null {
  if (v === null || isTensor(v)) return v;
  throw pyErr("TypeError", `${what} must return None or a Tensor, got ${typeName(v)}`);
}

function gradsTuple(v: PyValue, name: string): (Tensor | null)[] | null {
  if (v === null) return null;
  return [...iterate(v)].map((t) => tensorOrNone(t, `hook '${name}'`));
}

export const hookMethods = {
  register_hook: (x: Tensor, a: CallArgs): PyValue => {
    const fn = hookArg("register_hook", a);
    if (!x.requiresGrad) throw runtimeError("cannot register a hook on a tensor that doesn't require gradient");
    const name = hookName(fn);
    const fnode = x.gradFn;
    const node = fnode ?? accumulatorOf(x);
    return handle(addTensorHook(node, fnode ? x.outputNr : 0, x, (g) => tensorOrNone(call1(fn, g), "hook"), name));
  },
  register_post_accumulate_grad_hook: (x: Tensor, a: CallArgs): PyValue => {
    const fn = hookArg("register_post_accumulate_grad_hook", a);
    if (!x.requiresGrad) throw runtimeError("cannot register a hook on a tensor that doesn't require gradient");
    if (!x.isLeaf) throw runtimeError("post accumulate grad hooks cannot be registered on non-leaf tensors");
    return handle(addAccumulatedHook(x, (leaf) => void call1(fn, leaf), hookName(fn)));
  },
};

/** grad_fn.register_hook / register_prehook */
export function nodeHookMethod(n: GradNode, name: "register_hook" | "register_prehook"): PyBuiltin {
  return new PyBuiltin(name, (a) => registerNodeHook(n, name === "register_prehook", hookArg(name, a)), n);
}

/** a Python function as the node's pre-hook or hook; its handle. `module`: torch.nn's hook for a module */
export function registerNodeHook(n: GradNode, pre: boolean, fn: PyValue, module?: ModuleHookInfo): PyInstance {
  const label = hookName(fn);
  if (pre) return handle(addNodeHook(n, true, (go: (Tensor | null)[]) => gradsTuple(call1(fn, new PyTuple(go)), label), label, module));
  return handle(
    addNodeHook(
      n,
      false,
      (gi: (Tensor | null)[], go: (Tensor | null)[]) => gradsTuple(host.call(fn, { args: [new PyTuple(gi), new PyTuple(go)], kwargs: new Map() }), label),
      label,
      module,
    ),
  );
}

/** the __name__ of each of a list's functions */
export function hookNames(fns: PyValue): string[] {
  return [...iterate(fns)].map(hookName);
}
