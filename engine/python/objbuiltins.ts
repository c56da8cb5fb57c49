// The builtins about objects and classes: type, object, super, property, staticmethod,
// classmethod, isinstance, issubclass, getattr/setattr/delattr/hasattr, vars, dir, id, hash,
// callable, iter, next — with CPython 3.13's messages.
import { argsByName, positionalArgs } from "./args.ts";
import { delAttr, getAttr, instanceDict, setAttr } from "./attributes.ts";
import { makeClass, makeSuper, registerNativeNew, superClass, zeroArgSuper } from "./classdef.ts";
import { PyClassMethod, PyMethod, PyMethodDescriptor, PyProperty, PyStaticMethod, classmethodClass, propertyClass, staticmethodClass } from "./descriptors.ts";
import { NO_METHOD, trySpecial, userClass } from "./dunder.ts";
import { sortValues } from "./methods.ts";
import { PyFunction } from "./function.ts";
import { PyGenerator, stopIteration } from "./generators.ts";
import { host } from "./host.ts";
import { iterate, objectId, pyHash, pyIter, pyNext } from "./ops.ts";
import { dirOf } from "./suggestions.ts";
import {
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyInstance,
  PyList,
  PyModule,
  PyTuple,
  type PyValue,
  classOf,
  noneClass,
  objectClass,
  pyErr,
  typeClass,
  typeName,
} from "./values.ts";
import { installSlots } from "./slots.ts";
import { UnionType } from "./genericalias.ts";
import { escape } from "./temporaries.ts";

const args = positionalArgs;

function classInfo(v: PyValue, fname: string): PyClass[] {
  if (v instanceof PyClass) return [v];
  if (v instanceof PyTuple) return v.items.flatMap((x) => classInfo(x, fname));
  if (v instanceof UnionType) return v.args.flatMap((x) => classInfo(x === null ? noneClass : x, fname));
  throw pyErr("TypeError", `${fname}() arg 2 must be a type, a tuple of types, or a union`);
}

function isAttributeError(e: unknown): boolean {
  return e instanceof PyError && e.exc.cls.name === "AttributeError";
}

export function isCallable(v: PyValue): boolean {
  if (v instanceof PyBuiltin || v instanceof PyFunction || v instanceof PyMethod || v instanceof PyMethodDescriptor) return true;
  if (v instanceof PyClass) return !!v.construct;
  const cls = userClass(v);
  return cls !== null && cls.lookup("__call__") != null;
}

function attrName(v: PyValue): string {
  if (typeof v !== "string") throw pyErr("TypeError", `attribute name must be string, not '${typeName(v)}'`);
  return v;
}

export function objectBuiltins(m: Map<string, PyValue>): void {
  installSlots();
  const b = (name: string, fn: (a: CallArgs) => PyValue): void => void m.set(name, new PyBuiltin(name, fn));

  typeClass.construct = (a) => {
    if (a.args.length === 1 && a.kwargs.size === 0) return classOf(a.args[0]);
    if (a.args.length !== 3) throw pyErr("TypeError", "type() takes 1 or 3 arguments");
    const [name, bases, ns] = a.args;
    if (typeof name !== "string") throw pyErr("TypeError", `type.__new__() argument 1 must be str, not ${typeName(name)}`);
    if (!(bases instanceof PyTuple)) throw pyErr("TypeError", `type.__new__() argument 2 must be tuple, not ${typeName(bases)}`);
    if (!(ns instanceof PyDict)) throw pyErr("TypeError", `type.__new__() argument 3 must be dict, not ${typeName(ns)}`);
    const attrs = new Map<string, PyValue>();
    for (const [k, v] of ns.table.entries()) if (typeof k === "string") attrs.set(k, v);
    if (!attrs.has("__module__")) attrs.set("__module__", "__main__");
    return makeClass(name, bases.items, attrs, a.kwargs);
  };
  objectClass.construct = (a) => {
    if (a.args.length || a.kwargs.size) throw pyErr("TypeError", "object() takes no arguments");
    return new PyInstance(objectClass);
  };
  propertyClass.construct = (a) => {
    const { fget, fset, fdel, doc } = argsByName("property", a, [
      { name: "fget", default: null },
      { name: "fset", default: null },
      { name: "fdel", default: null },
      { name: "doc", default: null },
    ]);
    const d = doc === null && fget instanceof PyFunction ? fget.doc : doc;
    return new PyProperty(fget as PyValue, fset as PyValue, fdel as PyValue, d as PyValue);
  };
  staticmethodClass.construct = (a) => new PyStaticMethod(args("staticmethod", a, 1, 1)[0]);
  classmethodClass.construct = (a) => new PyClassMethod(args("classmethod", a, 1, 1)[0]);
  superClass.construct = (a) => {
    if (a.args.length === 0) return zeroArgSuper(host.currentFrame());
    const [t, obj] = args("super", a, 1, 2);
    if (obj === undefined) throw pyErr("NotImplementedError", "super() with one argument is outside the Python subset Gradlens runs");
    return makeSuper(t, obj);
  };
  for (const c of [typeClass, objectClass, propertyClass, staticmethodClass, classmethodClass, superClass]) m.set(c.name, c);
  registerNativeNew(objectClass);

  b("isinstance", (a) => {
    const [v, info] = args("isinstance", a, 2, 2);
    const c = classOf(v);
    return classInfo(info, "isinstance").some((k) => (k.instanceCheck ? k.instanceCheck(v) : c.isSubclassOf(k)));
  });
  b("issubclass", (a) => {
    const [c, info] = args("issubclass", a, 2, 2);
    if (!(c instanceof PyClass)) throw pyErr("TypeError", "issubclass() arg 1 must be a class");
    return classInfo(info, "issubclass").some((k) => c.isSubclassOf(k) || (k.subclassCheck?.(c) ?? false));
  });
  b("callable", (a) => isCallable(args("callable", a, 1, 1)[0]));
  b("hash", (a) => pyHash(args("hash", a, 1, 1)[0]));
  b("id", (a) => BigInt(objectId(args("id", a, 1, 1)[0])));
  b("hasattr", (a) => {
    const [v, name] = args("hasattr", a, 2, 2);
    try {
      getAttr(v, attrName(name));
      return true;
    } catch (e) {
      if (isAttributeError(e)) return false;
      throw e;
    }
  });
  b("getattr", (a) => {
    const [v, name, dflt] = args("getattr", a, 2, 3);
    try {
      return getAttr(v, attrName(name));
    } catch (e) {
      if (a.args.length > 2 && isAttributeError(e)) return dflt;
      throw e;
    }
  });
  b("setattr", (a) => {
    const [v, name, value] = args("setattr", a, 3, 3);
    setAttr(v, attrName(name), value);
    return null;
  });
  b("delattr", (a) => {
    const [v, name] = args("delattr", a, 2, 2);
    delAttr(v, attrName(name));
    return null;
  });
  b("vars", (a) => {
    const [v] = args("vars", a, 0, 1);
    if (v === undefined) {
      const frame = host.currentFrame();
      const d = new PyDict();
      for (const [k, x] of frame?.locals ?? []) {
        escape(x);
        d.table.set(k, x);
      }
      return d;
    }
    if (v instanceof PyClass || v instanceof PyModule) return getAttr(v, "__dict__");
    const d = instanceDict(v);
    if (!d || (userClass(v)?.slots ?? null) !== null) throw pyErr("TypeError", "vars() argument must have __dict__ attribute");
    return d;
  });
  b("dir", (a) => {
    const [v] = args("dir", a, 0, 1);
    if (v === undefined) return new PyList([...(host.currentFrame()?.locals.keys() ?? [])].sort());
    const cls = userClass(v);
    if (cls && !(v instanceof PyClass)) {
      // a class's own __dir__: its result, as a sorted list
      const own = trySpecial(cls, v, "__dir__");
      if (own !== NO_METHOD) return new PyList(sortValues([...iterate(own)], null, false));
    }
    return new PyList(dirOf(v));
  });
  b("iter", (a) => pyIter(args("iter", a, 1, 1)[0]));
  b("next", (a) => {
    const [it, dflt] = args("next", a, 1, 2);
    if (it instanceof PyGenerator) {
      const r = it.resume(null, null);
      if (!r.done) return r.value;
      if (a.args.length > 1) return dflt;
      throw stopIteration(r.value);
    }
    const v = pyNext(it);
    if (v !== undefined) return v;
    if (a.args.length > 1) return dflt;
    throw pyErr("StopIteration");
  });
}
