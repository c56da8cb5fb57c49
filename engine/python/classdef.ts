// `class` statements and what calling a class does: the body runs in its own namespace, the
// bases' C3 linearization becomes the MRO, `__eq__` without `__hash__` makes instances
// unhashable, `__new__` then `__init__` make an instance (of the builtin layout the class
// derives from: a plain object, list, dict, tuple, set or exception), and zero-argument super().
import type { Stmt } from "./ast.ts";
import { evalArgs } from "./calls.ts";
import { NO_INSTANCE, PyClassMethod, PyMethodDescriptor, PyProperty, PyStaticMethod, bindAttr } from "./descriptors.ts";
import { callAttr } from "./dunder.ts";
import { PyFunction } from "./function.ts";
import { host } from "./host.ts";
import type { Interpreter } from "./interpreter.ts";
import { collect, iterate } from "./ops.ts";
import { Frame } from "./scope.ts";
import { escape } from "./temporaries.ts";
import {
  EMPTY_KWARGS,
  BaseException,
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyDict,
  PyException,
  PyInstance,
  PyList,
  PyObj,
  PySet,
  PyTuple,
  type PyValue,
  boolClass,
  classOf,
  dictClass,
  listClass,
  objectClass,
  pyErr,
  setClass,
  tupleClass,
  typeClass,
  typeName,
} from "./values.ts";

/** Builtin classes a `class` statement may derive from, by the instance layout they give. */
const LAYOUTS = new Set<PyClass>([objectClass, listClass, dictClass, tupleClass, setClass, BaseException]);

export function execClass(ip: Interpreter, s: Extract<Stmt, { k: "class" }>, frame: Frame): PyClass {
  const decorators = s.decorators.map((d) => ip.eval(d, frame));
  const a = evalArgs(ip, s.bases, frame);
  const kwargs = new Map(a.kwargs);
  const meta = kwargs.get("metaclass");
  kwargs.delete("metaclass");
  if (meta !== undefined && meta !== typeClass)
    throw pyErr("NotImplementedError", `metaclasses (line ${s.line}) are outside the Python subset Gradlens runs`);
  const qualname = frame.qualPrefix + s.name;
  const cell: { cls: PyClass | null } = { cls: null };
  const enclosing = frame.kind === "function" ? frame : frame.kind === "class" ? frame.parent : null;
  const body = new Frame(s.name, null, s.globals, new Set(), enclosing, frame.globals, frame.code, "class", `${qualname}.`);
  body.classCell = cell;
  const ns = body.locals;
  const module = frame.globals.get("__name__");
  ns.set("__module__", typeof module === "string" ? module : "__main__");
  ns.set("__qualname__", qualname);
  if (s.doc !== null) ns.set("__doc__", s.doc);
  ns.set("__firstlineno__", BigInt(s.line));
  ip.frames.push(body);
  try {
    ip.execBlock(s.body, body);
  } finally {
    ip.frames.pop();
  }
  frame.pos = null;
  const cls = makeClass(s.name, a.args, ns, kwargs);
  cell.cls = cls;
  let out: PyValue = cls;
  for (let i = decorators.length - 1; i >= 0; i--) out = ip.call(decorators[i], { args: [out], kwargs: EMPTY_KWARGS });
  return out as PyClass;
}

/** type(name, bases, namespace): a new class written in Python. */
export function makeClass(name: string, baseValues: PyValue[], ns: Map<string, PyValue>, kwargs = new Map<string, PyValue>()): PyClass {
  const bases: PyClass[] = [];
  for (const b of baseValues) {
    if (!(b instanceof PyClass)) throw pyErr("TypeError", `bases must be types, not ${typeName(b)}`);
    if (b === boolClass || b === typeClass || (!b.user && !LAYOUTS.has(b) && !b.isSubclassOf(BaseException)))
      throw b === boolClass
        ? pyErr("TypeError", `type '${b.name}' is not an acceptable base type`)
        : pyErr("NotImplementedError", `subclassing '${b.name}' is outside the Python subset Gradlens runs`);
    if (bases.includes(b)) throw pyErr("TypeError", `duplicate base class ${b.name}`);
    bases.push(b);
  }
  if (bases.length === 0) bases.push(objectClass);
  const module = ns.get("__module__");
  const cls = new PyClass(name, null, undefined, typeof module === "string" ? module : "__main__");
  cls.user = true;
  cls.bases = bases;
  cls.mro = c3(cls, bases);
  cls.native = layoutOf(bases);
  const qualname = ns.get("__qualname__");
  cls.qualName = typeof qualname === "string" ? qualname : name;
  for (const [k, v] of ns) if (k !== "__qualname__") cls.attrs.set(k, implicitDescriptor(k, v));
  if (!cls.attrs.has("__doc__")) cls.attrs.set("__doc__", null);
  if (cls.attrs.has("__eq__") && !cls.attrs.has("__hash__")) cls.attrs.set("__hash__", null);
  cls.slots = slotsOf(cls);
  cls.construct = (a) => instantiate(cls, a);
  for (const [k, v] of cls.attrs) setName(v, cls, k);
  initSubclass(cls, kwargs);
  return cls;
}

/** __new__ is a staticmethod, __init_subclass__ and __class_getitem__ classmethods, as in CPython */
function implicitDescriptor(name: string, v: PyValue): PyValue {
  if (!(v instanceof PyFunction)) return v;
  if (name === "__new__") return new PyStaticMethod(v);
  if (name === "__init_subclass__" || name === "__class_getitem__") return new PyClassMethod(v);
  return v;
}

function setName(v: PyValue, cls: PyClass, name: string): void {
  if (v instanceof PyProperty) {
    v.name ??= name;
    return;
  }
  if (v instanceof PyObj && v.cls.user) {
    const m = v.cls.lookup("__set_name__");
    if (m !== undefined && m !== null) callAttr(m, v, v.cls, [cls, name]);
  }
}

function initSubclass(cls: PyClass, kwargs: Map<string, PyValue>): void {
  for (const c of cls.mro.slice(1)) {
    const m = c.attrs.get("__init_subclass__");
    if (m === undefined || c === objectClass) continue;
    host.call(bindAttr(m, NO_INSTANCE, cls), { args: [], kwargs });
    return;
  }
  if (kwargs.size > 0) throw pyErr("TypeError", `${cls.qualName}.__init_subclass__() takes no keyword arguments`);
}

/** C3 linearization of `cls` over its bases, or CPython's TypeError when there is none. */
function c3(cls: PyClass, bases: PyClass[]): PyClass[] {
  const seqs = [...bases.map((b) => [...b.mro]), [...bases]];
  const out = [cls];
  for (;;) {
    const live = seqs.filter((q) => q.length > 0);
    if (live.length === 0) return out;
    const head = live.map((q) => q[0]).find((c) => !live.some((q) => q.indexOf(c) > 0));
    if (!head) {
      const names = [...new Set(live.map((q) => q[0].name))];
      throw pyErr("TypeError", `Cannot create a consistent method resolution order (MRO) for bases ${names.join(", ")}`);
    }
    out.push(head);
    for (const q of live) if (q[0] === head) q.shift();
  }
}

/** the builtin instance layout the bases share (object, list, dict, tuple, set, exceptions) */
function layoutOf(bases: PyClass[]): PyClass {
  let best = objectClass;
  for (const b of bases) {
    const l = b.user ? b.native : b.isSubclassOf(BaseException) ? BaseException : b;
    if (l === objectClass || l === best) continue;
    if (best !== objectClass && !(l.isSubclassOf(best) || best.isSubclassOf(l)))
      throw pyErr("TypeError", "multiple bases have instance lay-out conflict");
    if (best === objectClass || l.isSubclassOf(best)) best = l;
  }
  return best;
}

/** the attribute names instances may have when every class in the MRO declares __slots__ */
function slotsOf(cls: PyClass): Set<string> | null {
  const names = new Set<string>();
  for (const c of cls.mro) {
    if (c === objectClass) continue;
    if (!c.user) return null;
    const s = c.attrs.get("__slots__");
    if (s === undefined) return null;
    for (const n of typeof s === "string" ? [s] : iterate(s)) {
      if (typeof n !== "string") throw pyErr("TypeError", `__slots__ items must be strings, not '${typeName(n)}'`);
      if (n === "__dict__") return null;
      names.add(n);
    }
  }
  return names;
}

// ---- making instances ----

/** the builtin __new__ functions (object.__new__, list.__new__...), with their class */
const nativeNews = new Map<PyValue, PyClass>();

export function registerNativeNew(cls: PyClass): void {
  const fn = new PyBuiltin("__new__", (a) => {
    const target = a.args[0];
    if (!(target instanceof PyClass)) throw pyErr("TypeError", `${cls.name}.__new__(X): X is not a type object (${typeName(target)})`);
    if (!target.isSubclassOf(cls))
      throw pyErr("TypeError", `${cls.name}.__new__(${target.name}): ${target.name} is not a subtype of ${cls.name}`);
    return nativeNew(target, { args: a.args.slice(1), kwargs: a.kwargs }, true);
  });
  nativeNews.set(fn, cls);
  cls.attrs.set("__new__", new PyStaticMethod(fn));
}

function isNativeNew(v: PyValue | undefined): boolean {
  return v instanceof PyStaticMethod && nativeNews.has(v.fn);
}

/** `v` is object.__new__ itself */
export function isObjectNew(v: PyValue | undefined): boolean {
  return v instanceof PyStaticMethod && nativeNews.get(v.fn) === objectClass;
}

function isObjectInit(v: PyValue | undefined): boolean {
  return v instanceof PyMethodDescriptor && v.owner === objectClass;
}

/** object.__new__(cls) and its list/dict/tuple/set/exception siblings */
function nativeNew(cls: PyClass, a: CallArgs, explicit: boolean): PyValue {
  const excess = a.args.length > 0 || a.kwargs.size > 0;
  switch (cls.native) {
    case objectClass: {
      if (excess) {
        if (explicit && !isNativeNew(cls.lookup("__new__")))
          throw pyErr("TypeError", "object.__new__() takes exactly one argument (the type to instantiate)");
        if (isObjectInit(cls.lookup("__init__"))) throw pyErr("TypeError", `${cls.qualName}() takes no arguments`);
      }
      const o = new PyInstance(cls);
      // with __slots__ the dict only holds the slots (and is not shown as __dict__)
      o.dict = new PyDict();
      return o;
    }
    case listClass:
      return withDict(new PyList([]), cls);
    case dictClass:
      return withDict(new PyDict(), cls);
    case setClass:
      return withDict(new PySet(), cls);
    case tupleClass:
      return withDict(new PyTuple(a.args.length ? collect(a.args[0]) : []), cls);
    case BaseException: {
      const e = new PyException(cls, [...a.args]);
      e.dict = new PyDict();
      return e;
    }
  }
  throw pyErr("TypeError", `cannot create '${cls.qualname}' instances`);
}

function withDict<T extends PyList | PyDict | PySet | PyTuple>(v: T, cls: PyClass): T {
  v.sub = cls;
  v.dict = new PyDict();
  return v;
}

/** cls(*args, **kwargs): __new__, then __init__ when __new__ gave an instance of cls. */
export function instantiate(cls: PyClass, a: CallArgs): PyValue {
  const newAttr = cls.lookup("__new__");
  const obj = isNativeNew(newAttr)
    ? nativeNew(cls, a, false)
    : host.call(bindAttr(newAttr ?? null, NO_INSTANCE, cls), { args: [cls, ...a.args], kwargs: a.kwargs });
  if (!classOf(obj).isSubclassOf(cls)) return obj;
  const init = cls.lookup("__init__");
  // object.__init__ itself never objects here: object.__new__ already checked the arguments
  if (init === undefined || isObjectInit(init)) return obj;
  const r =
    init instanceof PyFunction
      ? host.call(init, { args: [obj, ...a.args], kwargs: a.kwargs })
      : host.call(bindAttr(init, obj, cls), a);
  if (r !== null) throw pyErr("TypeError", `__init__() should return None, not '${typeName(r)}'`);
  return obj;
}

// ---- super() ----

export const superClass = new PyClass("super", objectClass);

export class PySuper extends PyObj {
  constructor(
    /** the class whose MRO successors are searched */
    readonly thisClass: PyClass,
    /** the instance (or class, in a classmethod) methods bind to */
    readonly obj: PyValue,
    readonly objType: PyClass,
  ) {
    super();
  }
  get cls(): PyClass {
    return superClass;
  }
  /** super().name: the first class after thisClass in obj's MRO that has it, bound to obj */
  getattr(name: string): PyValue | undefined {
    if (name === "__class__") return superClass;
    const mro = this.objType.mro;
    for (let i = mro.indexOf(this.thisClass) + 1; i < mro.length; i++) {
      const c = mro[i];
      let v = c.attrs.get(name);
      if (v === undefined && c.nativeAttr) v = c.nativeAttr(name);
      if (v !== undefined) return bindAttr(v, this.obj === this.objType ? NO_INSTANCE : this.obj, this.objType);
    }
    return undefined;
  }
  override reprText(): string {
    const o = this.obj instanceof PyClass ? `<${this.obj.name} object>` : `<${typeName(this.obj)} object>`;
    return `<super: <class '${this.thisClass.name}'>, ${o}>`;
  }
}

/** super(type, obj), with CPython's check that obj is an instance or subclass of type */
export function makeSuper(thisClass: PyValue, obj: PyValue): PySuper {
  if (!(thisClass instanceof PyClass)) throw pyErr("TypeError", `super() argument 1 must be a type, not ${typeName(thisClass)}`);
  if (obj instanceof PyClass && obj.isSubclassOf(thisClass)) return new PySuper(thisClass, obj, obj);
  const t = classOf(obj);
  if (!t.isSubclassOf(thisClass))
    throw pyErr(
      "TypeError",
      `super(type, obj): obj (instance of ${t.name}) is not an instance or subtype of type (${thisClass.name}).`,
    );
  return new PySuper(thisClass, obj, t);
}

/** super() in a method: the class being defined and the method's first argument */
export function zeroArgSuper(frame: Frame | undefined): PySuper {
  const fn = frame?.fn;
  const first = fn?.positional[0] ?? fn?.params[0];
  if (!frame || !fn || !first) throw pyErr("RuntimeError", "super(): no arguments");
  const self = frame.locals.get(first.name);
  if (self === undefined) throw pyErr("RuntimeError", "super(): arg[0] deleted");
  escape(self);
  const cls = frame.classCell?.cls;
  if (!cls) throw pyErr("RuntimeError", "super(): __class__ cell not found");
  return makeSuper(cls, self);
}

// ---- obj.__class__ = C ----

/** CPython's object_set_class: both classes made by `class` statements, with the same layout
 *  (the same builtin base and the same __slots__) */
export function assignClass(obj: PyValue, value: PyValue): void {
  if (!(value instanceof PyClass)) throw pyErr("TypeError", `__class__ must be set to a class, not '${typeName(value)}' object`);
  const old = classOf(obj);
  if (!old.user || !value.user) throw pyErr("TypeError", "__class__ assignment only supported for mutable types or ModuleType subclasses");
  const sameSlots = (a: Set<string> | null, b: Set<string> | null): boolean =>
    a === b || (a !== null && b !== null && a.size === b.size && [...a].every((n) => b.has(n)));
  if (value.native !== old.native || !sameSlots(value.slots, old.slots))
    throw pyErr("TypeError", `__class__ assignment: '${value.name}' object layout differs from '${old.name}'`);
  if (!(obj instanceof PyInstance)) throw pyErr("NotImplementedError", `assigning __class__ of a '${old.name}' object is not in Gradlens yet`);
  obj.setClass(value);
}
