// The tree-walking evaluator: runs the parsed module statement by statement, keeps Python's
// scoping, raises Python exceptions with tracebacks, enforces the step and time budgets,
// and narrates statements and name bindings as events.
import type { Expr, FStringPart, Loc, Param, Stmt } from "./ast.ts";
import type { BindingValue, Span, TraceEvent } from "../events.ts";
import { builtins } from "./builtins.ts";
import { PyFunction } from "./function.ts";
import { getAttr, host, setAttr } from "./methods.ts";
import {
  binaryOp,
  budget,
  compare,
  delItem,
  dictSet,
  formatValue,
  getItem,
  hashKey,
  iterate,
  pushAll,
  setItem,
  truthy,
  unaryOp,
} from "./ops.ts";
import type { LineMap, Module } from "./parse.ts";
import { pyRepr, pyStr } from "./repr.ts";
import { Frame } from "./scope.ts";
import { formatMemory } from "../reachable.ts";
import {
  type CallArgs,
  BaseException,
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyException,
  PyInstance,
  PyIterator,
  PyList,
  PyModule,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  exceptionClasses,
  foreignOf,
  objectClass,
  pyErr,
  typeName,
} from "./values.ts";

const BREAK = 1;
const CONTINUE = 2;
class Return {
  constructor(readonly value: PyValue) {}
}
type Completion = undefined | typeof BREAK | typeof CONTINUE | Return;

const generatorClass = new PyClass("generator", objectClass);

export interface InterpreterOptions {
  lines: LineMap;
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
  maxSteps: number;
  timeLimitMs: number;
  maxDepth: number;
}

/** A stop that `except` cannot catch: the step/time budget or an internal fault. */
function budgetError(message: string, type = "RuntimeError"): PyError {
  const err = pyErr(type, message);
  err.exc.uncatchable = true;
  return err;
}

export class Interpreter {
  readonly globals: Map<string, PyValue>;
  private readonly builtins: Map<string, PyValue>;
  private readonly moduleFrame: Frame;
  private readonly frames: Frame[] = [];
  private steps = 0;
  /** Date.now() past which the run stops (the Runtime's kernels look at the same one) */
  readonly deadline: number;
  private readonly tracing: boolean;
  /** exceptions being handled (for bare `raise`) */
  private readonly handling: PyError[] = [];
  /** set when a JS fault (a bug in Gradlens, not in the program) was turned into a Python error */
  internalFault: unknown = null;

  constructor(private readonly opts: InterpreterOptions) {
    this.builtins = builtins({ write: (t) => this.print(t) });
    this.moduleFrame = new Frame("<module>", null, new Set(), new Set(), null);
    this.globals = this.moduleFrame.locals;
    this.deadline = Date.now() + opts.timeLimitMs;
    this.tracing = !!opts.sink;
    host.call = (f, a) => this.call(f, a);
    budget.tick = () => this.tick();
  }

  get stepCount(): number {
    return this.steps;
  }

  /** The line the innermost frame is executing (for warnings). */
  get currentLine(): number {
    return (this.frames[this.frames.length - 1] ?? this.moduleFrame).line;
  }

  print(text: string): void {
    this.opts.write(text, "stdout");
    this.opts.sink?.({ kind: "output/printed", text, stream: "stdout" });
  }

  run(module: Module): void {
    host.call = (f, a) => this.call(f, a);
    budget.tick = () => this.tick();
    this.frames.push(this.moduleFrame);
    try {
      const c = this.execBlock(module.body, this.moduleFrame);
      if (c !== undefined) throw pyErr("SyntaxError", "'return' outside function");
    } finally {
      this.frames.pop();
    }
  }

  // ---- events ----

  span(l: Loc): Span {
    const { lines } = this.opts;
    return { line: lines.line(l.from), col: lines.col(l.from), endLine: lines.line(l.to), endCol: lines.col(l.to) };
  }

  private at(l: Loc): void {
    if (this.tracing && this.opts.setSpan) this.opts.setSpan(this.span(l));
  }

  private emitStatement(l: Loc): void {
    if (!this.tracing) return;
    const text = this.opts.lines.source.slice(l.from, l.to);
    this.opts.sink!({ kind: "statement", span: this.span(l), text });
  }

  describe(v: PyValue): BindingValue {
    const d = this.opts.describe?.(v);
    if (d) return d;
    // a binding inside a loop that grows a big container would otherwise cost O(n) per event
    const size = v instanceof PyList || v instanceof PyTuple ? v.items.length : v instanceof PyDict ? v.map.size : 0;
    // and a long string's repr, of which 400 characters are kept, only needs its start
    let repr = size > 200 ? `<${typeName(v)} of ${size} items>` : typeof v === "string" && v.length > 1000 ? pyRepr(v.slice(0, 1000)) : pyRepr(v);
    if (repr.length > 400) repr = repr.slice(0, 397) + "...";
    return { type: "value", repr, pyType: typeName(v) };
  }

  private emitBinding(name: string, scope: string, value: PyValue, l?: Loc): void {
    if (!this.tracing) return;
    this.opts.sink!({ kind: "binding/set", name, scope, value: this.describe(value), span: l ? this.span(l) : undefined });
  }

  // ---- budgets and errors ----

  private tick(): void {
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

  /** what the program can reach: the module's names, every active frame's locals (closures and
   *  suspended generators hang off those values), and the exceptions being handled */
  roots(): unknown[] {
    return [this.globals, ...this.frames.map((f) => f.locals), this.handling];
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

  // ---- statements ----

  private execBlock(body: Stmt[], frame: Frame): Completion {
    for (const s of body) {
      const c = this.exec(s, frame);
      if (c !== undefined) return c;
    }
    return undefined;
  }

  private exec(s: Stmt, frame: Frame): Completion {
    frame.line = s.line;
    frame.pos = null;
    this.tick();
    try {
      return this.execInner(s, frame);
    } catch (e) {
      throw this.withTraceback(e);
    }
  }

  /** The error, its traceback taken from the frames as they are now if it has none yet. */
  private withTraceback(e: unknown): PyError {
    const err = this.toPyError(e);
    if (!err.exc.traceback) err.exc.traceback = tracebackFrames(this.frames);
    return err;
  }

  private execInner(s: Stmt, frame: Frame): Completion {
    switch (s.k) {
      case "expr":
        this.emitStatement(s);
        this.eval(s.value, frame);
        return undefined;
      case "assign": {
        this.emitStatement(s);
        const v = this.eval(s.value, frame);
        for (const t of s.targets) this.assign(t, v, frame);
        return undefined;
      }
      case "annassign":
        this.emitStatement(s);
        if (s.value) this.assign(s.target, this.eval(s.value, frame), frame);
        return undefined;
      case "augassign":
        this.emitStatement(s);
        this.augassign(s.target, s.op, s.value, frame);
        return undefined;
      case "pass":
        this.emitStatement(s);
        return undefined;
      case "break":
        this.emitStatement(s);
        return BREAK;
      case "continue":
        this.emitStatement(s);
        return CONTINUE;
      case "return":
        this.emitStatement(s);
        if (frame === this.moduleFrame) throw pyErr("SyntaxError", "'return' outside function");
        return new Return(s.value ? this.eval(s.value, frame) : null);
      case "del":
        this.emitStatement(s);
        for (const t of s.targets) this.del(t, frame);
        return undefined;
      case "if": {
        this.emitStatement(s.header);
        if (truthy(this.eval(s.test, frame))) return this.execBlock(s.body, frame);
        return this.execBlock(s.orelse, frame);
      }
      case "while": {
        for (;;) {
          frame.line = s.line;
          this.tick();
          this.emitStatement(s.header);
          if (!truthy(this.eval(s.test, frame))) break;
          const c = this.execBlock(s.body, frame);
          if (c === BREAK) return undefined;
          if (c instanceof Return) return c;
        }
        return this.execBlock(s.orelse, frame);
      }
      case "for": {
        this.emitStatement(s.header);
        const iterable = this.eval(s.iter, frame);
        frame.pos = s.iter;
        let first = true;
        const items = iterate(iterable);
        for (;;) {
          // the next item is fetched at the iterable (a dict resized in the body fails there)
          frame.line = s.line;
          frame.pos = s.iter;
          const next = items.next();
          if (next.done) break;
          const item = next.value;
          if (!first) {
            this.tick();
            this.emitStatement(s.header);
          }
          first = false;
          this.assign(s.target, item, frame);
          const c = this.execBlock(s.body, frame);
          if (c === BREAK) return undefined;
          if (c instanceof Return) return c;
        }
        return this.execBlock(s.orelse, frame);
      }
      case "try":
        this.emitStatement(s.header);
        return this.execTry(s, frame);
      case "with":
        this.emitStatement(s.header);
        return this.execWith(s.items, 0, s.body, frame);
      case "def": {
        this.emitStatement(s.header);
        const defaults = this.evalDefaults(s.params, frame);
        const fn = new PyFunction(
          s.name,
          s.params,
          s.body,
          defaults,
          s.localNames,
          s.globals,
          s.nonlocals,
          frame === this.moduleFrame ? null : frame,
        );
        this.store(s.name, fn, frame, s.header);
        return undefined;
      }
      case "raise": {
        this.emitStatement(s);
        const err = this.raise(s.exc, frame, s.cause);
        frame.pos = null;
        throw err;
      }
      case "assert": {
        this.emitStatement(s);
        if (!truthy(this.eval(s.test, frame))) {
          const cls = exceptionClasses.get("AssertionError")!;
          const args = s.msg ? [this.eval(s.msg, frame)] : [];
          frame.pos = s.test;
          throw new PyError(new PyException(cls, args));
        }
        return undefined;
      }
      case "import":
        this.emitStatement(s);
        for (const { module, asname } of s.names) {
          const mod = this.importModule(module);
          if (asname) this.store(asname, mod, frame, s);
          else {
            const top = module.split(".")[0];
            this.store(top, this.importModule(top), frame, s);
          }
        }
        return undefined;
      case "importfrom": {
        this.emitStatement(s);
        const mod = this.importModule(s.module);
        for (const { name, asname } of s.names) {
          if (name === "*") throw pyErr("NotImplementedError", `'from ${s.module} import *' is outside the Python subset Gradlens runs (line ${s.line})`);
          let v = mod.attrs.get(name);
          if (v === undefined) v = this.opts.importModule(`${s.module}.${name}`);
          if (v === undefined) throw pyErr("ImportError", `cannot import name '${name}' from '${s.module}'`);
          this.store(asname ?? name, v, frame, s);
        }
        return undefined;
      }
      case "global":
      case "nonlocal":
        this.emitStatement(s);
        return undefined;
      case "unsupported":
        this.emitStatement(s);
        throw pyErr("NotImplementedError", `${s.what} (line ${s.line}) are outside the Python subset Gradlens runs`.replace(/ are outside/, s.what.endsWith("s") ? " are outside" : " is outside"));
    }
  }

  private importModule(name: string): PyModule {
    const mod = this.opts.importModule(name);
    if (mod) return mod;
    const top = name.split(".")[0];
    if (["numpy", "matplotlib", "pandas", "scipy", "sklearn", "torchvision", "os", "sys", "time", "random", "functools", "itertools", "collections"].includes(top))
      throw pyErr("NotImplementedError", `import ${name}: Gradlens runs torch and math only; '${top}' is outside the subset (line ${this.currentLine})`);
    throw pyErr("ModuleNotFoundError", `No module named '${name}'`);
  }

  private execTry(s: Extract<Stmt, { k: "try" }>, frame: Frame): Completion {
    let completion: Completion;
    let pending: PyError | null = null;
    try {
      completion = this.execTryBody(s, frame);
    } catch (e) {
      pending = this.toPyError(e);
    }
    if (s.finalbody.length) {
      const c = this.withContext(pending, () => this.execBlock(s.finalbody, frame));
      if (c !== undefined) return c;
    }
    if (pending) throw pending;
    return completion;
  }

  private execTryBody(s: Extract<Stmt, { k: "try" }>, frame: Frame): Completion {
    let completion: Completion;
    let raised: PyError | null = null;
    try {
      completion = this.execBlock(s.body, frame);
    } catch (e) {
      raised = this.toPyError(e);
      if (raised.exc.uncatchable) throw raised;
    }
    if (!raised) return completion === undefined ? this.execBlock(s.orelse, frame) : completion;
    const handler = s.handlers.find((h) => this.matches(h.type, raised!.exc, frame));
    if (!handler) throw raised;
    frame.line = this.opts.lines.line(handler.loc.from);
    this.emitStatement(handler.loc);
    if (handler.name) this.store(handler.name, raised.exc, frame, handler.loc);
    raised.exc.caughtAt = tracebackFrames(this.frames.slice(0, Math.max(0, this.frames.indexOf(frame)))).length;
    this.handling.push(raised);
    try {
      return this.withContext(raised, () => this.execBlock(handler.body, frame));
    } finally {
      this.handling.pop();
      if (handler.name) this.unbind(handler.name, frame, handler.loc, true);
    }
  }

  /** Runs an except/finally block; an exception escaping it gets `handled` as its __context__
   *  (what makes CPython print "During handling of the above exception, ..."). */
  private withContext(handled: PyError | null, body: () => Completion): Completion {
    try {
      return body();
    } catch (e) {
      const err = this.toPyError(e);
      if (handled && !err.exc.uncatchable && !err.exc.context) {
        let chained = false;
        for (let c: PyException | null = handled.exc; c; c = c.context) if (c === err.exc) chained = true;
        if (!chained) err.exc.context = handled.exc;
      }
      throw err;
    }
  }

  private matches(type: Expr | null, exc: PyException, frame: Frame): boolean {
    if (!type) return true;
    const t = this.eval(type, frame);
    const classes = t instanceof PyTuple ? t.items : [t];
    return classes.some((c) => {
      if (!(c instanceof PyClass) || !c.isSubclassOf(BaseException))
        throw pyErr("TypeError", "catching classes that do not inherit from BaseException is not allowed");
      return exc.cls.isSubclassOf(c);
    });
  }

  private execWith(items: { ctx: Expr; as: Expr | null }[], i: number, body: Stmt[], frame: Frame): Completion {
    if (i >= items.length) return this.execBlock(body, frame);
    const ctx = this.eval(items[i].ctx, frame);
    let entered: PyValue;
    let exit: () => void;
    const f = foreignOf(ctx);
    if (ctx instanceof PyInstance && ctx.enter) {
      entered = ctx.enter();
      exit = () => ctx.exit?.();
    } else if (f?.enter) {
      entered = f.enter(ctx);
      exit = () => f.exit?.(ctx);
    } else throw pyErr("TypeError", `'${typeName(ctx)}' object does not support the context manager protocol`);
    try {
      if (items[i].as) this.assign(items[i].as!, entered, frame);
      return this.execWith(items, i + 1, body, frame);
    } finally {
      exit();
    }
  }

  private raise(excExpr: Expr | null, frame: Frame, causeExpr: Expr | null = null): PyError {
    if (!excExpr) {
      const current = this.handling[this.handling.length - 1];
      if (!current) return pyErr("RuntimeError", "No active exception to reraise");
      return current;
    }
    let v = this.eval(excExpr, frame);
    if (v instanceof PyClass && v.isSubclassOf(BaseException)) v = this.call(v, { args: [], kwargs: new Map() });
    if (!(v instanceof PyException)) return pyErr("TypeError", "exceptions must derive from BaseException");
    v.traceback = null;
    if (causeExpr) {
      let cause = this.eval(causeExpr, frame);
      if (cause instanceof PyClass && cause.isSubclassOf(BaseException)) cause = this.call(cause, { args: [], kwargs: new Map() });
      if (cause !== null && !(cause instanceof PyException))
        return pyErr("TypeError", "exception causes must derive from BaseException");
      v.cause = cause;
      v.suppressContext = true;
    }
    return new PyError(v);
  }

  // ---- names ----

  private store(name: string, value: PyValue, frame: Frame, l?: Loc): void {
    let scope = frame.name;
    if (frame.localNames === null || frame.globalNames.has(name)) {
      this.globals.set(name, value);
      scope = "<module>";
    } else if (frame.nonlocalNames.has(name)) {
      let p = frame.parent;
      while (p && !(p.localNames?.has(name) ?? false)) p = p.parent;
      if (!p) throw pyErr("SyntaxError", `no binding for nonlocal '${name}' found`);
      p.locals.set(name, value);
      scope = p.name;
    } else frame.locals.set(name, value);
    this.emitBinding(name, scope, value, l);
  }

  private unbind(name: string, frame: Frame, l: Loc, quiet = false): void {
    let map: Map<string, PyValue> = frame.locals;
    let scope = frame.name;
    if (frame.localNames === null || frame.globalNames.has(name)) {
      map = this.globals;
      scope = "<module>";
    }
    if (!map.has(name)) {
      if (quiet) return;
      throw pyErr("NameError", `name '${name}' is not defined`);
    }
    map.delete(name);
    if (this.tracing) this.opts.sink!({ kind: "binding/deleted", name, scope, span: this.span(l) });
  }

  private lookup(name: string, frame: Frame): PyValue {
    if (frame.localNames !== null && !frame.globalNames.has(name)) {
      if (frame.localNames.has(name)) {
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
    const g = this.globals.get(name);
    if (g !== undefined) return g;
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    throw pyErr("NameError", `name '${name}' is not defined`);
  }

  // ---- assignment ----

  private assign(t: Expr, v: PyValue, frame: Frame): void {
    switch (t.k) {
      case "name":
        this.store(t.id, v, frame, t);
        return;
      case "attr": {
        const obj = this.eval(t.obj, frame);
        frame.pos = t;
        this.at(t);
        setAttr(obj, t.name, v);
        return;
      }
      case "subscript": {
        const obj = this.eval(t.obj, frame);
        const idx = this.eval(t.index, frame);
        frame.pos = t;
        this.at(t);
        setItem(obj, idx, v);
        return;
      }
      case "tuple":
      case "list":
        frame.pos = t;
        return this.unpack(t.items, v, frame);
      case "starred":
        throw pyErr("SyntaxError", "starred assignment target must be in a list or tuple");
    }
    throw pyErr("SyntaxError", "cannot assign to expression");
  }

  private unpack(targets: Expr[], v: PyValue, frame: Frame): void {
    let items: PyValue[];
    try {
      items = [...iterate(v)];
    } catch (e) {
      if (e instanceof PyError && e.exc.cls.name === "TypeError" && /is not iterable/.test(String(e.exc.args[0])))
        throw pyErr("TypeError", `cannot unpack non-iterable ${typeName(v)} object`);
      throw e;
    }
    const star = targets.findIndex((t) => t.k === "starred");
    if (star < 0) {
      if (items.length > targets.length) throw pyErr("ValueError", `too many values to unpack (expected ${targets.length})`);
      if (items.length < targets.length)
        throw pyErr("ValueError", `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
      targets.forEach((t, i) => this.assign(t, items[i], frame));
      return;
    }
    const after = targets.length - star - 1;
    if (items.length < targets.length - 1)
      throw pyErr("ValueError", `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
    targets.slice(0, star).forEach((t, i) => this.assign(t, items[i], frame));
    const starTarget = targets[star] as Extract<Expr, { k: "starred" }>;
    this.assign(starTarget.value, new PyList(items.slice(star, items.length - after)), frame);
    targets.slice(star + 1).forEach((t, i) => this.assign(t, items[items.length - after + i], frame));
  }

  private augassign(t: Expr, op: string, valueExpr: Expr, frame: Frame): void {
    switch (t.k) {
      case "name": {
        const cur = this.lookup(t.id, frame);
        const rhs = this.eval(valueExpr, frame);
        frame.pos = null;
        this.at(t);
        const r = binaryOp(op, cur, rhs, true);
        this.store(t.id, r, frame, t);
        return;
      }
      case "attr": {
        const obj = this.eval(t.obj, frame);
        frame.pos = t;
        const cur = getAttr(obj, t.name);
        const rhs = this.eval(valueExpr, frame);
        frame.pos = null;
        this.at(t);
        const r = binaryOp(op, cur, rhs, true);
        if (r !== cur || !foreignOf(r)) setAttr(obj, t.name, r);
        return;
      }
      case "subscript": {
        const obj = this.eval(t.obj, frame);
        const idx = this.eval(t.index, frame);
        frame.pos = t;
        const cur = getItem(obj, idx);
        const rhs = this.eval(valueExpr, frame);
        frame.pos = null;
        this.at(t);
        const r = binaryOp(op, cur, rhs, true);
        setItem(obj, idx, r);
        return;
      }
    }
    throw pyErr("SyntaxError", "illegal expression for augmented assignment");
  }

  private del(t: Expr, frame: Frame): void {
    switch (t.k) {
      case "name":
        frame.pos = t;
        if (frame.localNames !== null && frame.localNames.has(t.id) && !frame.locals.has(t.id))
          throw pyErr("UnboundLocalError", `cannot access local variable '${t.id}' where it is not associated with a value`);
        this.unbind(t.id, frame, t);
        return;
      case "subscript": {
        const obj = this.eval(t.obj, frame);
        const idx = this.eval(t.index, frame);
        this.at(t);
        delItem(obj, idx);
        return;
      }
      case "attr": {
        const obj = this.eval(t.obj, frame);
        this.at(t);
        const f = foreignOf(obj);
        if (f?.setattr && t.name === "grad") {
          f.setattr(obj, t.name, null);
          return;
        }
        if (obj instanceof PyInstance && obj.attrs.delete(t.name)) return;
        throw pyErr("AttributeError", `'${typeName(obj)}' object has no attribute '${t.name}'`);
      }
      case "tuple":
      case "list":
        for (const i of t.items) this.del(i, frame);
        return;
    }
    throw pyErr("SyntaxError", "cannot delete expression");
  }

  // ---- functions ----

  private evalDefaults(params: Param[], frame: Frame): Map<string, PyValue> {
    const d = new Map<string, PyValue>();
    for (const p of params) if (p.default) d.set(p.name, this.eval(p.default, frame));
    return d;
  }

  call(f: PyValue, a: CallArgs): PyValue {
    if (f instanceof PyFunction) return this.callFunction(f, a);
    if (f instanceof PyBuiltin) return f.fn(a);
    if (f instanceof PyClass) {
      if (!f.construct) throw pyErr("TypeError", `cannot create '${f.qualname}' instances`);
      return f.construct(a);
    }
    throw pyErr("TypeError", `'${typeName(f)}' object is not callable`);
  }

  private callFunction(fn: PyFunction, a: CallArgs): PyValue {
    if (this.frames.length > this.opts.maxDepth) throw pyErr("RecursionError", "maximum recursion depth exceeded");
    const frame = new Frame(fn.name, fn.localNames, fn.globals, fn.nonlocals, fn.closure);
    this.bindParams(fn, a, frame);
    this.frames.push(frame);
    try {
      if (!Array.isArray(fn.body)) {
        this.tick();
        frame.line = this.opts.lines.line((fn.body as Expr).from);
        try {
          return this.eval(fn.body as Expr, frame);
        } catch (e) {
          // a lambda has no statements to record where it failed: its frame is taken here
          throw this.withTraceback(e);
        }
      }
      const c = this.execBlock(fn.body, frame);
      return c instanceof Return ? c.value : null;
    } finally {
      this.frames.pop();
    }
  }

  private bindParams(fn: PyFunction, a: CallArgs, frame: Frame): void {
    const positional = fn.params.filter((p) => p.kind === "normal");
    const star = fn.params.find((p) => p.kind === "star");
    const dstar = fn.params.find((p) => p.kind === "dstar");
    const values = new Map<string, PyValue>();
    const name = fn.name;
    if (a.args.length > positional.length && !star) {
      const required = positional.filter((p) => !fn.defaults.has(p.name)).length;
      const takes = required === positional.length ? `${positional.length}` : `from ${required} to ${positional.length}`;
      const plural = positional.length === 1 && required === 1 ? "argument" : "arguments";
      throw pyErr(
        "TypeError",
        `${name}() takes ${takes} positional ${plural} but ${a.args.length} ${a.args.length === 1 ? "was" : "were"} given`,
      );
    }
    positional.forEach((p, i) => {
      if (i < a.args.length) values.set(p.name, a.args[i]);
    });
    const extraKw = new PyDict();
    for (const [k, v] of a.kwargs) {
      const p = fn.params.find((q) => q.name === k && (q.kind === "normal" || q.kind === "kwonly"));
      if (!p) {
        if (!dstar) throw pyErr("TypeError", `${name}() got an unexpected keyword argument '${k}'`);
        extraKw.map.set(hashKey(k), [k, v]);
        continue;
      }
      if (values.has(k)) throw pyErr("TypeError", `${name}() got multiple values for argument '${k}'`);
      values.set(k, v);
    }
    const missing = positional.filter((p) => !values.has(p.name) && !fn.defaults.has(p.name));
    if (missing.length) {
      const names = missing.map((m) => `'${m.name}'`);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
      throw pyErr("TypeError", `${name}() missing ${missing.length} required positional argument${missing.length > 1 ? "s" : ""}: ${list}`);
    }
    const missingKw = fn.params.filter((p) => p.kind === "kwonly" && !values.has(p.name) && !fn.defaults.has(p.name));
    if (missingKw.length) {
      const names = missingKw.map((m) => `'${m.name}'`);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
      throw pyErr("TypeError", `${name}() missing ${missingKw.length} required keyword-only argument${missingKw.length > 1 ? "s" : ""}: ${list}`);
    }
    for (const p of fn.params) {
      let v: PyValue;
      if (p.kind === "star") v = new PyTuple(a.args.slice(positional.length));
      else if (p.kind === "dstar") v = extraKw;
      else v = values.has(p.name) ? values.get(p.name)! : fn.defaults.get(p.name)!;
      frame.locals.set(p.name, v);
      this.emitBinding(p.name, fn.name, v);
    }
  }

  private evalArgs(args: Extract<Expr, { k: "call" }>["args"], frame: Frame): CallArgs {
    const out: CallArgs = { args: [], kwargs: new Map() };
    for (const a of args) {
      switch (a.kind) {
        case "pos":
          out.args.push(this.eval(a.value, frame));
          break;
        case "star":
          pushAll(out.args, iterate(this.eval(a.value, frame)));
          break;
        case "kw":
          out.kwargs.set(a.name, this.eval(a.value, frame));
          break;
        case "dstar": {
          const d = this.eval(a.value, frame);
          if (!(d instanceof PyDict)) throw pyErr("TypeError", `argument after ** must be a mapping, not ${typeName(d)}`);
          for (const [k, v] of d.map.values()) {
            if (typeof k !== "string") throw pyErr("TypeError", "keywords must be strings");
            if (out.kwargs.has(k)) throw pyErr("TypeError", `got multiple values for keyword argument '${k}'`);
            out.kwargs.set(k, v);
          }
        }
      }
    }
    return out;
  }

  // ---- expressions ----

  eval(e: Expr, frame: Frame): PyValue {
    switch (e.k) {
      case "const":
        return e.value;
      case "name":
        frame.pos = e;
        return this.lookup(e.id, frame);
      case "binop": {
        const l = this.eval(e.left, frame);
        const r = this.eval(e.right, frame);
        frame.pos = e;
        this.at(e);
        return binaryOp(e.op, l, r);
      }
      case "unary": {
        const v = this.eval(e.operand, frame);
        frame.pos = e;
        this.at(e);
        return unaryOp(e.op, v);
      }
      case "boolop": {
        const l = this.eval(e.left, frame);
        if (e.op === "and" ? !truthy(l) : truthy(l)) return l;
        return this.eval(e.right, frame);
      }
      case "compare": {
        let left = this.eval(e.left, frame);
        let result: PyValue = true;
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.eval(e.rights[i], frame);
          frame.pos = e;
          this.at(e);
          result = compare(e.ops[i], left, right);
          if (i < e.ops.length - 1 && !truthy(result)) return result;
          left = right;
        }
        return result;
      }
      case "call": {
        const f = this.eval(e.func, frame);
        const a = this.evalArgs(e.args, frame);
        this.tick();
        frame.pos = e;
        this.at(e);
        return this.call(f, a);
      }
      case "attr": {
        const obj = this.eval(e.obj, frame);
        frame.pos = e;
        return getAttr(obj, e.name);
      }
      case "subscript": {
        const obj = this.eval(e.obj, frame);
        const idx = this.eval(e.index, frame);
        frame.pos = e;
        this.at(e);
        return getItem(obj, idx);
      }
      case "slice":
        return new PySlice(
          e.lower ? this.eval(e.lower, frame) : null,
          e.upper ? this.eval(e.upper, frame) : null,
          e.step ? this.eval(e.step, frame) : null,
        );
      case "tuple":
        return new PyTuple(this.evalItems(e.items, frame));
      case "list":
        return new PyList(this.evalItems(e.items, frame));
      case "set": {
        const s = new PySet();
        const items = this.evalItems(e.items, frame);
        frame.pos = e;
        for (const v of items) s.map.set(hashKey(v), v);
        return s;
      }
      case "dict": {
        const d = new PyDict();
        for (const { key, value } of e.entries) {
          if (key === null) {
            const src = this.eval(value, frame);
            if (!(src instanceof PyDict)) throw pyErr("TypeError", `'${typeName(src)}' object is not a mapping`);
            for (const [k, entry] of src.map) d.map.set(k, entry);
          } else {
            const k = this.eval(key, frame);
            const v = this.eval(value, frame);
            frame.pos = e;
            dictSet(d, k, v);
          }
        }
        return d;
      }
      case "fstring":
        return this.fstring(e.parts, frame, e);
      case "ifexp":
        return truthy(this.eval(e.test, frame)) ? this.eval(e.body, frame) : this.eval(e.orelse, frame);
      case "comp":
      case "dictcomp":
        frame.pos = e;
        return this.comprehension(e, frame);
      case "lambda":
        return new PyFunction(
          "<lambda>",
          e.params,
          e.body,
          this.evalDefaults(e.params, frame),
          e.localNames,
          new Set(),
          new Set(),
          frame === this.moduleFrame ? null : frame,
        );
      case "namedexpr": {
        const v = this.eval(e.value, frame);
        this.store(e.target, v, frame.name === "<listcomp>" && frame.parent ? frame.parent : frame, e);
        return v;
      }
      case "starred":
        throw pyErr("SyntaxError", "can't use starred expression here");
      case "unsupported":
        throw pyErr("NotImplementedError", `${e.what} (line ${this.opts.lines.line(e.from)}) ${e.what.endsWith("s") ? "are" : "is"} outside the Python subset Gradlens runs`);
    }
  }

  private evalItems(items: Expr[], frame: Frame): PyValue[] {
    const out: PyValue[] = [];
    for (const i of items) {
      if (i.k === "starred") pushAll(out, iterate(this.eval(i.value, frame)));
      else out.push(this.eval(i, frame));
    }
    return out;
  }

  private fstring(parts: FStringPart[], frame: Frame, whole: Expr): string {
    let out = "";
    for (const p of parts) {
      if (typeof p === "string") {
        out += p;
        continue;
      }
      let v = this.eval(p.expr, frame);
      if (p.conversion === "r" || p.conversion === "a") v = pyRepr(v);
      else if (p.conversion === "s") v = pyStr(v);
      const spec = p.spec ? this.fstring(p.spec, frame, whole) : "";
      frame.pos = this.replacementField(p.expr, whole);
      out += (p.selfDoc ?? "") + formatValue(v, spec);
    }
    return out;
  }

  /** an f-string's {expr!conv:spec} around expr, braces included (where 3.12+ reports a format error) */
  private replacementField(expr: Expr, whole: Expr): Expr {
    const src = this.opts.lines.source;
    let a = expr.from;
    while (a > whole.from && src[a - 1] !== "{") a--;
    let b = expr.to;
    for (let depth = 0; b < whole.to; b++) {
      if (src[b] === "{") depth++;
      else if (src[b] === "}" && depth-- === 0) break;
    }
    return a > whole.from && b < whole.to ? { ...whole, from: a - 1, to: b + 1 } : whole;
  }

  private comprehension(e: Extract<Expr, { k: "comp" | "dictcomp" }>, outer: Frame): PyValue {
    const names = new Set<string>();
    const collect = (t: Expr): void => {
      if (t.k === "name") names.add(t.id);
      else if (t.k === "tuple" || t.k === "list") t.items.forEach(collect);
      else if (t.k === "starred") collect(t.value);
    };
    e.gens.forEach((g) => collect(g.target));
    const scopeName = e.k === "dictcomp" ? "<dictcomp>" : e.kind === "list" ? "<listcomp>" : e.kind === "set" ? "<setcomp>" : "<genexpr>";
    const frame = new Frame(scopeName, names, new Set(), new Set(), outer === this.moduleFrame ? null : outer);
    frame.line = outer.line;
    const results: PyValue[] = [];
    const dict = new PyDict();
    // the first iterable is evaluated in the enclosing scope, as in CPython
    const firstIter = this.eval(e.gens[0].iter, outer);
    const loop = (level: number): void => {
      const g = e.gens[level];
      const iterable = level === 0 ? firstIter : this.eval(g.iter, frame);
      for (const item of iterate(iterable)) {
        this.tick();
        this.assign(g.target, item, frame);
        if (!g.ifs.every((c) => truthy(this.eval(c, frame)))) continue;
        if (level + 1 < e.gens.length) loop(level + 1);
        else if (e.k === "dictcomp") {
          const k = this.eval(e.key, frame);
          dictSet(dict, k, this.eval(e.value, frame));
        } else results.push(this.eval(e.elt, frame));
      }
    };
    outer.pos = e;
    this.frames.push(frame);
    try {
      loop(0);
    } catch (err) {
      throw this.withTraceback(err);
    } finally {
      this.frames.pop();
    }
    if (e.k === "dictcomp") return dict;
    if (e.kind === "list") return new PyList(results);
    if (e.kind === "set") {
      const s = new PySet();
      for (const v of results) s.map.set(hashKey(v), v);
      return s;
    }
    let i = 0;
    return new PyIterator(generatorClass, () => (i < results.length ? results[i++] : undefined));
  }
}


/** Comprehensions run inline since Python 3.12: their frames show as the enclosing one's line */
const INLINED = new Set(["<listcomp>", "<setcomp>", "<dictcomp>"]);

/** the frames a traceback lists, an inlined comprehension's position standing in for its enclosing frame's */
function tracebackFrames(frames: Frame[]): { line: number; fn: string; pos: Expr | null }[] {
  const out: { line: number; fn: string; pos: Expr | null }[] = [];
  for (const f of frames) {
    const entry = { line: f.line, fn: f.name, pos: f.pos };
    if (INLINED.has(f.name) && out.length > 0) out[out.length - 1] = { ...entry, fn: out[out.length - 1]!.fn };
    else out.push(entry);
  }
  return out;
}
