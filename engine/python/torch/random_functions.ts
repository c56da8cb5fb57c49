// torch's random numbers as Python sees them: torch.Generator objects (manual_seed, seed,
// initial_seed, get_state/set_state), the default generator behind torch.manual_seed, and every
// function that takes generator=: rand, randn, randint, randperm, normal, multinomial, bernoulli,
// and the tensor fills uniform_, normal_, exponential_, bernoulli_, random_.
import * as T from "../../index.ts";
import type { TorchGenerator } from "../../random/index.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tensor } from "../../tensor.ts";
import { nameTable, type CallArgs, PyBuiltin, PyClass, PyDict, PyInstance, type PyValue, objectClass, pyErr, typeName } from "../values.ts";
import { checkDevice, isTensor, toDType, toInteger, toScalar, toShape } from "./convert.ts";
import { invalidArguments } from "./invalid_arguments.ts";
import { bindSignature, type Param } from "./signature.ts";

export const generatorClass = new PyClass("Generator", objectClass, undefined, "torch._C");

/** a torch.Generator: its own Mersenne Twister stream (the default one is the runtime's) */
export class PyGenerator extends PyInstance {
  constructor(
    readonly rt: Runtime,
    readonly gen: TorchGenerator,
  ) {
    super(generatorClass, "<torch._C.Generator object at 0x0>");
    const attrs = (this.dict = new PyDict()).table;
    const method = (name: string, f: (a: CallArgs) => PyValue) => attrs.set(name, new PyBuiltin(name, f, this));
    method("manual_seed", (a) => {
      manualSeed(this.gen, bindSignature("manual_seed", a, [{ name: "seed", type: "object" }]).seed);
      return this;
    });
    method("seed", (a) => {
      bindSignature("seed", a, []);
      return this.gen.reseed();
    });
    method("initial_seed", (a) => {
      bindSignature("initial_seed", a, []);
      return this.gen.initialSeed();
    });
    method("get_state", (a) => {
      bindSignature("get_state", a, []);
      return stateTensor(this.rt, this.gen);
    });
    method("set_state", (a) => {
      const b = bindSignature("set_state", a, [{ name: "new_state", type: "object" }]);
      restoreState(this.gen, b.new_state);
      return this;
    });
    attrs.set("device", "cpu");
  }
}

/** manual_seed(seed): an int (wrapping negatives to uint64), with PyTorch's messages otherwise */
function manualSeed(gen: TorchGenerator, seed: PyValue): void {
  if (typeof seed === "number") throw pyErr("RuntimeError", "manual_seed expected a long, but got float");
  if (typeof seed !== "bigint" && typeof seed !== "boolean") throw pyErr("RuntimeError", `manual_seed expected a long, but got ${typeName(seed)}`);
  try {
    gen.manualSeed(typeof seed === "boolean" ? BigInt(seed) : seed);
  } catch {
    throw pyErr("RuntimeError", "Overflow when unpacking long");
  }
}

/** CPUGeneratorImplState's 5056 bytes: seed, left, seeded, next, the 624 words, the cached normal */
const STATE_BYTES = 5056;

function stateTensor(rt: Runtime, gen: TorchGenerator): Tensor {
  const s = gen.getState();
  const bytes = new Uint8Array(STATE_BYTES);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, s.seed, true);
  view.setInt32(8, 625 - s.index, true);
  view.setInt32(12, 1, true);
  view.setBigUint64(16, BigInt(s.index % 624), true);
  s.words.forEach((w, i) => view.setBigUint64(24 + 8 * i, BigInt(w), true));
  if (s.nextDoubleNormal !== null) {
    view.setFloat64(5024, s.nextDoubleNormal, true);
    view.setInt32(5040, 1, true);
  }
  return T.tensor(rt, Array.from(bytes, (b) => BigInt(b)), { dtype: "int64" });
}

function restoreState(gen: TorchGenerator, v: PyValue): void {
  if (!isTensor(v)) throw pyErr("TypeError", `expected a torch.ByteTensor, but got ${typeName(v)}`);
  if (v.dtype !== "int64") throw pyErr("TypeError", "RNG state must be a torch.ByteTensor");
  if (v.numel !== STATE_BYTES)
    throw pyErr("RuntimeError", `Expected either a THGeneratorState of size 5048 or a CPUGeneratorImplState of size 5056 but found the input RNG state size to be ${v.numel}`);
  const view = new DataView(Uint8Array.from(v.values()).buffer);
  const words = new Uint32Array(624);
  for (let i = 0; i < 624; i++) words[i] = Number(view.getBigUint64(24 + 8 * i, true) & 0xffffffffn);
  gen.setState({
    seed: view.getBigUint64(0, true),
    words,
    index: 625 - view.getInt32(8, true),
    nextDoubleNormal: view.getInt32(5040, true) ? view.getFloat64(5024, true) : null,
  });
}

/** generator=g, or the default generator */
export function generatorOf(rt: Runtime, v: PyValue, fname: string): TorchGenerator {
  if (v === null) return rt.generator;
  if (v instanceof PyGenerator) return v.gen;
  throw pyErr("TypeError", `${fname}(): argument 'generator' must be torch.Generator, not ${typeName(v)}`);
}

const FACTORY: Param[] = [
  { name: "generator", type: "object", default: null, kwOnly: true },
  { name: "out", type: "object", default: null, kwOnly: true },
  { name: "dtype", type: "object", default: null, kwOnly: true },
  { name: "layout", type: "object", default: null, kwOnly: true },
  { name: "device", type: "object", default: null, kwOnly: true },
  { name: "pin_memory", type: "bool", default: false, kwOnly: true },
  { name: "requires_grad", type: "bool", default: false, kwOnly: true },
];

function factoryOptions(rt: Runtime, b: Record<string, PyValue>, fname: string): T.CreateOptions {
  if (b.device !== null) checkDevice(b.device);
  return { dtype: toDType(b.dtype), requiresGrad: b.requires_grad as boolean, generator: generatorOf(rt, b.generator, fname) };
}

/** rand's and randn's four signatures, as PyTorch lists them when a call fits none */
const SIZED_SIGNATURES = [
  "(tuple of ints size, *, torch.Generator generator, tuple of names names, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)",
  "(tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)",
  "(tuple of ints size, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)",
  "(tuple of ints size, *, tuple of names names, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)",
];

/** rand(2, 3) / rand((2, 3)) / rand(size=(2, 3)), with generator= and the factory keywords */
function sized(rt: Runtime, fname: string, make: (shape: number[], o: T.CreateOptions) => Tensor): PyBuiltin {
  return new PyBuiltin(fname, (a) => {
    const gen = a.kwargs.get("generator");
    if (gen !== undefined && gen !== null && !(gen instanceof PyGenerator)) throw invalidArguments(fname, a, SIZED_SIGNATURES);
    const kwargs = new Map(a.kwargs);
    const sizeKw = kwargs.get("size");
    kwargs.delete("size");
    const b = bindSignature(fname, { args: [], kwargs }, FACTORY);
    return make(toShape(sizeKw !== undefined ? [sizeKw] : a.args, fname), factoryOptions(rt, b, fname));
  });
}

const float = (v: PyValue, what: string): number => Number(toScalar(v, what));

export function randomFunctions(rt: Runtime): Map<string, PyValue> {
  const fns = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue) => fns.set(name, new PyBuiltin(name, f));
  const defaultGenerator = new PyGenerator(rt, rt.generator);
  fns.set("default_generator", defaultGenerator);
  generatorClass.construct = (a) => {
    const b = bindSignature("Generator", a, [{ name: "device", type: "object", default: "cpu" }]);
    const device = typeof b.device === "string" ? b.device : "cpu";
    if (device.startsWith("cuda")) throw pyErr("RuntimeError", "Device type CUDA is not supported for torch.Generator() api.");
    checkDevice(device);
    // a new CPUGeneratorImpl starts from default_rng_seed_val, not from fresh randomness
    const gen = new T.TorchGenerator();
    gen.manualSeed(67280421310721n);
    return new PyGenerator(rt, gen);
  };
  fns.set("Generator", generatorClass);
  fn("manual_seed", (a) => {
    const s = bindSignature("manual_seed", a, [{ name: "seed", type: "object" }]).seed;
    if (typeof s === "string" && !/^\s*[-+]?\d+\s*$/.test(s)) throw pyErr("ValueError", `invalid literal for int() with base 10: '${s}'`);
    manualSeed(rt.generator, typeof s === "string" ? BigInt(s.trim()) : s);
    return defaultGenerator;
  });
  fn("seed", (a) => {
    bindSignature("seed", a, []);
    return rt.generator.reseed();
  });
  fn("initial_seed", (a) => {
    bindSignature("initial_seed", a, []);
    return rt.generator.initialSeed();
  });
  fn("get_rng_state", (a) => {
    bindSignature("get_rng_state", a, []);
    return stateTensor(rt, rt.generator);
  });
  fn("set_rng_state", (a) => {
    restoreState(rt.generator, bindSignature("set_rng_state", a, [{ name: "new_state", type: "object" }]).new_state);
    return null;
  });
  fns.set("rand", sized(rt, "rand", (s, o) => T.rand(rt, s, o)));
  fns.set("randn", sized(rt, "randn", (s, o) => T.randn(rt, s, o)));
  fn("randint", (a) => {
    const args = a.args;
    const kwargs = new Map(a.kwargs);
    const take = (k: string) => {
      const v = kwargs.get(k);
      kwargs.delete(k);
      return v;
    };
    const [low, high, size] = args.length >= 3 ? args : [take("low") ?? 0n, args[0] ?? take("high"), args[1] ?? take("size")];
    if (size === undefined || high === undefined) throw pyErr("TypeError", "randint() received an invalid combination of arguments");
    take("size");
    const b = bindSignature("randint", { args: args.slice(3), kwargs }, FACTORY);
    const o = factoryOptions(rt, b, "randint");
    return T.randint(rt, toInteger(low, "low"), toInteger(high, "high"), toShape([size], "randint"), { ...o, dtype: o.dtype ?? "int64" });
  });
  fn("randperm", (a) => {
    const b = bindSignature("randperm", a, [{ name: "n", type: "int" }, ...FACTORY]);
    return T.randperm(rt, toInteger(b.n, "n"), generatorOf(rt, b.generator, "randperm"), factoryOptions(rt, b, "randperm"));
  });
  fn("normal", (a) => {
    const [m0, s0] = [a.args[0] ?? a.kwargs.get("mean"), a.args[1] ?? a.kwargs.get("std")];
    if (isTensor(m0) || isTensor(s0)) {
      const b = bindSignature("normal", a, [
        { name: "mean", type: isTensor(m0) ? "Tensor" : "float" },
        { name: "std", type: isTensor(s0) ? "Tensor" : "float", default: 1 },
        { name: "generator", type: "object", default: null, kwOnly: true },
        { name: "out", type: "object", default: null, kwOnly: true },
      ]);
      const mean = isTensor(b.mean) ? b.mean : float(b.mean, "mean");
      const std = isTensor(b.std) ? b.std : float(b.std, "std");
      return T.normalTensors(mean, std, generatorOf(rt, b.generator, "normal"));
    }
    const b = bindSignature("normal", a, [{ name: "mean", type: "float" }, { name: "std", type: "float" }, { name: "size", type: "tuple of ints" }, ...FACTORY]);
    const o = factoryOptions(rt, b, "normal");
    return T.normalScalars(rt, float(b.mean, "mean"), float(b.std, "std"), toShape([b.size], "normal"), o.generator!, o);
  });
  fn("bernoulli", (a) => {
    const b = bindSignature("bernoulli", a, [{ name: "input", type: "Tensor" }, { name: "generator", type: "object", default: null, kwOnly: true }]);
    return T.bernoulli(b.input as Tensor, generatorOf(rt, b.generator, "bernoulli"));
  });
  return fns;
}

type Method = (x: Tensor, a: CallArgs) => PyValue;
const GEN: Param = { name: "generator", type: "object", default: null, kwOnly: true };

export const randomMethods: Record<string, Method> = nameTable({
  uniform_: (x, a) => {
    const b = bindSignature("uniform_", a, [{ name: "from", type: "float", default: 0 }, { name: "to", type: "float", default: 1 }, GEN]);
    return T.uniform_(x, float(b.from, "from"), float(b.to, "to"), generatorOf(x.rt, b.generator, "uniform_"));
  },
  normal_: (x, a) => {
    const b = bindSignature("normal_", a, [{ name: "mean", type: "float", default: 0 }, { name: "std", type: "float", default: 1 }, GEN]);
    return T.normal_(x, float(b.mean, "mean"), float(b.std, "std"), generatorOf(x.rt, b.generator, "normal_"));
  },
  exponential_: (x, a) => {
    const b = bindSignature("exponential_", a, [{ name: "lambd", type: "float", default: 1 }, GEN]);
    return T.exponential_(x, float(b.lambd, "lambd"), generatorOf(x.rt, b.generator, "exponential_"));
  },
  bernoulli_: (x, a) => {
    const b = bindSignature("bernoulli_", a, [{ name: "p", type: "float", default: 0.5 }, GEN]);
    return T.bernoulli_(x, float(b.p, "p"), generatorOf(x.rt, b.generator, "bernoulli_"));
  },
  random_: (x, a) => {
    const b = bindSignature("random_", a, [{ name: "from", type: "int", default: null }, { name: "to", type: "int", default: null }, GEN]);
    const gen = generatorOf(x.rt, b.generator, "random_");
    if (b.from === null && b.to === null) return T.randomFull_(x, gen);
    const [from, to] = b.to === null ? [0, toInteger(b.from, "from")] : [toInteger(b.from, "from"), toInteger(b.to, "to")];
    return T.random_(x, from, to, gen);
  },
  multinomial: (x, a) => {
    const b = bindSignature("multinomial", a, [{ name: "num_samples", type: "int" }, { name: "replacement", type: "bool", default: false }, GEN]);
    return T.multinomial(x, toInteger(b.num_samples, "num_samples"), b.replacement as boolean, generatorOf(x.rt, b.generator, "multinomial"));
  },
});

export const RANDOM_TENSOR_FUNCTIONS = ["multinomial"];
