// torch._C's switches behind torch.autograd.forward_ad (written in Python, forward_ad_source.ts):
// entering and leaving the dual level, making and unpacking dual tensors, forward grad on/off.
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { enterDualLevel, exitDualLevel } from "../../../autograd/forward_ad.ts";
import { makeDual, unpackDual } from "../../../ops/dual.ts";
import { bindArgs } from "../../args.ts";
import { type CallArgs, PyBuiltin, PyTuple, type PyValue } from "../../values.ts";

export function forwardAdSwitches(rt: Runtime): [string, PyBuiltin][] {
  const fn = (name: string, f: (a: CallArgs) => PyValue): [string, PyBuiltin] => [name, new PyBuiltin(name, f)];
  return [
    fn("_enter_dual_level", (a) => (bindArgs("_enter_dual_level", a, []), BigInt(enterDualLevel(rt)))),
    fn("_exit_dual_level", (a) => {
      const { values } = bindArgs("_exit_dual_level", a, [{ name: "level", kwOnly: true }]);
      exitDualLevel(rt, Number(values[0]));
      return null;
    }),
    fn("_make_dual", (a) => {
      const { values } = bindArgs("_make_dual", a, [{ name: "primal" }, { name: "tangent" }, { name: "level", kwOnly: true }]);
      return makeDual(values[0] as Tensor, values[1] as Tensor);
    }),
    fn("_unpack_dual", (a) => {
      const { values } = bindArgs("_unpack_dual", a, [{ name: "tensor" }, { name: "level", kwOnly: true }]);
      const [primal, tangent] = unpackDual(values[0] as Tensor);
      return new PyTuple([primal, tangent]);
    }),
    fn("_is_fwd_grad_enabled", (a) => (bindArgs("_is_fwd_grad_enabled", a, []), rt.fwGradEnabled)),
    fn("_set_fwd_grad_enabled", (a) => {
      const { values } = bindArgs("_set_fwd_grad_enabled", a, [{ name: "enabled" }]);
      rt.fwGradEnabled = values[0] === true;
      return null;
    }),
  ];
}
