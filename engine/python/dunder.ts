// Special methods (__add__, __len__, __repr__...) of instances of classes written in Python:
// looked up on the type, never the instance, as CPython does, then bound and called.
import { PyMethodDescriptor, bindAttr } from "./descriptors.ts";
import { PyFunction } from "./function.ts";
import { host } from "./host.ts";
import { EMPTY_KWARGS, PyClass, PyObj, type PyValue, pyErr, typeName } from "./values.ts";


/** The class of `v` when it was made by a `class` statement (its behaviour is Python code). */
export function userClass(v: PyValue): PyClass | null {
  if (v instanceof PyObj) {
    const c = v.cls;
    if (c.user) return c;
  }
  return null;
}

/** The metaclass-level case: `v` is itself a user class (its type is `type`). */
export function isUserClass(v: PyValue): v is PyClass {
  return v instanceof PyClass && v.user;
}

/** Not defined on the class (distinct from a method that returns None). */
export const NO_METHOD: unique symbol = Symbol("no method");

/** Calls a class attribute as a method of `self` (a function gets `self` first). */
export function callAttr(attr: PyValue, self: PyValue, cls: PyClass, args: PyValue[]): PyValue {
  if (attr instanceof PyFunction) return host.call(attr, { args: [self, ...args], kwargs: EMPTY_KWARGS });
  return host.call(bindAttr(attr, self, cls), { args, kwargs: EMPTY_KWARGS });
}

/** type(self).name(self, *args), or NO_METHOD when the class does not define it. A method
 *  set to None (`__hash__ = None`, `__iter__ = None`) is returned as null for the caller. */
export function callSpecial(cls: PyClass, self: PyValue, name: string, args: PyValue[] = []): PyValue | typeof NO_METHOD {
  const attr = cls.lookup(name);
  if (attr === undefined) return NO_METHOD;
  if (attr === null) return null;
  return callAttr(attr, self, cls, args);
}

/** Like callSpecial, for methods whose absence the caller reports itself; None as a method
 *  means "not supported" too. */
export function trySpecial(cls: PyClass, self: PyValue, name: string, args: PyValue[] = []): PyValue | typeof NO_METHOD {
  const attr = cls.lookup(name);
  if (attr === undefined || attr === null) return NO_METHOD;
  return callAttr(attr, self, cls, args);
}

/** CPython's check of what __str__/__repr__/__format__ returned. */
export function expectStr(r: PyValue, what: string): string {
  if (typeof r !== "string") throw pyErr("TypeError", `${what} returned non-string (type ${typeName(r)})`);
  return r;
}

/** The class attribute `name` when Python code defines it along the MRO, undefined when only a
 *  builtin class provides it (the builtin behaviour then applies directly). None stays null. */
export function override(cls: PyClass, name: string): PyValue | undefined {
  const a = cls.lookup(name);
  return a instanceof PyMethodDescriptor ? undefined : a;
}
