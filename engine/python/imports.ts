// `import` and `from ... import`: __future__, library modules written in Python (library.ts),
// and the host's modules (torch, math); modules outside the subset are refused by name.
import type { Interpreter } from "./interpreter.ts";
import { loadLibrary, loadLocalModule } from "./library.ts";
import { STDLIB_MODULE_NAMES } from "./stdlib_names.ts";
import { PyModule, type PyValue, pyErr } from "./values.ts";

const FUTURE_FEATURES = [
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
  "annotations",
];

let futureModule: PyModule | null = null;
function future(): PyModule {
  return (futureModule ??= new PyModule("__future__", new Map<string, PyValue>(FUTURE_FEATURES.map((f) => [f, f]))));
}

/** modules learners import that Gradlens does not run (yet), besides the standard library's: a
 *  clear NotImplementedError */
const REFUSED = ["numpy", "matplotlib", "pandas", "scipy", "sklearn", "torchvision", "torchaudio", "torchtext", "tqdm", "PIL", "seaborn", "graphviz", "torchviz", "functorch"];

export function importModule(ip: Interpreter, name: string): PyModule {
  if (name === "__future__") return future();
  const mod = ip.opts.importModule(name);
  if (mod) return mod;
  const local = importLocal(ip, name);
  if (local) return local;
  const lib = loadLibrary(ip, name);
  if (lib) return lib;
  const top = name.split(".")[0];
  if (REFUSED.includes(top) || STDLIB_MODULE_NAMES.has(top))
    throw pyErr("NotImplementedError", `import ${name}: Gradlens runs torch and part of Python's standard library; '${top}' is not in it yet (line ${ip.currentLine})`);
  throw pyErr("ModuleNotFoundError", `No module named '${name}'`);
}

/** a module from the script's folder; a dotted name imports its packages first and becomes
 *  an attribute of its package */
function importLocal(ip: Interpreter, name: string): PyModule | undefined {
  const dot = name.lastIndexOf(".");
  const parent = dot > 0 ? importLocal(ip, name.slice(0, dot)) : undefined;
  if (dot > 0 && !parent) return undefined;
  const mod = loadLocalModule(ip, name);
  if (mod && parent) parent.attrs.set(name.slice(dot + 1), mod);
  return mod;
}

/** `from module import a, b as c`: the (name, value) pairs to bind */
export function importFrom(
  ip: Interpreter,
  module: string,
  names: { name: string; asname: string | null }[],
  line: number,
): [string, PyValue][] {
  const mod = importModule(ip, module);
  const out: [string, PyValue][] = [];
  for (const { name, asname } of names) {
    if (name === "*") throw pyErr("NotImplementedError", `'from ${module} import *' is outside the Python subset Gradlens runs (line ${line})`);
    if (module === "__future__" && !FUTURE_FEATURES.includes(name)) throw pyErr("SyntaxError", `future feature ${name} is not defined`);
    let v = moduleAttr(mod, name);
    if (v === undefined) v = ip.opts.importModule(`${module}.${name}`) ?? importLocal(ip, `${module}.${name}`) ?? loadLibrary(ip, `${module}.${name}`);
    if (v === undefined) throw pyErr("ImportError", `cannot import name '${name}' from '${module}'`);
    out.push([asname ?? name, v]);
  }
  return out;
}

/** module.name, including names a host module takes from a Python library module */
export function moduleAttr(mod: PyModule, name: string): PyValue | undefined {
  return mod.attrs.has(name) ? mod.attrs.get(name) : mod.fallback?.(name);
}
