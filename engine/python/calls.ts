// Calls: every kind of callable (functions, builtins, bound methods, classes, instances with
// __call__), binding arguments to parameters with CPython's error texts (qualified names:
// "Value.__init__() missing 1 required positional argument: 'data'"), and making function
// objects from `def` and `lambda`.
import type { Arg, Expr, Param, Stmt } from "./ast.ts";
import { PyMethod, PyMethodDescriptor, bindAttr } from "./descriptors.ts";
import { userClass } from "./dunder.ts";
import { PyFunction } from "./function.ts";
import { makeGenerator } from "./generators.ts";
import { type Interpreter, Return } from "./interpreter.ts";
import { budget, iterate, pushAll } from "./ops.ts";
import { Frame } from "./scope.ts";
import { closest } from "./suggestions.ts";
import { type CallArgs, EMPTY_KWARGS, PyBuiltin, PyClass, PyDict, PyTuple, type PyValue, pyErr, typeName } from "./values.ts";

export function callValue(ip: Interpreter, f: PyValue, a: CallArgs): PyValue {
  if (f instanceof PyFunction) return callFunction(ip, f, a);
  if (f instanceof PyBuiltin) return f.fn(a);
  if (f instanceof PyMethod) return callValue(ip, f.fn, { args: [f.self, ...a.args], kwargs: a.kwargs });
  if (f instanceof PyClass) {
    if (!f.construct) throw pyErr("TypeError", `cannot create '${f.qualname}' instances`);
    return f.construct(a);
  }
  if (f instanceof PyMethodDescriptor) return f.call(a);
  const cls = userClass(f);
  if (cls) {
    const c = cls.lookup("__call__");
    if (c !== undefined && c !== null) {
      if (c instanceof PyFunction) return callFunction(ip, c, { args: [f, ...a.args], kwargs: a.kwargs });
      return callValue(ip, bindAttr(c, f, cls), a);
    }
  }
  throw pyErr("TypeError", `'${typeName(f)}' object is not callable`);
}

export function callFunction(ip: Interpreter, fn: PyFunction, a: CallArgs): PyValue {
  if (ip.frames.length > ip.opts.maxDepth) throw pyErr("RecursionError", "maximum recursion depth exceeded");
  const frame = new Frame(fn.name, fn.localNames, fn.globals, fn.nonlocals, fn.closure, fn.moduleGlobals, fn.code, "function", fn.localsPrefix);
  frame.fn = fn;
  frame.classCell = fn.classCell;
  bindParams(ip, fn, a, frame);
  if (fn.isGenerator) return makeGenerator(ip, fn, frame);
  ip.frames.push(frame);
  try {
    if (!Array.isArray(fn.body)) {
      ip.tick();
      frame.line = fn.code.lines.line((fn.body as Expr).from);
      try {
        return ip.eval(fn.body as Expr, frame);
      } catch (e) {
        // a lambda has no statements to record where it failed: its frame is taken here
        throw ip.withTraceback(e);
      }
    }
    const c = ip.execBlock(fn.body, frame);
    return c instanceof Return ? c.value : null;
  } finally {
    ip.frames.pop();
    ip.frameExited(frame);
  }
}

function nameList(params: Param[]): string {
  const names = params.map((m) => `'${m.name}'`);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function bindParams(ip: Interpreter, fn: PyFunction, a: CallArgs, frame: Frame): void {
  const positional = fn.positional;
  if (fn.simple && a.kwargs.size === 0 && a.args.length <= positional.length) {
    // the common case: f(x, y) binding only positional parameters
    let ok = true;
    for (let i = 0; i < positional.length; i++) {
      const p = positional[i];
      const v = i < a.args.length ? a.args[i] : fn.defaults.get(p.name);
      if (v === undefined) {
        ok = false;
        break;
      }
      frame.locals.set(p.name, v);
    }
    if (ok) {
      if (ip.tracing) for (const p of positional) ip.emitBinding(p.name, frame.scope, frame.locals.get(p.name)!, frame);
      return;
    }
    frame.locals.clear();
  }
  const star = fn.params.find((p) => p.kind === "star");
  const dstar = fn.params.find((p) => p.kind === "dstar");
  const values = new Map<string, PyValue>();
  const name = fn.qualname;
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
  const posOnlyByKw: string[] = [];
  for (const [k, v] of a.kwargs) {
    const p = fn.params.find((q) => q.name === k && (q.kind === "normal" || q.kind === "kwonly") && !q.posOnly);
    if (!p && !dstar && fn.params.some((q) => q.name === k && q.posOnly)) {
      posOnlyByKw.push(k);
      continue;
    }
    if (!p) {
      if (!dstar) {
        // CPython 3.13 suggests the closest parameter name in the message itself
        const near = closest(fn.params.filter((q) => q.kind === "normal" || q.kind === "kwonly").map((q) => q.name), k);
        throw pyErr("TypeError", `${name}() got an unexpected keyword argument '${k}'${near ? `. Did you mean '${near}'?` : ""}`);
      }
      extraKw.table.set(k, v);
      continue;
    }
    if (values.has(k)) throw pyErr("TypeError", `${name}() got multiple values for argument '${k}'`);
    values.set(k, v);
  }
  if (posOnlyByKw.length)
    throw pyErr("TypeError", `${name}() got some positional-only arguments passed as keyword arguments: '${posOnlyByKw.join(", ")}'`);
  const missing = positional.filter((p) => !values.has(p.name) && !fn.defaults.has(p.name));
  if (missing.length)
    throw pyErr("TypeError", `${name}() missing ${missing.length} required positional argument${missing.length > 1 ? "s" : ""}: ${nameList(missing)}`);
  const missingKw = fn.params.filter((p) => p.kind === "kwonly" && !values.has(p.name) && !fn.defaults.has(p.name));
  if (missingKw.length)
    throw pyErr("TypeError", `${name}() missing ${missingKw.length} required keyword-only argument${missingKw.length > 1 ? "s" : ""}: ${nameList(missingKw)}`);
  for (const p of fn.params) {
    let v: PyValue;
    if (p.kind === "star") v = new PyTuple(a.args.slice(positional.length));
    else if (p.kind === "dstar") v = extraKw;
    else v = values.has(p.name) ? values.get(p.name)! : fn.defaults.get(p.name)!;
    frame.locals.set(p.name, v);
    ip.emitBinding(p.name, frame.scope, v, frame);
  }
}

/** the arguments of a call, `self` first for a method called on its object */
export function evalArgs(ip: Interpreter, args: Arg[], frame: Frame, self?: PyValue): CallArgs {
  const out: CallArgs = { args: self === undefined ? [] : [self], kwargs: EMPTY_KWARGS };
  // arguments already evaluated wait, unnamed, while the next ones run
  const held = budget.held;
  const at = held.length;
  held.push(out);
  try {
    evalArgsInto(ip, args, frame, out);
  } finally {
    held.length = at;
  }
  return out;
}

function evalArgsInto(ip: Interpreter, args: Arg[], frame: Frame, out: CallArgs): void {
  for (const a of args) {
    if (a.kind === "kw" || a.kind === "dstar") {
      if (out.kwargs === EMPTY_KWARGS) out.kwargs = new Map();
    }
    switch (a.kind) {
      case "pos":
        out.args.push(ip.eval(a.value, frame));
        break;
      case "star":
        pushAll(out.args, iterate(ip.eval(a.value, frame)));
        break;
      case "kw":
        out.kwargs.set(a.name, ip.eval(a.value, frame));
        break;
      case "dstar": {
        const d = ip.eval(a.value, frame);
        if (!(d instanceof PyDict)) throw pyErr("TypeError", `argument after ** must be a mapping, not ${typeName(d)}`);
        for (const [k, v] of d.table.entries()) {
          if (typeof k !== "string") throw pyErr("TypeError", "keywords must be strings");
          if (out.kwargs.has(k)) throw pyErr("TypeError", `got multiple values for keyword argument '${k}'`);
          out.kwargs.set(k, v);
        }
      }
    }
  }
}

function evalDefaults(ip: Interpreter, params: Param[], frame: Frame): Map<string, PyValue> {
  const d = new Map<string, PyValue>();
  for (const p of params) if (p.default) d.set(p.name, ip.eval(p.default, frame));
  return d;
}

/** the frame a function defined in `frame` closes over: class bodies are not scopes for it */
function closureOf(frame: Frame): Frame | null {
  return frame.kind === "function" ? frame : frame.kind === "class" ? frame.parent : null;
}

export function makeFunction(ip: Interpreter, s: Extract<Stmt, { k: "def" }>, frame: Frame): PyFunction {
  const fn = new PyFunction({
    name: s.name,
    qualname: frame.qualPrefix + s.name,
    params: s.params,
    body: s.body,
    defaults: evalDefaults(ip, s.params, frame),
    localNames: s.localNames,
    globals: s.globals,
    nonlocals: s.nonlocals,
    closure: closureOf(frame),
    moduleGlobals: frame.globals,
    code: frame.code,
    isGenerator: s.isGenerator,
    classCell: frame.classCell,
  });
  fn.doc = s.doc;
  return fn;
}

export function makeLambda(ip: Interpreter, e: Extract<Expr, { k: "lambda" }>, frame: Frame): PyFunction {
  return new PyFunction({
    name: "<lambda>",
    qualname: `${frame.qualPrefix}<lambda>`,
    params: e.params,
    body: e.body,
    defaults: evalDefaults(ip, e.params, frame),
    localNames: e.localNames,
    globals: new Set(),
    nonlocals: new Set(),
    closure: closureOf(frame),
    moduleGlobals: frame.globals,
    code: frame.code,
    isGenerator: false,
    classCell: frame.classCell,
  });
}
