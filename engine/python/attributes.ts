// obj.name, obj.name = v, del obj.name for every kind of value, with CPython's rules: an
// instance of a user class looks in its class's MRO for a data descriptor (property), then its
// own __dict__, then the class (functions bind into methods), then __getattr__; a class looks
// along its MRO; builtin values find their builtin methods. AttributeErrors carry the object and
// name, so the traceback can add CPython's "Did you mean" (suggestions.ts).
import {
  NO_INSTANCE,
  PyClassMethod,
  PyMethod,
  PyProperty,
  PyStaticMethod,
  bindAttr,
  deleteThroughDescriptor,
  isDataDescriptor,
  setThroughDescriptor,
} from "./descriptors.ts";
import { callAttr, override } from "./dunder.ts";
import { PyFunction } from "./function.ts";
import { host } from "./host.ts";
import { dictMethod, listMethod, method, numberMethod, rangeMethod, setMethod, tupleMethod } from "./methods.ts";
import { strMethod } from "./strmethods.ts";
import {
  EMPTY_KWARGS,
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyException,
  PyInstance,
  PyList,
  PyModule,
  PyObj,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  classOf,
  foreignOf,
  objectClass,
  pyErr,
  typeClass,
  typeName,
} from "./values.ts";
import { PyGenerator, stopIteration } from "./generators.ts";
import { PySuper, assignClass } from "./classdef.ts";
import { escape } from "./temporaries.ts";

/** what a class's __dict__ is (a read-only view in CPython; a copy here) */
export const mappingproxyClass = new PyClass("mappingproxy", objectClass);

/** The AttributeError for `v.name`, remembering both for the traceback's suggestion. */
export function attributeError(v: PyValue, name: string, message?: string): PyError {
  let text = message;
  if (text === undefined) {
    if (v instanceof PyModule) text = `module '${v.name}' has no attribute '${name}'`;
    else if (v instanceof PyClass) text = `type object '${v.qualName}' has no attribute '${name}'`;
    else text = `'${typeName(v)}' object has no attribute '${name}'`;
  }
  const err = pyErr("AttributeError", text);
  const self = host.currentFrame()?.locals.get("self");
  escape(self);
  err.exc.attrTarget = { obj: v, name, self };
  return err;
}

/** the __dict__ of an object that has one */
export function instanceDict(v: PyValue): PyDict | null {
  if (v instanceof PyInstance || v instanceof PyException || v instanceof PyFunction) return v.dict;
  if (v instanceof PyList || v instanceof PyDict || v instanceof PyTuple || v instanceof PySet) return v.dict ?? null;
  return null;
}

/** The function `obj.name` would bind into a method, when that is all it does (a plain function
 *  found on a user class, not shadowed by the instance, no __getattribute__ override). */
export function plainMethod(obj: PyValue, name: string): PyFunction | undefined {
  if (!(obj instanceof PyObj)) return undefined;
  const cls = obj.cls;
  if (!cls.user) return undefined;
  const attr = cls.lookup(name);
  if (!(attr instanceof PyFunction) || override(cls, "__getattribute__") !== undefined) return undefined;
  const dict = instanceDict(obj);
  if (dict !== null && dict.table.size > 0 && dict.table.get(name) !== undefined) return undefined;
  return attr;
}

/** obj.name for any value. */
export function getAttr(v: PyValue, name: string): PyValue {
  const f = foreignOf(v);
  if (f) {
    const r = f.getattr?.(v, name);
    if (r !== undefined) return r;
    if (name === "__class__") return classOf(v);
    throw attributeError(v, name);
  }
  if (v instanceof PyObj) {
    const cls = v.cls;
    if (cls.user) return userGetAttr(v, cls, name);
    if (v instanceof PyClass) return classGetAttr(v, name);
  }
  const r = builtinAttr(v, name);
  if (r !== undefined) return r;
  if (name === "__class__") return classOf(v);
  // what the builtin type's class provides (dunders: (1).__add__, [].__len__)
  const cls = classOf(v);
  const attr = cls.lookup(name);
  if (attr !== undefined) return bindAttr(attr, v, cls);
  if (name === "__class__") return cls;
  throw attributeError(v, name);
}

function userGetAttr(obj: PyObj, cls: PyClass, name: string): PyValue {
  const hook = cls.lookup("__getattr__");
  const custom = override(cls, "__getattribute__");
  if (hook === undefined && custom === undefined) return genericGetAttr(obj, cls, name);
  try {
    return custom !== undefined && custom !== null ? callAttr(custom, obj, cls, [name]) : genericGetAttr(obj, cls, name);
  } catch (e) {
    if (hook === undefined || hook === null || !(e instanceof PyError) || !e.exc.cls.isSubclassOf(attributeErrorClass())) throw e;
    return callAttr(hook, obj, cls, [name]);
  }
}

let attributeErrorCls: PyClass | null = null;
function attributeErrorClass(): PyClass {
  return (attributeErrorCls ??= pyErr("AttributeError").exc.cls);
}

/** object.__getattribute__: data descriptors, the instance __dict__, then the class */
export function genericGetAttr(obj: PyValue, cls: PyClass, name: string): PyValue {
  const attr = cls.lookup(name);
  if (attr !== undefined && isDataDescriptor(attr)) return bindAttr(attr, obj, cls);
  const dict = instanceDict(obj);
  if (dict) {
    const v = dict.table.get(name);
    if (v !== undefined) return v;
  }
  if (attr !== undefined) return bindAttr(attr, obj, cls);
  if (name === "__class__") return cls;
  if (name === "__dict__" && dict && cls.slots === null) return dict;
  const r = builtinAttr(obj, name);
  if (r !== undefined) return r;
  throw attributeError(obj, name);
}

/** type.__getattribute__: the class's own data (__name__, __mro__...), then its MRO */
function classGetAttr(cls: PyClass, name: string): PyValue {
  switch (name) {
    case "__name__":
      return cls.name;
    case "__qualname__":
      return cls.qualName;
    case "__module__":
      return cls.attrs.get("__module__") ?? cls.module;
    case "__mro__":
      return new PyTuple(cls.mro);
    case "__bases__":
      return new PyTuple(cls.bases);
    case "__base__":
      return cls.bases[0] ?? null;
    case "__class__":
      return typeClass;
    case "__dict__": {
      const d = new PyDict();
      d.sub = mappingproxyClass;
      for (const [k, v] of cls.attrs) d.table.set(k, v);
      return d;
    }
    case "__doc__":
      if (!cls.user) return cls.attrs.get("__doc__") ?? null;
      break;
    case "mro":
      return method(cls, "mro", () => new PyList(cls.mro));
    case "__subclasses__":
      return method(cls, "__subclasses__", () => new PyList([]));
  }
  const attr = cls.lookup(name);
  if (attr !== undefined) return bindAttr(attr, NO_INSTANCE, cls);
  throw attributeError(cls, name);
}

/** attributes builtin values have without a class lookup (methods made on demand) */
export function builtinAttr(v: PyValue, name: string): PyValue | undefined {
  if (typeof v === "string") return strMethod(v, name);
  if (v instanceof PyList) return listMethod(v, name);
  if (v instanceof PyDict) return dictMethod(v, name);
  if (v instanceof PyTuple) return v.extraAttr(name) ?? tupleMethod(v, name);
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return numberMethod(v, name);
  if (v instanceof PySet) return setMethod(v, name);
  if (v instanceof PyException) return exceptionAttr(v, name);
  if (v instanceof PyFunction) return functionAttr(v, name);
  if (v instanceof PyMethod) {
    if (name === "__func__") return v.fn;
    if (name === "__self__") return v.self;
    if (name === "__name__" || name === "__qualname__" || name === "__doc__" || name === "__module__") return getAttr(v.fn, name);
    return undefined;
  }
  if (v instanceof PyBuiltin) {
    if (name === "__name__" || name === "__qualname__") return v.name;
    if (name === "__self__") return v.self ?? null;
    return undefined;
  }
  if (v instanceof PyModule) {
    if (name === "__name__") return v.name;
    if (name === "__dict__") {
      const d = new PyDict();
      for (const [k, x] of v.attrs) d.table.set(k, x);
      return d;
    }
    // a module-level None is an attribute too
    return v.attrs.has(name) ? v.attrs.get(name) : v.fallback?.(name);
  }
  if (v instanceof PyInstance) return v.dict?.table.get(name);
  if (v instanceof PyProperty) return propertyAttr(v, name);
  if (v instanceof PyStaticMethod || v instanceof PyClassMethod) {
    if (name === "__func__" || name === "__wrapped__") return v.fn;
    return undefined;
  }
  if (v instanceof PySuper) return v.getattr(name);
  if (v instanceof PyGenerator) return generatorAttr(v, name);
  if (v instanceof PyRange || v instanceof PySlice) {
    if (name === "start" || name === "stop" || name === "step") return v[name];
  }
  if (v instanceof PyRange) return rangeMethod(v, name);
  return undefined;
}

function exceptionAttr(e: PyException, name: string): PyValue | undefined {
  switch (name) {
    case "args":
      return new PyTuple(e.args);
    case "__cause__":
      return e.cause;
    case "__context__":
      return e.context;
    case "__suppress_context__":
      return e.suppressContext;
    case "__traceback__":
      return null;
    case "with_traceback":
      return method(e, name, () => e);
    case "value":
      if (e.cls.name === "StopIteration" || e.cls.isSubclassOf(stopIteration(null).exc.cls)) return e.args[0] ?? null;
      break;
    case "name":
    case "obj":
      if (e.attrTarget) return name === "name" ? e.attrTarget.name : e.attrTarget.obj;
      break;
  }
  return e.dict?.table.get(name);
}

function functionAttr(f: PyFunction, name: string): PyValue | undefined {
  switch (name) {
    case "__name__":
      return f.name;
    case "__qualname__":
      return f.qualname;
    case "__module__":
      return f.module;
    case "__doc__":
      return f.doc;
    case "__dict__":
      return (f.dict ??= new PyDict());
    case "__defaults__": {
      const d = f.positional.filter((p) => f.defaults.has(p.name)).map((p) => f.defaults.get(p.name)!);
      return d.length ? new PyTuple(d) : null;
    }
    case "__annotations__":
      return new PyDict();
    case "__type_params__":
      return new PyTuple([]);
    case "__code__":
    case "__globals__":
    case "__closure__":
      return undefined;
  }
  return f.dict?.table.get(name);
}

function propertyAttr(p: PyProperty, name: string): PyValue | undefined {
  const copy = (fget: PyValue, fset: PyValue, fdel: PyValue): PyProperty => {
    const q = new PyProperty(fget, fset, fdel, p.doc);
    q.name = p.name;
    return q;
  };
  switch (name) {
    case "fget":
      return p.fget;
    case "fset":
      return p.fset;
    case "fdel":
      return p.fdel;
    case "__doc__":
      return p.doc;
    case "getter":
      return method(p, name, (a) => copy(a.args[0] ?? null, p.fset, p.fdel));
    case "setter":
      return method(p, name, (a) => copy(p.fget, a.args[0] ?? null, p.fdel));
    case "deleter":
      return method(p, name, (a) => copy(p.fget, p.fset, a.args[0] ?? null));
    case "__get__":
      return method(p, name, (a) => bindAttr(p, a.args[0] === null ? NO_INSTANCE : a.args[0], classOf(a.args[0])));
  }
  return undefined;
}

function generatorAttr(g: PyGenerator, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin => method(g, name, fn);
  switch (name) {
    case "send":
      return m((a) => g.nextOrStop(a.args[0] ?? null));
    case "__next__":
      return m(() => g.nextOrStop());
    case "__iter__":
      return m(() => g);
    case "throw":
      return m((a) => {
        let exc = a.args[0];
        if (exc instanceof PyClass) exc = host.call(exc, { args: a.args.length > 1 && a.args[1] !== null ? [a.args[1]] : [], kwargs: EMPTY_KWARGS });
        if (!(exc instanceof PyException)) throw pyErr("TypeError", "exceptions must be classes or instances deriving from BaseException, not " + typeName(exc));
        return g.nextOrStop(null, new PyError(exc));
      });
    case "close":
      return m(() => {
        g.close();
        return null;
      });
    case "gi_running":
      return false;
    case "__name__":
      return g.label?.split(".").pop() ?? "<genexpr>";
    case "__qualname__":
      return g.label ?? "<genexpr>";
  }
  return undefined;
}

// ---- setting and deleting ----

export function setAttr(v: PyValue, name: string, value: PyValue): void {
  const f = foreignOf(v);
  if (f) {
    if (f.setattr?.(v, name, value)) return;
    throw attributeError(v, name);
  }
  if (v instanceof PyObj) {
    const cls = v.cls;
    if (cls.user) {
      const custom = override(cls, "__setattr__");
      if (custom !== undefined && custom !== null) {
        callAttr(custom, v, cls, [name, value]);
        return;
      }
      genericSetAttr(v, cls, name, value);
      return;
    }
    if (v instanceof PyClass) {
      if (!v.user) throw pyErr("TypeError", `cannot set '${name}' attribute of immutable type '${v.name}'`);
      v.setAttr(name, value);
      return;
    }
    if (v instanceof PyFunction) {
      setFunctionAttr(v, name, value);
      return;
    }
    if (v instanceof PyModule) {
      v.attrs.set(name, value);
      return;
    }
    if (v instanceof PyInstance && cls === objectClass)
      throw attributeError(v, name, `'object' object has no attribute '${name}' and no __dict__ for setting new attributes`);
    if (v instanceof PyInstance || v instanceof PyException) {
      (v.dict ??= new PyDict()).table.set(name, value);
      host.attrSet?.(v, name, value);
      return;
    }
  }
  if (name === "__class__") return assignClass(v, value);
  const attr = classOf(v).lookup(name);
  if (attr !== undefined) throw attributeError(v, name, `'${typeName(v)}' object attribute '${name}' is read-only`);
  throw attributeError(v, name, `'${typeName(v)}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
}

/** object.__setattr__: a data descriptor's setter, else the instance __dict__ */
export function genericSetAttr(obj: PyValue, cls: PyClass, name: string, value: PyValue): void {
  if (name === "__class__") return assignClass(obj, value);
  const attr = cls.lookup(name);
  if (attr !== undefined && setThroughDescriptor(attr, obj, value, name)) return;
  const dict = instanceDict(obj);
  if (!dict || (cls.slots !== null && !cls.slots.has(name))) {
    if (cls.slots !== null && attr === undefined)
      throw attributeError(obj, name, `'${typeName(obj)}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
    throw attributeError(obj, name, `'${typeName(obj)}' object attribute '${name}' is read-only`);
  }
  dict.table.set(name, value);
  host.attrSet?.(obj, name, value);
}

function setFunctionAttr(f: PyFunction, name: string, value: PyValue): void {
  const str = (): string => {
    if (typeof value !== "string") throw pyErr("TypeError", `${name} must be set to a string object`);
    return value;
  };
  switch (name) {
    case "__name__":
      f.name = str();
      return;
    case "__qualname__":
      f.qualname = str();
      return;
    case "__module__":
      f.module = typeof value === "string" ? value : f.module;
      return;
    case "__doc__":
      f.doc = value;
      return;
    case "__annotations__":
    case "__type_params__":
      return;
  }
  (f.dict ??= new PyDict()).table.set(name, value);
}

export function delAttr(v: PyValue, name: string): void {
  const f = foreignOf(v);
  if (f?.setattr && name === "grad") {
    f.setattr(v, name, null);
    return;
  }
  if (v instanceof PyObj) {
    const cls = v.cls;
    if (cls.user) {
      const custom = override(cls, "__delattr__");
      if (custom !== undefined && custom !== null) {
        callAttr(custom, v, cls, [name]);
        return;
      }
      genericDelAttr(v, cls, name);
      return;
    }
    if (v instanceof PyClass && v.user) {
      if (!v.attrs.has(name)) throw attributeError(v, name);
      v.deleteAttr(name);
      return;
    }
    const dict = instanceDict(v);
    if (dict?.table.delete(name)) return;
  }
  if (f?.delattr?.(v, name)) return;
  throw attributeError(v, name);
}

/** object.__delattr__ */
export function genericDelAttr(obj: PyValue, cls: PyClass, name: string): void {
  const attr = cls.lookup(name);
  if (attr !== undefined && deleteThroughDescriptor(attr, obj)) return;
  const dict = instanceDict(obj);
  if (dict?.table.delete(name)) {
    host.attrDeleted?.(obj, name);
    return;
  }
  throw attributeError(obj, name);
}

