// The builtin classes' own methods as class attributes: object.__init__, object.__setattr__,
// list.append, int.__add__, dict.__getitem__... what `super().__init__()`, `object.__setattr__(
// self, k, v)`, `list.append(xs, 1)` and user subclasses of list/dict/tuple/set/exceptions
// find along the MRO. Each calls the builtin behaviour directly (never a user override, so an
// override calling super() does not come back to itself).
import { builtinAttr, genericDelAttr, genericGetAttr, genericSetAttr } from "./attributes.ts";
import { isObjectNew, registerNativeNew } from "./classdef.ts";
import { COMPARE_DUNDER, nativeCompare, nativeContains } from "./compare.ts";
import { PyClassMethod, PyMethodDescriptor } from "./descriptors.ts";
import { host } from "./host.ts";
import { addressOf, nativeHash, objectId } from "./hashing.ts";
import { dictUpdate, TYPE_METHODS } from "./methods.ts";
import { nativeBinary, nativeUnary, toBig } from "./numbers.ts";
import { collect, formatValue, truthy } from "./ops.ts";
import { exceptionStr, nativeRepr, pyRepr, pyStr } from "./repr.ts";
import { iterate, nativeDelItem, nativeGetItem, nativeIterate, nativeLen, nativeSetItem } from "./sequence.ts";
import { STR_METHODS } from "./strmethods.ts";
import {
  nameTable,
  BaseException,
  type CallArgs,
  NotImplemented,
  PyBuiltin,
  PyClass,
  PyDict,
  PyException,
  PyIterator,
  PyList,
  PySet,
  type PyValue,
  boolClass,
  classOf,
  dictClass,
  floatClass,
  intClass,
  iteratorClass,
  listClass,
  objectClass,
  pyErr,
  setClass,
  strClass,
  tupleClass,
  listChanged,
} from "./values.ts";

type Slot = (self: PyValue, a: CallArgs) => PyValue;

const BINARY: Record<string, string> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "truediv",
  "//": "floordiv",
  "%": "mod",
  "**": "pow",
  "&": "and",
  "|": "or",
  "^": "xor",
  "<<": "lshift",
  ">>": "rshift",
};

function arg(a: CallArgs, i = 0): PyValue {
  return a.args[i] ?? null;
}

/** __add__, __radd__ (and __iadd__ when in place) for the operators given */
function arithmetic(ops: string[], inplace: boolean, reflected = true): Record<string, Slot> {
  const out: Record<string, Slot> = {};
  for (const op of ops) {
    const n = BINARY[op];
    out[`__${n}__`] = (self, a) => nativeBinary(op, self, arg(a)) ?? NotImplemented;
    if (reflected) out[`__r${n}__`] = (self, a) => nativeBinary(op, arg(a), self) ?? NotImplemented;
    if (inplace) out[`__i${n}__`] = (self, a) => nativeBinary(op, self, arg(a), true) ?? NotImplemented;
  }
  return out;
}

function comparisons(ops = Object.keys(COMPARE_DUNDER)): Record<string, Slot> {
  const out: Record<string, Slot> = {};
  for (const op of ops) out[COMPARE_DUNDER[op]] = (self, a) => nativeCompare(op, self, arg(a)) ?? NotImplemented;
  return out;
}

const CONTAINER: Record<string, Slot> = {
  __len__: (self) => BigInt(nativeLen(self)),
  __contains__: (self, a) => nativeContains(self, arg(a)),
  __iter__: (self) => {
    const it = nativeIterate(self);
    return new PyIterator(iteratorClass, () => {
      const r = it.next();
      return r.done ? undefined : r.value;
    });
  },
  __getitem__: (self, a) => nativeGetItem(self, arg(a)),
  __repr__: (self) => nativeRepr(self),
};

const MUTABLE: Record<string, Slot> = {
  __setitem__: (self, a) => (nativeSetItem(self, arg(a), arg(a, 1)), null),
  __delitem__: (self, a) => (nativeDelItem(self, arg(a)), null),
};

const NUMBER: Record<string, Slot> = {
  ...comparisons(),
  __hash__: (self) => nativeHash(self),
  __bool__: (self) => truthy(self),
  __repr__: (self) => pyRepr(self),
  __format__: (self, a) => formatValue(self, String(arg(a))),
  __neg__: (self) => nativeUnary("-", self) ?? NotImplemented,
  __pos__: (self) => nativeUnary("+", self) ?? NotImplemented,
  __abs__: (self) => (typeof self === "number" ? Math.abs(self) : toBig(self as bigint) < 0n ? -toBig(self as bigint) : toBig(self as bigint)),
};

/** the class attributes a builtin class finds by name: its dunders and its methods */
function install(cls: PyClass, dunders: Record<string, Slot>, methods: string[]): void {
  const table = nameTable(dunders);
  cls.nativeAttr = (name) => {
    const d = table[name];
    if (d) return new PyMethodDescriptor(name, cls, d, "slot wrapper");
    if (methods.includes(name))
      return new PyMethodDescriptor(name, cls, (self, a) => {
        const m = builtinAttr(self, name);
        if (m === undefined) throw pyErr("NotImplementedError", `${cls.name}.${name}() is not in Gradlens yet`);
        return host.call(m, a);
      });
    return undefined;
  };
}

let installed = false;

export function installSlots(): void {
  if (installed) return;
  installed = true;
  installObject();
  install(intClass, { ...NUMBER, ...arithmetic(Object.keys(BINARY), false), __int__: (s) => s, __index__: (s) => s, __float__: (s) => Number(s) }, TYPE_METHODS.int);
  install(boolClass, {}, []);
  install(floatClass, { ...NUMBER, ...arithmetic(["+", "-", "*", "/", "//", "%", "**"], false), __float__: (s) => s, __int__: (s) => BigInt(Math.trunc(s as number)) }, TYPE_METHODS.float);
  install(strClass, { ...CONTAINER, ...comparisons(), ...arithmetic(["+", "*", "%"], false), __hash__: (s) => nativeHash(s), __str__: (s) => s, __format__: (s, a) => formatValue(s, String(arg(a))) }, STR_METHODS);
  install(
    listClass,
    {
      ...CONTAINER,
      ...MUTABLE,
      ...comparisons(),
      ...arithmetic(["+", "*"], true),
      __init__: (self, a) => {
        (self as PyList).items = a.args.length ? collect(arg(a)) : [];
        listChanged(self as PyList);
        return null;
      },
    },
    TYPE_METHODS.list,
  );
  install(tupleClass, { ...CONTAINER, ...comparisons(), ...arithmetic(["+", "*"], false), __hash__: (s) => nativeHash(s) }, TYPE_METHODS.tuple);
  install(
    dictClass,
    {
      ...CONTAINER,
      ...MUTABLE,
      ...comparisons(["==", "!="]),
      ...arithmetic(["|"], true),
      __init__: (self, a) => {
        dictUpdate(self as PyDict, a);
        return null;
      },
    },
    TYPE_METHODS.dict,
  );
  install(
    setClass,
    {
      ...CONTAINER,
      ...comparisons(),
      ...arithmetic(["|", "&", "-", "^"], true),
      __init__: (self, a) => {
        (self as PySet).table.clear();
        if (a.args.length) for (const v of iterate(arg(a))) (self as PySet).table.add(v);
        return null;
      },
    },
    TYPE_METHODS.set,
  );
  for (const c of [listClass, dictClass, setClass]) c.attrs.set("__hash__", null);
  for (const c of [listClass, dictClass, tupleClass, setClass]) registerNativeNew(c);
  installException();
}

function installObject(): void {
  const slot = (name: string, fn: Slot): void =>
    void objectClass.attrs.set(name, new PyMethodDescriptor(name, objectClass, fn, "slot wrapper"));
  slot("__init__", (self, a) => {
    const cls = classOf(self);
    const initOverridden = !(cls.lookup("__init__") instanceof PyMethodDescriptor && (cls.lookup("__init__") as PyMethodDescriptor).owner === objectClass);
    if ((a.args.length || a.kwargs.size) && (initOverridden || isObjectNew(cls.lookup("__new__"))))
      throw pyErr("TypeError", "object.__init__() takes exactly one argument (the instance to initialize)");
    return null;
  });
  slot("__repr__", (self) => `<${classOf(self).qualname} object at ${addressOf(self)}>`);
  slot("__str__", (self) => pyRepr(self));
  slot("__hash__", (self) => BigInt(objectId(self)) >> 4n);
  slot("__eq__", (self, a) => (self === arg(a) ? true : NotImplemented));
  slot("__ne__", (self, a) => (self === arg(a) ? false : NotImplemented));
  for (const name of ["__lt__", "__le__", "__gt__", "__ge__"]) slot(name, () => NotImplemented);
  slot("__setattr__", (self, a) => (genericSetAttr(self, classOf(self), String(arg(a)), arg(a, 1)), null));
  slot("__getattribute__", (self, a) => genericGetAttr(self, classOf(self), String(arg(a))));
  slot("__delattr__", (self, a) => (genericDelAttr(self, classOf(self), String(arg(a))), null));
  slot("__format__", (self, a) => {
    if (arg(a) !== "") throw pyErr("TypeError", `unsupported format string passed to ${classOf(self).name}.__format__`);
    return pyStr(self);
  });
  objectClass.attrs.set("__init_subclass__", new PyClassMethod(new PyBuiltin("__init_subclass__", () => null)));
}

function installException(): void {
  const slot = (name: string, fn: Slot): void =>
    void BaseException.attrs.set(name, new PyMethodDescriptor(name, BaseException, fn, "slot wrapper"));
  slot("__init__", (self, a) => {
    (self as PyException).args = [...a.args];
    return null;
  });
  slot("__str__", (self) => exceptionStr(self as PyException));
  slot("__repr__", (self) => nativeRepr(self));
  registerNativeNew(BaseException);
}
