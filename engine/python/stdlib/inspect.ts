// inspect: the frame part of CPython's module that learners' code reaches for. d2l's
// HyperParameters.save_hyperparameters reads its caller's arguments with
// `inspect.getargvalues(inspect.currentframe().f_back)`. Frame objects have f_back, f_locals,
// f_globals, f_lineno and f_code; the rest of inspect is NotImplementedError naming it.
// Comprehensions run inline in their function's frame (CPython 3.12+), so they have no frame of
// their own here either. f_locals is a snapshot dict of the frame's names (CPython 3.13 gives a
// write-through proxy for a function's frame).
import { host } from "../host.ts";
import type { Frame } from "../scope.ts";
import { PyFunction } from "../function.ts";
import { PyProperty } from "../descriptors.ts";
import { bindArgs } from "../args.ts";
import { PyBuiltin, PyClass, PyDict, PyInstance, PyList, PyModule, type PyValue, objectClass, pyErr, typeName } from "../values.ts";
import { addressOf } from "../hashing.ts";
import { escape } from "../temporaries.ts";

const INLINED = new Set(["<listcomp>", "<setcomp>", "<dictcomp>"]);

const frameClass = new PyClass("frame", objectClass);
const codeClass = new PyClass("code", objectClass);

/** the program's view of one running frame (the same object each time it is asked for) */
class PyFrameObject extends PyInstance {
  constructor(
    readonly frame: Frame,
    readonly back: PyFrameObject | null,
  ) {
    super(frameClass);
  }
  override reprText(): string {
    return `<frame at ${addressOf(this)}, file '${this.frame.code.filename}', line ${this.frame.line}, code ${this.frame.name}>`;
  }
}

class PyCodeObject extends PyInstance {
  constructor(readonly frame: Frame) {
    super(codeClass);
    const attrs = (this.dict = new PyDict()).table;
    attrs.set("co_name", frame.name);
    attrs.set("co_qualname", frame.fn ? frame.fn.qualname : frame.name);
    attrs.set("co_filename", frame.code.filename);
    attrs.set("co_argcount", BigInt(frame.fn ? frame.fn.params.filter((p) => p.kind === "normal").length : 0));
  }
  override reprText(): string {
    return `<code object ${this.frame.name} at ${addressOf(this)}, file "${this.frame.code.filename}", line ${this.frame.line}>`;
  }
}

const made = new WeakMap<Frame, PyFrameObject>();

/** the frame object of frames[i] (an inlined comprehension's is its enclosing frame's) */
function frameObject(frames: readonly Frame[], i: number): PyFrameObject | null {
  while (i >= 0 && INLINED.has(frames[i].name)) i--;
  if (i < 0) return null;
  const f = frames[i];
  let obj = made.get(f);
  if (!obj) made.set(f, (obj = new PyFrameObject(f, frameObject(frames, i - 1))));
  return obj;
}

function expectFrame(v: PyValue, what: string): PyFrameObject {
  if (v instanceof PyFrameObject) return v;
  throw pyErr("TypeError", `${what} must be a frame, not ${typeName(v)}`);
}

/** a function body names super or __class__: CPython gives its frame a __class__ cell */
const usesClassCell = new WeakMap<object, boolean>();
function namesClassCell(node: unknown, seen = new Set<unknown>()): boolean {
  if (node === null || typeof node !== "object" || seen.has(node)) return false;
  seen.add(node);
  const n = node as { k?: unknown; id?: unknown };
  if (n.k === "name" && (n.id === "super" || n.id === "__class__")) return true;
  return Object.values(node).some((v) => namesClassCell(v, seen));
}

/** the frame's names in CPython's order: parameters (positional, keyword-only, *args, **kwargs),
 *  the other locals, then the __class__ cell of a method that uses super() */
function localsOf(f: PyFrameObject): PyDict {
  const d = new PyDict();
  const locals = f.frame.locals;
  const fn = f.frame.fn;
  if (fn instanceof PyFunction) {
    const order = ["normal", "kwonly", "star", "dstar"].flatMap((kind) => fn.params.filter((p) => p.kind === kind));
    for (const p of order) if (locals.has(p.name)) d.table.set(p.name, locals.get(p.name)!);
  }
  for (const [k, x] of locals) if (!d.table.has(k)) d.table.set(k, x);
  // the snapshot holds the names' tensors: no longer theirs alone (python/temporaries.ts)
  for (const x of locals.values()) escape(x);
  const cell = f.frame.classCell;
  if (fn instanceof PyFunction && cell?.cls && !locals.has("__class__")) {
    let uses = usesClassCell.get(fn.body);
    if (uses === undefined) usesClassCell.set(fn.body, (uses = namesClassCell(fn.body)));
    if (uses) d.table.set("__class__", cell.cls);
  }
  return d;
}

function property(name: string, get: (f: PyFrameObject) => PyValue): PyProperty {
  return new PyProperty(new PyBuiltin(name, (a) => get(expectFrame(a.args[0], `descriptor '${name}'`))), null, null, null);
}

frameClass.attrs.set("f_back", property("f_back", (f) => f.back));
frameClass.attrs.set("f_locals", property("f_locals", localsOf));
frameClass.attrs.set("f_globals", property("f_globals", (f) => {
  const d = new PyDict();
  for (const [k, x] of f.frame.globals) {
    escape(x);
    d.table.set(k, x);
  }
  return d;
}));
frameClass.attrs.set("f_lineno", property("f_lineno", (f) => BigInt(f.frame.line)));
frameClass.attrs.set("f_code", property("f_code", (f) => new PyCodeObject(f.frame)));

/** getargvalues(frame): the names of its function's parameters, its *args and **kwargs names
 *  and its locals, as an ArgInfo named tuple */
function getargvalues(frame: PyFrameObject): PyValue {
  const fn = frame.frame.fn;
  const params = fn instanceof PyFunction ? fn.params : [];
  const args = new PyList(params.filter((p) => p.kind === "normal" || p.kind === "kwonly").map((p) => p.name));
  const star = params.find((p) => p.kind === "star");
  const dstar = params.find((p) => p.kind === "dstar");
  const namedtuple = host.importModule("collections").attrs.get("namedtuple")!;
  const ArgInfo = host.call(namedtuple, { args: ["ArgInfo", "args varargs keywords locals"], kwargs: new Map() });
  return host.call(ArgInfo, { args: [args, star?.name ?? null, dstar?.name ?? null, localsOf(frame)], kwargs: new Map() });
}

export function inspectModule(): PyModule {
  const mod = new PyModule(
    "inspect",
    new Map<string, PyValue>([
      ["currentframe", new PyBuiltin("currentframe", (a) => {
        bindArgs("currentframe", a, []);
        const frames = host.frames();
        return frameObject(frames, frames.length - 1);
      })],
      ["getargvalues", new PyBuiltin("getargvalues", (a) => {
        const [frame] = bindArgs("getargvalues", a, [{ name: "frame" }]).values;
        if (!(frame instanceof PyFrameObject)) throw pyErr("AttributeError", `'${typeName(frame as PyValue)}' object has no attribute 'f_code'`);
        return getargvalues(frame);
      })],
      ["isframe", new PyBuiltin("isframe", (a) => bindArgs("isframe", a, [{ name: "object" }]).values[0] instanceof PyFrameObject)],
    ]),
  );
  mod.fallback = (name) => {
    if (name.startsWith("__")) return undefined;
    throw pyErr("NotImplementedError", `inspect.${name} is not in Gradlens yet`);
  };
  return mod;
}
