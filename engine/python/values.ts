// Python values as the interpreter holds them: JS primitives for int/float/bool/str/None,
// small classes for containers, functions, classes and exceptions, and "foreign" objects
// (engine tensors, grad_fn nodes) described by a registered ForeignType.

import type { Expr } from "./ast.ts";
import type { CodeUnit } from "./function.ts";
import type { ErrorBlame } from "../events.ts";
import { DictTable, SetTable } from "./hashtable.ts";
import { OBJECT_BYTES, budget, chargeSequence } from "./budget.ts";

/** Python values. int = bigint, float = number, bool = boolean, None = null, str = string. */
export type PyValue = bigint | number | boolean | string | null | PyObj | object;

/** Arguments of a call as Python passes them. */
export interface CallArgs {
  args: PyValue[];
  /** never mutated by a callee (EMPTY_KWARGS is shared) */
  kwargs: Map<string, PyValue>;
}

/** the kwargs of calls without keyword arguments (shared: never add to it) */
export const EMPTY_KWARGS: Map<string, PyValue> = new Map();

/** A table looked up by Python names (methods, dunders, aliases, bound arguments): no prototype,
 *  so a name like `constructor`, `toString` or `__proto__` finds nothing rather than JavaScript's
 *  Object.prototype. Every Python-visible name table is either one of these or a Map. */
export function nameTable<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Base of every interpreter-made object (foreign objects are described by ForeignType instead). */
export abstract class PyObj {
  /** id(), given the first time it is asked for (hashing.ts); declared, not initialized: a
   *  field initializer on every value made costs more than the rare id() */
  declare pyId?: number;
  abstract get cls(): PyClass;
  /** repr() of objects with their own printed form (torch.float32, ...) */
  reprText?(): string;
  /** str() when it differs from repr() (torch.device prints as "cpu") */
  strText?(): string;
}

/** bumped whenever a class attribute changes: every PyClass.lookup cache is then stale */
let typeVersion = 0;
/** what a lookup cache holds for "not found" */
const ABSENT: unique symbol = Symbol("absent");

/** Drops every class's attribute cache (a new run, or a class changed behind setAttr's back). */
export function classesChanged(): void {
  typeVersion++;
}

/** A Python class: builtin types, exception classes, torch types, and classes made by `class`
 *  statements (`user`). Attributes live in `attrs` (the class __dict__); lookups walk the MRO. */
export class PyClass extends PyObj {
  /** attributes reachable as `cls.attr`: the class's own __dict__ */
  readonly attrs = new Map<string, PyValue>();
  bases: PyClass[];
  /** the method resolution order, this class first */
  mro: PyClass[];
  /** made by a `class` statement (Python code decides its behaviour) */
  user = false;
  /** __qualname__ (Outer.Inner, f.<locals>.A) */
  qualName: string;
  /** the builtin class whose instances this class's instances are (object, list, dict,
   *  tuple, BaseException...), for user classes */
  native: PyClass = this;
  /** builtin methods found by name (list.append...), for classes whose methods are written in
   *  TypeScript; what it returns is kept in `attrs` */
  nativeAttr?: (name: string) => PyValue | undefined;
  /** instances have no __dict__, only these attribute names (`__slots__`) */
  slots: Set<string> | null = null;
  /** isinstance(v, cls) decided by the class (a metaclass's __instancecheck__: torch.autograd.Variable) */
  instanceCheck?: (v: PyValue) => boolean;
  /** issubclass(c, cls) decided by the class (an ABC's __subclasshook__: torch.autograd.graph.Node) */
  subclassCheck?: (c: PyClass) => boolean;
  constructor(
    readonly name: string,
    base: PyClass | null,
    /** what calling the class does (int("3"), ValueError("x")); absent: not callable */
    public construct?: (a: CallArgs) => PyValue,
    /** printed module prefix in repr, e.g. "torch" for <class 'torch.Tensor'> */
    public module = "builtins",
  ) {
    super();
    this.bases = base ? [base] : [];
    this.mro = base ? [this, ...base.mro] : [this];
    this.qualName = name;
  }
  get cls(): PyClass {
    return typeClass;
  }
  get base(): PyClass | null {
    return this.bases[0] ?? null;
  }
  isSubclassOf(other: PyClass): boolean {
    return this === other || this.mro.includes(other);
  }
  /** the class attribute `name` as found along the MRO (no descriptor binding), cached until
   *  any class attribute changes */
  lookup(name: string): PyValue | undefined {
    if (this.cacheVersion !== typeVersion) {
      this.cache = new Map();
      this.cacheVersion = typeVersion;
    }
    const hit = this.cache!.get(name);
    if (hit !== undefined) return hit === ABSENT ? undefined : (hit as PyValue);
    let found: PyValue | undefined;
    for (const c of this.mro) {
      let v = c.attrs.get(name);
      if (v === undefined && c.nativeAttr) {
        v = c.nativeAttr(name);
        if (v !== undefined) c.attrs.set(name, v);
      }
      if (v !== undefined) {
        found = v;
        break;
      }
    }
    this.cache!.set(name, found === undefined ? ABSENT : found);
    return found;
  }
  private cache: Map<string, PyValue | typeof ABSENT> | null = null;
  private cacheVersion = -1;
  /** cls.name = value (every class's lookup cache is dropped: subclasses see it) */
  setAttr(name: string, value: PyValue): void {
    this.attrs.set(name, value);
    typeVersion++;
  }
  deleteAttr(name: string): void {
    this.attrs.delete(name);
    typeVersion++;
  }
  /** the name repr() shows: `torch.Tensor`, `__main__.Value`, `int` */
  get qualname(): string {
    return this.module === "builtins" ? this.qualName : `${this.module}.${this.qualName}`;
  }
}

export const objectClass = new PyClass("object", null);
export const typeClass = new PyClass("type", objectClass);
export const intClass = new PyClass("int", objectClass);
export const boolClass = new PyClass("bool", intClass);
export const floatClass = new PyClass("float", objectClass);
export const strClass = new PyClass("str", objectClass);
export const noneClass = new PyClass("NoneType", objectClass);
export const listClass = new PyClass("list", objectClass);
export const tupleClass = new PyClass("tuple", objectClass);
export const dictClass = new PyClass("dict", objectClass);
export const setClass = new PyClass("set", objectClass);
export const rangeClass = new PyClass("range", objectClass);
export const functionClass = new PyClass("function", objectClass);
export const builtinFunctionClass = new PyClass("builtin_function_or_method", objectClass);
export const moduleClass = new PyClass("module", objectClass);
export const ellipsisClass = new PyClass("ellipsis", objectClass);
export const sliceClass = new PyClass("slice", objectClass);
export const notImplementedClass = new PyClass("NotImplementedType", objectClass);

/** The NotImplemented singleton a binary dunder returns to let the other operand try. */
class PyNotImplemented extends PyObj {
  get cls(): PyClass {
    return notImplementedClass;
  }
  override reprText(): string {
    return "NotImplemented";
  }
}
export const NotImplemented = new PyNotImplemented();

/** Builtin containers subclassed by a `class` statement carry the subclass and a __dict__. */
interface Subclassable {
  sub?: PyClass | null;
  dict?: PyDict | null;
}

export class PyList extends PyObj implements Subclassable {
  /** the user subclass this value is an instance of (declared: most values have none) */
  declare sub?: PyClass | null;
  declare dict?: PyDict | null;
  /** bumped by every change in place (listChanged): the memory view redraws the list */
  declare version?: number;
  constructor(public items: PyValue[]) {
    super();
    chargeSequence(items.length);
  }
  get cls(): PyClass {
    return this.sub ?? listClass;
  }
}

/** a list's items changed in place (append, l[i] = x, sort...) */
export function listChanged(l: PyList): void {
  l.version = (l.version ?? 0) + 1;
}

/** a count that changes whenever the list, dict or set changes in place */
export function containerVersion(c: PyList | PyDict | PySet): number {
  return c instanceof PyList ? (c.version ?? 0) : c.table.version;
}

export class PyTuple extends PyObj implements Subclassable {
  /** the user subclass this value is an instance of (declared: most values have none) */
  declare sub?: PyClass | null;
  declare dict?: PyDict | null;
  constructor(readonly items: PyValue[]) {
    super();
    chargeSequence(items.length);
  }
  get cls(): PyClass {
    return this.sub ?? tupleClass;
  }
  /** hash(), once computed for a tuple of immutable items (hashing.ts) */
  declare hashCache?: number | bigint;
  /** subclasses such as torch.Size print differently */
  customRepr(): string | null {
    return null;
  }
  /** attributes beyond count/index (torch.Size.numel) */
  extraAttr(_name: string): PyValue | undefined {
    return undefined;
  }
}

/** set: CPython's table, so iteration order is CPython's (hashtable.ts). */
export class PySet extends PyObj implements Subclassable {
  /** the user subclass this value is an instance of (declared: most values have none) */
  declare sub?: PyClass | null;
  declare dict?: PyDict | null;
  table = new SetTable();
  constructor() {
    super();
    budget.allocate(3 * OBJECT_BYTES);
  }
  get cls(): PyClass {
    return this.sub ?? setClass;
  }
}

/** dict: insertion-ordered, keys found by hash then equality (hashtable.ts). */
export class PyDict extends PyObj implements Subclassable {
  /** the user subclass this value is an instance of (declared: most values have none) */
  declare sub?: PyClass | null;
  declare dict?: PyDict | null;
  readonly table = new DictTable<PyValue>();
  constructor() {
    super();
    budget.allocate(3 * OBJECT_BYTES);
  }
  get cls(): PyClass {
    return this.sub ?? dictClass;
  }
}

export class PyRange extends PyObj {
  constructor(
    readonly start: bigint,
    readonly stop: bigint,
    readonly step: bigint,
  ) {
    super();
  }
  get cls(): PyClass {
    return rangeClass;
  }
  get length(): bigint {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
    return start > stop ? (start - stop - step - 1n) / -step : 0n;
  }
}

export class PySlice extends PyObj {
  constructor(
    readonly start: PyValue,
    readonly stop: PyValue,
    readonly step: PyValue,
  ) {
    super();
  }
  get cls(): PyClass {
    return sliceClass;
  }
}

export class PyEllipsis extends PyObj {
  get cls(): PyClass {
    return ellipsisClass;
  }
}
export const Ellipsis = new PyEllipsis();

/** A builtin (or torch) function implemented in TypeScript. */
export class PyBuiltin extends PyObj {
  constructor(
    readonly name: string,
    readonly fn: (a: CallArgs) => PyValue,
    /** the object a bound method belongs to (for repr) */
    readonly self?: PyValue,
    /** a dunder of a builtin class bound to an object: repr says "method-wrapper" */
    readonly wrapper = false,
  ) {
    super();
  }
  get cls(): PyClass {
    return builtinFunctionClass;
  }
}

/** A module object such as `torch` or `torch.nn.functional`. */
export class PyModule extends PyObj {
  /** names a host module takes from elsewhere when it does not hold them itself (torch.nn's
   *  classes written in Python, say): asked for after `attrs` */
  fallback?: (name: string) => PyValue | undefined;
  constructor(
    readonly name: string,
    readonly attrs: Map<string, PyValue>,
  ) {
    super();
  }
  get cls(): PyClass {
    return moduleClass;
  }
}

/** An object with a __dict__: instances of `class` statements (and of object()), and host
 *  objects with attributes (torch.finfo results, context managers...). */
export class PyInstance extends PyObj {
  /** the instance __dict__ (null: none yet, or a class with __slots__) */
  dict: PyDict | null = null;
  constructor(
    private klass: PyClass,
    readonly text?: string,
    /** `with` support */
    readonly enter?: () => PyValue,
    readonly exit?: () => void,
  ) {
    super();
    budget.allocate(OBJECT_BYTES);
  }
  get cls(): PyClass {
    return this.klass;
  }
  /** obj.__class__ = C, once classdef.ts's assignClass has checked the layouts */
  setClass(cls: PyClass): void {
    this.klass = cls;
  }
}

/** A one-shot iterator (zip, enumerate, iter(), generators). */
export class PyIterator extends PyObj {
  constructor(
    private readonly klass: PyClass,
    /** the next item, or undefined when exhausted */
    private readonly step: () => PyValue | undefined,
    /** the qualified name generators show in their repr (`<generator object f at 0x...>`) */
    readonly label?: string,
  ) {
    super();
  }
  get cls(): PyClass {
    return this.klass;
  }
  /** the next item, or undefined when exhausted */
  next(): PyValue | undefined {
    return this.step();
  }
}
export const zipClass = new PyClass("zip", objectClass);
export const enumerateClass = new PyClass("enumerate", objectClass);
export const iteratorClass = new PyClass("iterator", objectClass);

/** A Python exception instance. */
export class PyException extends PyObj {
  /** (file, line, function) innermost last, filled when it first unwinds */
  traceback: { line: number; fn: string; pos?: Expr | null; code?: CodeUnit }[] | null = null;
  /** set for budget stops: `except` cannot swallow them */
  uncatchable = false;
  /** index of the frame whose `except` last caught it: its traceback, shown as another
   *  exception's context, starts there */
  caughtAt = 0;
  /** `raise ... from cause` */
  cause: PyException | null = null;
  /** the exception being handled when this one was raised (`__context__`) */
  context: PyException | null = null;
  /** `raise ... from ...` hides the context */
  suppressContext = false;
  /** attributes set on the exception (user exception classes: self.code = ...) */
  dict: PyDict | null = null;
  /** for an engine error in a backward: the grad_fn node (and saved tensor) it failed at */
  blame?: ErrorBlame;
  /** AttributeError's obj and name (for the traceback's "Did you mean") */
  attrTarget: { obj: PyValue; name: string; self?: PyValue } | null = null;
  /** NameError's name and the names in scope where it was raised (for "Did you mean") */
  nameTarget: { name: string; scope: () => string[]; self?: PyValue } | null = null;
  constructor(
    private readonly klass: PyClass,
    public args: PyValue[],
  ) {
    super();
  }
  get cls(): PyClass {
    return this.klass;
  }
}

/** The JS carrier of a raised Python exception. */
export class PyError extends Error {
  constructor(readonly exc: PyException) {
    super(exc.args.length > 0 ? String(exc.args[0]) : exc.cls.name);
  }
}

/** Host objects (tensors, dtypes, grad_fn nodes) plug in here: the interpreter asks the
 *  first ForeignType whose `is` matches. Absent hooks fall back to Python's default errors. */
export interface ForeignType {
  cls: PyClass;
  /** a per-object class (grad_fn nodes: MulBackward0...) */
  classOf?(v: any): PyClass;
  is(v: unknown): boolean;
  repr(v: any): string;
  str?(v: any): string;
  getattr?(v: any, name: string): PyValue | undefined;
  /** returns false if the attribute cannot be set */
  setattr?(v: any, name: string, value: PyValue): boolean;
  /** `del v.name`: true when done (else AttributeError) */
  delattr?(v: any, name: string): boolean;
  /** returns undefined when the operation is not supported (NotImplemented) */
  binop?(op: string, a: PyValue, b: PyValue, inplace: boolean): PyValue | undefined;
  unop?(op: string, v: any): PyValue | undefined;
  truthy?(v: any): boolean;
  len?(v: any): number;
  iter?(v: any): PyValue[];
  getitem?(v: any, index: PyValue): PyValue;
  setitem?(v: any, index: PyValue, value: PyValue): void;
  format?(v: any, spec: string): string;
  toFloat?(v: any): number;
  toInt?(v: any): bigint;
  /** the index value when used as a list index / range bound */
  toIndex?(v: any): bigint | undefined;
  /** `with x:` support */
  enter?(v: any): PyValue;
  exit?(v: any): void;
}

const foreignTypes: ForeignType[] = [];
export function registerForeign(t: ForeignType): void {
  if (!foreignTypes.includes(t)) foreignTypes.push(t);
}
export function foreignOf(v: unknown): ForeignType | undefined {
  if (v === null || typeof v !== "object" || v instanceof PyObj) return undefined;
  for (const t of foreignTypes) if (t.is(v)) return t;
  return undefined;
}

export function classOf(v: PyValue): PyClass {
  switch (typeof v) {
    case "bigint":
      return intClass;
    case "number":
      return floatClass;
    case "boolean":
      return boolClass;
    case "string":
      return strClass;
  }
  if (v === null) return noneClass;
  if (v instanceof PyObj) return v.cls;
  const f = foreignOf(v);
  return f?.classOf?.(v) ?? f?.cls ?? objectClass;
}

export function typeName(v: PyValue): string {
  return classOf(v).name;
}

/** Python exception classes, by name. */
export const exceptionClasses = new Map<string, PyClass>();
function exc(name: string, base: PyClass | null): PyClass {
  const c = new PyClass(name, base);
  c.construct = (a) => new PyException(c, a.args);
  exceptionClasses.set(name, c);
  return c;
}
export const BaseException = exc("BaseException", objectClass);
export const Exception = exc("Exception", BaseException);
exc("KeyboardInterrupt", BaseException);
exc("SystemExit", BaseException);
const ArithmeticError = exc("ArithmeticError", Exception);
exc("ZeroDivisionError", ArithmeticError);
exc("OverflowError", ArithmeticError);
exc("FloatingPointError", ArithmeticError);
const LookupError = exc("LookupError", Exception);
exc("IndexError", LookupError);
exc("KeyError", LookupError);
exc("ValueError", Exception);
exc("TypeError", Exception);
const NameError = exc("NameError", Exception);
exc("UnboundLocalError", NameError);
exc("AttributeError", Exception);
const RuntimeError = exc("RuntimeError", Exception);
exc("NotImplementedError", RuntimeError);
exc("RecursionError", RuntimeError);
exc("AssertionError", Exception);
exc("StopIteration", Exception);
exc("GeneratorExit", BaseException);
exc("ImportError", Exception);
exc("ModuleNotFoundError", exceptionClasses.get("ImportError")!);
const SyntaxError = exc("SyntaxError", Exception);
exc("IndentationError", SyntaxError);
const OSError = exc("OSError", Exception);
exceptionClasses.set("EnvironmentError", OSError);
exceptionClasses.set("IOError", OSError);
for (const name of ["TimeoutError", "FileNotFoundError", "FileExistsError", "PermissionError", "IsADirectoryError", "NotADirectoryError", "InterruptedError", "BlockingIOError", "ChildProcessError", "ProcessLookupError"])
  exc(name, OSError);
const ConnectionError = exc("ConnectionError", OSError);
for (const name of ["BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError"]) exc(name, ConnectionError);
exc("EOFError", Exception);
exc("BufferError", Exception);
exc("ReferenceError", Exception);
exc("StopAsyncIteration", Exception);
exc("UnicodeError", exceptionClasses.get("ValueError")!);
exc("TabError", exceptionClasses.get("IndentationError")!);
exc("PythonFinalizationError", RuntimeError);
exc("MemoryError", Exception);
const Warning = exc("Warning", Exception);
exc("UserWarning", Warning);
exc("DeprecationWarning", Warning);
exc("RuntimeWarning", Warning);
for (const name of ["FutureWarning", "PendingDeprecationWarning", "SyntaxWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning"]) exc(name, Warning);
exc("SystemError", Exception);

/** Make a raisable error of a Python exception type. */
export function pyErr(type: string, message?: string): PyError {
  const cls = exceptionClasses.get(type) ?? exceptionClasses.get("RuntimeError")!;
  return new PyError(new PyException(cls, message === undefined ? [] : [message]));
}
