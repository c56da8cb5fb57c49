// What a def or class body binds (its local names) and declares global/nonlocal, found before
// it runs, as CPython's compiler does; and its docstring.
import type { Expr, Param, Stmt } from "./ast.ts";

/** The docstring of a def or class body: its first statement, when that is a string. */
export function docstring(body: Stmt[]): string | null {
  const first = body[0];
  return first?.k === "expr" && first.value.k === "const" && typeof first.value.value === "string" ? first.value.value : null;
}

/** Names a function body binds (its locals), and its global/nonlocal declarations. */
export function scopeNames(
  body: Stmt[],
  params: Param[],
): { locals: Set<string>; globals: Set<string>; nonlocals: Set<string> } {
  const locals = new Set(params.map((p) => p.name));
  const globals = new Set<string>();
  const nonlocals = new Set<string>();
  const target = (e: Expr | null): void => {
    if (!e) return;
    if (e.k === "name") locals.add(e.id);
    else if (e.k === "tuple" || e.k === "list") e.items.forEach(target);
    else if (e.k === "starred") target(e.value);
  };
  const walrus = (e: Expr | null): void => {
    if (!e) return;
    if (e.k === "namedexpr") locals.add(e.target);
  };
  const visit = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      switch (s.k) {
        case "assign":
          s.targets.forEach(target);
          walrus(s.value);
          break;
        case "augassign":
        case "annassign":
          target(s.target);
          break;
        case "del":
          s.targets.forEach(target);
          break;
        case "for":
          target(s.target);
          visit(s.body);
          visit(s.orelse);
          break;
        case "while":
          visit(s.body);
          visit(s.orelse);
          break;
        case "if":
          walrus(s.test);
          visit(s.body);
          visit(s.orelse);
          break;
        case "with":
          s.items.forEach((i) => target(i.as));
          visit(s.body);
          break;
        case "try":
          visit(s.body);
          for (const h of s.handlers) {
            if (h.name) locals.add(h.name);
            visit(h.body);
          }
          visit(s.orelse);
          visit(s.finalbody);
          break;
        case "def":
        case "class":
          locals.add(s.name);
          break;
        case "import":
          for (const n of s.names) locals.add(n.asname ?? n.module.split(".")[0]);
          break;
        case "importfrom":
          for (const n of s.names) if (n.name !== "*") locals.add(n.asname ?? n.name);
          break;
        case "global":
          s.names.forEach((n) => globals.add(n));
          break;
        case "nonlocal":
          s.names.forEach((n) => nonlocals.add(n));
          break;
      }
    }
  };
  visit(body);
  for (const g of globals) locals.delete(g);
  for (const n of nonlocals) locals.delete(n);
  return { locals, globals, nonlocals };
}
