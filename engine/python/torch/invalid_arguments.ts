// PyTorch's "received an invalid combination of arguments" TypeError, as
// torch/csrc/utils/invalid_arguments.cpp formats it (format_invalid_args): the given types by
// Py_TYPE(x)->tp_name, keywords in the order a libstdc++ unordered_map iterates them, and under
// each signature whose argument count fits, which keywords or argument types did not match (with
// the '!' markers PyTorch prints when stdout is not a terminal).
import { classOf, PyList, PyTuple, type CallArgs, type PyValue, pyErr, type PyError } from "../values.ts";
import { isTensor } from "./convert.ts";

/** torch's C types print their qualified tp_name; Python classes (and tensors) their name */
const C_TYPES = new Set(["torch.dtype", "torch.device", "torch.Size", "torch.layout", "torch.memory_format", "torch.finfo", "torch.iinfo", "torch._C.Generator"]);

export function pyTypename(v: PyValue): string {
  const cls = classOf(v);
  if (isTensor(v)) return cls.name;
  const qualified = `${cls.module}.${cls.name}`;
  return C_TYPES.has(qualified) ? qualified : cls.name;
}

// std::hash<std::string> in libstdc++: _Hash_bytes (MurmurHash-like, 64-bit) with seed 0xc70f6907
const MASK = (1n << 64n) - 1n;
const MUL = (0xc6a4a793n << 32n) + 0x5bd1e995n;
const shiftMix = (v: bigint): bigint => v ^ (v >> 47n);

function hashBytes(bytes: Uint8Array): bigint {
  const aligned = bytes.length & ~7;
  let h = 0xc70f6907n ^ ((BigInt(bytes.length) * MUL) & MASK);
  const load = (from: number, to: number): bigint => {
    let w = 0n;
    for (let i = to - 1; i >= from; i--) w = (w << 8n) | BigInt(bytes[i]!);
    return w;
  };
  for (let p = 0; p < aligned; p += 8) {
    h ^= (shiftMix((load(p, p + 8) * MUL) & MASK) * MUL) & MASK;
    h = (h * MUL) & MASK;
  }
  if (bytes.length & 7) {
    h ^= load(aligned, bytes.length);
    h = (h * MUL) & MASK;
  }
  return shiftMix((shiftMix(h) * MUL) & MASK);
}

/** libstdc++'s _Prime_rehash_policy: the first insert makes 13 buckets; past that many elements,
 *  the next prime of its list at or above twice the count (a rehash keeps the same insert rule) */
const PRIMES = [29, 59, 127, 257, 541, 1109];

/** the order a std::unordered_map<std::string, ...> filled with `keys` in order iterates them */
export function unorderedMapOrder(keys: readonly string[]): string[] {
  const encoder = new TextEncoder();
  const hashes = new Map(keys.map((k) => [k, hashBytes(encoder.encode(k))]));
  let buckets = 0n;
  let list: string[] = [];
  // a node joins the front of its bucket's run, or the front of the list when the bucket is empty
  const insert = (into: string[], k: string): void => {
    const b = hashes.get(k)! % buckets;
    const at = into.findIndex((x) => hashes.get(x)! % buckets === b);
    into.splice(at >= 0 ? at : 0, 0, k);
  };
  keys.forEach((k, n) => {
    if (n === 0) buckets = 13n;
    else if (n + 1 > Number(buckets)) {
      const want = Math.max(n + 2, 2 * Number(buckets));
      buckets = BigInt(PRIMES.find((p) => p >= want) ?? want);
      const old = list;
      list = [];
      for (const x of old) insert(list, x);
    }
    insert(list, k);
  });
  return list;
}

interface Argument {
  name: string;
  matches: (v: PyValue) => boolean;
}

/** _parseOption: split on ", " as PyTorch does, so "*" and "Number alpha = 1" (named "1") count */
function parseOption(option: string): { args: Argument[]; variadic: boolean } {
  if (option === "no arguments") return { args: [], variadic: false };
  const inner = option.slice(1, -1);
  const args = inner.split(", ").map((arg): Argument => {
    let start = 0;
    let nullable = false;
    if (arg[start] === "[") {
      nullable = true;
      start++;
      arg = arg.slice(0, arg.length - " or None]".length);
    }
    const space = arg.lastIndexOf(" ");
    let typeEnd = space;
    if (arg.includes("...")) typeEnd -= 4;
    const type = space < 0 ? arg.slice(start) : arg.slice(start, typeEnd);
    const accepted = type === "float" ? ["float", "int", "long"] : type === "int" ? ["int", "long"] : [type];
    return {
      name: arg.slice(space + 1),
      matches: (v) => (nullable && v === null) || accepted.includes(pyTypename(v)),
    };
  });
  return { args, variadic: inner.includes("...") };
}

function describe(v: PyValue): string {
  if (v instanceof PyTuple || v instanceof PyList) {
    const items = v.items.map(pyTypename).join(", ");
    return v instanceof PyTuple ? `tuple of (${items}${v.items.length === 1 ? "," : ""})` : `list of [${items}]`;
  }
  return pyTypename(v);
}

/** "(!str!, Tensor)": each given value, marked where the option's type at its place differs */
function formattedArgs(option: { args: Argument[]; variadic: boolean }, a: CallArgs, kwargs: Map<string, PyValue>, order: string[]): string {
  const parts: string[] = [];
  const total = a.args.length + kwargs.size;
  for (let i = 0; i < total; i++) {
    const isKw = i >= a.args.length;
    const name = option.args[i]?.name ?? "";
    const v = isKw ? (kwargs.has(name) ? kwargs.get(name)! : kwargs.get(order[i - a.args.length]!)!) : a.args[i]!;
    const type = option.args[i] ?? (option.variadic ? option.args[option.args.length - 1] : undefined);
    const mark = type?.matches(v) ? "" : "!";
    parts.push(`${mark}${isKw ? `${name}=` : ""}${describe(v)}${mark}`);
  }
  return `(${parts.join(", ")}${a.args.length === 0 && total > 0 ? ", " : ""})`;
}

function unmatchedKeywords(option: { args: Argument[] }, order: string[]): string[] {
  const start = Math.max(0, option.args.length - order.length);
  const names = option.args.slice(start).map((x) => x.name);
  return order.filter((k) => !names.includes(k));
}

/** PyTorch's TypeError for a call that fits none of `signatures` (as the parser prints them) */
export function invalidArguments(fname: string, a: CallArgs, signatures: readonly string[]): PyError {
  const order = unorderedMapOrder([...a.kwargs.keys()]);
  const given = [...a.args.map(pyTypename), ...order.map((k) => `${k}=${pyTypename(a.kwargs.get(k)!)}`)];
  const got = `(${given.join(", ")}${a.args.length === 0 && order.length > 0 ? ", " : ""})`;
  const head = `${fname}() received an invalid combination of arguments - `;
  const countFits = (o: { args: Argument[]; variadic: boolean }): boolean =>
    a.args.length + order.length === o.args.length || (o.variadic && a.args.length + order.length > o.args.length);
  if (signatures.length === 1) {
    const option = parseOption(signatures[0]!);
    const unmatched = order.length > 0 ? unmatchedKeywords(option, order) : [];
    if (unmatched.length > 0) return pyErr("TypeError", `${head}got unrecognized keyword arguments: ${unmatched.join(", ")}`);
    const desc = countFits(option) ? formattedArgs(option, a, a.kwargs, order) : got;
    return pyErr("TypeError", `${head}got ${desc}, but expected ${signatures[0]}`);
  }
  let msg = `${head}got ${got}, but expected one of:\n`;
  for (const s of signatures) {
    msg += ` * ${s}\n`;
    const option = parseOption(s);
    if (!countFits(option)) continue;
    const unmatched = order.length > 0 ? unmatchedKeywords(option, order) : [];
    msg +=
      unmatched.length > 0
        ? `      didn't match because some of the keywords were incorrect: ${unmatched.join(", ")}\n`
        : `      didn't match because some of the arguments have invalid types: ${formattedArgs(option, a, a.kwargs, order)}\n`;
  }
  return pyErr("TypeError", msg);
}
