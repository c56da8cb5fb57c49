// try/except/else/finally, `with` (context managers: __enter__/__exit__ with the exception's
// type, value and traceback, a true result suppressing it), and `raise` — with CPython's
// exception chaining (__context__, __cause__). The pieces are shared with generators.ts, whose
// frames run the same statements in a resumable form.
import type { Expr, Handler, Stmt } from "./ast.ts";
import { callAttr, userClass } from "./dunder.ts";
import { type Completion, type Interpreter, tracebackFrames } from "./interpreter.ts";
import { truthy } from "./ops.ts";
import type { Frame } from "./scope.ts";
import {
  EMPTY_KWARGS,
  BaseException,
  PyClass,
  PyError,
  PyException,
  PyInstance,
  PyTuple,
  type PyValue,
  foreignOf,
  objectClass,
  pyErr,
  typeName,
} from "./values.ts";

type TryStmt = Extract<Stmt, { k: "try" }>;

export function execTry(ip: Interpreter, s: TryStmt, frame: Frame): Completion {
  let completion: Completion;
  let pending: PyError | null = null;
  try {
    completion = execTryBody(ip, s, frame);
  } catch (e) {
    pending = ip.toPyError(e);
  }
  if (s.finalbody.length) {
    const c = withContext(ip, pending, () => ip.execBlock(s.finalbody, frame));
    if (c !== undefined) return c;
  }
  if (pending) throw pending;
  return completion;
}

function execTryBody(ip: Interpreter, s: TryStmt, frame: Frame): Completion {
  let completion: Completion;
  let raised: PyError | null = null;
  try {
    completion = ip.execBlock(s.body, frame);
  } catch (e) {
    raised = ip.toPyError(e);
    if (raised.exc.uncatchable) throw raised;
  }
  if (!raised) return completion === undefined ? ip.execBlock(s.orelse, frame) : completion;
  const handler = findHandler(ip, s, raised, frame);
  if (!handler) throw raised;
  enterHandler(ip, handler, raised, frame);
  try {
    return withContext(ip, raised, () => ip.execBlock(handler.body, frame));
  } finally {
    leaveHandler(ip, handler, frame);
  }
}

/** the except clause that catches `raised`, or undefined */
export function findHandler(ip: Interpreter, s: TryStmt, raised: PyError, frame: Frame): Handler | undefined {
  return s.handlers.find((h) => matches(ip, h.type, raised.exc, frame));
}

/** starting an except clause: its line, `as name`, and the exception being handled */
export function enterHandler(ip: Interpreter, handler: Handler, raised: PyError, frame: Frame): void {
  frame.line = frame.code.lines.line(handler.loc.from);
  ip.emitStatement(handler.loc, frame);
  if (handler.name) ip.store(handler.name, raised.exc, frame, handler.loc);
  raised.exc.caughtAt = tracebackFrames(ip.frames.slice(0, Math.max(0, ip.frames.indexOf(frame)))).length;
  ip.handling.push(raised);
}

export function leaveHandler(ip: Interpreter, handler: Handler, frame: Frame): void {
  ip.handling.pop();
  if (handler.name) ip.unbind(handler.name, frame, handler.loc, true);
}

/** An exception escaping an except/finally block gets `handled` as its __context__ (what makes
 *  CPython print "During handling of the above exception, ..."). */
export function chainContext(ip: Interpreter, handled: PyError | null, e: unknown): PyError {
  const err = ip.toPyError(e);
  if (handled && !err.exc.uncatchable && !err.exc.context && err.exc !== handled.exc) {
    let chained = false;
    for (let c: PyException | null = handled.exc; c; c = c.context) if (c === err.exc) chained = true;
    if (!chained) err.exc.context = handled.exc;
  }
  return err;
}

function withContext(ip: Interpreter, handled: PyError | null, body: () => Completion): Completion {
  try {
    return body();
  } catch (e) {
    throw chainContext(ip, handled, e);
  }
}

function matches(ip: Interpreter, type: Expr | null, exc: PyException, frame: Frame): boolean {
  if (!type) return true;
  const t = ip.eval(type, frame);
  const classes = t instanceof PyTuple ? t.items : [t];
  return classes.some((c) => {
    if (!(c instanceof PyClass) || !c.isSubclassOf(BaseException))
      throw pyErr("TypeError", "catching classes that do not inherit from BaseException is not allowed");
    return exc.cls.isSubclassOf(c);
  });
}

// ---- with ----

export const tracebackClass = new PyClass("traceback", objectClass);

/** A context manager entered: what `as` binds, and how to leave it (true: the exception is
 *  suppressed). */
export interface Entered {
  value: PyValue;
  exit: (err: PyError | null) => boolean;
}

export function enterContext(ctx: PyValue): Entered {
  const cls = userClass(ctx);
  if (cls) {
    const enter = cls.lookup("__enter__");
    if (enter === undefined || enter === null)
      throw pyErr("TypeError", `'${typeName(ctx)}' object does not support the context manager protocol`);
    const exit = cls.lookup("__exit__");
    if (exit === undefined || exit === null)
      throw pyErr("TypeError", `'${typeName(ctx)}' object does not support the context manager protocol (missed __exit__ method)`);
    const value = callAttr(enter, ctx, cls, []);
    return {
      value,
      exit: (err) => {
        const args = err ? [err.exc.cls, err.exc, new PyInstance(tracebackClass)] : [null, null, null];
        return truthy(callAttr(exit, ctx, cls, args));
      },
    };
  }
  const f = foreignOf(ctx);
  if (ctx instanceof PyInstance && ctx.enter) {
    return { value: ctx.enter(), exit: () => (ctx.exit?.(), false) };
  }
  if (f?.enter) return { value: f.enter(ctx), exit: () => (f.exit?.(ctx), false) };
  throw pyErr("TypeError", `'${typeName(ctx)}' object does not support the context manager protocol`);
}

export function execWith(ip: Interpreter, items: { ctx: Expr; as: Expr | null }[], i: number, body: Stmt[], frame: Frame): Completion {
  if (i >= items.length) return ip.execBlock(body, frame);
  const cm = enterContext(ip.eval(items[i].ctx, frame));
  let completion: Completion;
  try {
    if (items[i].as) ip.assign(items[i].as!, cm.value, frame);
    completion = execWith(ip, items, i + 1, body, frame);
  } catch (e) {
    exitOnError(ip, cm, e);
    return undefined;
  }
  cm.exit(null);
  return completion;
}

/** Leaving a with-block by an exception: __exit__ sees it; it propagates unless suppressed
 *  (budget stops always do, and never reach __exit__). */
export function exitOnError(ip: Interpreter, cm: Entered, e: unknown): void {
  const err = ip.toPyError(e);
  if (err.exc.uncatchable) throw err;
  let suppressed: boolean;
  try {
    suppressed = cm.exit(err);
  } catch (e2) {
    throw chainContext(ip, err, e2);
  }
  if (!suppressed) throw err;
}

// ---- raise ----

/** the exception a `raise` statement raises (bare `raise`: the one being handled) */
export function execRaise(ip: Interpreter, excExpr: Expr | null, frame: Frame, causeExpr: Expr | null = null): PyError {
  if (!excExpr) {
    const current = ip.handling[ip.handling.length - 1];
    if (!current) return pyErr("RuntimeError", "No active exception to reraise");
    return current;
  }
  const v = asException(ip, ip.eval(excExpr, frame));
  if (!(v instanceof PyException)) return pyErr("TypeError", "exceptions must derive from BaseException");
  v.traceback = null;
  if (causeExpr) {
    const cause = asException(ip, ip.eval(causeExpr, frame));
    if (cause !== null && !(cause instanceof PyException))
      return pyErr("TypeError", "exception causes must derive from BaseException");
    v.cause = cause;
    v.suppressContext = true;
  }
  return new PyError(v);
}

/** `raise ValueError` raises ValueError() */
function asException(ip: Interpreter, v: PyValue): PyValue {
  if (v instanceof PyClass && v.isSubclassOf(BaseException)) return ip.call(v, { args: [], kwargs: EMPTY_KWARGS });
  return v;
}
