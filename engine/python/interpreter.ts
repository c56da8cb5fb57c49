// The tree-walking evaluator: runs the parsed module statement by statement, keeps Python's
// scoping, raises Python exceptions with tracebacks, enforces the step and time budgets,
// and narrates statements and name bindings as events (never for library code). Expressions
// live in expressions.ts, calls in calls.ts, class statements in classdef.ts, try/with/raise in
// blocks.ts, generator frames in generators.ts.
import { evalString } from "./evalbuiltin.ts";
import type { Expr, Loc, Stmt } from "./ast.ts";
import type { BindingValue, Span, TraceEvent } from "../events.ts";
import { assignTarget, augAssign, deleteTarget, recordAnnotation } from "./assign.ts";
import { execRaise, execTry, execWith } from "./blocks.ts";
import { builtins } from "./builtins.ts";
import { callValue, makeFunction } from "./calls.ts";
import { execClass } from "./classdef.ts";
import { evalExpr } from "./expressions.ts";
import type { CodeUnit } from "./function.ts";
import { host } from "./host.ts";
import { importFrom, importModule } from "./imports.ts";
import { libraryOnlyName } from "./library.ts";
import { budget, iterate, truthy } from "./ops.ts";
import type { LineMap, Module } from "./parse.ts";
import { PyGenerator } from "./generators.ts";
import { Narrator } from "./narration.ts";
import { Frame } from "./scope.ts";
import { formatMemory } from "../reachable.ts";
import { assignOneName, escape } from "./temporaries.ts";
import {
  EMPTY_KWARGS,
  type CallArgs,
  PyError,
  PyException,
  type PyModule,
  type PyValue,
  classesChanged,
  exceptionClasses,
  pyErr,
} from "./values.ts";

export const BREAK = 1;
export const CONTINUE = 2;
export class Return {
  constructor(readonly value: PyValue) {}
}
export type Completion = undefined | typeof BREAK | typeof CONTINUE | Return;

export interface InterpreterOptions {
  lines: LineMap;
  /** shown in tracebacks */
  filename?: string;
  write: (text: string, stream: "stdout" | "stderr") => void;
  /** events (statements, bindings, output, errors); absent: no narration, faster */
  sink?: (e: TraceEvent) => void;
  /** where `import` finds modules (torch, math...) */
  importModule: (name: string) => PyModule | undefined;
  /** a tensor-aware description of a bound value */
  describe?: (v: PyValue) => BindingValue | undefined;
  /** called with each op's source span before it runs (sets rt.span) */
  setSpan?: (span: Span | undefined) => void;
  /** converts host (engine) errors into Python errors; undefined if not one of them */
  convertError?: (e: unknown) => PyError | undefined;
  /** the source of a module the script imports from its own folder (the CLI reads files) */
  resolveModule?: (name: string) => { filename: string; source: string } | undefined;
  maxSteps: number;
  timeLimitMs: number;
  maxDepth: number;
  /** called before each statement of the script is narrated, with the frames running and the
   *  exceptions being handled (liveness.ts: what Python values still reach, so freed graphs are narrated) */
  onStatement?: (frames: readonly Frame[], handling: readonly PyError[]) => void;
}

/** A stop that `except` cannot catch: the step/time budget or an internal fault. */
function budgetError(message: string, type = "RuntimeError"): PyError {
  const err = pyErr(type, message);
  err.exc.uncatchable = true;
  return err;
}

export class Interpreter {
  readonly globals = new Map<string, PyValue>();
  readonly builtins: Map<string, PyValue>;
  readonly moduleFrame: Frame;
  readonly mainCode: CodeUnit;
  readonly frames: Frame[] = [];
  private steps = 0;
  /** Date.now() past which the run stops (the Runtime's kernels look at the same one) */
  readonly deadline: number;
  readonly tracing: boolean;
  /** exceptions being handled (for bare `raise`) */
  readonly handling: PyError[] = [];
  /** library modules (Python source shipped in the engine) run in this session, by name */
  readonly libraryModules = new Map<string, PyModule>();
  /** set when a JS fault (a bug in Gradlens, not in the program) was turned into a Python error */
  internalFault: unknown = null;
  /** describes values for events (null: not narrating) */
  private readonly narrator: Narrator | null;

  constructor(readonly opts: InterpreterOptions) {
    this.builtins = builtins({ write: (t) => this.print(t) });
    this.globals.set("__name__", "__main__");
    this.mainCode = { filename: opts.filename ?? "<string>", lines: opts.lines, library: false };
    this.moduleFrame = new Frame("<module>", null, new Set(), new Set(), null, this.globals, this.mainCode, "module");
    this.deadline = Date.now() + opts.timeLimitMs;
    this.tracing = !!opts.sink;
    this.narrator = opts.sink ? new Narrator(opts.sink, opts.describe) : null;
    this.installHooks();
  }

  private installHooks(): void {
    host.call = (f, a) => this.call(f, a);
    const narrator = this.narrator;
    host.attrSet = narrator ? (obj, name, value) => narrator.attrChanged(obj, name, value) : undefined;
    host.attrDeleted = narrator ? (obj, name) => narrator.attrChanged(obj, name, undefined) : undefined;
    host.itemChanged = narrator ? (d, key, value) => narrator.itemChanged(d, key, value) : undefined;
    host.currentFrame = () => this.frames[this.frames.length - 1];
    host.frames = () => this.frames;
    host.importModule = (name) => importModule(this, name);
    host.evalString = (a) => evalString(this, a);
    budget.tick = () => this.tick();
    classesChanged();
  }

  get stepCount(): number {
    return this.steps;
  }

  /** The line the innermost frame of the user's script is executing (for warnings). */
  get currentLine(): number {
    for (let i = this.frames.length - 1; i >= 0; i--) if (!this.frames[i].code.library) return this.frames[i].line;
    return this.moduleFrame.line;
  }

  print(text: string): void {
    this.opts.write(text, "stdout");
    this.opts.sink?.({ kind: "output/printed", text, stream: "stdout" });
  }

  run(module: Module): void {
    this.installHooks();
    this.frames.push(this.moduleFrame);
    try {
      const c = this.execBlock(module.body, this.moduleFrame);
      if (c !== undefined) throw pyErr("SyntaxError", "'return' outside function");
      // what the last statement appended to an object's list
      this.narrator?.statement();
    } finally {
      this.frames.pop();
    }
  }

  // ---- events ----

  span(l: Loc, lines: LineMap = this.opts.lines): Span {
    return { line: lines.line(l.from), col: lines.col(l.from), endLine: lines.line(l.to), endCol: lines.col(l.to) };
  }

  /** the source span of the op about to run (library code keeps the user's line's span) */
  at(l: Loc, frame: Frame): void {
    if (this.tracing && this.opts.setSpan && !frame.code.library) this.opts.setSpan(this.span(l));
  }

  emitStatement(l: Loc, frame: Frame): void {
    if (!this.tracing || frame.code.library) return;
    this.narrator?.statement();
    this.opts.onStatement?.(this.frames, this.handling);
    const text = this.opts.lines.source.slice(l.from, l.to);
    this.opts.sink!({ kind: "statement", span: this.span(l), text });
  }

  describe(v: PyValue): BindingValue {
    return this.narrator!.describe(v);
  }

  emitBinding(name: string, scope: string, value: PyValue, frame: Frame, l?: Loc): void {
    if (!this.tracing || frame.code.library || frame.kind === "class") return;
    if (scope === frame.scope) frame.narrated = true;
    this.narrator?.bound(scope, name, value);
    this.opts.sink!({ kind: "binding/set", name, scope, value: this.describe(value), span: l ? this.span(l) : undefined });
  }

  /** A function's (or comprehension's, or finished generator's) frame is gone: its names leave
   *  the memory view, as Python Tutor drops a returned frame. Said only for frames whose names
   *  were narrated, and not while another call of the same function still runs (its frame shows
   *  under the same name). Call after the frame is popped. */
  frameExited(frame: Frame): void {
    if (!frame.narrated || !this.tracing || frame.kind === "module" || frame.kind === "class") return;
    frame.narrated = false;
    if (this.frames.some((f) => f.scope === frame.scope)) return;
    this.narrator?.scopeExited(frame.scope);
    this.opts.sink!({ kind: "frame/exited", scope: frame.scope });
  }

  // ---- budgets and errors ----

  tick(): void {
    if (++this.steps > this.opts.maxSteps)
      throw budgetError(
        `Gradlens stopped the program after ${this.opts.maxSteps} steps (an endless loop?) at line ${this.currentLine}`,
      );
    if ((this.steps & 15) === 0 && Date.now() > this.deadline) this.stopForTime();
  }

  /** the memory budget's stop: uncatchable, naming the line */
  stopForMemory(budgetBytes: number): never {
    throw budgetError(`Gradlens stopped the program: more than ${formatMemory(budgetBytes)} in use (memory budget) at line ${this.currentLine}`, "MemoryError");
  }

  /** what the program can reach: the module's names, every active frame's locals (closures,
   *  instances, library modules and suspended generators hang off those values), and the
   *  exceptions being handled, and the values being built or waiting unnamed (budget.held) */
  roots(): unknown[] {
    return [this.globals, ...this.frames.map((f) => f.locals), this.handling, budget.held];
  }

  /** the time budget's stop: uncatchable, naming the line (also thrown from inside kernels) */
  stopForTime(): never {
    throw budgetError(`Gradlens stopped the program after ${this.opts.timeLimitMs / 1000} s (time budget) at line ${this.currentLine}`);
  }

  /** Any thrown value -> a Python error (engine errors keep their Python type). */
  toPyError(e: unknown): PyError {
    if (e instanceof PyError) return e;
    // runaway recursion exhausts the JS stack; near its edge even building an error can fail
    // (a regex or a getter throws "Maximum call stack size exceeded" inside another error)
    const recursion = (): PyError => pyErr("RecursionError", "maximum recursion depth exceeded");
    let converted: PyError | undefined;
    try {
      const message = String((e as Error)?.message);
      if (message.includes("call stack size")) return recursion();
      // JavaScript's own limits on one string, array or buffer: the program asked for too much
      if (e instanceof RangeError && /^(Invalid (string|array|typed array) length|Array buffer allocation failed)/.test(message))
        return pyErr("MemoryError", `Gradlens ran out of memory (${message})`);
      converted = this.opts.convertError?.(e);
    } catch {
      return recursion();
    }
    if (converted) return converted;
    this.internalFault = e;
    const err = pyErr("SystemError", `Gradlens internal error: ${e instanceof Error ? e.message : String(e)}`);
    err.exc.uncatchable = true;
    return err;
  }

  /** The error, its traceback taken from the frames as they are now if it has none yet. */
  withTraceback(e: unknown): PyError {
    const err = this.toPyError(e);
    if (!err.exc.traceback) err.exc.traceback = tracebackFrames(this.frames);
    return err;
  }

  // ---- statements ----

  execBlock(body: Stmt[], frame: Frame): Completion {
    for (const s of body) {
      const c = this.exec(s, frame);
      if (c !== undefined) return c;
    }
    return undefined;
  }

  exec(s: Stmt, frame: Frame): Completion {
    frame.line = s.line;
    frame.pos = null;
    this.tick();
    try {
      return this.execInner(s, frame);
    } catch (e) {
      throw this.withTraceback(e);
    }
  }

  private execInner(s: Stmt, frame: Frame): Completion {
    switch (s.k) {
      case "expr":
        this.emitStatement(s, frame);
        this.eval(s.value, frame);
        return undefined;
      case "assign": {
        this.emitStatement(s, frame);
        const v = this.eval(s.value, frame);
        if (!assignOneName(this, s.targets, s.value, v, frame)) for (const t of s.targets) this.assign(t, v, frame);
        return undefined;
      }
      case "annassign":
        this.emitStatement(s, frame);
        if (s.value) this.assign(s.target, this.eval(s.value, frame), frame);
        recordAnnotation(this, s.target, s.annotation, s.annotationText, frame);
        return undefined;
      case "augassign":
        this.emitStatement(s, frame);
        this.augassign(s.target, s.op, s.value, frame);
        return undefined;
      case "pass":
        this.emitStatement(s, frame);
        return undefined;
      case "break":
        this.emitStatement(s, frame);
        return BREAK;
      case "continue":
        this.emitStatement(s, frame);
        return CONTINUE;
      case "return":
        this.emitStatement(s, frame);
        if (frame.kind !== "function") throw pyErr("SyntaxError", "'return' outside function");
        return new Return(s.value ? this.eval(s.value, frame) : null);
      case "del":
        this.emitStatement(s, frame);
        for (const t of s.targets) deleteTarget(this, t, frame);
        return undefined;
      case "if": {
        this.emitStatement(s.header, frame);
        if (truthy(this.eval(s.test, frame))) return this.execBlock(s.body, frame);
        return this.execBlock(s.orelse, frame);
      }
      case "while": {
        for (;;) {
          frame.line = s.line;
          this.tick();
          this.emitStatement(s.header, frame);
          if (!truthy(this.eval(s.test, frame))) break;
          const c = this.execBlock(s.body, frame);
          if (c === BREAK) return undefined;
          if (c instanceof Return) return c;
        }
        return this.execBlock(s.orelse, frame);
      }
      case "for": {
        this.emitStatement(s.header, frame);
        const iterable = this.eval(s.iter, frame);
        frame.pos = s.iter;
        let first = true;
        const items = iterate(iterable);
        // the loop holds its iterable (and the items not reached yet) while it runs
        const hold: { value: PyValue; item?: PyValue } = { value: iterable };
        frame.loops.push(hold);
        let exhausted = false;
        try {
          for (;;) {
            // the next item is fetched at the iterable (a dict resized in the body fails there)
            frame.line = s.line;
            frame.pos = s.iter;
            const next = items.next();
            if (next.done) {
              exhausted = true;
              break;
            }
            const item = next.value;
            // the item is on the stack until the target holds it (a generator's yield is reachable
            // from nothing else while the header's step is narrated)
            hold.item = item;
            if (!first) {
              this.tick();
              this.emitStatement(s.header, frame);
            }
            first = false;
            this.assign(s.target, item, frame);
            hold.item = undefined;
            const c = this.execBlock(s.body, frame);
            if (c === BREAK) return undefined;
            if (c instanceof Return) return c;
          }
        } finally {
          frame.loops.pop();
          if (!exhausted) closeTemporaryGenerator(s.iter, iterable);
        }
        return this.execBlock(s.orelse, frame);
      }
      case "try":
        this.emitStatement(s.header, frame);
        return execTry(this, s, frame);
      case "with":
        this.emitStatement(s.header, frame);
        return execWith(this, s.items, 0, s.body, frame);
      case "def": {
        this.emitStatement(s.header, frame);
        const decorators = s.decorators.map((d) => this.eval(d, frame));
        let fn: PyValue = makeFunction(this, s, frame);
        for (let i = decorators.length - 1; i >= 0; i--) fn = this.call(decorators[i], { args: [fn], kwargs: EMPTY_KWARGS });
        this.store(s.name, fn, frame, s.header);
        return undefined;
      }
      case "class":
        this.emitStatement(s.header, frame);
        this.store(s.name, execClass(this, s, frame), frame, s.header);
        return undefined;
      case "raise": {
        this.emitStatement(s, frame);
        const err = execRaise(this, s.exc, frame, s.cause);
        frame.pos = null;
        throw err;
      }
      case "assert": {
        this.emitStatement(s, frame);
        if (!truthy(this.eval(s.test, frame))) {
          const cls = exceptionClasses.get("AssertionError")!;
          const args = s.msg ? [this.eval(s.msg, frame)] : [];
          frame.pos = s.test;
          throw new PyError(new PyException(cls, args));
        }
        return undefined;
      }
      case "import":
        this.emitStatement(s, frame);
        for (const { module, asname } of s.names) {
          const mod = importModule(this, module);
          if (asname) this.store(asname, mod, frame, s);
          else {
            const top = module.split(".")[0];
            this.store(top, importModule(this, top), frame, s);
          }
        }
        return undefined;
      case "importfrom": {
        this.emitStatement(s, frame);
        for (const [name, v] of importFrom(this, s.module, s.names, s.line)) this.store(name, v, frame, s);
        return undefined;
      }
      case "global":
      case "nonlocal":
        this.emitStatement(s, frame);
        return undefined;
      case "unsupported":
        this.emitStatement(s, frame);
        throw pyErr("NotImplementedError", `${s.what} (line ${s.line}) are outside the Python subset Gradlens runs`.replace(/ are outside/, s.what.endsWith("s") ? " are outside" : " is outside"));
    }
  }

  // ---- names ----

  store(name: string, value: PyValue, frame: Frame, l?: Loc): void {
    let scope = frame.scope;
    if (frame.kind === "module" || frame.globalNames.has(name)) {
      frame.globals.set(name, value);
      scope = "<module>";
    } else if (frame.nonlocalNames.has(name)) {
      let p = frame.parent;
      while (p && !(p.localNames?.has(name) ?? false)) p = p.parent;
      if (!p) throw pyErr("SyntaxError", `no binding for nonlocal '${name}' found`);
      p.locals.set(name, value);
      scope = p.scope;
    } else frame.locals.set(name, value);
    this.emitBinding(name, scope, value, frame, l);
  }

  unbind(name: string, frame: Frame, l: Loc, quiet = false): void {
    let map: Map<string, PyValue> = frame.locals;
    let scope = frame.scope;
    if (frame.kind === "module" || frame.globalNames.has(name)) {
      map = frame.globals;
      scope = "<module>";
    }
    if (!map.has(name)) {
      if (quiet) return;
      throw pyErr("NameError", `name '${name}' is not defined`);
    }
    map.delete(name);
    if (this.tracing && !frame.code.library && frame.kind !== "class") {
      this.narrator?.bound(scope, name, undefined);
      this.opts.sink!({ kind: "binding/deleted", name, scope, span: this.span(l) });
    }
  }

  /** a name's value, read (temporaries.ts: a tensor z = x + y bound is not z's alone now) */
  lookup(name: string, frame: Frame): PyValue {
    const v = this.peek(name, frame);
    escape(v);
    return v;
  }

  /** a name's value without counting as a read (temporaries.ts: an operator's operand) */
  peek(name: string, frame: Frame): PyValue {
    if (frame.kind !== "module" && !frame.globalNames.has(name)) {
      if (frame.localNames === null) {
        // a class body: its own namespace, then the enclosing functions
        const v = frame.locals.get(name);
        if (v !== undefined) return v;
      } else if (frame.localNames.has(name)) {
        const v = frame.locals.get(name);
        if (v !== undefined) return v;
        throw pyErr("UnboundLocalError", `cannot access local variable '${name}' where it is not associated with a value`);
      }
      for (let p = frame.parent; p && p.localNames !== null; p = p.parent) {
        if (p.localNames.has(name)) {
          const v = p.locals.get(name);
          if (v !== undefined) return v;
          throw pyErr("NameError", `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
        }
      }
    }
    const g = frame.globals.get(name);
    if (g !== undefined) return g;
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    if (frame.code.library) {
      const hidden = libraryOnlyName(frame.globals, name);
      if (hidden !== undefined) return hidden;
    }
    const err = pyErr("NameError", `name '${name}' is not defined`);
    err.exc.nameTarget = {
      name,
      scope: () => [...frame.locals.keys(), ...frame.globals.keys(), ...this.builtins.keys()],
      self: frame.kind === "function" ? frame.locals.get("self") : undefined,
    };
    throw err;
  }

  // ---- assignment (assign.ts) ----

  assign(t: Expr, v: PyValue, frame: Frame): void {
    assignTarget(this, t, v, frame);
  }

  /** `target op= value`, with the already-evaluated right side when a generator resumes it */
  augassign(t: Expr, op: string, valueExpr: Expr, frame: Frame, rhsValue?: PyValue): void {
    augAssign(this, t, op, valueExpr, frame, rhsValue);
  }

  // ---- expressions and calls ----

  eval(e: Expr, frame: Frame): PyValue {
    return evalExpr(this, e, frame);
  }

  call(f: PyValue, a: CallArgs): PyValue {
    return callValue(this, f, a);
  }
}

/** Comprehensions run inline since Python 3.12: their frames show as the enclosing one's line */
const INLINED = new Set(["<listcomp>", "<setcomp>", "<dictcomp>"]);

export type TracebackEntry = { line: number; fn: string; pos: Expr | null; code: CodeUnit };

/** the frames a traceback lists, an inlined comprehension's position standing in for its enclosing frame's */
export function tracebackFrames(frames: Frame[]): TracebackEntry[] {
  const out: TracebackEntry[] = [];
  for (const f of frames) {
    const entry = { line: f.line, fn: f.name, pos: f.pos, code: f.code };
    if (INLINED.has(f.name) && out.length > 0) out[out.length - 1] = { ...entry, fn: out[out.length - 1]!.fn };
    else out.push(entry);
  }
  return out;
}

/** A generator made for a for loop (`for x in gen():`) and left early is closed at once, as
 *  CPython's reference counting finalizes it: its finally blocks run before what follows the
 *  loop. Errors from closing it are ignored, as CPython reports them as unraisable. */
export function closeTemporaryGenerator(iterExpr: Expr, iterable: PyValue): void {
  if (iterExpr.k !== "call" || !(iterable instanceof PyGenerator)) return;
  try {
    iterable.close();
  } catch {
    // unraisable
  }
}
