// Python values as the interpreter holds them: JS primitives for int/float/bool/str/None,
// small classes for containers, functions, classes and exceptions, and "foreign" objects
// (engine tensors, grad_fn nodes) described by a registered ForeignType.

import type { Expr } from "./ast.ts";
import type { ErrorBlame } from "../events.ts";

/** Python values. int = bigint, float = number, bool = boolean, None = null, str = string. */
export type PyValue = bigint | number | boolean | string | null | PyObj | object;

/** Arguments of a call as Python passes them. */
export interface CallArgs {
  args: PyValue[];
  kwargs: Map<string, PyValue>;
}

/** Base of every interpreter-made object (foreign objects are described by ForeignType instead). */
export abstract class PyObj {
  abstract get cls(): PyClass;
  /** repr() of objects with their own printed form (torch.float32, ...) */
  reprText?(): string;
  /** str() when it differs from repr() (torch.device prints as "cpu") */
  strText?(): string;
}

/** A Python class: builtin types, exception classes, torch types. */
export class PyClass extends PyObj {
  /** attributes reachable as `cls.attr` (e.g. class-level constants) */
  readonly attrs = new Map<string, PyValue>();
  constructor(
    readonly name: string,
    readonly base: PyClass | null,
    /** what calling the class does (int("3"), ValueError("x")); absent: not callable */
    public construct?: (a: CallArgs) => PyValue,
    /** printed module prefix in repr, e.g. "torch" for <class 'torch.Tensor'> */
    readonly module = "builtins",
  ) {
    super();
  }
  get cls(): PyClass {
    return typeClass;
  }
  isSubclassOf(other: PyClass): boolean {
    return this === other || (this.base?.isSubclassOf(other) ?? false);
  }
  get qualname(): string {
    return this.module === "builtins" ? this.name : `${this.module}.${this.name}`;
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

export class PyList extends PyObj {
  constructor(public items: PyValue[]) {
    super();
  }
  get cls(): PyClass {
    return listClass;
  }
}

export class PyTuple extends PyObj {
  constructor(readonly items: PyValue[]) {
    super();
  }
  get cls(): PyClass {
    return tupleClass;
  }
  /** subclasses such as torch.Size print differently */
  customRepr(): string | null {
    return null;
  }
  /** attributes beyond count/index (torch.Size.numel) */
  extraAttr(_name: string): PyValue | undefined {
    return undefined;
  }
}

export class PySet extends PyObj {
  readonly map = new Map<unknown, PyValue>();
  get cls(): PyClass {
    return setClass;
  }
}

/** dict keeps insertion order; keys are hashed by `hashKey` (ops.ts). */
export class PyDict extends PyObj {
  readonly map = new Map<unknown, [PyValue, PyValue]>();
  get cls(): PyClass {
    return dictClass;
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
  ) {
    super();
  }
  get cls(): PyClass {
    return builtinFunctionClass;
  }
}

/** A module object such as `torch` or `torch.nn.functional`. */
export class PyModule extends PyObj {
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

/** A generic object with Python attributes (torch.finfo results, context managers...). */
export class PyInstance extends PyObj {
  readonly attrs = new Map<string, PyValue>();
  constructor(
    private readonly klass: PyClass,
    readonly text?: string,
    /** `with` support */
    readonly enter?: () => PyValue,
    readonly exit?: () => void,
  ) {
    super();
  }
  get cls(): PyClass {
    return this.klass;
  }
}

/** A one-shot iterator (zip, enumerate, iter()). */
export class PyIterator extends PyObj {
  constructor(
    private readonly klass: PyClass,
    readonly next: () => PyValue | undefined,
  ) {
    super();
  }
  get cls(): PyClass {
    return this.klass;
  }
}
export const zipClass = new PyClass("zip", objectClass);
export const enumerateClass = new PyClass("enumerate", objectClass);
export const iteratorClass = new PyClass("iterator", objectClass);

/** A Python exception instance. */
export class PyException extends PyObj {
  /** (file, line, function) innermost last, filled when it first unwinds */
  traceback: { line: number; fn: string; pos?: Expr | null }[] | null = null;
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
  /** for an engine error in a backward: the grad_fn node (and saved tensor) it failed at */
  blame?: ErrorBlame;
  constructor(
    private readonly klass: PyClass,
    readonly args: PyValue[],
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
exc("ImportError", Exception);
exc("ModuleNotFoundError", exceptionClasses.get("ImportError")!);
const SyntaxError = exc("SyntaxError", Exception);
exc("IndentationError", SyntaxError);
exc("TimeoutError", exc("OSError", Exception));
exc("MemoryError", Exception);
const Warning = exc("Warning", Exception);
exc("UserWarning", Warning);
exc("DeprecationWarning", Warning);
exc("RuntimeWarning", Warning);
exc("SystemError", Exception);

/** Make a raisable error of a Python exception type. */
export function pyErr(type: string, message?: string): PyError {
  const cls = exceptionClasses.get(type) ?? exceptionClasses.get("RuntimeError")!;
  return new PyError(new PyException(cls, message === undefined ? [] : [message]));
}
