// The `torch` module of one run (bound to its Runtime): creation functions, tensor
// functions, torch.autograd, torch.no_grad, dtypes, torch.Size (torch.nn: nn/index.ts adds it).
import * as T from "../../index.ts";
import type { Runtime } from "../../runtime.ts";
import type { Tensor } from "../../tensor.ts";
import { MISSING, type ParamSpec, bindArgs } from "../args.ts";
import { truthy } from "../ops.ts";
import {
  nameTable,
  type CallArgs,
  PyBuiltin,
  PyError,
  PyList,
  PyModule,
  PyTuple,
  type PyValue,
  pyErr,
  typeName,
} from "../values.ts";
import { iterate } from "../ops.ts";
import { dtypeAttrs, dtypeClass, sizeClass, TorchSize } from "./dtypes.ts";
import { checkDevice as checkDeviceName, isScalar, isTensor, toDType, toInteger, toNested, toOperand, toScalar, toShape, toTensorArg } from "./convert.ts";
import { tensorClass } from "./tensor.ts";
import { tensorList, tensorMethods } from "./tensor_methods.ts";
import { statFunctionSignatures } from "./stat_methods.ts";
import { invalidArguments } from "./invalid_arguments.ts";
import { notInGradlens, withMissingPolicy } from "./not_yet.ts";
import { acceleratorModule, defaultDeviceFunctions } from "./accelerator.ts";
import { deviceClass, makeDevice } from "./device.ts";
import { serializationFunctions } from "./serialization.ts";
import { legacyTensorTypes } from "./legacy_types.ts";
import { pytorchHas } from "./pytorch_names.ts";
import { EXTRA_FUNCTIONS, torchFlip } from "./extra_methods.ts";
import { INDEX_FUNCTIONS } from "./index_methods.ts";
import { torchEinsum } from "./einsum_function.ts";
import { INPLACE_FUNCTIONS } from "./pointwise_methods.ts";
import { RANDOM_TENSOR_FUNCTIONS, randomFunctions } from "./random_functions.ts";
import { addAutogradSurface } from "./autograd/surface.ts";
import { hasLibrary } from "../library.ts";
import { autogradName, torchC, torchName } from "./autograd/grad_mode.ts";
import { gradInputs } from "./autograd/graph_task.ts";
import { torchPyName } from "./init_source.ts";
import { checkOutAutograd, intoOut, type OutDTypeRule, resizableOut, sameShape } from "../../ops/out_arg.ts";

type Bound = Record<string, PyValue | typeof MISSING>;
function parse(fname: string, a: CallArgs, spec: ParamSpec[]): Bound {
  const { values } = bindArgs(fname, a, spec);
  const out: Bound = nameTable();
  spec.forEach((s, i) => (out[s.name] = values[i]));
  return out;
}
const flag = (v: PyValue | typeof MISSING, dflt = false): boolean => (v === MISSING || v === null ? dflt : truthy(v));

/** keyword options every factory takes: dtype, requires_grad, device (cpu only) */
const FACTORY_KW: ParamSpec[] = [
  { name: "dtype", default: null, kwOnly: true },
  { name: "requires_grad", default: false, kwOnly: true },
  { name: "device", default: null, kwOnly: true },
  { name: "layout", default: null, kwOnly: true },
  { name: "pin_memory", default: false, kwOnly: true },
];

function checkDevice(v: PyValue | typeof MISSING): void {
  if (v !== MISSING) checkDeviceName(v);
}

function factoryOpts(b: Bound): T.CreateOptions {
  checkDevice(b.device);
  return { dtype: toDType(b.dtype as PyValue), requiresGrad: flag(b.requires_grad) };
}

/** f(*size, **factory kwargs) */
function sizedFactory(name: string, make: (shape: number[], opts: T.CreateOptions) => Tensor): PyBuiltin {
  return new PyBuiltin(name, (a) => {
    const b = parse(name, { args: [], kwargs: new Map([...a.kwargs].filter(([k]) => k !== "size" && k !== "out")) }, FACTORY_KW);
    const sizeKw = a.kwargs.get("size");
    const shape = toShape(sizeKw !== undefined ? [sizeKw] : a.args, name);
    return make(shape, factoryOpts(b));
  });
}

function likeFactory(name: string, make: (x: Tensor, opts: T.CreateOptions) => Tensor): PyBuiltin {
  return new PyBuiltin(name, (a) => {
    const b = parse(name, a, [{ name: "input" }, ...FACTORY_KW, { name: "memory_format", default: null, kwOnly: true }]);
    checkDevice(b.device);
    const x = toTensorArg(b.input as PyValue, name);
    return make(x, { dtype: toDType(b.dtype as PyValue), requiresGrad: flag(b.requires_grad) });
  });
}

const RSUB_SIGNATURES = ["(Tensor input, Tensor other, *, Number alpha = 1)", "(Tensor input, Number other, Number alpha = 1)"];

/** torch.rsub(input, other, alpha=1): other - alpha * input (there is no Tensor.rsub) */
function torchRsub(a: CallArgs): PyValue {
  const names = ["input", "other", "alpha"];
  const given = new Map<string, PyValue>();
  a.args.forEach((v, i) => given.set(names[i] ?? "", v));
  for (const [k, v] of a.kwargs) given.set(given.has(k) ? "" : k, v);
  const input = given.get("input");
  const other = given.get("other");
  const alpha = given.get("alpha") ?? 1n;
  const fits =
    given.size === a.args.length + a.kwargs.size &&
    [...given.keys()].every((k) => names.includes(k)) &&
    isTensor(input) &&
    isScalar(alpha) &&
    (isTensor(other) ? a.args.length <= 2 : other !== undefined && isScalar(other));
  if (!fits) throw invalidArguments("rsub", a, RSUB_SIGNATURES);
  return T.rsub(input, other as Tensor | T.Scalar, alpha);
}

/** torch.f(input, ...) forwarding to the tensor method f */
function tensorFunction(name: string): PyBuiltin {
  return new PyBuiltin(name, (a) => {
    let args = a.args;
    const kwargs = new Map(a.kwargs);
    const out = kwargs.get("out");
    if (out !== undefined) {
      if (NO_OUT.has(name)) throw pyErr("TypeError", `${name}() got an unexpected keyword argument 'out'`);
      if (out !== null && !OUT_RULES.has(name)) throw pyErr("NotImplementedError", `${name}(out=...) is not in Gradlens yet`);
      if (out !== null && !isTensor(out)) throw pyErr("TypeError", `${name}(): argument 'out' must be Tensor, not ${typeName(out)}`);
      kwargs.delete("out");
    }
    const outTensor = out !== undefined && out !== null && isTensor(out) ? out : null;
    let input: PyValue | undefined = args[0];
    const inputName = ["input", "self", "x", "a"].find((k) => kwargs.has(k));
    if (inputName) {
      input = kwargs.get(inputName);
      kwargs.delete(inputName);
    } else args = args.slice(1);
    if (input === undefined) throw pyErr("TypeError", `${name}() missing 1 required positional arguments: "input"`);
    if (!isTensor(input)) {
      const exponent = args[0] ?? kwargs.get("exponent");
      if (name === "pow" && isScalar(input) && isTensor(exponent)) return T.pow(input, exponent);
      throw pyErr("TypeError", `${name}(): argument 'input' (position 1) must be Tensor, not ${typeName(input)}`);
    }
    try {
      if (!outTensor) return tensorMethods[name](input, { args, kwargs });
      checkOutAutograd(name, outTensor, [input, ...args, ...kwargs.values()].filter(isTensor));
      const result = tensorMethods[name](input, { args, kwargs });
      if (!isTensor(result)) throw pyErr("NotImplementedError", `${name}(out=...) is not in Gradlens yet`);
      if (!sameShape(outTensor.shape, result.shape) && !resizableOut(outTensor))
        throw pyErr("NotImplementedError", `${name}(out=...) resizing a view or an aliased tensor is not in Gradlens yet`);
      return intoOut(name, outTensor, result, OUT_RULES.get(name)!);
    } catch (e) {
      // the method counts positions after self; the function counts input as position 1
      const message = e instanceof PyError && e.exc.cls.name === "TypeError" ? e.exc.args[0] : undefined;
      // torch.var(x, foo=1) lists the function's overloads (input first, out=) for what was given
      if (typeof message === "string" && statFunctionSignatures[name] && message.startsWith(`${name}() received an invalid combination`))
        throw invalidArguments(name, a, statFunctionSignatures[name]);
      if (typeof message === "string")
        (e as PyError).exc.args[0] = message.replace(/\(position (\d+)\)/, (_m, n: string) => `(position ${Number(n) + 1})`);
      throw e;
    }
  });
}

/** the functions whose out= Gradlens writes, with how out's dtype may differ from the result's */
const OUT_RULES = new Map<string, OutDTypeRule>([
  ...[
    "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "abs", "neg", "negative", "square", "reciprocal", "sgn", "sign",
    "pow", "add", "sub", "mul", "div", "clamp", "tan", "asin", "acos", "atan", "sinh", "cosh", "log2", "log10", "log1p",
    "expm1", "exp2", "rsqrt", "floor", "ceil", "round", "trunc", "frac", "maximum", "minimum", "outer",
  ].map((n): [string, OutDTypeRule] => [n, "cast"]),
  ["matmul", "matmul"], ["mm", "matmul"], ["mv", "matmul"], ["bmm", "matmul"], ["dot", "dot"],
]);
/** functions PyTorch gives no out= at all */
const NO_OUT = new Set(["relu", "t", "clone", "detach", "flatten", "numel", "isnan", "isinf"]);

const TENSOR_FUNCTIONS = [
  "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "abs", "neg", "negative", "square", "reciprocal", "sgn", "sign",
  "pow", "add", "sub", "mul", "div", "matmul", "mm", "mv", "dot", "bmm", "sum", "mean", "max", "min", "clamp",
  "transpose", "permute", "reshape", "unsqueeze", "squeeze", "t", "clone", "detach", "flatten",
  "eq", "ne", "lt", "le", "gt", "ge", "numel",
  "any", "all", "argmax", "argmin", "softmax", "log_softmax", "logsumexp", "prod", "norm", "var", "std", "cumsum",
  "tan", "asin", "acos", "atan", "sinh", "cosh", "log2", "log10", "log1p", "expm1", "exp2", "rsqrt",
  "floor", "ceil", "round", "trunc", "frac", "isnan", "isinf", "maximum", "minimum", "outer",
];


export function torchModules(rt: Runtime, warn: (category: string, message: string) => void): (name: string) => PyModule | undefined {
  const attrs = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));

  for (const n of [...TENSOR_FUNCTIONS, ...EXTRA_FUNCTIONS, ...INDEX_FUNCTIONS, ...INPLACE_FUNCTIONS, ...RANDOM_TENSOR_FUNCTIONS, "clip", "isclose", "allclose", "equal"]) attrs.set(n, tensorFunction(n));
  fn("flip", torchFlip);
  fn("einsum", torchEinsum);
  fn("rsub", torchRsub);
  fn("split", (a) => {
    const b = parse("split", a, [{ name: "tensor" }, { name: "split_size_or_sections" }, { name: "dim", default: 0n }]);
    const x = toTensorArg(b.tensor as PyValue, "split", "tensor");
    return tensorMethods.split(x, { args: [b.split_size_or_sections as PyValue, b.dim as PyValue], kwargs: new Map() });
  });
  for (const [n, d] of dtypeAttrs()) attrs.set(n, d);
  attrs.set("dtype", dtypeClass);
  deviceClass.construct = makeDevice;
  attrs.set("device", deviceClass);
  attrs.set("Tensor", tensorClass);
  // the legacy constructor: torch.Tensor([2.0]) is a float32 tensor of the data (micrograd uses it)
  tensorClass.construct = (a) => {
    if (a.kwargs.size > 0) throw pyErr("TypeError", "new() received an invalid combination of arguments");
    if (a.args.length === 0) return T.tensor(rt, [], { dtype: "float32" });
    const data = a.args[0];
    if (a.args.length === 1 && (isTensor(data) || (typeof data === "object" && data !== null && !isScalar(data))))
      return T.tensor(rt, (isTensor(data) ? T.tolist(data) : toNested(data)) as T.NestedData, { dtype: "float32" });
    throw pyErr("NotImplementedError", "torch.Tensor(sizes) gives uninitialised memory; use torch.zeros(sizes) or torch.empty(sizes)");
  };
  for (const [name, cls] of legacyTensorTypes(rt)) attrs.set(name, cls);
  sizeClass.construct = (a) => new TorchSize(a.args.length ? [...iterate(a.args[0])].map((v) => toInteger(v, "Size")) : []);
  attrs.set("Size", sizeClass);
  attrs.set("__version__", "2.6.0");

  fn("tensor", (a) => {
    const b = parse("tensor", a, [{ name: "data" }, ...FACTORY_KW]);
    const data = b.data as PyValue;
    const opts = factoryOpts(b);
    if (isTensor(data)) {
      warn(
        "UserWarning",
        "To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach() or sourceTensor.clone().detach().requires_grad_(True), rather than torch.tensor(sourceTensor).",
      );
      return T.tensor(rt, T.tolist(data) as T.NestedData, { dtype: opts.dtype ?? data.dtype, requiresGrad: opts.requiresGrad });
    }
    return T.tensor(rt, toNested(data) as T.NestedData, opts);
  });
  attrs.set("zeros", sizedFactory("zeros", (s, o) => T.zeros(rt, s, o)));
  attrs.set("ones", sizedFactory("ones", (s, o) => T.ones(rt, s, o)));
  attrs.set("empty", sizedFactory("empty", (s, o) => T.zeros(rt, s, o)));
  fn("full", (a) => {
    const b = parse("full", a, [{ name: "size" }, { name: "fill_value" }, ...FACTORY_KW]);
    return T.full(rt, toShape([b.size as PyValue], "full"), toScalar(b.fill_value as PyValue, "fill_value"), factoryOpts(b));
  });
  fn("eye", (a) => {
    const b = parse("eye", a, [{ name: "n" }, { name: "m", default: null }, ...FACTORY_KW]);
    const n = toInteger(b.n as PyValue, "eye(): argument 'n'");
    return T.eye(rt, n, b.m === null ? n : toInteger(b.m as PyValue, "eye(): argument 'm'"), factoryOpts(b));
  });
  fn("arange", (a) => {
    const b = parse("arange", a, [{ name: "start" }, { name: "end", default: null }, { name: "step", default: 1n }, ...FACTORY_KW]);
    return T.arange(
      rt,
      toScalar(b.start as PyValue, "start"),
      b.end === null ? null : toScalar(b.end as PyValue, "end"),
      toScalar(b.step as PyValue, "step"),
      factoryOpts(b),
    );
  });
  fn("linspace", (a) => {
    const b = parse("linspace", a, [{ name: "start" }, { name: "end" }, { name: "steps" }, ...FACTORY_KW]);
    return T.linspace(rt, toScalar(b.start as PyValue, "start"), toScalar(b.end as PyValue, "end"), toInteger(b.steps as PyValue, "steps"), factoryOpts(b));
  });
  attrs.set("zeros_like", likeFactory("zeros_like", T.zerosLike));
  attrs.set("ones_like", likeFactory("ones_like", T.onesLike));
  attrs.set("empty_like", likeFactory("empty_like", T.zerosLike));
  attrs.set("rand_like", likeFactory("rand_like", T.randLike));
  attrs.set("randn_like", likeFactory("randn_like", T.randnLike));
  fn("full_like", (a) => {
    const b = parse("full_like", a, [{ name: "input" }, { name: "fill_value" }, ...FACTORY_KW]);
    return T.fullLike(toTensorArg(b.input as PyValue, "full_like"), toScalar(b.fill_value as PyValue, "fill_value"), factoryOpts(b));
  });
  for (const [n, v] of randomFunctions(rt)) attrs.set(n, v);
  fn("cat", (a) => {
    const b = parse("cat", a, [{ name: "tensors" }, { name: "dim", default: 0n }]);
    return T.cat(tensorList(b.tensors as PyValue, "cat(): argument 'tensors'"), toInteger(b.dim as PyValue, "dim"));
  });
  attrs.set("concat", attrs.get("cat")!);
  fn("stack", (a) => {
    const b = parse("stack", a, [{ name: "tensors" }, { name: "dim", default: 0n }]);
    return T.stack(tensorList(b.tensors as PyValue, "stack(): argument 'tensors'"), toInteger(b.dim as PyValue, "dim"));
  });
  fn("where", (a) => {
    const b = parse("where", a, [{ name: "condition" }, { name: "input" }, { name: "other" }]);
    return T.where(toTensorArg(b.condition as PyValue, "where", "condition"), toOperand(b.input as PyValue, "input"), toOperand(b.other as PyValue, "other"));
  });
  fn("is_tensor", (a) => isTensor(a.args[0]));
  fn("is_floating_point", (a) => T.isFloating(toTensorArg(a.args[0], "is_floating_point").dtype));
  fn("is_grad_enabled", () => rt.gradEnabled);
  const autograd = new Map<string, PyValue>();
  autograd.set(
    "grad",
    new PyBuiltin("grad", (a) => {
      const b = parse("grad", a, [
        { name: "outputs" },
        { name: "inputs" },
        { name: "grad_outputs", default: null },
        { name: "retain_graph", default: null },
        { name: "create_graph", default: false },
        { name: "only_inputs", default: true },
        { name: "allow_unused", default: false },
        { name: "is_grads_batched", default: false },
      ]);
      const outputs = tensorList(b.outputs as PyValue, "grad(): outputs");
      const inputs = gradInputs(b.inputs as PyValue, "grad(): inputs");
      let gradOutputs: (Tensor | null)[] | null = null;
      const go = b.grad_outputs as PyValue;
      if (go !== null) {
        const items = isTensor(go) ? [go] : go instanceof PyTuple || go instanceof PyList ? go.items : null;
        if (!items) throw pyErr("TypeError", `grad_outputs must be a Tensor or a sequence of Tensors, not ${typeName(go)}`);
        gradOutputs = items.map((v) => (v === null ? null : toTensorArg(v, "grad", "grad_outputs")));
        if (gradOutputs.length !== outputs.length)
          throw pyErr("RuntimeError", `grad can be implicitly created only for scalar outputs`);
      }
      const r = T.grad(rt, outputs, inputs, {
        gradOutputs,
        retainGraph: b.retain_graph === null ? null : truthy(b.retain_graph as PyValue),
        createGraph: flag(b.create_graph),
        allowUnused: flag(b.allow_unused),
      });
      return new PyTuple(r);
    }),
  );
  autograd.set(
    "backward",
    new PyBuiltin("backward", (a) => {
      const b = parse("backward", a, [
        { name: "tensors" },
        { name: "grad_tensors", default: null },
        { name: "retain_graph", default: null },
        { name: "create_graph", default: false },
        { name: "grad_variables", default: null },
        { name: "inputs", default: null },
      ]);
      const ts = tensorList(b.tensors as PyValue, "backward(): tensors");
      if (ts.length !== 1) throw pyErr("NotImplementedError", "torch.autograd.backward of several tensors at once is not in Gradlens yet");
      const g = b.grad_tensors as PyValue;
      const grads = g === null ? [null] : isTensor(g) ? [g] : [...iterate(g)];
      T.backward(ts[0], {
        gradient: grads[0] === null ? null : toTensorArg(grads[0], "backward", "grad_tensors"),
        retainGraph: b.retain_graph === null ? null : truthy(b.retain_graph as PyValue),
        createGraph: flag(b.create_graph),
        inputs: b.inputs === null ? null : gradInputs(b.inputs as PyValue, "inputs"),
        viaFunction: true,
      });
      return null;
    }),
  );
  const autogradSubmodules = addAutogradSurface(rt, attrs, autograd);
  const autogradMod = withMissingPolicy(new PyModule("torch.autograd", autograd), autogradName);
  attrs.set("autograd", autogradMod);

  const optimMod = withMissingPolicy(new PyModule("torch.optim", new Map()));
  attrs.set("optim", optimMod);
  const cudaMod = withMissingPolicy(new PyModule("torch.cuda", cudaAttrs()));
  attrs.set("cuda", cudaMod);
  const acceleratorMod = withMissingPolicy(acceleratorModule());
  attrs.set("accelerator", acceleratorMod);
  defaultDeviceFunctions(attrs);
  const serializationMod = withMissingPolicy(new PyModule("torch.serialization", serializationFunctions(rt)));
  for (const name of ["save", "load"]) attrs.set(name, serializationMod.attrs.get(name)!);
  attrs.set("serialization", serializationMod);

  const torch = withMissingPolicy(new PyModule("torch", attrs), (name) => torchName(name) ?? torchPyName(name));
  const modules = new Map<string, PyModule>([
    ["torch", torch],
    ["torch.autograd", autogradMod],
    ["torch.optim", optimMod],
    ["torch.cuda", cudaMod],
    ["torch.accelerator", acceleratorMod],
    ["torch.serialization", serializationMod],
    ["torch._C", torchC(rt)],
    ...autogradSubmodules,
  ]);
  return (name) => {
    const mod = modules.get(name);
    if (mod) return mod;
    // import torch.linalg: a module PyTorch has, not in Gradlens yet
    const dot = name.lastIndexOf(".");
    if (name.startsWith("torch.") && !hasLibrary(name) && pytorchHas(name.slice(0, dot), name.slice(dot + 1))) throw notInGradlens(name);
    return undefined;
  };
}

/** torch.cuda on a machine without CUDA: nothing is available, seeding it does nothing */
function cudaAttrs(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  const fn = (name: string, f: (a: CallArgs) => PyValue) => m.set(name, new PyBuiltin(name, f));
  fn("is_available", (a) => (bindArgs("is_available", a, []), false));
  fn("device_count", (a) => (bindArgs("device_count", a, []), 0n));
  fn("is_initialized", (a) => (bindArgs("is_initialized", a, []), false));
  fn("manual_seed", (a) => (bindArgs("manual_seed", a, [{ name: "seed" }]), null));
  fn("manual_seed_all", (a) => (bindArgs("manual_seed_all", a, [{ name: "seed" }]), null));
  return m;
}
