// grad_fn._raw_saved_self and the like: torch._C._autograd.SavedTensor, a handle on one tensor a
// node saved, whose register_hooks(pack_hook, unpack_hook) packs it at once (as saved_tensors_hooks
// would have at save time); the unpack hook then runs on each read (grad_fn._saved_self, backward).
import type { GradNode, SavedTensor, SavedTensorsHooks } from "../../../autograd/node.ts";
import { bindArgs } from "../../args.ts";
import { PyMethodDescriptor } from "../../descriptors.ts";
import { callWith } from "../../host.ts";
import { PyClass, PyInstance, PyList, PyTuple, type PyValue, objectClass, pyErr, typeName } from "../../values.ts";
import { isTensor } from "../convert.ts";
import { hookName } from "./hook_methods.ts";

/** a pack/unpack pair of Python callables as the engine's saved-tensor hooks */
export function pythonSavedHooks(pack: PyValue, unpack: PyValue): SavedTensorsHooks {
  return {
    packName: hookName(pack),
    unpackName: hookName(unpack),
    pack: (t) => callWith(pack, t),
    held: (packed) => {
      const v = packed as PyValue;
      if (isTensor(v)) return [v];
      return v instanceof PyTuple || v instanceof PyList ? v.items.filter(isTensor) : [];
    },
    unpack: (packed) => {
      const out = callWith(unpack, packed as PyValue);
      if (!isTensor(out)) throw pyErr("TypeError", `Output of saved tensor unpack_hook expected to be a Tensor but got result of type ${typeName(out)}`);
      return out;
    },
  };
}

const savedOf = new WeakMap<PyInstance, { node: GradNode; saved: SavedTensor }>();
/** one handle per saved tensor: y.grad_fn._raw_saved_self is y.grad_fn._raw_saved_self */
const handles = new WeakMap<SavedTensor, PyInstance>();

export const savedTensorClass = new PyClass("SavedTensor", objectClass, undefined, "torch._C._autograd");
savedTensorClass.attrs.set(
  "register_hooks",
  new PyMethodDescriptor("register_hooks", savedTensorClass, (self, a) => {
    const [pack, unpack] = bindArgs("register_hooks", a, [{ name: "pack_hook" }, { name: "unpack_hook" }]).values as PyValue[];
    const held = savedOf.get(self as PyInstance)!;
    const { node, saved } = held;
    if (saved.hooked)
      throw pyErr("RuntimeError", "Calling register_hooks on a saved tensor whose hooks have already been set. Hint: only one pair of hooks is allowed at a time.");
    if (saved.released)
      throw pyErr(
        "RuntimeError",
        "Calling register_hooks on a saved tensor after it has been freed. Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved variables after calling backward.",
      );
    saved.pack(node, pythonSavedHooks(pack, unpack));
    return null;
  }),
);

/** grad_fn._raw_saved_<slot>: None for a slot saved as None */
export function rawSaved(node: GradNode, saved: SavedTensor): PyValue {
  if (!saved.released && !saved.hooked && saved.peek() === null) return null;
  let h = handles.get(saved);
  if (!h) {
    h = new PyInstance(savedTensorClass, "<torch._C._autograd.SavedTensor object at 0x0>");
    savedOf.set(h, { node, saved });
    handles.set(saved, h);
  }
  return h;
}
