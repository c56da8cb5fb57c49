// The switches of torch._C._autograd behind torch.autograd.graph's saved_tensors_hooks,
// save_on_cpu and disable_saved_tensors_hooks (graph_source.ts): they keep the runtime's stack of
// pack/unpack hooks: a node saving a tensor while hooks are in force keeps what the innermost
// pack hook returns, and hands the unpack hook's result to its backward.
import type { Runtime } from "../../../runtime.ts";
import { type CallArgs, PyBuiltin, PyModule, type PyValue, pyErr } from "../../values.ts";
import { bindArgs } from "../../args.ts";
import { pythonSavedHooks, savedTensorClass } from "./raw_saved.ts";
import { gradFnBaseClass } from "../gradfn.ts";

/** torch._C._autograd: the hooks' stack and the switch disable_saved_tensors_hooks turns */
export function torchCAutograd(rt: Runtime): PyModule {
  let disabled: string | null = null;
  const m = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void m.set(name, new PyBuiltin(name, f));
  fn("_push_saved_tensors_default_hooks", (a) => {
    const [pack, unpack] = bindArgs("_push_saved_tensors_default_hooks", a, [{ name: "pack_hook" }, { name: "unpack_hook" }]).values as PyValue[];
    if (disabled !== null) throw pyErr("RuntimeError", disabled);
    rt.savedTensorsHooks.push(pythonSavedHooks(pack, unpack));
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
  m.set("SavedTensor", savedTensorClass);
  return new PyModule("torch._C._autograd", m);
}
