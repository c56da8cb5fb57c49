// The switches of torch._C._autograd behind torch.autograd.graph's saved_tensors_hooks,
// save_on_cpu and disable_saved_tensors_hooks (graph_source.ts): they keep the runtime's stack of
// pack/unpack hooks: a node saving a tensor while hooks are in force keeps what the innermost
// pack hook returns, and hands the unpack hook's result to its backward.
import type { Runtime } from "../../../runtime.ts";
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
