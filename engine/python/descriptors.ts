// Descriptors: what a class attribute becomes when read through an instance or the class.
// Functions bind into methods, staticmethod unwraps, classmethod binds the class, property
// calls its getter, builtin methods bind their receiver; a user class with __get__ is called.
// CPython's rules (Objects/descrobject.c, funcobject.c), with its error texts.
import { callWith, host } from "./host.ts";
import { PyFunction } from "./function.ts";
import {
  EMPTY_KWARGS,
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyObj,
  type PyValue,
  classOf,
  objectClass,
  pyErr,
} from "./values.ts";

export const methodClass = new PyClass("method", objectClass);
export const staticmethodClass = new PyClass("staticmethod", objectClass);
export const classmethodClass = new PyClass("classmethod", objectClass);
export const propertyClass = new PyClass("property", objectClass);
export const methodDescriptorClass = new PyClass("method_descriptor", objectClass);

/** A function bound to its receiver: `obj.f` (self = obj), or a classmethod (self = the class). */
export class PyMethod extends PyObj {
  constructor(
    readonly fn: PyValue,
    readonly self: PyValue,
  ) {
    super();
  }
  get cls(): PyClass {
    return methodClass;
  }
}

export class PyStaticMethod extends PyObj {
  constructor(readonly fn: PyValue) {
    super();
  }
  get cls(): PyClass {
    return staticmethodClass;
  }
}

export class PyClassMethod extends PyObj {
  constructor(readonly fn: PyValue) {
    super();
  }
  get cls(): PyClass {
    return classmethodClass;
  }
}

export class PyProperty extends PyObj {
  /** the attribute name it was assigned to (__set_name__), for error messages */
  name: string | null = null;
  constructor(
    readonly fget: PyValue,
    readonly fset: PyValue,
    readonly fdel: PyValue,
    readonly doc: PyValue,
  ) {
    super();
  }
  get cls(): PyClass {
    return propertyClass;
  }
  /** the name in "property 'x' of 'A' object has no setter" */
  label(): string {
    if (this.name !== null) return this.name;
    return this.fget instanceof PyFunction ? this.fget.qualname : "?";
  }
}

/** A method of a builtin class read from the class (`list.append`, `object.__init__`): called
 *  with the receiver first. Read through an instance it binds into a builtin method. */
export class PyMethodDescriptor extends PyObj {
  constructor(
    readonly name: string,
    readonly owner: PyClass,
    readonly fn: (self: PyValue, a: CallArgs) => PyValue,
    /** "slot wrapper" for dunders, "method" for the rest (as CPython's repr names them) */
    readonly kind: "method" | "slot wrapper" = "method",
    /** the owner's tp_name where it is qualified (torch._C.TensorBase) */
    readonly ownerLabel: string = owner.name,
  ) {
    super();
  }
  get cls(): PyClass {
    return methodDescriptorClass;
  }
  call(a: CallArgs): PyValue {
    if (a.args.length === 0)
      throw pyErr("TypeError", `unbound method ${this.owner.name}.${this.name}() needs an argument`);
    const self = a.args[0];
    if (!classOf(self).isSubclassOf(this.owner))
      throw pyErr(
        "TypeError",
        `descriptor '${this.name}' for '${this.ownerLabel}' objects doesn't apply to a '${classOf(self).name}' object`,
      );
    return this.fn(self, { args: a.args.slice(1), kwargs: a.kwargs });
  }
  bind(self: PyValue): PyBuiltin {
    return new PyBuiltin(this.name, (a) => this.fn(self, a), self, this.kind === "slot wrapper");
  }
  override reprText(): string {
    return `<${this.kind} '${this.name}' of '${this.ownerLabel}' objects>`;
  }
}

/** `attr.__get__(instance, owner)`: instance null when read from the class itself. */
export function bindAttr(attr: PyValue, instance: PyValue | typeof NO_INSTANCE, owner: PyClass): PyValue {
  if (attr instanceof PyFunction) return instance === NO_INSTANCE ? attr : new PyMethod(attr, instance);
  if (attr instanceof PyObj) {
    if (attr instanceof PyStaticMethod) return attr.fn;
    if (attr instanceof PyClassMethod) return new PyMethod(attr.fn, owner);
    if (attr instanceof PyProperty) {
      if (instance === NO_INSTANCE) return attr;
      if (attr.fget === null)
        throw pyErr("AttributeError", `property '${attr.label()}' of '${classOf(instance).name}' object has no getter`);
      return callWith(attr.fget, instance);
    }
    if (attr instanceof PyMethodDescriptor) return instance === NO_INSTANCE ? attr : attr.bind(instance);
    const t = attr.cls;
    if (t.user) {
      const get = t.lookup("__get__");
      if (get !== undefined) return host.call(bindAttr(get, attr, t), { args: [instance === NO_INSTANCE ? null : instance, owner], kwargs: EMPTY_KWARGS });
    }
  }
  return attr;
}

/** read from the class, not an instance */
export const NO_INSTANCE: unique symbol = Symbol("no instance");

/** A data descriptor (property, or a class with __set__/__delete__) wins over the instance dict. */
export function isDataDescriptor(attr: PyValue): boolean {
  if (attr instanceof PyProperty) return true;
  if (attr instanceof PyObj && attr.cls.user) return attr.cls.lookup("__set__") !== undefined || attr.cls.lookup("__delete__") !== undefined;
  return false;
}

/** `obj.name = value` through a data descriptor; false when `attr` is not one. */
export function setThroughDescriptor(attr: PyValue, obj: PyValue, value: PyValue, name: string): boolean {
  if (attr instanceof PyProperty) {
    if (attr.fset === null)
      throw pyErr("AttributeError", `property '${attr.label()}' of '${classOf(obj).name}' object has no setter`);
    callWith(attr.fset, obj, value);
    return true;
  }
  if (attr instanceof PyObj && attr.cls.user) {
    const set = attr.cls.lookup("__set__");
    if (set === undefined) {
      if (attr.cls.lookup("__delete__") === undefined) return false;
      throw pyErr("AttributeError", `'${classOf(obj).name}' object attribute '${name}' is read-only`);
    }
    callWith(bindAttr(set, attr, attr.cls), obj, value);
    return true;
  }
  return false;
}

/** `del obj.name` through a data descriptor; false when `attr` is not one. */
export function deleteThroughDescriptor(attr: PyValue, obj: PyValue): boolean {
  if (attr instanceof PyProperty) {
    if (attr.fdel === null)
      throw pyErr("AttributeError", `property '${attr.label()}' of '${classOf(obj).name}' object has no deleter`);
    callWith(attr.fdel, obj);
    return true;
  }
  if (attr instanceof PyObj && attr.cls.user) {
    const del = attr.cls.lookup("__delete__");
    if (del === undefined) return false;
    callWith(bindAttr(del, attr, attr.cls), obj);
    return true;
  }
  return false;
}
