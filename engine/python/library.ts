// Library modules written in Python that ship inside the engine (as PyTorch writes nn.Module
// and its optimizers in Python): each is parsed once per process, the first time a program
// imports it, and run once per program run in the same interpreter, with a namespace of its
// own. Their frames are library frames: no statement or binding events, not stepped, shown in
// tracebacks under the file path the source declares. Register more with registerLibrary (the
// torch.nn and torch.optim sources register theirs the same way).
import type { CodeUnit } from "./function.ts";
import type { Interpreter } from "./interpreter.ts";
import { LIBRARY, type LibrarySource } from "./lib/index.ts";
import { type Module, PySyntaxError, parseModule } from "./parse.ts";
import { Frame } from "./scope.ts";
import { PyBuiltin, PyDict, PyModule, type PyValue, pyErr } from "./values.ts";

export type { LibrarySource } from "./lib/index.ts";

const sources = new Map<string, LibrarySource>(LIBRARY.map((s) => [s.name, s]));
const parsed = new Map<string, Module>();

/** names the real module `module` has (torch registers PyTorch's recorded dir() lists): a library
 *  module asked for one it lacks raises NotImplementedError, not AttributeError */
let realModuleHas: ((module: string, name: string) => boolean) | null = null;
export function setRealModuleNames(has: (module: string, name: string) => boolean): void {
  realModuleHas = has;
}

export function registerLibrary(src: LibrarySource): void {
  sources.set(src.name, src);
  parsed.delete(src.name);
}

export function hasLibrary(name: string): boolean {
  return sources.has(name);
}

function parsedSource(src: LibrarySource, cache: Map<string, Module>, key: string): Module {
  let mod = cache.get(key);
  if (!mod) {
    try {
      mod = parseModule(src.source);
    } catch (e) {
      // a syntax error in a library source is a bug in Gradlens, not in the user's program
      if (e instanceof PySyntaxError)
        throw pyErr(e.type, `${e.message} (${src.filename}, line ${e.line})`);
      throw e;
    }
    cache.set(key, mod);
  }
  return mod;
}

/** The module `name` of this run, running its source the first time; undefined if there is none. */
export function loadLibrary(ip: Interpreter, name: string): PyModule | undefined {
  const done = ip.libraryModules.get(name);
  if (done) return done;
  const src = sources.get(name);
  if (!src) return undefined;
  // a package written in Python runs before its submodules, as CPython imports a.b before a.b.c
  // (torch.nn.modules before torch.nn.modules.module, which it imports in its turn)
  for (let dot = name.indexOf("."); dot > 0; dot = name.indexOf(".", dot + 1)) {
    const pkg = name.slice(0, dot);
    if (sources.has(pkg)) loadLibrary(ip, pkg);
  }
  return ip.libraryModules.get(name) ?? runModuleSource(ip, src, parsedSource(src, parsed, name));
}

/** Files next to the user's script that it imports (`from micrograd.engine import Value`):
 *  parsed once per run; like library code they are not narrated (the view shows one file). */
const localParsed = new WeakMap<Interpreter, Map<string, Module>>();

export function loadLocalModule(ip: Interpreter, name: string): PyModule | undefined {
  const done = ip.libraryModules.get(name);
  if (done) return done;
  const src = ip.opts.resolveModule?.(name);
  if (!src) return undefined;
  let cache = localParsed.get(ip);
  if (!cache) localParsed.set(ip, (cache = new Map()));
  return runModuleSource(ip, { name, ...src }, parsedSource({ name, ...src }, cache, src.filename));
}

/** Runs a module's code in a namespace of its own, registered first (as sys.modules does, so
 *  modules that import each other see it) and dropped again if it fails. */
function runModuleSource(ip: Interpreter, src: LibrarySource, mod: Module): PyModule {
  const globals = new Map<string, PyValue>([
    ["__name__", src.name],
    ["__file__", src.filename],
  ]);
  hiddenExec.set(globals, execBuiltin(ip, globals));
  const module = new PyModule(src.name, globals);
  const notYet = src.notYet;
  const has = realModuleHas;
  if (notYet || has)
    module.fallback = (name) => {
      if (notYet?.includes(name) || (has?.(src.name, name) ?? false)) throw pyErr("NotImplementedError", `${src.name}.${name} is not in Gradlens yet`);
      return undefined;
    };
  ip.libraryModules.set(src.name, module);
  const code: CodeUnit = { filename: src.filename, lines: mod.lines, library: true };
  const frame = new Frame("<module>", null, new Set(), new Set(), null, globals, code, "module");
  ip.frames.push(frame);
  try {
    ip.execBlock(mod.body, frame);
  } catch (e) {
    ip.libraryModules.delete(src.name);
    throw e;
  } finally {
    ip.frames.pop();
  }
  return module;
}

/** each library module's `_gradlens_exec`, by its globals: found by name in library code only, so
 *  it is in no module's dir() or vars() (CPython's modules have no such name) */
const hiddenExec = new WeakMap<Map<string, PyValue>, PyBuiltin>();

/** a name library code sees that is in neither its globals nor builtins (`_gradlens_exec`) */
export function libraryOnlyName(globals: Map<string, PyValue>, name: string): PyValue | undefined {
  return name === "_gradlens_exec" ? hiddenExec.get(globals) : undefined;
}

/** `_gradlens_exec(source, names)` for library code that, like CPython's dataclasses, writes
 *  functions as source text: runs it in a namespace of the module's globals plus `names` (a dict)
 *  and returns that namespace. Its frames show as File "<string>", as exec's do. */
function execBuiltin(ip: Interpreter, globals: Map<string, PyValue>): PyBuiltin {
  return new PyBuiltin("_gradlens_exec", (a) => {
    const [source, names] = a.args;
    if (typeof source !== "string" || !(names instanceof PyDict)) throw pyErr("TypeError", "_gradlens_exec(source: str, names: dict)");
    const mod = parsedSource({ name: "<string>", filename: "<string>", source }, execParsed, source);
    const ns = new Map(globals);
    hiddenExec.set(ns, hiddenExec.get(globals)!);
    for (const [k, v] of names.table.entries()) if (typeof k === "string") ns.set(k, v);
    const code: CodeUnit = { filename: "<string>", lines: mod.lines, library: true };
    const frame = new Frame("<module>", null, new Set(), new Set(), null, ns, code, "module");
    ip.frames.push(frame);
    try {
      ip.execBlock(mod.body, frame);
    } finally {
      ip.frames.pop();
    }
    const out = new PyDict();
    for (const [k, v] of ns) out.table.set(k, v);
    return out;
  });
}
/** generated sources repeat (every dataclass with the same fields): parsed once */
const execParsed = new Map<string, Module>();
