// torch.save / torch.load over an in-memory store of one run: Gradlens never writes to the disk
// (the app runs sandboxed), so a "file" is a name in this run's store, gone when the run ends.
// What is stored is what pickle would rebuild: a copy made at save time, copied again by every
// load, so neither later changes to the saved objects nor to what a load returned reach the
// store. Tensors come back as leaves with their requires_grad (a non-leaf's history is not
// saved), Parameters as Parameters, tensors of one storage share their new storage (a view saved
// with its base is still its view); .grad is not saved. weights_only (True by default in 2.6)
// refuses any object other than containers, numbers, strings, tensors and torch's small types,
// with PyTorch's message naming the first class it meets.
import type { Runtime } from "../../runtime.ts";
import { Storage, Tensor } from "../../tensor.ts";
import { created } from "../../ops/create.ts";
import { bindArgs } from "../args.ts";
import { truthy } from "../ops.ts";
import { strRepr } from "../repr.ts";
import {
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyException,
  PyInstance,
  PyList,
  PyModule,
  PySet,
  PyTuple,
  type PyValue,
  classOf,
  exceptionClasses,
  pyErr,
  typeName,
} from "../values.ts";
import { isTensor } from "./convert.ts";
import { dtypeClass, TorchSize } from "./dtypes.ts";
import { deviceClass } from "./device.ts";
import { setTensorSubclass, tensorSubclass } from "./subclass.ts";

const pickleError = new PyClass("PickleError", exceptionClasses.get("Exception")!, undefined, "_pickle");
pickleError.construct = (a) => new PyException(pickleError, a.args);
export const unpicklingError = new PyClass("UnpicklingError", pickleError, undefined, "_pickle");
unpicklingError.construct = (a) => new PyException(unpicklingError, a.args);

/** a class whose instances pickle copies by reference (functions, classes, modules) */
function byReference(v: PyValue): boolean {
  return v instanceof PyClass || v instanceof PyBuiltin || v instanceof PyModule || typeName(v) === "function";
}

/** dtypes, devices and torch.Size never change: pickle rebuilds an equal one, sharing is harmless */
function immutable(v: PyValue): boolean {
  if (v === null || typeof v !== "object") return true;
  if (v instanceof TorchSize) return true;
  const cls = classOf(v);
  return cls === dtypeClass || cls === deviceClass;
}

/** The copy pickle would give back. `emit`: new tensors are narrated as created (a load). */
function copyValue(rt: Runtime, v: PyValue, memo: Map<unknown, PyValue>, emit: boolean): PyValue {
  if (immutable(v) || byReference(v)) return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  const again = (x: PyValue): PyValue => copyValue(rt, x, memo, emit);
  if (isTensor(v)) {
    let storage = memo.get(v.storage) as Storage | undefined;
    if (!storage) memo.set(v.storage, (storage = new Storage(rt.newStorageId(), v.storage.data.slice())));
    const t = new Tensor(rt, storage as Storage, v.shape.slice(), v.strides.slice(), v.offset, v.dtype);
    const sub = tensorSubclass(v);
    if (sub) setTensorSubclass(t, sub);
    memo.set(v, t);
    if (emit) created(t, "torch.load", v.requiresGrad);
    else if (v.requiresGrad) t.setLeafRequiresGrad(true);
    return t;
  }
  if (v instanceof PyTuple) {
    const items: PyValue[] = [];
    const t = new PyTuple(items);
    memo.set(v, t);
    for (const x of v.items) items.push(again(x));
    return withState(v, t, again);
  }
  if (v instanceof PyList) {
    const l = new PyList([]);
    memo.set(v, l);
    for (const x of v.items) l.items.push(again(x));
    return withState(v, l, again);
  }
  if (v instanceof PyDict) {
    const d = new PyDict();
    memo.set(v, d);
    for (const [k, x] of v.table.entries()) d.table.set(again(k as PyValue) as never, again(x));
    return withState(v, d, again);
  }
  if (v instanceof PySet) {
    const s = new PySet();
    memo.set(v, s);
    for (const k of v.table.values()) s.table.add(again(k as PyValue) as never);
    return withState(v, s, again);
  }
  if (v instanceof PyInstance && v.cls.user) {
    const o = new PyInstance(v.cls);
    memo.set(v, o);
    if (v.dict) o.dict = again(v.dict) as PyDict;
    return o;
  }
  throw pyErr("TypeError", `cannot pickle '${typeName(v)}' object`);
}

/** a subclass of list/dict/tuple/set (OrderedDict) keeps its class and its __dict__ (_metadata) */
function withState<T extends PyTuple | PyList | PyDict | PySet>(from: T, to: T, again: (x: PyValue) => PyValue): T {
  if (from.sub) to.sub = from.sub;
  if (from.dict) to.dict = again(from.dict) as PyDict;
  return to;
}

/** the classes weights_only lets through (torch.serialization's default allowed globals) */
const SAFE_SUBCLASSES = new Set(["collections.OrderedDict", "collections.Counter"]);

/** the first class weights_only=True refuses, in pickle's order (an object's class before its state) */
function firstUnsafe(v: PyValue, seen: Set<unknown>): PyClass | null {
  if (immutable(v) || isTensor(v) || seen.has(v)) return null;
  seen.add(v);
  if (byReference(v)) return v instanceof PyClass ? v : classOf(v);
  const own = (x: PyTuple | PyList | PyDict | PySet): PyClass | null => {
    const sub = x.sub;
    if (sub && !SAFE_SUBCLASSES.has(`${sub.module}.${sub.qualName}`)) return sub;
    return null;
  };
  const all = (xs: Iterable<unknown>): PyClass | null => {
    for (const x of xs) {
      const bad = firstUnsafe(x as PyValue, seen);
      if (bad) return bad;
    }
    return null;
  };
  if (v instanceof PyTuple || v instanceof PyList) return own(v) ?? all(v.items);
  if (v instanceof PyDict) return own(v) ?? all([...v.table.entries()].flat());
  if (v instanceof PySet) return own(v) ?? all(v.table.values());
  return classOf(v);
}

function weightsOnlyError(cls: PyClass): PyError {
  const name = cls.name;
  const message =
    "Weights only load failed. This file can still be loaded, to do so you have two options, \x1b[1mdo those steps only if you trust the source of the checkpoint\x1b[0m. \n" +
    "\t(1) In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it only if you got the file from a trusted source.\n" +
    "\t(2) Alternatively, to load with `weights_only=True` please check the recommended steps in the following error message.\n" +
    `\tWeightsUnpickler error: Unsupported global: GLOBAL ${cls.module}.${cls.qualName} was not an allowed global by default. Please use \`torch.serialization.add_safe_globals([${name}])\` or the \`torch.serialization.safe_globals([${name}])\` context manager to allowlist this global if you trust this class/function.\n\n` +
    "Check the documentation of torch.load to learn more about types accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html.";
  return new PyError(new PyException(unpicklingError, [message]));
}

/** io.BytesIO's objects written (a list) and where the next read starts, kept in its __dict__ */
function bufferState(f: PyValue): { saved: PyList; next: number; dict: PyDict } | null {
  if (!(f instanceof PyInstance) || f.cls.name !== "BytesIO" || !f.dict) return null;
  const saved = f.dict.table.get("_gradlens_saved");
  const next = f.dict.table.get("_gradlens_next");
  if (!(saved instanceof PyList) || typeof next !== "bigint") return null;
  return { saved, next: Number(next), dict: f.dict };
}

function fileName(f: PyValue, fname: string): string {
  if (typeof f === "string") return f;
  throw pyErr("NotImplementedError", `${fname} to or from a ${typeName(f)} is not in Gradlens yet (give a file name or an io.BytesIO: Gradlens keeps saved files in memory for the run)`);
}

/** torch.save, torch.load and the torch.serialization module of one run */
export function serializationFunctions(rt: Runtime): Map<string, PyValue> {
  const store = new Map<string, PyValue>();
  const m = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void m.set(name, new PyBuiltin(name, f));
  fn("save", (a) => {
    const { values } = bindArgs("save", a, [
      { name: "obj" },
      { name: "f" },
      { name: "pickle_module", default: null },
      { name: "pickle_protocol", default: 2n },
      { name: "_use_new_zipfile_serialization", default: true },
      { name: "_disable_byteorder_record", default: false },
    ]);
    const copy = copyValue(rt, values[0] as PyValue, new Map(), false);
    const f = values[1] as PyValue;
    const buffer = bufferState(f);
    if (buffer) {
      // writing at the read position drops what was after it, as a write into the bytes would
      buffer.saved.items.length = Math.min(buffer.next, buffer.saved.items.length);
      buffer.saved.items.push(copy);
      buffer.dict.table.set("_gradlens_next", BigInt(buffer.saved.items.length));
    } else store.set(fileName(f, "torch.save"), copy);
    return null;
  });
  fn("load", (a) => {
    const { values } = bindArgs("load", a, [
      { name: "f" },
      { name: "map_location", default: null },
      { name: "pickle_module", default: null },
      { name: "weights_only", default: null, kwOnly: true },
      { name: "mmap", default: null, kwOnly: true },
    ]);
    const f = values[0] as PyValue;
    const buffer = bufferState(f);
    let saved: PyValue | undefined;
    if (buffer) {
      saved = buffer.saved.items[buffer.next];
      if (saved === undefined) throw new PyError(new PyException(exceptionClasses.get("EOFError")!, []));
      buffer.dict.table.set("_gradlens_next", BigInt(buffer.next + 1));
    } else {
      const name = fileName(f, "torch.load");
      saved = store.get(name);
      if (saved === undefined) throw pyErr("FileNotFoundError", `[Errno 2] No such file or directory: ${strRepr(name)}`);
    }
    const weightsOnly = values[3] === null ? true : truthy(values[3] as PyValue);
    if (weightsOnly) {
      const bad = firstUnsafe(saved, new Set());
      if (bad) throw weightsOnlyError(bad);
    }
    return copyValue(rt, saved, new Map(), true);
  });
  return m;
}
