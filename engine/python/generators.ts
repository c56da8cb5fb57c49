// Generator functions: calling one makes a generator object whose body runs, resumably, on a
// JS generator that walks the same syntax tree. Only the statements and expressions on the way
// to a `yield` take the resumable path (everything else runs on the ordinary evaluator, at its
// speed), and functions without `yield` never come here. send/throw/close, `yield from`,
// StopIteration carrying the return value and PEP 479 as in CPython.
import type { Arg, Expr, Stmt } from "./ast.ts";
import { type Entered, chainContext, enterContext, enterHandler, execRaise, exitOnError, findHandler, leaveHandler } from "./blocks.ts";
import type { PyFunction } from "./function.ts";
import { BREAK, type Completion, type Interpreter, Return, closeTemporaryGenerator } from "./interpreter.ts";
import { getAttr } from "./attributes.ts";
import { binaryOp, compare, getItem, iterate, pyIter, pyNext, truthy, unaryOp, pushAll } from "./ops.ts";
import type { Frame } from "./scope.ts";
import {
  type CallArgs,
  PyClass,
  PyError,
  PyException,
  PyIterator,
  PyList,
  PyTuple,
  type PyValue,
  exceptionClasses,
  objectClass,
  pyErr,
} from "./values.ts";

export const generatorClass = new PyClass("generator", objectClass);

/** what a resumable body produces: it yields Python values out and receives sent values */
type Run<T> = Generator<PyValue, T, PyValue>;

export class PyGenerator extends PyIterator {
  private started = false;
  done = false;
  private running = false;
  /** the value of `return` once finished (StopIteration.value) */
  result: PyValue = null;
  private readonly body: Run<Completion>;
  /** the exceptions its except clauses were handling when it yielded (CPython's gi_exc_state):
   *  off the interpreter's stack while it is paused, so a bare raise outside sees its own */
  private handling: PyError[] = [];

  constructor(
    private readonly ip: Interpreter,
    fn: PyFunction,
    readonly frame: Frame,
  ) {
    super(generatorClass, () => undefined, fn.qualname);
    this.body = execBlockG(ip, fn.body as Stmt[], frame);
  }

  override next(): PyValue | undefined {
    const r = this.resume(null, null);
    return r.done ? undefined : r.value;
  }

  /** One step: send a value in (or throw an exception in at the paused yield). */
  resume(sent: PyValue, thrown: PyError | null): IteratorResult<PyValue, PyValue> {
    if (this.running) throw pyErr("ValueError", "generator already executing");
    if (this.done) {
      if (thrown) throw thrown;
      return { done: true, value: null };
    }
    if (!this.started && sent !== null && !thrown)
      throw pyErr("TypeError", "can't send non-None value to a just-started generator");
    const ip = this.ip;
    if (ip.frames.length > ip.opts.maxDepth) throw pyErr("RecursionError", "maximum recursion depth exceeded");
    this.started = true;
    this.running = true;
    ip.frames.push(this.frame);
    this.frame.resumes++;
    const handlingBase = ip.handling.length;
    ip.handling.push(...this.handling);
    try {
      const r = thrown ? this.body.throw(thrown) : this.body.next(sent);
      if (!r.done) return r;
      this.done = true;
      this.result = r.value instanceof Return ? r.value.value : null;
      return { done: true, value: this.result };
    } catch (e) {
      this.done = true;
      const err = ip.toPyError(e);
      if (err.exc.cls.name === "StopIteration" && !err.exc.uncatchable) {
        // PEP 479: a StopIteration escaping the body would end the caller's loop silently
        const wrapped = pyErr("RuntimeError", "generator raised StopIteration");
        wrapped.exc.cause = err.exc;
        wrapped.exc.suppressContext = true;
        wrapped.exc.context = err.exc;
        throw ip.withTraceback(wrapped);
      }
      throw err;
    } finally {
      this.running = false;
      ip.frames.pop();
      this.handling = ip.handling.splice(handlingBase);
      if (this.done) ip.frameExited(this.frame);
    }
  }

  /** next(gen): the next value, or StopIteration with the return value */
  nextOrStop(sent: PyValue = null, thrown: PyError | null = null): PyValue {
    const r = this.resume(sent, thrown);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }

  /** gen.close(): GeneratorExit thrown in at the paused yield; it must not yield again */
  close(): void {
    if (this.done) return;
    if (!this.started) {
      this.done = true;
      return;
    }
    const exit = pyErr("GeneratorExit");
    try {
      const r = this.resume(null, exit);
      if (!r.done) throw pyErr("RuntimeError", "generator ignored GeneratorExit");
    } catch (e) {
      if (e instanceof PyError && (e.exc === exit.exc || e.exc.cls.name === "StopIteration")) return;
      throw e;
    }
  }
}

export function stopIteration(value: PyValue): PyError {
  return new PyError(new PyException(exceptionClasses.get("StopIteration")!, value === null ? [] : [value]));
}

export function makeGenerator(ip: Interpreter, fn: PyFunction, frame: Frame): PyGenerator {
  return new PyGenerator(ip, fn, frame);
}

// ---- which nodes hold a yield (functions, classes and lambdas inside are not looked into) ----

const yields = new WeakMap<object, boolean>();

function anyYield(nodes: (Expr | Stmt | null | undefined)[]): boolean {
  return nodes.some((n) => n != null && hasYield(n));
}

function argExprs(args: Arg[]): Expr[] {
  return args.map((a) => a.value);
}

export function hasYield(n: Expr | Stmt): boolean {
  const known = yields.get(n);
  if (known !== undefined) return known;
  let r = false;
  switch (n.k) {
    case "yield":
    case "yieldfrom":
      r = true;
      break;
    case "def":
    case "class":
    case "lambda":
    case "const":
    case "name":
      r = false;
      break;
    case "binop":
    case "boolop":
      r = anyYield([n.left, n.right]);
      break;
    case "unary":
      r = hasYield(n.operand);
      break;
    case "compare":
      r = anyYield([n.left, ...n.rights]);
      break;
    case "call":
      r = anyYield([n.func, ...argExprs(n.args)]);
      break;
    case "attr":
      r = hasYield(n.obj);
      break;
    case "subscript":
      r = anyYield([n.obj, n.index]);
      break;
    case "tuple":
    case "list":
    case "set":
      r = anyYield(n.items);
      break;
    case "starred":
      r = hasYield(n.value);
      break;
    case "dict":
      r = n.entries.some((x) => anyYield([x.key, x.value]));
      break;
    case "ifexp":
      r = anyYield([n.test, n.body, n.orelse]);
      break;
    case "slice":
      r = anyYield([n.lower, n.upper, n.step]);
      break;
    case "fstring":
      r = n.parts.some((p) => typeof p !== "string" && hasYield(p.expr));
      break;
    case "namedexpr":
      r = hasYield(n.value);
      break;
    case "expr":
      r = hasYield(n.value);
      break;
    case "assign":
      r = anyYield([n.value, ...n.targets]);
      break;
    case "augassign":
    case "annassign":
      r = anyYield([n.value, n.target]);
      break;
    case "return":
      r = anyYield([n.value]);
      break;
    case "del":
      r = anyYield(n.targets);
      break;
    case "raise":
      r = anyYield([n.exc, n.cause]);
      break;
    case "assert":
      r = anyYield([n.test, n.msg]);
      break;
    case "if":
    case "while":
      r = anyYield([n.test, ...n.body, ...n.orelse]);
      break;
    case "for":
      r = anyYield([n.iter, n.target, ...n.body, ...n.orelse]);
      break;
    case "try":
      r = anyYield([...n.body, ...n.orelse, ...n.finalbody, ...n.handlers.flatMap((h) => [h.type, ...h.body])]);
      break;
    case "with":
      r = anyYield([...n.items.flatMap((i) => [i.ctx, i.as]), ...n.body]);
      break;
  }
  yields.set(n, r);
  return r;
}

// ---- the resumable evaluator ----

function* execBlockG(ip: Interpreter, body: Stmt[], frame: Frame): Run<Completion> {
  for (const s of body) {
    const c = hasYield(s) ? yield* execG(ip, s, frame) : ip.exec(s, frame);
    if (c !== undefined) return c;
  }
  return undefined;
}

function* execG(ip: Interpreter, s: Stmt, frame: Frame): Run<Completion> {
  frame.line = s.line;
  frame.pos = null;
  ip.tick();
  try {
    return yield* execInnerG(ip, s, frame);
  } catch (e) {
    throw ip.withTraceback(e);
  }
}

function* execInnerG(ip: Interpreter, s: Stmt, frame: Frame): Run<Completion> {
  switch (s.k) {
    case "expr":
      ip.emitStatement(s, frame);
      yield* evalG(ip, s.value, frame);
      return undefined;
    case "assign": {
      ip.emitStatement(s, frame);
      const v = yield* evalG(ip, s.value, frame);
      for (const t of s.targets) ip.assign(t, v, frame);
      return undefined;
    }
    case "annassign":
      ip.emitStatement(s, frame);
      if (s.value) ip.assign(s.target, yield* evalG(ip, s.value, frame), frame);
      return undefined;
    case "augassign": {
      ip.emitStatement(s, frame);
      const rhs = yield* evalG(ip, s.value, frame);
      ip.augassign(s.target, s.op, s.value, frame, rhs);
      return undefined;
    }
    case "return":
      ip.emitStatement(s, frame);
      return new Return(s.value ? yield* evalG(ip, s.value, frame) : null);
    case "if":
      ip.emitStatement(s.header, frame);
      if (truthy(yield* evalG(ip, s.test, frame))) return yield* execBlockG(ip, s.body, frame);
      return yield* execBlockG(ip, s.orelse, frame);
    case "while":
      for (;;) {
        frame.line = s.line;
        ip.tick();
        ip.emitStatement(s.header, frame);
        if (!truthy(yield* evalG(ip, s.test, frame))) break;
        const c = yield* execBlockG(ip, s.body, frame);
        if (c === BREAK) return undefined;
        if (c instanceof Return) return c;
      }
      return yield* execBlockG(ip, s.orelse, frame);
    case "for": {
      ip.emitStatement(s.header, frame);
      const iterable = yield* evalG(ip, s.iter, frame);
      const items = iterate(iterable);
      let first = true;
      // the loop holds its iterable while it runs (liveness.ts), across the generator's pauses too
      const hold: { value: PyValue; item?: PyValue } = { value: iterable };
        frame.loops.push(hold);
      let exhausted = false;
      try {
        for (;;) {
          frame.line = s.line;
          frame.pos = s.iter;
          const next = items.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          hold.item = next.value;
          if (!first) {
            ip.tick();
            ip.emitStatement(s.header, frame);
          }
          first = false;
          ip.assign(s.target, next.value, frame);
          hold.item = undefined;
          const c = yield* execBlockG(ip, s.body, frame);
          if (c === BREAK) return undefined;
          if (c instanceof Return) return c;
        }
      } finally {
        frame.loops.pop();
        if (!exhausted) closeTemporaryGenerator(s.iter, iterable);
      }
      return yield* execBlockG(ip, s.orelse, frame);
    }
    case "try":
      ip.emitStatement(s.header, frame);
      return yield* execTryG(ip, s, frame);
    case "with":
      ip.emitStatement(s.header, frame);
      return yield* execWithG(ip, s.items, 0, s.body, frame);
    case "raise": {
      ip.emitStatement(s, frame);
      // a yield inside the raise's expressions (rare): evaluate them first
      if (s.exc) yield* evalG(ip, s.exc, frame);
      throw execRaise(ip, s.exc, frame, s.cause);
    }
  }
  throw pyErr("NotImplementedError", `yield inside this statement (line ${s.line}) is outside the Python subset Gradlens runs`);
}

function* execTryG(ip: Interpreter, s: Extract<Stmt, { k: "try" }>, frame: Frame): Run<Completion> {
  let completion: Completion;
  let pending: PyError | null = null;
  try {
    completion = yield* execTryBodyG(ip, s, frame);
  } catch (e) {
    pending = ip.toPyError(e);
  }
  if (s.finalbody.length) {
    let c: Completion;
    try {
      c = yield* execBlockG(ip, s.finalbody, frame);
    } catch (e) {
      throw chainContext(ip, pending, e);
    }
    if (c !== undefined) return c;
  }
  if (pending) throw pending;
  return completion;
}

function* execTryBodyG(ip: Interpreter, s: Extract<Stmt, { k: "try" }>, frame: Frame): Run<Completion> {
  let completion: Completion;
  let raised: PyError | null = null;
  try {
    completion = yield* execBlockG(ip, s.body, frame);
  } catch (e) {
    raised = ip.toPyError(e);
    if (raised.exc.uncatchable) throw raised;
  }
  if (!raised) return completion === undefined ? yield* execBlockG(ip, s.orelse, frame) : completion;
  const handler = findHandler(ip, s, raised, frame);
  if (!handler) throw raised;
  enterHandler(ip, handler, raised, frame);
  try {
    return yield* execBlockG(ip, handler.body, frame);
  } catch (e) {
    throw chainContext(ip, raised, e);
  } finally {
    leaveHandler(ip, handler, frame);
  }
}

function* execWithG(ip: Interpreter, items: { ctx: Expr; as: Expr | null }[], i: number, body: Stmt[], frame: Frame): Run<Completion> {
  if (i >= items.length) return yield* execBlockG(ip, body, frame);
  const cm: Entered = enterContext(yield* evalG(ip, items[i].ctx, frame));
  let completion: Completion;
  try {
    if (items[i].as) ip.assign(items[i].as!, cm.value, frame);
    completion = yield* execWithG(ip, items, i + 1, body, frame);
  } catch (e) {
    exitOnError(ip, cm, e);
    return undefined;
  }
  cm.exit(null);
  return completion;
}

function* evalG(ip: Interpreter, e: Expr, frame: Frame): Run<PyValue> {
  if (!hasYield(e)) return ip.eval(e, frame);
  switch (e.k) {
    case "yield": {
      const v = e.value ? yield* evalG(ip, e.value, frame) : null;
      frame.pos = null;
      return yield v;
    }
    case "yieldfrom":
      return yield* yieldFrom(ip, yield* evalG(ip, e.value, frame));
    case "binop": {
      const l = yield* evalG(ip, e.left, frame);
      const r = yield* evalG(ip, e.right, frame);
      frame.pos = e;
      ip.at(e, frame);
      return binaryOp(e.op, l, r);
    }
    case "unary":
      return unaryOp(e.op, yield* evalG(ip, e.operand, frame));
    case "boolop": {
      const l = yield* evalG(ip, e.left, frame);
      if (e.op === "and" ? !truthy(l) : truthy(l)) return l;
      return yield* evalG(ip, e.right, frame);
    }
    case "ifexp":
      return truthy(yield* evalG(ip, e.test, frame)) ? yield* evalG(ip, e.body, frame) : yield* evalG(ip, e.orelse, frame);
    case "compare": {
      let left = yield* evalG(ip, e.left, frame);
      let result: PyValue = true;
      for (let i = 0; i < e.ops.length; i++) {
        const right = yield* evalG(ip, e.rights[i], frame);
        frame.pos = e;
        result = compare(e.ops[i], left, right);
        if (i < e.ops.length - 1 && !truthy(result)) return result;
        left = right;
      }
      return result;
    }
    case "call": {
      const f = yield* evalG(ip, e.func, frame);
      const a: CallArgs = { args: [], kwargs: new Map() };
      for (const arg of e.args) {
        const v = yield* evalG(ip, arg.value, frame);
        if (arg.kind === "pos") a.args.push(v);
        else if (arg.kind === "star") pushAll(a.args, iterate(v));
        else if (arg.kind === "kw") a.kwargs.set(arg.name, v);
        else throw pyErr("NotImplementedError", "yield inside a call with ** arguments is outside the Python subset Gradlens runs");
      }
      frame.pos = e;
      ip.at(e, frame);
      return ip.call(f, a);
    }
    case "attr":
      return getAttr(yield* evalG(ip, e.obj, frame), e.name);
    case "subscript": {
      const obj = yield* evalG(ip, e.obj, frame);
      const idx = yield* evalG(ip, e.index, frame);
      frame.pos = e;
      return getItem(obj, idx);
    }
    case "tuple":
    case "list": {
      const out: PyValue[] = [];
      for (const item of e.items) {
        if (item.k === "starred") pushAll(out, iterate(yield* evalG(ip, item.value, frame)));
        else out.push(yield* evalG(ip, item, frame));
      }
      return e.k === "tuple" ? new PyTuple(out) : new PyList(out);
    }
  }
  throw pyErr("NotImplementedError", `yield inside this expression (line ${frame.code.lines.line(e.from)}) is outside the Python subset Gradlens runs`);
}

/** `yield from it`: every value of `it` passes through; sends and throws reach a generator
 *  `it`; the result is its return value */
function* yieldFrom(ip: Interpreter, source: PyValue): Run<PyValue> {
  if (source instanceof PyGenerator) {
    let r = source.resume(null, null);
    while (!r.done) {
      let sent: PyValue;
      try {
        sent = yield r.value;
      } catch (e) {
        const err = ip.toPyError(e);
        if (err.exc.cls.name === "GeneratorExit") {
          source.close();
          throw err;
        }
        r = source.resume(null, err);
        continue;
      }
      r = source.resume(sent, null);
    }
    return r.value;
  }
  const it = pyIter(source);
  for (let x = pyNext(it); x !== undefined; x = pyNext(it)) yield x;
  return null;
}
