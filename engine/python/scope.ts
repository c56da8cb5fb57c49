// Name scopes: one Frame per module run, function call, class body or comprehension
// (Python's LEGB rule: local, enclosing function frames, the module's globals, builtins; a class
// body's names are not seen by the functions defined in it).
import type { Expr } from "./ast.ts";
import type { CodeUnit, PyFunction } from "./function.ts";
import type { PyClass, PyValue } from "./values.ts";

export type FrameKind = "module" | "function" | "class";

export class Frame {
  readonly locals: Map<string, PyValue>;
  /** the line being executed, for tracebacks */
  line = 0;
  /** the expression being evaluated (null: the whole statement), for the ~~^^ markers of tracebacks */
  pos: Expr | null = null;
  /** the function this frame runs (zero-argument super() reads its class and first argument) */
  fn: PyFunction | null = null;
  /** the class a class body is building, or the defining class of the running method
   *  (__class__, zero-argument super()) */
  classCell: { cls: PyClass | null } | null = null;
  /** how many times a generator's frame has been resumed (liveness.ts: each resume enters it anew) */
  resumes = 0;
  /** a name of this frame was narrated (binding/set): its end is narrated too (frame/exited) */
  narrated = false;
  /** the iterables of the for loops running in this frame (they hold their items: liveness.ts), and
   *  the item each has just fetched, held until it is assigned to the loop's target */
  readonly loops: { value: PyValue; item?: PyValue }[] = [];
  /** what the memory view groups this frame's names under: the function's qualified name
   *  (Value.__init__ and Linear.__init__ are two frames), else the frame's name */
  get scope(): string {
    return this.fn ? this.fn.qualname : this.name;
  }
  constructor(
    /** "<module>", a function name, a class name, or "<listcomp>" (as tracebacks show it) */
    readonly name: string,
    /** names local to this frame (null for module and class frames: stores go to `locals`,
     *  lookups fall through to the enclosing scopes) */
    readonly localNames: Set<string> | null,
    readonly globalNames: Set<string>,
    readonly nonlocalNames: Set<string>,
    /** the enclosing function frame (closure), if any */
    readonly parent: Frame | null,
    /** the module namespace (the script's globals, or a library module's) */
    readonly globals: Map<string, PyValue>,
    readonly code: CodeUnit,
    readonly kind: FrameKind = "function",
    /** prefix of the __qualname__ of what is defined here ("", "f.<locals>.", "A.") */
    readonly qualPrefix = "",
    /** a class body's namespace is `locals`; the module's is `globals` */
    locals?: Map<string, PyValue>,
  ) {
    this.locals = locals ?? (kind === "module" ? globals : new Map());
  }
}
