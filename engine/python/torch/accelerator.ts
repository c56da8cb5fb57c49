// torch.accelerator (new in PyTorch 2.6) on a machine without one, as the answer key behaves:
// is_available() is False, device_count() 0, and what needs a device raises PyTorch's RuntimeError.
// torch.set_default_device / get_default_device: Gradlens computes on the CPU, so the CPU (or None)
// is the only default it accepts.
import { bindArgs } from "../args.ts";
import { type CallArgs, PyBuiltin, PyModule, type PyValue, pyErr } from "../values.ts";
import { CPU, makeDevice } from "./device.ts";

const NONE_AVAILABLE = "Cannot access accelerator device when none is available.";

export function acceleratorAttrs(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  const fn = (name: string, params: string[], f: (a: CallArgs) => PyValue) =>
    m.set(name, new PyBuiltin(name, (a) => (bindArgs(name, a, params.map((p) => ({ name: p, default: null }))), f(a))));
  const none = () => {
    throw pyErr("RuntimeError", NONE_AVAILABLE);
  };
  fn("is_available", [], () => false);
  fn("device_count", [], () => 0n);
  for (const name of ["current_accelerator", "current_device_index", "current_device_idx", "current_stream", "synchronize"])
    fn(name, name === "synchronize" || name === "current_stream" ? ["device"] : [], none);
  for (const name of ["set_device_index", "set_device_idx"]) fn(name, ["device"], none);
  fn("set_stream", ["stream"], none);
  return m;
}

export function defaultDeviceFunctions(attrs: Map<string, PyValue>): void {
  attrs.set(
    "set_default_device",
    new PyBuiltin("set_default_device", (a) => {
      const { values } = bindArgs("set_default_device", a, [{ name: "device" }]);
      const d = values[0] as PyValue;
      if (d === null) return null;
      const dev = makeDevice({ args: [d], kwargs: new Map() });
      if (dev.type === "cpu") return null;
      throw pyErr("NotImplementedError", `torch.set_default_device('${dev.strText()}'): Gradlens computes on the CPU only`);
    }),
  );
  attrs.set("get_default_device", new PyBuiltin("get_default_device", (a) => (bindArgs("get_default_device", a, []), CPU)));
}

export function acceleratorModule(): PyModule {
  return new PyModule("torch.accelerator", acceleratorAttrs());
}
