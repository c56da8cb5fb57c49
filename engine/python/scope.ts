// Name scopes: the module's globals and one Frame per function call (Python's LEGB rule
// without class scopes: local, enclosing function frames, module, builtins).
import type { Expr } from "./ast.ts";
import type { PyValue } from "./values.ts";

export class Frame {
  readonly locals = new Map<string, PyValue>();
  /** the line being executed, for tracebacks */
  line = 0;
  /** the expression being evaluated (null: the whole statement), for the ~~^^ markers of tracebacks */
  pos: Expr | null = null;
  constructor(
    /** "<module>", a function name, or "<listcomp>" */
    readonly name: string,
    /** names local to this frame (null for the module frame: everything is global) */
    readonly localNames: Set<string> | null,
    readonly globalNames: Set<string>,
    readonly nonlocalNames: Set<string>,
    /** the enclosing function frame (closure), if any */
    readonly parent: Frame | null,
  ) {}
}
