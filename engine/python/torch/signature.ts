// Binding a call to one of PyTorch's signatures the way its python_arg_parser does: arguments by
// position or by name (with NumPy's aliases: axis for dim, keepdims for keepdim, x/a for input),
// type checks per parameter, and PyTorch's wording when a call does not fit one signature
// ("sum(): argument 'dim' (position 1) must be tuple of ints, not float").
import { nameTable, type CallArgs, PyList, PyTuple, type PyValue, pyErr, typeName } from "../values.ts";
import { asIndex } from "../ops.ts";
import { PyDType } from "./dtypes.ts";
import { isTensor } from "./convert.ts";

/** what a parameter accepts, named as PyTorch's messages name it */
export type ParamType =
  | "Tensor"
  | "int"
  | "bool"
  | "float"
  | "Number"
  | "tuple of ints"
  | "int or tuple of ints"
  | "tuple of Tensors"
  | "torch.dtype"
  | "torch.Generator"
  | "str"
  | "object";

export interface Param {
  name: string;
  type: ParamType;
  /** absent: required; null: None is the default (and None is accepted) */
  default?: PyValue;
  kwOnly?: boolean;
  /** None is accepted even when the default is something else */
  optional?: boolean;
}

const ALIASES: Record<string, string> = nameTable({ axis: "dim", keepdims: "keepdim", x: "input", a: "input", x1: "input", x2: "other" });

function accepts(type: ParamType, v: PyValue): boolean {
  switch (type) {
    case "Tensor":
      return isTensor(v);
    case "int":
      return typeof v === "bigint" || (isTensor(v) && v.dim() === 0 && (v.dtype === "int64" || v.dtype === "int32")) || (typeof v !== "boolean" && asIndex(v) !== undefined);
    case "bool":
      return typeof v === "boolean";
    case "float":
      return typeof v === "number" || typeof v === "bigint" || (isTensor(v) && v.numel === 1);
    case "Number":
      return typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || (isTensor(v) && v.numel === 1 && v.dim() === 0);
    case "tuple of ints":
    case "int or tuple of ints":
      if (typeof v === "bigint") return true;
      return (v instanceof PyTuple || v instanceof PyList) && v.items.every((x) => typeof x === "bigint");
    case "tuple of Tensors":
      return (v instanceof PyTuple || v instanceof PyList) && v.items.every((x) => isTensor(x));
    case "torch.dtype":
      return v instanceof PyDType;
    case "torch.Generator":
    case "object":
      return true;
    case "str":
      return typeof v === "string";
  }
}

export type Bound = Record<string, PyValue>;

/** Bind `a` to `params` (self excluded for methods), or raise PyTorch's TypeError. */
export function bindSignature(fname: string, a: CallArgs, params: readonly Param[]): Bound {
  const positional = params.filter((p) => !p.kwOnly);
  if (a.args.length > positional.length)
    throw pyErr(
      "TypeError",
      `${fname}() takes ${positional.length} positional argument${positional.length === 1 ? "" : "s"} but ${a.args.length} ${a.args.length === 1 ? "was" : "were"} given`,
    );
  const out: Bound = nameTable();
  const given = new Set<string>();
  a.args.forEach((v, i) => {
    const p = positional[i];
    check(fname, p, v, i + 1);
    out[p.name] = v;
    given.add(p.name);
  });
  let unknown: string | null = null;
  for (const [k0, v] of a.kwargs) {
    const k = params.some((p) => p.name === k0) ? k0 : (ALIASES[k0] ?? k0);
    const p = params.find((q) => q.name === k);
    if (!p) {
      unknown ??= k0;
      continue;
    }
    if (given.has(k)) throw pyErr("TypeError", `${fname}() got multiple values for argument '${k}'`);
    check(fname, p, v, null);
    out[k] = v;
    given.add(k);
  }
  // a missing argument is reported before an unknown keyword
  const missing = params.filter((p) => !given.has(p.name) && p.default === undefined);
  if (missing.length > 0)
    // PyTorch's message pluralises the other way round: "missing 1 required positional arguments"
    throw pyErr(
      "TypeError",
      `${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? "s" : ""}: ${missing.map((m) => `"${m.name}"`).join(", ")}`,
    );
  if (unknown !== null) throw pyErr("TypeError", `${fname}() got an unexpected keyword argument '${unknown}'`);
  for (const p of params) if (!given.has(p.name)) out[p.name] = p.default as PyValue;
  return out;
}

function check(fname: string, p: Param, v: PyValue, pos: number | null): void {
  if (v === null && (p.default === null || p.optional)) return;
  if (accepts(p.type, v)) return;
  const where = pos === null ? `argument '${p.name}'` : `argument '${p.name}' (position ${pos})`;
  throw pyErr("TypeError", `${fname}(): ${where} must be ${p.type}, not ${typeName(v)}`);
}
