// Evaluating expressions: names, operators, calls, attributes, subscripts, displays, f-strings,
// lambdas, comprehensions (list/set/dict built at once, generator expressions lazily).
import type { Expr, FStringPart } from "./ast.ts";
import { callFunction, evalArgs, makeLambda } from "./calls.ts";
import type { Interpreter } from "./interpreter.ts";
import { getAttr, plainMethod } from "./attributes.ts";
import { SLOT_BYTES } from "./budget.ts";
import { binaryOp, budget, compare, dictSet, formatValue, getItem, holding, iterate, pyIter, truthy, unaryOp, pushAll } from "./ops.ts";
import { pyRepr, pyStr } from "./repr.ts";
import { Frame } from "./scope.ts";
import { PyDict, PyIterator, PyList, PySet, PySlice, PyTuple, type PyValue, pyErr, typeName } from "./values.ts";
import { generatorClass } from "./generators.ts";
import { afterBinary, afterUnary, madeBy, operandsFailed, peekOperand } from "./temporaries.ts";

/** an operator's operand: a name is peeked (not yet a read), anything else evaluated */
function operand(ip: Interpreter, e: Expr, frame: Frame): PyValue {
  if (e.k !== "name") return evalExpr(ip, e, frame);
  frame.pos = e;
  return ip.peek(e.id, frame);
}

export function evalExpr(ip: Interpreter, e: Expr, frame: Frame): PyValue {
  switch (e.k) {
    case "const":
      return e.value;
    case "name":
      frame.pos = e;
      return ip.lookup(e.id, frame);
    case "binop": {
      // operands a tensor operator made, or names read only by the operator (temporaries.ts)
      const l = operand(ip, e.left, frame);
      const lMade = madeBy(e.left, l);
      const lPeeked = e.left.k === "name" && peekOperand(l);
      // the left operand waits, unnamed, while the right one runs (perhaps a recursive call)
      const held = budget.held;
      const at = held.length;
      if (typeof l === "object") held.push(l);
      let r: PyValue;
      let rMade = false;
      try {
        r = operand(ip, e.right, frame);
        rMade = madeBy(e.right, r);
      } catch (err) {
        operandsFailed(l, lPeeked);
        throw err;
      } finally {
        held.length = at;
      }
      const rPeeked = e.right.k === "name" && peekOperand(r);
      let result: PyValue;
      try {
        frame.pos = e;
        ip.at(e, frame);
        result = binaryOp(e.op, l, r);
      } catch (err) {
        operandsFailed(l, lPeeked, r, rPeeked);
        throw err;
      }
      return afterBinary(result, l, r, lMade, rMade, lPeeked, rPeeked);
    }
    case "unary": {
      const v = operand(ip, e.operand, frame);
      const made = madeBy(e.operand, v);
      const peeked = e.operand.k === "name" && peekOperand(v);
      let result: PyValue;
      try {
        frame.pos = e;
        ip.at(e, frame);
        result = unaryOp(e.op, v);
      } catch (err) {
        operandsFailed(v, peeked);
        throw err;
      }
      return afterUnary(result, v, made, peeked);
    }
    case "boolop": {
      const l = evalExpr(ip, e.left, frame);
      if (e.op === "and" ? !truthy(l) : truthy(l)) return l;
      return evalExpr(ip, e.right, frame);
    }
    case "compare": {
      let left = evalExpr(ip, e.left, frame);
      let result: PyValue = true;
      for (let i = 0; i < e.ops.length; i++) {
        const right = evalExpr(ip, e.rights[i], frame);
        frame.pos = e;
        ip.at(e, frame);
        result = compare(e.ops[i], left, right);
        if (i < e.ops.length - 1 && !truthy(result)) return result;
        left = right;
      }
      return result;
    }
    case "call": {
      const fx = e.func;
      let f: PyValue;
      if (fx.k === "attr") {
        // obj.method(...): a plain function of a user class is called with obj first, without
        // making a bound method object (CPython's LOAD_ATTR method path)
        const obj = evalExpr(ip, fx.obj, frame);
        frame.pos = fx;
        const m = plainMethod(obj, fx.name);
        if (m) {
          const a = evalArgs(ip, e.args, frame, obj);
          ip.tick();
          frame.pos = e;
          ip.at(e, frame);
          return callFunction(ip, m, a);
        }
        f = getAttr(obj, fx.name);
      } else f = evalExpr(ip, fx, frame);
      const a = evalArgs(ip, e.args, frame);
      ip.tick();
      frame.pos = e;
      ip.at(e, frame);
      // unnamed arguments stay reachable while a builtin works on them
      const held = budget.held;
      const at = held.length;
      held.push(a.args);
      try {
        return ip.call(f, a);
      } finally {
        held.length = at;
      }
    }
    case "attr": {
      const obj = evalExpr(ip, e.obj, frame);
      frame.pos = e;
      return getAttr(obj, e.name);
    }
    case "subscript": {
      const obj = evalExpr(ip, e.obj, frame);
      const idx = evalExpr(ip, e.index, frame);
      frame.pos = e;
      ip.at(e, frame);
      return getItem(obj, idx);
    }
    case "slice":
      return new PySlice(
        e.lower ? evalExpr(ip, e.lower, frame) : null,
        e.upper ? evalExpr(ip, e.upper, frame) : null,
        e.step ? evalExpr(ip, e.step, frame) : null,
      );
    case "tuple":
      return new PyTuple(evalItems(ip, e.items, frame));
    case "list":
      return new PyList(evalItems(ip, e.items, frame));
    case "set": {
      const items = evalItems(ip, e.items, frame);
      frame.pos = e;
      return makeSet(items, e.items.length > 2 && e.items.every((i) => i.k === "const"));
    }
    case "dict": {
      const d = new PyDict();
      for (const { key, value } of e.entries) {
        if (key === null) {
          const src = evalExpr(ip, value, frame);
          if (!(src instanceof PyDict)) throw pyErr("TypeError", `'${typeName(src)}' object is not a mapping`);
          for (const [k, v] of src.table.entries()) d.table.set(k, v);
        } else {
          const k = evalExpr(ip, key, frame);
          const v = evalExpr(ip, value, frame);
          frame.pos = e;
          dictSet(d, k, v);
        }
      }
      return d;
    }
    case "fstring":
      return fstring(ip, e.parts, frame, e);
    case "ifexp":
      return truthy(evalExpr(ip, e.test, frame)) ? evalExpr(ip, e.body, frame) : evalExpr(ip, e.orelse, frame);
    case "comp":
    case "dictcomp":
      frame.pos = e;
      return comprehension(ip, e, frame);
    case "lambda":
      return makeLambda(ip, e, frame);
    case "namedexpr": {
      const v = evalExpr(ip, e.value, frame);
      ip.store(e.target, v, frame.name.startsWith("<") && frame.name.endsWith("comp>") && frame.parent ? frame.parent : frame, e);
      return v;
    }
    case "starred":
      throw pyErr("SyntaxError", "can't use starred expression here");
    case "yield":
    case "yieldfrom":
      // generator bodies run in generators.ts; a yield reaching here sits where it cannot pause
      throw pyErr("NotImplementedError", `yield inside this expression (line ${frame.code.lines.line(e.from)}) is outside the Python subset Gradlens runs`);
    case "unsupported":
      throw pyErr("NotImplementedError", `${e.what} (line ${frame.code.lines.line(e.from)}) ${e.what.endsWith("s") ? "are" : "is"} outside the Python subset Gradlens runs`);
  }
}

/** A set display: a constant one (3+ items) is built as CPython's compiler builds it — a
 *  frozenset merged into an empty set — which decides its iteration order. */
export function makeSet(items: PyValue[], constant = false): PySet {
  const s = new PySet();
  if (constant) {
    const frozen = new PySet();
    for (const v of items) frozen.table.add(v);
    s.table.merge(frozen.table);
    return s;
  }
  for (const v of items) s.table.add(v);
  return s;
}

export function evalItems(ip: Interpreter, items: Expr[], frame: Frame): PyValue[] {
  const out: PyValue[] = [];
  const held = budget.held;
  const at = held.length;
  held.push(out);
  try {
    for (const i of items) {
      if (i.k === "starred") pushAll(out, iterate(evalExpr(ip, i.value, frame)));
      else out.push(evalExpr(ip, i, frame));
    }
  } finally {
    held.length = at;
  }
  return out;
}

function fstring(ip: Interpreter, parts: FStringPart[], frame: Frame, whole: Expr): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    let v = evalExpr(ip, p.expr, frame);
    if (p.conversion === "r" || p.conversion === "a") v = pyRepr(v);
    else if (p.conversion === "s") v = pyStr(v);
    const spec = p.spec ? fstring(ip, p.spec, frame, whole) : "";
    frame.pos = replacementField(frame.code.lines.source, p.expr, whole);
    out += (p.selfDoc ?? "") + formatValue(v, spec);
  }
  return out;
}

/** an f-string's {expr!conv:spec} around expr, braces included (where 3.12+ reports a format error) */
function replacementField(src: string, expr: Expr, whole: Expr): Expr {
  let a = expr.from;
  while (a > whole.from && src[a - 1] !== "{") a--;
  let b = expr.to;
  for (let depth = 0; b < whole.to; b++) {
    if (src[b] === "{") depth++;
    else if (src[b] === "}" && depth-- === 0) break;
  }
  return a > whole.from && b < whole.to ? { ...whole, from: a - 1, to: b + 1 } : whole;
}

type ComprehensionExpr = Extract<Expr, { k: "comp" | "dictcomp" }>;

function comprehensionFrame(e: ComprehensionExpr, outer: Frame): Frame {
  const names = new Set<string>();
  const collect = (t: Expr): void => {
    if (t.k === "name") names.add(t.id);
    else if (t.k === "tuple" || t.k === "list") t.items.forEach(collect);
    else if (t.k === "starred") collect(t.value);
  };
  e.gens.forEach((g) => collect(g.target));
  const scopeName = e.k === "dictcomp" ? "<dictcomp>" : e.kind === "list" ? "<listcomp>" : e.kind === "set" ? "<setcomp>" : "<genexpr>";
  // a class body's names are not visible in its comprehensions (its enclosing function's are)
  const parent = outer.kind === "module" ? null : outer.kind === "class" ? outer.parent : outer;
  const frame = new Frame(scopeName, names, new Set(), new Set(), parent, outer.globals, outer.code, "function", outer.qualPrefix);
  frame.line = outer.line;
  return frame;
}

function comprehension(ip: Interpreter, e: ComprehensionExpr, outer: Frame): PyValue {
  const frame = comprehensionFrame(e, outer);
  // the first iterable is evaluated in the enclosing scope, as in CPython
  const firstIter = evalExpr(ip, e.gens[0].iter, outer);
  if (e.k === "comp" && e.kind === "gen") return generatorExpression(ip, e, frame, firstIter);
  const results: PyValue[] = [];
  const dict = new PyDict();
  const loop = (level: number): void => {
    const g = e.gens[level];
    const iterable = level === 0 ? firstIter : evalExpr(ip, g.iter, frame);
    for (const item of iterate(iterable)) {
      ip.tick();
      ip.assign(g.target, item, frame);
      if (!g.ifs.every((c) => truthy(evalExpr(ip, c, frame)))) continue;
      if (level + 1 < e.gens.length) loop(level + 1);
      else if (e.k === "dictcomp") {
        const k = evalExpr(ip, e.key, frame);
        dictSet(dict, k, evalExpr(ip, e.value, frame));
      } else {
        results.push(evalExpr(ip, e.elt, frame));
        budget.allocate(SLOT_BYTES);
      }
    }
  };
  outer.pos = e;
  ip.frames.push(frame);
  try {
    holding([results, dict], () => loop(0));
  } catch (err) {
    throw ip.withTraceback(err);
  } finally {
    ip.frames.pop();
    ip.frameExited(frame);
  }
  if (e.k === "dictcomp") return dict;
  if (e.kind === "list") return new PyList(results);
  return makeSet(results);
}

/** `(f(x) for x in xs)`: each item computed when it is asked for, in its own frame. */
function generatorExpression(ip: Interpreter, e: Extract<Expr, { k: "comp" }>, frame: Frame, firstIter: PyValue): PyIterator {
  function* loop(level: number, source?: PyValue): Generator<PyValue, void, undefined> {
    const g = e.gens[level];
    const iterable = level === 0 ? source! : evalExpr(ip, g.iter, frame);
    for (const item of iterate(iterable)) {
      ip.tick();
      ip.assign(g.target, item, frame);
      if (!g.ifs.every((c) => truthy(evalExpr(ip, c, frame)))) continue;
      if (level + 1 < e.gens.length) yield* loop(level + 1);
      else yield evalExpr(ip, e.elt, frame);
    }
  }
  // iter() of the first iterable happens at once (a TypeError surfaces where the genexpr is made)
  const source = pyIter(firstIter);
  const it = loop(0, source);
  let done = false;
  return new PyIterator(generatorClass, () => {
    if (done) return undefined;
    ip.frames.push(frame);
    try {
      const r = it.next();
      if (r.done) done = true;
      return r.done ? undefined : r.value;
    } catch (err) {
      done = true;
      throw ip.withTraceback(err);
    } finally {
      ip.frames.pop();
      if (done) ip.frameExited(frame);
    }
  }, `${frame.qualPrefix}<genexpr>`);
}
