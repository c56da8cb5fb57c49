// A user-defined Python function (def or lambda): its parameters, body, defining scope, and
// the code unit (script or library module) it was written in.
import type { Expr, Param, Stmt } from "./ast.ts";
import type { LineMap } from "./parse.ts";
import { type PyClass, type PyDict, PyObj, type PyValue, functionClass } from "./values.ts";
import type { Frame } from "./scope.ts";

/** One source file the interpreter runs: the user's script, or a library module written in
 *  Python that ships inside the engine (its frames are not narrated or stepped). */
export interface CodeUnit {
  /** shown in tracebacks */
  filename: string;
  lines: LineMap;
  /** library code: no statement or binding events, the op spans stay on the user's line */
  library: boolean;
}

export interface FunctionSpec {
  name: string;
  qualname: string;
  params: Param[];
  /** statements for def, a single expression for lambda */
  body: Stmt[] | Expr;
  defaults: Map<string, PyValue>;
  localNames: Set<string>;
  globals: Set<string>;
  nonlocals: Set<string>;
  /** the function frame it was defined in (for closures), null at module level */
  closure: Frame | null;
  /** the namespace of the module it was defined in */
  moduleGlobals: Map<string, PyValue>;
  code: CodeUnit;
  /** its body holds `yield`: calling it makes a generator */
  isGenerator: boolean;
  /** the class whose body defines it (zero-argument super(), __class__) */
  classCell: { cls: PyClass | null } | null;
}

export class PyFunction extends PyObj {
  name: string;
  qualname: string;
  module: string;
  doc: PyValue = null;
  /** function attributes (f.calls = 0, __wrapped__...) */
  dict: PyDict | null = null;
  readonly params: Param[];
  readonly body: Stmt[] | Expr;
  readonly defaults: Map<string, PyValue>;
  readonly localNames: Set<string>;
  readonly globals: Set<string>;
  readonly nonlocals: Set<string>;
  readonly closure: Frame | null;
  readonly moduleGlobals: Map<string, PyValue>;
  readonly code: CodeUnit;
  readonly isGenerator: boolean;
  readonly classCell: { cls: PyClass | null } | null;
  /** positional parameters, in order (computed once) */
  readonly positional: Param[];
  /** only positional parameters (no *args, **kwargs, keyword-only): the fast binding path */
  readonly simple: boolean;
  /** the qualname it was made with (what its body's definitions are named after) */
  private readonly madeAs: string;
  private prefix: string | null = null;
  constructor(spec: FunctionSpec) {
    super();
    this.name = spec.name;
    this.qualname = spec.qualname;
    this.params = spec.params;
    this.body = spec.body;
    this.defaults = spec.defaults;
    this.localNames = spec.localNames;
    this.globals = spec.globals;
    this.nonlocals = spec.nonlocals;
    this.closure = spec.closure;
    this.moduleGlobals = spec.moduleGlobals;
    this.code = spec.code;
    this.isGenerator = spec.isGenerator;
    this.classCell = spec.classCell;
    let info = paramInfo.get(spec.params);
    if (!info) {
      const positional = spec.params.filter((p) => p.kind === "normal");
      info = { positional, simple: positional.length === spec.params.length };
      paramInfo.set(spec.params, info);
    }
    this.positional = info.positional;
    this.simple = info.simple;
    this.madeAs = spec.qualname;
    const mod = spec.moduleGlobals.get("__name__");
    this.module = typeof mod === "string" ? mod : "__main__";
  }
  get cls(): PyClass {
    return functionClass;
  }
  /** __qualname__ prefix of what its body defines: "f.<locals>." */
  get localsPrefix(): string {
    return (this.prefix ??= `${this.madeAs}.<locals>.`);
  }
}

/** per parameter list (one per def or lambda in the source): its positional parameters */
const paramInfo = new WeakMap<Param[], { positional: Param[]; simple: boolean }>();
