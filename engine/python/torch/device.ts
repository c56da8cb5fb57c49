// torch.device: device('cpu'), device('cpu:0'), device('cuda', 1)... Objects are interned by
// (type, index), so == and `is` behave as PyTorch's equality does. Gradlens computes on the CPU:
// a device object for another type can be made, but using it for a tensor fails as PyTorch
// without CUDA fails.
import { bindArgs } from "../args.ts";
import { asIndex } from "../ops.ts";
import { type CallArgs, PyClass, PyDict, PyInstance, type PyValue, objectClass, pyErr, typeName } from "../values.ts";

/** c10's device types, in the order its parse error lists them */
const DEVICE_TYPES = [
  "cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia", "xla", "lazy",
  "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone",
];

export const deviceClass = new PyClass("device", objectClass, undefined, "torch");

export class PyDevice extends PyInstance {
  constructor(
    readonly type: string,
    readonly index: number | null,
  ) {
    super(deviceClass, index === null ? `device(type='${type}')` : `device(type='${type}', index=${index})`);
    this.dict = new PyDict();
    this.dict.table.set("type", type);
    this.dict.table.set("index", index === null ? null : BigInt(index));
  }
  override strText(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
}

const interned = new Map<string, PyDevice>();
function deviceFor(type: string, index: number | null): PyDevice {
  const key = `${type}:${index}`;
  let d = interned.get(key);
  if (!d) interned.set(key, (d = new PyDevice(type, index)));
  return d;
}

export const CPU = deviceFor("cpu", null);

/** a device string as c10 parses it: "cpu", "cuda:1" */
function parse(text: string): PyDevice {
  const m = /^([a-z_]+)(?::(\d+))?$/.exec(text);
  const type = m?.[1] ?? text.split(":")[0];
  if (!DEVICE_TYPES.includes(type))
    throw pyErr("RuntimeError", `Expected one of ${DEVICE_TYPES.join(", ")} device type at start of device string: ${text}`);
  if (!m) throw pyErr("RuntimeError", `Invalid device string: '${text}'`);
  return deviceFor(type, m[2] === undefined ? null : Number(m[2]));
}

/** torch.device(...) */
export function makeDevice(a: CallArgs): PyDevice {
  const { values } = bindArgs("device", a, [{ name: "type" }, { name: "index", default: null }]);
  const [type, index] = values as PyValue[];
  if (type instanceof PyDevice) return type;
  if (typeof type !== "string") throw pyErr("TypeError", `device() received an invalid combination of arguments - got (${typeName(type)})`);
  const d = parse(type);
  if (index === null) return d;
  if (d.index !== null) throw pyErr("RuntimeError", `type (string) must not include an index because index was passed explicitly: ${type}`);
  const i = asIndex(index);
  if (i === undefined) throw pyErr("TypeError", `device(): argument 'index' (position 2) must be int, not ${typeName(index)}`);
  if (i < 0n) throw pyErr("RuntimeError", `Device index must not be negative`);
  return deviceFor(d.type, Number(i));
}

/** a device=... argument or a .to()/.cuda() target: the CPU, or PyTorch's errors without CUDA */
export function checkDevice(v: PyValue): void {
  if (v === null) return;
  const d = v instanceof PyDevice ? v : typeof v === "string" ? parse(v) : null;
  if (!d) return;
  if (d.type === "cpu") return;
  if (d.type === "cuda") throw pyErr("AssertionError", "Torch not compiled with CUDA enabled");
  throw pyErr("NotImplementedError", `Gradlens runs on the CPU only: device '${d.type}' is not available`);
}

export const isDevice = (v: PyValue): boolean => v instanceof PyDevice || (typeof v === "string" && DEVICE_TYPES.includes(v.split(":")[0]));
