// Source -> the interpreter's syntax tree (ast.ts), through @lezer/python (the grammar the
// editor uses). Lezer recovers from errors silently, so any error node becomes Python's
// SyntaxError here, before anything runs. Constructs outside the subset become
// "unsupported" nodes that raise NotImplementedError when reached.
import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";
import type { Expr, Handler, Loc, Stmt } from "./ast.ts";
import { ExprBuilder, kids } from "./exprbuilder.ts";
import { LineMap } from "./lines.ts";
import { docstring, scopeNames } from "./scopenames.ts";
import { chooseSyntaxError, problemError } from "./syntaxerrors.ts";
import { tokenCheck } from "./tokencheck.ts";

export { LineMap, PySyntaxError } from "./lines.ts";

export interface Module {
  body: Stmt[];
  lines: LineMap;
}

export function parseModule(source: string): Module {
  const lines = new LineMap(source);
  const check = tokenCheck(source);
  const tree = parser.parse(trailingDotFloats(source));
  const cursor = tree.cursor();
  let errorAt: number | null = null;
  do {
    // `x = yield` and `(yield)`: Lezer wants a value after `yield` and leaves an empty error node
    if (cursor.type.isError && !(cursor.from === cursor.to && /^Yield(Expression|Statement)$/.test(cursor.node.parent?.name ?? ""))) {
      errorAt = Math.min(cursor.from, source.length);
      break;
    }
  } while (cursor.next());
  const problem = chooseSyntaxError(check, errorAt, lines);
  if (problem) throw problemError(problem, lines);
  return { body: new Builder(source, lines).statements(tree.topNode), lines };
}

/** The source with the dot of every trailing-dot float (`1.`, `2.e3`) turned into a `0`, for the
 *  parser only: @lezer/python's Number token needs a digit after the dot and reads `1.` as an
 *  attribute access. The length stays the same, so every offset still points into the real source,
 *  which is where the literal's text (and so its value) is read from. In Python a digit run
 *  directly followed by a dot is always a float literal (`1 .real` needs the space). */
export function trailingDotFloats(source: string): string {
  const cursor = parser.parse(source).cursor();
  let out: string[] | null = null;
  do {
    if (cursor.name !== "Number" || source[cursor.to] !== ".") continue;
    if (!/^\d[\d_]*$/.test(source.slice(cursor.from, cursor.to))) continue;
    out ??= source.split("");
    out[cursor.to] = "0";
  } while (cursor.next());
  return out ? out.join("") : source;
}

/** Statements of the tree (expressions: ExprBuilder). */
class Builder extends ExprBuilder {
  /** `from __future__ import annotations` was seen: annotations stay strings */
  private futureAnnotations = false;
  // ---- statements ----

  statements(parent: SyntaxNode): Stmt[] {
    const out: Stmt[] = [];
    for (const c of kids(parent)) {
      if (c.name === ":" || c.name === "Body") continue;
      if (c.name === "StatementGroup") {
        for (const s of kids(c)) if (s.name !== ";") out.push(this.statement(s));
      } else out.push(this.statement(c));
    }
    return out;
  }

  private body(n: SyntaxNode | undefined): Stmt[] {
    if (!n || n.name !== "Body") return [];
    return this.statements(n);
  }

  private loopBody(n: SyntaxNode | undefined): Stmt[] {
    const outer = this.inLoop;
    this.inLoop = true;
    try {
      return this.body(n);
    } finally {
      this.inLoop = outer;
    }
  }

  private statement(n: SyntaxNode): Stmt {
    const loc = { from: n.from, to: n.to, line: this.lines.line(n.from) };
    const ch = kids(n);
    switch (n.name) {
      case "ExpressionStatement":
        return { ...loc, k: "expr", value: this.exprList(ch, n) };
      case "AssignStatement":
        return this.assign(n, ch, loc);
      case "UpdateStatement": {
        const opIndex = ch.findIndex((c) => c.name === "UpdateOp");
        const target = this.exprList(ch.slice(0, opIndex), n);
        if (target.k !== "name" && target.k !== "attr" && target.k !== "subscript")
          this.fail(n, "'tuple' is an illegal expression for augmented assignment");
        const value = this.exprList(ch.slice(opIndex + 1), n);
        return { ...loc, k: "augassign", target, op: this.text(ch[opIndex]).slice(0, -1), value };
      }
      case "DeleteStatement": {
        const targets = this.commaList(ch.slice(1)).map((g) => this.expr(g[0]));
        for (const t of targets) this.checkTarget(t, "del");
        return { ...loc, k: "del", targets };
      }
      case "PassStatement":
        return { ...loc, k: "pass" };
      case "BreakStatement":
        if (!this.inLoop) this.fail(n, "'break' outside loop");
        return { ...loc, k: "break" };
      case "ContinueStatement":
        if (!this.inLoop) this.fail(n, "'continue' not properly in loop");
        return { ...loc, k: "continue" };
      case "ReturnStatement":
        if (!this.inFunction) this.fail(n, "'return' outside function");
        return { ...loc, k: "return", value: ch.length > 1 ? this.exprList(ch.slice(1), n) : null };
      case "RaiseStatement": {
        const fromIndex = ch.findIndex((c) => c.name === "from");
        if (ch.some((c) => c.name === ",")) this.fail(n);
        return {
          ...loc,
          k: "raise",
          exc: ch.length > 1 ? this.expr(ch[1]) : null,
          cause: fromIndex > 0 ? this.expr(ch[fromIndex + 1]) : null,
        };
      }
      case "ImportStatement":
        return this.importStatement(ch, loc);
      case "ScopeStatement":
        return {
          ...loc,
          k: ch[0].name === "global" ? "global" : "nonlocal",
          names: ch.filter((c) => c.name === "VariableName").map((c) => this.text(c)),
        };
      case "AssertStatement": {
        const groups = this.commaList(ch.slice(1));
        return {
          ...loc,
          k: "assert",
          test: this.expr(groups[0][0]),
          msg: groups[1] ? this.expr(groups[1][0]) : null,
        };
      }
      case "PrintStatement":
        this.fail(n, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        break;
      case "IfStatement":
        return this.ifStatement(ch, 0, loc);
      case "WhileStatement": {
        const bodies = ch.filter((c) => c.name === "Body");
        return {
          ...loc,
          k: "while",
          test: this.expr(ch[1]),
          body: this.loopBody(bodies[0]),
          orelse: this.body(bodies[1]),
          header: this.header(n, bodies[0]),
        };
      }
      case "ForStatement":
        return this.forStatement(n, ch, loc);
      case "TryStatement":
        return this.tryStatement(n, ch, loc);
      case "WithStatement":
        return this.withStatement(n, ch, loc);
      case "FunctionDefinition":
        return this.def(n, ch, loc, []);
      case "ClassDefinition":
        return this.classDef(n, ch, loc, []);
      case "DecoratedStatement": {
        const decorators = ch.filter((c) => c.name === "Decorator").map((d) => this.decorator(d));
        const inner = ch[ch.length - 1];
        // the statement starts at its def/class line (CPython reports that line for it)
        const at = { from: inner.from, to: inner.to, line: this.lines.line(inner.from) };
        if (inner.name === "FunctionDefinition") return this.def(inner, kids(inner), at, decorators);
        if (inner.name === "ClassDefinition") return this.classDef(inner, kids(inner), at, decorators);
        this.fail(inner);
        break;
      }
      case "MatchStatement":
        return { ...loc, k: "unsupported", what: "match statements" };
      case "YieldStatement":
        return { ...loc, k: "expr", value: this.yieldExpr(n, ch) };
      case "TypeDefinition":
        return { ...loc, k: "unsupported", what: "type aliases" };
    }
    if (ch.some((c) => c.name === "async")) return { ...loc, k: "unsupported", what: "async code" };
    return { ...loc, k: "unsupported", what: `the ${n.name} statement` };
  }

  private header(n: SyntaxNode, body: SyntaxNode | undefined): Loc {
    return { from: n.from, to: body ? body.from + 1 : n.to };
  }

  private assign(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }): Stmt {
    const typeDef = ch.findIndex((c) => c.name === "TypeDef");
    if (typeDef >= 0) {
      const target = this.exprList(ch.slice(0, typeDef), n);
      const eq = ch.findIndex((c) => c.name === "AssignOp");
      const typeNodes = kids(ch[typeDef]).filter((c) => c.name !== ":");
      const annotation = this.exprList(typeNodes, ch[typeDef]);
      const annotationText = this.futureAnnotations ? this.text(ch[typeDef]).replace(/^\s*:\s*/, "").trim() : null;
      return { ...loc, k: "annassign", target, value: eq >= 0 ? this.exprList(ch.slice(eq + 1), n) : null, annotation, annotationText };
    }
    const groups: SyntaxNode[][] = [[]];
    for (const c of ch) {
      if (c.name === "AssignOp") groups.push([]);
      else groups[groups.length - 1].push(c);
    }
    const exprs = groups.map((g) => this.exprList(g, n));
    const value = exprs.pop()!;
    for (const t of exprs) this.checkTarget(t, exprs.length === 1 ? "assign" : "nested");
    return { ...loc, k: "assign", targets: exprs, value };
  }

  private importStatement(ch: SyntaxNode[], loc: Loc & { line: number }): Stmt {
    // flatten `a.b.c as d, e` into dotted names
    const readNames = (items: SyntaxNode[]): { name: string; asname: string | null }[] => {
      const out: { name: string; asname: string | null }[] = [];
      let cur = "";
      let asname: string | null = null;
      for (let i = 0; i < items.length; i++) {
        const c = items[i];
        if (c.name === "VariableName") cur += this.text(c);
        else if (c.name === ".") cur += ".";
        else if (c.name === "as") asname = this.text(items[++i]);
        else if (c.name === ",") {
          out.push({ name: cur, asname });
          cur = "";
          asname = null;
        } else if (c.name === "*") cur = "*";
      }
      if (cur) out.push({ name: cur, asname });
      return out;
    };
    const flat = ch.flatMap((c) => (c.name === "importList" ? kids(c).filter((k) => k.name !== "(" && k.name !== ")") : [c]));
    if (flat[0].name === "import") {
      return { ...loc, k: "import", names: readNames(flat.slice(1)).map((x) => ({ module: x.name, asname: x.asname })) };
    }
    const importAt = flat.findIndex((c) => c.name === "import");
    const module = flat
      .slice(1, importAt)
      .map((c) => this.text(c))
      .join("");
    const names = readNames(flat.slice(importAt + 1));
    if (module === "__future__" && names.some((x) => x.name === "annotations")) this.futureAnnotations = true;
    return { ...loc, k: "importfrom", module, names };
  }

  private ifStatement(ch: SyntaxNode[], start: number, loc: Loc & { line: number }): Stmt {
    // ch[start] is "if" or "elif"
    const test = this.expr(ch[start + 1]);
    const bodyNode = ch[start + 2];
    const body = this.body(bodyNode);
    const header = { from: ch[start].from, to: bodyNode.from + 1 };
    const next = ch[start + 3];
    let orelse: Stmt[] = [];
    if (next?.name === "elif") {
      orelse = [this.ifStatement(ch, start + 3, { from: next.from, to: loc.to, line: this.lines.line(next.from) })];
    } else if (next?.name === "else") orelse = this.body(ch[start + 4]);
    return { ...loc, k: "if", test, body, orelse, header };
  }

  private forStatement(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }): Stmt {
    if (ch[0].name === "async") return { ...loc, k: "unsupported", what: "async for" };
    const inAt = ch.findIndex((c) => c.name === "in");
    const bodies = ch.filter((c) => c.name === "Body");
    const bodyAt = ch.indexOf(bodies[0]);
    const target = this.exprList(ch.slice(1, inAt), n);
    this.checkTarget(target);
    return {
      ...loc,
      k: "for",
      target,
      iter: this.exprList(ch.slice(inAt + 1, bodyAt), n),
      body: this.loopBody(bodies[0]),
      orelse: this.body(bodies[1]),
      header: this.header(n, bodies[0]),
    };
  }

  private tryStatement(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }): Stmt {
    const handlers: Handler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    const body = this.body(ch[1]);
    for (let i = 2; i < ch.length; i++) {
      const c = ch[i];
      if (c.name === "except") {
        let j = i + 1;
        if (ch[j]?.name === "*") return { ...loc, k: "unsupported", what: "except* (exception groups)" };
        let type: Expr | null = null;
        let name: string | null = null;
        if (ch[j].name !== "Body") type = this.expr(ch[j++]);
        if (ch[j].name === "as") {
          name = this.text(ch[j + 1]);
          j += 2;
        } else if (ch[j].name === ",") this.fail(ch[j], "multiple exception types must be parenthesized");
        handlers.push({ type, name, body: this.body(ch[j]), loc: { from: c.from, to: ch[j].from + 1 } });
        i = j;
      } else if (c.name === "else") orelse = this.body(ch[++i]);
      else if (c.name === "finally") finalbody = this.body(ch[++i]);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      // CPython points at what follows the try block
      const next = /^(?:\s|#[^\n]*)*/.exec(this.src.slice(n.to))![0].length + n.to;
      const word = /^(?:[\p{L}_][\p{L}\p{N}_]*|.)/su.exec(this.src.slice(next))?.[0].length ?? 1;
      this.fail(next < this.src.length ? { from: next, to: next + word } : n, "expected 'except' or 'finally' block");
    }
    return { ...loc, k: "try", body, handlers, orelse, finalbody, header: this.header(n, ch[1]) };
  }

  private withStatement(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }): Stmt {
    if (ch[0].name === "async") return { ...loc, k: "unsupported", what: "async with" };
    const bodyNode = ch[ch.length - 1];
    const items: { ctx: Expr; as: Expr | null }[] = [];
    for (const g of this.commaList(ch.slice(1, -1))) {
      const ctx = this.expr(g[0]);
      items.push({ ctx, as: g[1]?.name === "as" ? this.expr(g[2]) : null });
    }
    return { ...loc, k: "with", items, body: this.body(bodyNode), header: this.header(n, bodyNode) };
  }

  private def(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }, decorators: Expr[]): Stmt {
    if (ch[0].name === "async") return { ...loc, k: "unsupported", what: "async functions" };
    const name = this.text(ch[1]);
    const paramNode = ch.find((c) => c.name === "ParamList")!;
    const bodyNode = ch.find((c) => c.name === "Body")!;
    const params = this.params(kids(paramNode).filter((c) => c.name !== "(" && c.name !== ")"));
    const outer = [this.inFunction, this.inLoop, this.sawYield];
    [this.inFunction, this.inLoop, this.sawYield] = [true, false, false];
    let body: Stmt[];
    let isGenerator: boolean;
    try {
      body = this.body(bodyNode);
      isGenerator = this.sawYield;
    } finally {
      [this.inFunction, this.inLoop, this.sawYield] = outer;
    }
    const { locals, globals, nonlocals } = scopeNames(body, params);
    return {
      ...loc,
      k: "def",
      name,
      params,
      body,
      localNames: locals,
      globals,
      nonlocals,
      header: this.header(n, bodyNode),
      decorators,
      isGenerator,
      doc: docstring(body),
    };
  }

  private classDef(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }, decorators: Expr[]): Stmt {
    const name = this.text(ch[1]);
    const argNode = ch.find((c) => c.name === "ArgList");
    const bodyNode = ch.find((c) => c.name === "Body")!;
    const bases = argNode ? this.args(kids(argNode)) : [];
    const outer = [this.inFunction, this.inLoop, this.sawYield];
    [this.inFunction, this.inLoop, this.sawYield] = [false, false, false];
    let body: Stmt[];
    try {
      body = this.body(bodyNode);
    } finally {
      [this.inFunction, this.inLoop, this.sawYield] = outer;
    }
    const { globals } = scopeNames(body, []);
    return { ...loc, k: "class", name, bases, body, header: this.header(n, bodyNode), decorators, doc: docstring(body), globals };
  }

  /** `@name.attr(args)`: Lezer gives the dotted name's parts and the argument list flat */
  private decorator(d: SyntaxNode): Expr {
    let e: Expr | null = null;
    for (const c of kids(d).slice(1)) {
      if (c.name === "VariableName") {
        const loc: Loc = { from: e ? e.from : c.from, to: c.to };
        e = e ? { ...loc, k: "attr", obj: e, name: this.text(c) } : { ...loc, k: "name", id: this.text(c) };
      } else if (c.name === "ArgList" && e) e = { from: e.from, to: c.to, k: "call", func: e, args: this.args(kids(c)) };
      else if (c.name !== ".") this.fail(c);
    }
    if (!e) this.fail(d);
    return e;
  }
}

export { decodeEscapes } from "./literals.ts";
export { scopeNames } from "./scopenames.ts";
