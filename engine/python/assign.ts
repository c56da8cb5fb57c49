// Assignment targets: names, attributes, subscripts, tuple unpacking with a starred target,
// augmented assignment (in place where the type has it) and del.
import type { Expr } from "./ast.ts";
import { delAttr, getAttr, setAttr } from "./attributes.ts";
import type { Interpreter } from "./interpreter.ts";
import { binaryOp, delItem, dictSet, getItem, iterate, setItem } from "./ops.ts";
import type { Frame } from "./scope.ts";
import { PyDict, PyError, PyList, type PyValue, foreignOf, pyErr, typeName } from "./values.ts";

export function assignTarget(ip: Interpreter, t: Expr, v: PyValue, frame: Frame): void {
  switch (t.k) {
    case "name":
      ip.store(t.id, v, frame, t);
      return;
    case "attr": {
      const obj = ip.eval(t.obj, frame);
      frame.pos = t;
      ip.at(t, frame);
      setAttr(obj, t.name, v);
      return;
    }
    case "subscript": {
      const obj = ip.eval(t.obj, frame);
      const idx = ip.eval(t.index, frame);
      frame.pos = t;
      ip.at(t, frame);
      setItem(obj, idx, v);
      return;
    }
    case "tuple":
    case "list":
      frame.pos = t;
      return unpack(ip, t.items, v, frame);
    case "starred":
      throw pyErr("SyntaxError", "starred assignment target must be in a list or tuple");
  }
  throw pyErr("SyntaxError", "cannot assign to expression");
}

function unpack(ip: Interpreter, targets: Expr[], v: PyValue, frame: Frame): void {
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
    targets.forEach((t, i) => assignTarget(ip, t, items[i], frame));
    return;
  }
  const after = targets.length - star - 1;
  if (items.length < targets.length - 1)
    throw pyErr("ValueError", `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
  targets.slice(0, star).forEach((t, i) => assignTarget(ip, t, items[i], frame));
  const starTarget = targets[star] as Extract<Expr, { k: "starred" }>;
  assignTarget(ip, starTarget.value, new PyList(items.slice(star, items.length - after)), frame);
  targets.slice(star + 1).forEach((t, i) => assignTarget(ip, t, items[items.length - after + i], frame));
}

/** `target op= value`, with the already-evaluated right side when a generator resumes it */
export function augAssign(ip: Interpreter, t: Expr, op: string, valueExpr: Expr, frame: Frame, rhsValue?: PyValue): void {
  switch (t.k) {
    case "name": {
      const cur = ip.lookup(t.id, frame);
      const r0 = rhsValue !== undefined ? rhsValue : ip.eval(valueExpr, frame);
      frame.pos = null;
      ip.at(t, frame);
      ip.store(t.id, binaryOp(op, cur, r0, true), frame, t);
      return;
    }
    case "attr": {
      const obj = ip.eval(t.obj, frame);
      frame.pos = t;
      const cur = getAttr(obj, t.name);
      const r0 = rhsValue !== undefined ? rhsValue : ip.eval(valueExpr, frame);
      frame.pos = null;
      ip.at(t, frame);
      const r = binaryOp(op, cur, r0, true);
      if (r !== cur || !foreignOf(r)) setAttr(obj, t.name, r);
      return;
    }
    case "subscript": {
      const obj = ip.eval(t.obj, frame);
      const idx = ip.eval(t.index, frame);
      frame.pos = t;
      const cur = getItem(obj, idx);
      const r0 = rhsValue !== undefined ? rhsValue : ip.eval(valueExpr, frame);
      frame.pos = null;
      ip.at(t, frame);
      setItem(obj, idx, binaryOp(op, cur, r0, true));
      return;
    }
  }
  throw pyErr("SyntaxError", "illegal expression for augmented assignment");
}

export function deleteTarget(ip: Interpreter, t: Expr, frame: Frame): void {
  switch (t.k) {
    case "name":
      frame.pos = t;
      if (frame.localNames !== null && frame.localNames.has(t.id) && !frame.locals.has(t.id))
        throw pyErr("UnboundLocalError", `cannot access local variable '${t.id}' where it is not associated with a value`);
      ip.unbind(t.id, frame, t);
      return;
    case "subscript": {
      const obj = ip.eval(t.obj, frame);
      const idx = ip.eval(t.index, frame);
      ip.at(t, frame);
      delItem(obj, idx);
      return;
    }
    case "attr": {
      const obj = ip.eval(t.obj, frame);
      ip.at(t, frame);
      delAttr(obj, t.name);
      return;
    }
    case "tuple":
    case "list":
      for (const i of t.items) deleteTarget(ip, i, frame);
      return;
  }
  throw pyErr("SyntaxError", "cannot delete expression");
}

/** `x: T` in a module or class body: T (or its text under `from __future__ import annotations`)
 *  goes into the namespace's __annotations__ for a plain name, as CPython stores it after the
 *  value; a function body does not evaluate annotations at all. */
export function recordAnnotation(ip: Interpreter, target: Expr, annotation: Expr, text: string | null, frame: Frame): void {
  if (frame.kind === "function") return;
  const value = text ?? ip.eval(annotation, frame);
  if (target.k !== "name") return;
  const found = frame.locals.get("__annotations__");
  const table = found instanceof PyDict ? found : new PyDict();
  if (table !== found) frame.locals.set("__annotations__", table);
  dictSet(table, target.id, value);
}
