// torch.autograd.graph (written in Python: saved_tensors_hooks, save_on_cpu,
// disable_saved_tensors_hooks) over the switches of torch._C._autograd, which keep the runtime's
// stack of pack/unpack hooks: a node saving a tensor while hooks are in force keeps what the
// innermost pack hook returns, and hands the unpack hook's result to its backward.
import type { Runtime } from "../../../runtime.ts";
import { registerLibrary } from "../../library.ts";
import { callWith } from "../../host.ts";
import { getAttr } from "../../attributes.ts";
import { type CallArgs, PyBuiltin, PyList, PyModule, PyTuple, type PyValue, pyErr, typeName } from "../../values.ts";
import { bindArgs } from "../../args.ts";
import { isTensor } from "../convert.ts";
import { gradFnBaseClass } from "../gradfn.ts";

function nameOf(fn: PyValue): string {
  try {
    const n = getAttr(fn, "__name__");
    return typeof n === "string" ? n : typeName(fn);
  } catch {
    return typeName(fn);
  }
}

/** torch._C._autograd: the hooks' stack and the switch disable_saved_tensors_hooks turns */
export function torchCAutograd(rt: Runtime): PyModule {
  let disabled: string | null = null;
  const m = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void m.set(name, new PyBuiltin(name, f));
  fn("_push_saved_tensors_default_hooks", (a) => {
    const [pack, unpack] = bindArgs("_push_saved_tensors_default_hooks", a, [{ name: "pack_hook" }, { name: "unpack_hook" }]).values as PyValue[];
    if (disabled !== null) throw pyErr("RuntimeError", disabled);
    rt.savedTensorsHooks.push({
      packName: nameOf(pack),
      unpackName: nameOf(unpack),
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
    });
    return null;
  });
  fn("_pop_saved_tensors_default_hooks", (a) => (bindArgs("_pop_saved_tensors_default_hooks", a, []), rt.savedTensorsHooks.pop(), null));
  fn("_saved_tensors_hooks_disable", (a) => {
    const [message] = bindArgs("_saved_tensors_hooks_disable", a, [{ name: "message" }]).values as PyValue[];
    // hooks in force cannot be switched off: the message says why
    if (rt.savedTensorsHooks.length) throw pyErr("RuntimeError", String(message));
    disabled = String(message);
    return null;
  });
  fn("_saved_tensors_hooks_enable", (a) => (bindArgs("_saved_tensors_hooks_enable", a, []), (disabled = null)));
  fn("_saved_tensors_hooks_get_disabled_error_message", (a) => (bindArgs("_saved_tensors_hooks_get_disabled_error_message", a, []), disabled));
  m.set("Node", gradFnBaseClass);
  return new PyModule("torch._C._autograd", m);
}

export const graphSource = {
  name: "torch.autograd.graph",
  filename: "/usr/lib/python3/dist-packages/torch/autograd/graph.py",
  notYet: ["GradientEdge", "get_gradient_edge", "increment_version", "register_multi_grad_hook", "allow_mutation_on_saved_tensors"],
  source: String.raw`
import contextlib
import torch
from torch._C._autograd import (
    Node,
    _push_saved_tensors_default_hooks,
    _pop_saved_tensors_default_hooks,
    _saved_tensors_hooks_disable,
    _saved_tensors_hooks_enable,
    _saved_tensors_hooks_get_disabled_error_message,
)


class saved_tensors_hooks:
    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        _push_saved_tensors_default_hooks(self.pack_hook, self.unpack_hook)

    def __exit__(self, *args):
        _pop_saved_tensors_default_hooks()


class save_on_cpu(saved_tensors_hooks):
    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack_to_cpu(tensor):
            if not pin_memory:
                return (tensor.device, tensor.cpu())
            # no CUDA here: the "pinned" copy is an ordinary one
            packed = torch.empty(tensor.size(), dtype=tensor.dtype, layout=tensor.layout, pin_memory=False)
            packed.copy_(tensor)
            return (tensor.device, packed)

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device, non_blocking=pin_memory)

        super().__init__(pack_to_cpu, unpack_from_cpu)


@contextlib.contextmanager
def disable_saved_tensors_hooks(error_message):
    maybe_prev_message = _saved_tensors_hooks_get_disabled_error_message()
    _saved_tensors_hooks_disable(error_message)
    try:
        yield
    finally:
        if maybe_prev_message is None:
            _saved_tensors_hooks_enable()
        else:
            _saved_tensors_hooks_disable(maybe_prev_message)
`,
};

registerLibrary(graphSource);
