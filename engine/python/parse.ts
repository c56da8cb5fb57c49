// Source -> the interpreter's syntax tree (ast.ts), through @lezer/python (the grammar the
// editor uses). Lezer recovers from errors silently, so any error node becomes Python's
// SyntaxError here, before anything runs. Constructs outside the subset become
// "unsupported" nodes that raise NotImplementedError when reached.
import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";
import type { Arg, Comprehension, Expr, FStringPart, Handler, Loc, Param, Stmt } from "./ast.ts";
import { type SyntaxProblem, type Token, type TokenCheck, tokenCheck } from "./tokencheck.ts";
import { Ellipsis } from "./values.ts";

export class PySyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly type: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError",
    /** exclusive end column of the caret range on `line` */
    readonly endCol = col + 1,
    /** CPython prints no caret line (unexpected indent) */
    readonly noCaret = false,
  ) {
    super(message);
  }
}

/** Maps offsets to 1-based lines and 0-based columns. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  col(offset: number): number {
    return offset - this.starts[this.line(offset) - 1];
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.source.length;
    const end = this.starts[line] ?? this.source.length + 1;
    return this.source.slice(start, end - 1).replace(/\r$/, "");
  }
}

const COMPARE = new Set(["<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not"]);

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
    if (cursor.type.isError) {
      errorAt = Math.min(cursor.from, source.length);
      break;
    }
  } while (cursor.next());
  const problem = chooseSyntaxError(check, errorAt, lines);
  if (problem) throw problemError(problem, lines);
  return { body: new Builder(source, lines).statements(tree.topNode), lines };
}

function problemError(p: SyntaxProblem, lines: LineMap): PySyntaxError {
  // a range running past its line is drawn to the line's end, as CPython does
  const endCol = Math.min(p.endCol, Math.max(p.col + 1, lines.lineText(p.line).length));
  return new PySyntaxError(p.message, p.line, p.col, p.type, endCol, p.noCaret);
}

/** Which error CPython reports: tokenizer errors anywhere win over parser errors; an unclosed
 *  bracket wins over a parser error on a later line; indentation errors and Lezer's first error
 *  go by position. */
function chooseSyntaxError(check: TokenCheck, errorAt: number | null, lines: LineMap): SyntaxProblem | null {
  const { tokenizerError, indentError, unclosed } = check;
  if (indentError?.message === "unexpected indent" && (!tokenizerError || indentError.offset < tokenizerError.offset))
    return indentError;
  if (tokenizerError) return tokenizerError;
  if (errorAt === null && !indentError) return null;
  const parseAt = Math.min(errorAt ?? Infinity, indentError?.offset ?? Infinity);
  if (unclosed && lines.line(parseAt) > unclosed.line) {
    const message = `'${unclosed.text}' was never closed`;
    return { type: "SyntaxError", message, line: unclosed.line, col: unclosed.col, endCol: unclosed.col + 1, offset: unclosed.from };
  }
  if (indentError && indentError.offset <= (errorAt ?? Infinity)) return indentError;
  return parserError(check, errorAt!, lines);
}

const KEYWORDS = new Set([
  "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
  "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
  "raise", "return", "try", "while", "with", "yield",
]);
const HEADERS = new Set(["if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class"]);
const BINARY = new Set(["+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>", "<", ">", "==", "!=", "<=", ">=", ".", "and", "or", "in", "is", "not"]);

function isAtomEnd(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === "name") return !KEYWORDS.has(t.text);
  return t.kind === "number" || t.kind === "string" || t.text === ")" || t.text === "]" || t.text === "}";
}

/** index of the first token of the primary (atom plus .name/(...)/[...] trailers) ending at `end` */
function primaryStart(tokens: Token[], end: number): number {
  let i = end;
  for (;;) {
    const t = tokens[i];
    if (t.text === ")" || t.text === "]" || t.text === "}") {
      let depth = 0;
      for (; i >= 0; i--) {
        if (tokens[i].text === ")" || tokens[i].text === "]" || tokens[i].text === "}") depth++;
        else if (tokens[i].text === "(" || tokens[i].text === "[" || tokens[i].text === "{") depth--;
        if (depth === 0) break;
      }
    }
    while (i > 0 && t.kind === "string" && tokens[i - 1].kind === "string") i--;
    if (i > 0 && (tokens[i - 1].text === "." || (isAtomEnd(tokens[i - 1]) && tokens[i - 1].kind === "name" && (t.text === ")" || t.text === "]")))) {
      i -= tokens[i - 1].text === "." ? 2 : 1;
      if (i < 0) return 0;
      continue;
    }
    return i;
  }
}

/** index of the last token of the primary starting at `start` */
function primaryEnd(tokens: Token[], start: number): number {
  let i = start;
  while (i + 1 < tokens.length && tokens[i].kind === "string" && tokens[i + 1].kind === "string") i++;
  for (;;) {
    const next = tokens[i + 1];
    if (next && (next.text === "(" || next.text === "[")) {
      let depth = 0;
      for (i = i + 1; i < tokens.length; i++) {
        if (tokens[i].text === "(" || tokens[i].text === "[" || tokens[i].text === "{") depth++;
        else if (tokens[i].text === ")" || tokens[i].text === "]" || tokens[i].text === "}") depth--;
        if (depth === 0) break;
      }
      continue;
    }
    if (next?.text === "." && tokens[i + 2]?.kind === "name") {
      i += 2;
      continue;
    }
    return Math.min(i, tokens.length - 1);
  }
}

/** CPython's messages for the parser errors students meet most; "invalid syntax" otherwise. */
function parserError(check: TokenCheck, at: number, lines: LineMap): SyntaxProblem {
  const { tokens } = check;
  const span = (message: string, from: Token, to: Token): SyntaxProblem => ({
    type: "SyntaxError",
    message,
    line: from.line,
    col: from.col,
    endCol: from.line === to.line ? to.col + (to.to - to.from) : Infinity,
    offset: from.from,
  });
  const k = tokens.findIndex((t) => t.to > at);
  const tok = k >= 0 ? tokens[k] : undefined;
  const ll = check.logical.filter((l) => l.tokens[0].from <= at).pop();
  if (ll) {
    const first = ll.tokens[0];
    const last = ll.tokens[ll.tokens.length - 1];
    const complete = ll.tokens.length > 1 || ["else", "try", "finally", "except"].includes(first.text);
    if (HEADERS.has(first.text) && complete && last.text !== ":" && at >= last.to && !ll.tokens.some((t) => t.text === ":" && t.depth === 0)) {
      const line = last.line;
      const col = last.col + (last.to - last.from);
      return { type: "SyntaxError", message: "expected ':'", line, col, endCol: col + 1, offset: last.to };
    }
    if (tok?.text === "=" && tok.depth === 0 && (first.text === "if" || first.text === "elif" || first.text === "while")) {
      const end = ll.tokens.findIndex((t, i) => t.from > tok.from && t.depth === 0 && (t.text === ":" || (KEYWORDS.has(t.text) && i > 0)));
      const lastTok = ll.tokens[(end < 0 ? ll.tokens.length : end) - 1];
      return span("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", ll.tokens[1], lastTok);
    }
  }
  if (tok && k > 0 && tok.from >= at && tok.depth > 0 && isAtomEnd(tokens[k - 1]) && tok.depth === tokens[k - 1].depth) {
    const startsAtom = (tok.kind === "name" && !KEYWORDS.has(tok.text)) || tok.kind === "number" || tok.kind === "string";
    const namePlusString = tokens[k - 1].kind === "name" && tok.kind === "string";
    const opener = tokens.slice(0, k).reverse().find((t) => t.depth === tok.depth - 1 && (t.text === "{" || t.text === "(" || t.text === "["));
    if (startsAtom && opener?.text === "{") {
      // {'a': 1, 'b' 2}: inside a dict, an item without its colon
      const items = tokens.slice(tokens.indexOf(opener) + 1, k).filter((t) => t.depth === tok.depth);
      const lastComma = items.map((t) => t.text).lastIndexOf(",");
      const isDict = items.some((t) => t.text === ":");
      if (isDict && lastComma >= 0 && !items.slice(lastComma).some((t) => t.text === ":")) {
        const key = tokens[k - 1];
        const col = key.col + (key.to - key.from) - 1;
        return { type: "SyntaxError", message: "':' expected after dictionary key", line: key.line, col, endCol: col + 1, offset: key.to - 1 };
      }
    }
    if (startsAtom && !namePlusString) {
      let a = primaryStart(tokens, k - 1);
      while (a > 1 && BINARY.has(tokens[a - 1].text) && isAtomEnd(tokens[a - 2])) a = primaryStart(tokens, a - 2);
      let b = primaryEnd(tokens, k);
      while (b + 2 < tokens.length && BINARY.has(tokens[b + 1].text) && tokens[b + 1].text !== "." && tokens[b + 2].depth === tok.depth)
        b = primaryEnd(tokens, b + 2);
      return span("invalid syntax. Perhaps you forgot a comma?", tokens[a], tokens[b]);
    }
  }
  const line = lines.line(at);
  const col = lines.col(at);
  const len = tok && tok.from === at ? tok.to - tok.from : 1;
  return { type: "SyntaxError", message: "invalid syntax", line, col, endCol: col + len, offset: at };
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

/** how CPython names an expression in "cannot assign to ..." */
function exprName(e: Expr): string {
  switch (e.k) {
    case "const":
      return e.value === null ? "None" : e.value === true ? "True" : e.value === false ? "False" : e.value === Ellipsis ? "ellipsis" : "literal";
    case "compare":
      return "comparison";
    case "call":
      return "function call";
    case "attr":
      return "attribute";
    case "subscript":
      return "subscript";
    case "starred":
      return "starred";
    case "lambda":
      return "lambda";
    case "ifexp":
      return "conditional expression";
    case "namedexpr":
      return "named expression";
    case "fstring":
      return "f-string expression";
    case "dict":
      return "dict literal";
    case "set":
      return "set display";
    case "dictcomp":
      return "dict comprehension";
    case "comp":
      return e.kind === "list" ? "list comprehension" : e.kind === "set" ? "set comprehension" : "generator expression";
    case "tuple":
      return "tuple";
    case "list":
      return "list";
  }
  return "expression";
}

function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}

class Builder {
  /** where a statement sits, for CPython's compile-time checks ('return' outside function...) */
  private inFunction = false;
  private inLoop = false;

  constructor(
    private readonly src: string,
    private readonly lines: LineMap,
  ) {}

  private text(n: SyntaxNode | Loc): string {
    return this.src.slice(n.from, n.to);
  }

  /** CPython underlines the offending node (to the end of its first line) */
  private fail(n: SyntaxNode | Loc, message = "invalid syntax"): never {
    const line = this.lines.line(n.from);
    const col = this.lines.col(n.from);
    const endCol = this.lines.line(n.to) === line ? this.lines.col(n.to) : this.lines.lineText(line).length;
    throw new PySyntaxError(message, line, col, "SyntaxError", Math.max(endCol, col + 1));
  }

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
        return this.def(n, ch, loc);
      case "ClassDefinition":
        return { ...loc, k: "unsupported", what: "class definitions" };
      case "DecoratedStatement":
        return { ...loc, k: "unsupported", what: "decorators" };
      case "MatchStatement":
        return { ...loc, k: "unsupported", what: "match statements" };
      case "YieldStatement":
        return { ...loc, k: "unsupported", what: "yield (generators)" };
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
      return { ...loc, k: "annassign", target, value: eq >= 0 ? this.exprList(ch.slice(eq + 1), n) : null };
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

  /** CPython's compile errors for what cannot be assigned to (or deleted); `assign` is a lone
   *  `target = value`, where it suggests `==` */
  private checkTarget(t: Expr, mode: "assign" | "nested" | "del" = "nested"): void {
    switch (t.k) {
      case "name":
      case "attr":
      case "subscript":
        return;
      case "tuple":
      case "list":
        for (const i of t.items) this.checkTarget(i, mode === "del" ? "del" : "nested");
        return;
      case "starred":
        if (mode !== "del") return this.checkTarget(t.value, "nested");
    }
    const what = exprName(t);
    if (mode === "del") this.fail(t, `cannot delete ${what}`);
    const bitwiseOr = !["compare", "boolop", "lambda", "ifexp", "namedexpr"].includes(t.k) && !(t.k === "unary" && t.op === "not");
    if (mode === "assign" && bitwiseOr && !(t.k === "const" && (t.value === null || typeof t.value === "boolean")))
      this.fail(t, `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`);
    this.fail(t, `cannot assign to ${what}`);
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
    return { ...loc, k: "importfrom", module, names: readNames(flat.slice(importAt + 1)) };
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

  private def(n: SyntaxNode, ch: SyntaxNode[], loc: Loc & { line: number }): Stmt {
    if (ch[0].name === "async") return { ...loc, k: "unsupported", what: "async functions" };
    const name = this.text(ch[1]);
    const paramNode = ch.find((c) => c.name === "ParamList")!;
    const bodyNode = ch.find((c) => c.name === "Body")!;
    const params = this.params(kids(paramNode).filter((c) => c.name !== "(" && c.name !== ")"));
    const outer = [this.inFunction, this.inLoop];
    [this.inFunction, this.inLoop] = [true, false];
    let body: Stmt[];
    try {
      body = this.body(bodyNode);
    } finally {
      [this.inFunction, this.inLoop] = outer;
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
    };
  }

  private params(items: SyntaxNode[]): Param[] {
    const out: Param[] = [];
    let kwOnly = false;
    for (const g of this.commaList(items)) {
      const first = g[0];
      if (first.name === "*") {
        kwOnly = true;
        if (g[1]) out.push({ name: this.text(g[1]), kind: "star", default: null });
      } else if (first.name === "**") out.push({ name: this.text(g[1]), kind: "dstar", default: null });
      else if (first.name === "/") continue;
      else {
        const eq = g.findIndex((c) => c.name === "AssignOp");
        const p: Param = {
          name: this.text(first),
          kind: kwOnly ? "kwonly" : "normal",
          default: eq >= 0 ? this.expr(g[eq + 1]) : null,
        };
        if (out.some((o) => o.name === p.name)) this.fail(first, `duplicate argument '${p.name}' in function definition`);
        if (!kwOnly && !p.default && out.some((o) => o.kind === "normal" && o.default))
          this.fail(first, "parameter without a default follows parameter with a default");
        out.push(p);
      }
    }
    return out;
  }

  // ---- expressions ----

  /** Split on top-level commas. */
  private commaList(items: SyntaxNode[]): SyntaxNode[][] {
    const groups: SyntaxNode[][] = [];
    let cur: SyntaxNode[] = [];
    for (const c of items) {
      if (c.name === ",") {
        groups.push(cur);
        cur = [];
      } else cur.push(c);
    }
    if (cur.length) groups.push(cur);
    return groups;
  }

  /** `a`, `a, b`, `*a, b` -> one expression (a tuple when there is a comma). */
  private exprList(items: SyntaxNode[], whole: SyntaxNode | Loc): Expr {
    const groups = this.commaList(items);
    const hasComma = items.some((c) => c.name === ",");
    const exprs = groups.map((g) => this.starOrExpr(g));
    if (exprs.length === 1 && !hasComma) {
      if (exprs[0].k === "starred") this.fail(exprs[0], "can't use starred expression here");
      return exprs[0];
    }
    const from = items.length ? items[0].from : whole.from;
    const to = items.length ? items[items.length - 1].to : whole.to;
    return { k: "tuple", items: exprs, from, to };
  }

  private starOrExpr(g: SyntaxNode[]): Expr {
    if (g[0].name === "*") return { k: "starred", value: this.expr(g[1]), from: g[0].from, to: g[1].to };
    if (g.length !== 1) this.fail(g[1] ?? g[0]);
    return this.expr(g[0]);
  }

  expr(n: SyntaxNode): Expr {
    const loc = { from: n.from, to: n.to };
    const ch = kids(n);
    switch (n.name) {
      case "VariableName":
        return { ...loc, k: "name", id: this.text(n) };
      case "Number":
        return this.number(n);
      case "String":
        return this.stringConst(n);
      case "FormatString":
        return { ...loc, k: "fstring", parts: this.fstring(n) };
      case "ContinuedString": {
        const parts: FStringPart[] = [];
        let isF = false;
        for (const c of ch) {
          if (c.name === "FormatString") {
            isF = true;
            parts.push(...this.fstring(c));
          } else {
            const s = this.stringConst(c);
            parts.push(s.k === "const" ? (s.value as string) : "");
          }
        }
        if (!isF) return { ...loc, k: "const", value: parts.join("") };
        return { ...loc, k: "fstring", parts };
      }
      case "Boolean":
        return { ...loc, k: "const", value: this.text(n) === "True" };
      case "None":
        return { ...loc, k: "const", value: null };
      case "Ellipsis":
        return { ...loc, k: "const", value: Ellipsis };
      case "ParenthesizedExpression": {
        const inner = ch[1];
        if (inner.name === "YieldExpression") return { ...loc, k: "unsupported", what: "yield (generators)" };
        if (inner.name === "*") this.fail(inner, "cannot use starred expression here");
        const e = this.expr(inner);
        return e;
      }
      case "TupleExpression":
        return { ...loc, k: "tuple", items: this.commaList(ch.slice(1, -1)).map((g) => this.starOrExpr(g)) };
      case "ArrayExpression":
        return { ...loc, k: "list", items: this.commaList(ch.slice(1, -1)).map((g) => this.starOrExpr(g)) };
      case "SetExpression":
        return { ...loc, k: "set", items: this.commaList(ch.slice(1, -1)).map((g) => this.starOrExpr(g)) };
      case "DictionaryExpression": {
        const entries: { key: Expr | null; value: Expr }[] = [];
        for (const g of this.commaList(ch.slice(1, -1))) {
          if (g[0].name === "**") entries.push({ key: null, value: this.expr(g[1]) });
          else entries.push({ key: this.expr(g[0]), value: this.expr(g[2]) });
        }
        return { ...loc, k: "dict", entries };
      }
      case "ArrayComprehensionExpression":
      case "ComprehensionExpression":
      case "SetComprehensionExpression": {
        const inner = ch.slice(1, -1);
        if (inner[0].name === "*") this.fail(inner[0], "iterable unpacking cannot be used in comprehension");
        const kind = n.name === "ArrayComprehensionExpression" ? "list" : n.name === "ComprehensionExpression" ? "gen" : "set";
        return { ...loc, k: "comp", kind, elt: this.expr(inner[0]), gens: this.compTail(inner, 1) };
      }
      case "DictionaryComprehensionExpression": {
        const inner = ch.slice(1, -1);
        if (inner[0].name === "**") this.fail(inner[0], "dict unpacking cannot be used in dict comprehension");
        return { ...loc, k: "dictcomp", key: this.expr(inner[0]), value: this.expr(inner[2]), gens: this.compTail(inner, 3) };
      }
      case "BinaryExpression":
        return this.binary(n, ch);
      case "UnaryExpression": {
        const op = this.text(ch[0]);
        return { ...loc, k: "unary", op, operand: this.expr(ch[1]) };
      }
      case "CallExpression":
        return { ...loc, k: "call", func: this.expr(ch[0]), args: this.args(kids(ch[1])) };
      case "MemberExpression": {
        const obj = this.expr(ch[0]);
        if (ch[1].name === ".") return { ...loc, k: "attr", obj, name: this.text(ch[2]) };
        return { ...loc, k: "subscript", obj, index: this.subscript(ch.slice(2, -1), ch[1], ch[ch.length - 1]) };
      }
      case "ConditionalExpression":
        return { ...loc, k: "ifexp", body: this.expr(ch[0]), test: this.expr(ch[2]), orelse: this.expr(ch[4]) };
      case "LambdaExpression": {
        const paramNode = ch.find((c) => c.name === "ParamList");
        const params = paramNode ? this.params(kids(paramNode)) : [];
        const body = this.expr(ch[ch.length - 1]);
        return { ...loc, k: "lambda", params, body, localNames: new Set(params.map((p) => p.name)) };
      }
      case "NamedExpression":
        if (ch[0].name !== "VariableName") this.fail(ch[0], "cannot use assignment expressions with this target");
        return { ...loc, k: "namedexpr", target: this.text(ch[0]), value: this.expr(ch[2]) };
      case "AwaitExpression":
        return { ...loc, k: "unsupported", what: "await" };
      case "YieldExpression":
        return { ...loc, k: "unsupported", what: "yield (generators)" };
    }
    this.fail(n);
  }

  private number(n: SyntaxNode): Expr {
    const loc = { from: n.from, to: n.to };
    const t = this.text(n).replace(/_/g, "");
    if (/[jJ]$/.test(t)) return { ...loc, k: "unsupported", what: "complex numbers" };
    if (/^0[xXoObB]/.test(t)) return { ...loc, k: "const", value: BigInt(t.toLowerCase()) };
    if (/[.eE]/.test(t)) return { ...loc, k: "const", value: Number(t) };
    if (/^0+\d/.test(t) && /[1-9]/.test(t))
      this.fail(n, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    return { ...loc, k: "const", value: BigInt(t) };
  }

  private stringConst(n: SyntaxNode): Expr {
    const raw = this.text(n);
    const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(raw)!;
    const prefix = m[1].toLowerCase();
    const q = m[2];
    const body = raw.slice(m[0].length, raw.length - q.length);
    if (prefix.includes("b")) return { from: n.from, to: n.to, k: "unsupported", what: "bytes literals" };
    return { from: n.from, to: n.to, k: "const", value: prefix.includes("r") ? body : decodeEscapes(body) };
  }

  private fstring(n: SyntaxNode): FStringPart[] {
    const raw = this.text(n);
    const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(raw)!;
    const isRaw = m[1].toLowerCase().includes("r");
    const contentStart = n.from + m[0].length;
    const contentEnd = n.to - m[2].length;
    return this.fstringParts(n, contentStart, contentEnd, isRaw);
  }

  private fstringParts(n: SyntaxNode, start: number, end: number, isRaw: boolean): FStringPart[] {
    const parts: FStringPart[] = [];
    let pos = start;
    const literal = (to: number): void => {
      if (to <= pos) return;
      let s = this.src.slice(pos, to);
      if (!isRaw) s = decodeEscapes(s);
      s = s.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
      if (s) parts.push(s);
    };
    for (const c of kids(n)) {
      if (c.name !== "FormatReplacement") continue;
      if (c.from < start || c.to > end) continue;
      literal(c.from);
      parts.push(this.replacement(c, isRaw));
      pos = c.to;
    }
    literal(end);
    return parts;
  }

  private replacement(n: SyntaxNode, isRaw: boolean): FStringPart {
    const ch = kids(n);
    const exprNodes: SyntaxNode[] = [];
    let conversion: "s" | "r" | "a" | null = null;
    let spec: FStringPart[] | null = null;
    let selfDoc: string | null = null;
    for (let i = 1; i < ch.length; i++) {
      const c = ch[i];
      if (c.name === "FormatConversion") conversion = this.text(c)[1] as "s" | "r" | "a";
      else if (c.name === "FormatSpec") spec = this.fstringParts(c, c.from + 1, c.to, isRaw);
      // `{x = }` keeps the spaces around "=" in its output
      else if (c.name === "FormatSelfDoc") selfDoc = this.src.slice(n.from + 1, ch[i + 1]?.from ?? c.to);
      else if (c.name !== "}") exprNodes.push(c);
    }
    if (exprNodes.length === 0) this.fail(n, "f-string: empty expression not allowed");
    const expr = this.exprList(exprNodes, n);
    if (selfDoc !== null && conversion === null && spec === null) conversion = "r";
    return { expr, conversion, spec, selfDoc };
  }

  private binary(n: SyntaxNode, ch: SyntaxNode[]): Expr {
    const loc = { from: n.from, to: n.to };
    const left = ch[0];
    const right = ch[ch.length - 1];
    const op = ch
      .slice(1, -1)
      .map((c) => this.text(c))
      .join(" ");
    if (op === "and" || op === "or") return { ...loc, k: "boolop", op, left: this.expr(left), right: this.expr(right) };
    if (op === "<>") this.fail(ch[1]);
    if (COMPARE.has(op)) {
      const r = this.expr(right);
      // a < b < c arrives as (a < b) < c: flatten into one chained comparison
      if (left.name === "BinaryExpression") {
        const l = this.expr(left);
        if (l.k === "compare") return { ...loc, k: "compare", left: l.left, ops: [...l.ops, op], rights: [...l.rights, r] };
        return { ...loc, k: "compare", left: l, ops: [op], rights: [r] };
      }
      return { ...loc, k: "compare", left: this.expr(left), ops: [op], rights: [r] };
    }
    return { ...loc, k: "binop", op, left: this.expr(left), right: this.expr(right) };
  }

  private args(items: SyntaxNode[]): Arg[] {
    const inner = items.slice(1, -1);
    const out: Arg[] = [];
    let i = 0;
    while (i < inner.length) {
      const c = inner[i];
      if (c.name === "*") {
        out.push({ kind: "star", value: this.expr(inner[i + 1]) });
        i += 2;
      } else if (c.name === "**") {
        out.push({ kind: "dstar", value: this.expr(inner[i + 1]) });
        i += 2;
      } else if (c.name === "VariableName" && inner[i + 1]?.name === "AssignOp") {
        if (this.text(inner[i + 1]) !== "=") this.fail(inner[i + 1]);
        const name = this.text(c);
        if (out.some((a) => a.kind === "kw" && a.name === name)) this.fail(c, `keyword argument repeated: ${name}`);
        out.push({ kind: "kw", name, value: this.expr(inner[i + 2]) });
        i += 3;
      } else {
        if (out.some((a) => a.kind === "kw" || a.kind === "dstar"))
          this.fail(c, "positional argument follows keyword argument");
        let value = this.expr(c);
        i++;
        if (inner[i]?.name === "for") {
          const gens = this.compTailAt(inner, i);
          value = { k: "comp", kind: "gen", elt: value, gens: gens.gens, from: c.from, to: inner[gens.end - 1].to };
          i = gens.end;
        }
        out.push({ kind: "pos", value });
      }
      if (i < inner.length) {
        if (inner[i].name !== ",") this.fail(inner[i]);
        i++;
      }
    }
    return out;
  }

  private compTail(items: SyntaxNode[], start: number): Comprehension[] {
    const r = this.compTailAt(items, start);
    if (r.end !== items.length) this.fail(items[r.end]);
    return r.gens;
  }

  private compTailAt(items: SyntaxNode[], start: number): { gens: Comprehension[]; end: number } {
    const gens: Comprehension[] = [];
    let i = start;
    while (i < items.length) {
      const c = items[i];
      if (c.name === "async") return this.fail(c, "asynchronous comprehension outside of an asynchronous function");
      if (c.name === "for") {
        const inAt = items.findIndex((x, j) => j > i && x.name === "in");
        if (inAt < 0) this.fail(c);
        const target = this.exprList(items.slice(i + 1, inAt), c);
        this.checkTarget(target);
        gens.push({ target, iter: this.expr(items[inAt + 1]), ifs: [] });
        i = inAt + 2;
      } else if (c.name === "if") {
        gens[gens.length - 1].ifs.push(this.expr(items[i + 1]));
        i += 2;
      } else break;
    }
    return { gens, end: i };
  }

  private subscript(items: SyntaxNode[], open: SyntaxNode, close: SyntaxNode): Expr {
    const groups = this.commaList(items);
    const hasComma = items.some((c) => c.name === ",");
    if (groups.length === 0) this.fail(close);
    const one = (g: SyntaxNode[]): Expr => {
      if (!g.some((c) => c.name === ":")) {
        if (g[0].name === "*") return { k: "starred", value: this.expr(g[1]), from: g[0].from, to: g[1].to };
        return this.expr(g[0]);
      }
      const slots: (Expr | null)[] = [null, null, null];
      let slot = 0;
      for (const c of g) {
        if (c.name === ":") slot++;
        else slots[slot] = this.expr(c);
      }
      return { k: "slice", lower: slots[0], upper: slots[1], step: slots[2], from: g[0].from, to: g[g.length - 1].to };
    };
    if (groups.length === 1 && !hasComma) return one(groups[0]);
    return { k: "tuple", items: groups.map(one), from: open.to, to: close.from };
  }
}

/** Decode backslash escapes of a non-raw string literal. */
export function decodeEscapes(s: string): string {
  if (!s.includes("\\")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[++i];
    switch (d) {
      case "\n":
        break;
      case "\r":
        if (s[i + 1] === "\n") i++;
        break;
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "r":
        out += "\r";
        break;
      case "\\":
        out += "\\";
        break;
      case "'":
        out += "'";
        break;
      case '"':
        out += '"';
        break;
      case "a":
        out += "\x07";
        break;
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "v":
        out += "\v";
        break;
      case "x": {
        const h = s.slice(i + 1, i + 3);
        if (/^[0-9a-fA-F]{2}$/.test(h)) {
          out += String.fromCharCode(parseInt(h, 16));
          i += 2;
        } else out += "\\x";
        break;
      }
      case "u":
      case "U": {
        const len = d === "u" ? 4 : 8;
        const h = s.slice(i + 1, i + 1 + len);
        const cp = parseInt(h, 16);
        if (h.length === len && /^[0-9a-fA-F]+$/.test(h) && cp <= 0x10ffff) {
          out += String.fromCodePoint(cp);
          i += len;
        } else out += "\\" + d;
        break;
      }
      default:
        if (/[0-7]/.test(d)) {
          let oct = d;
          while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) oct += s[++i];
          out += String.fromCharCode(parseInt(oct, 8));
        } else out += "\\" + d;
    }
  }
  return out;
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
