// The expression half of the tree builder: Lezer's expression nodes -> ast.ts expressions,
// with CPython's compile-time errors (SyntaxError texts and positions) for what is not valid.
import type { SyntaxNode } from "@lezer/common";
import type { Arg, Comprehension, Expr, FStringPart, Loc, Param } from "./ast.ts";
import { decodeEscapes } from "./literals.ts";
import { type LineMap, PySyntaxError } from "./lines.ts";
import { Ellipsis } from "./values.ts";

const COMPARE = new Set(["<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not"]);

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

export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}

export class ExprBuilder {
  /** where a statement sits, for CPython's compile-time checks ('return' outside function...) */
  protected inFunction = false;
  protected inLoop = false;
  /** set when the function being built holds a `yield` */
  protected sawYield = false;

  constructor(
    protected readonly src: string,
    protected readonly lines: LineMap,
  ) {}

  protected text(n: SyntaxNode | Loc): string {
    return this.src.slice(n.from, n.to);
  }

  /** CPython underlines the offending node (to the end of its first line) */
  protected fail(n: SyntaxNode | Loc, message = "invalid syntax"): never {
    const line = this.lines.line(n.from);
    const col = this.lines.col(n.from);
    const endCol = this.lines.line(n.to) === line ? this.lines.col(n.to) : this.lines.lineText(line).length;
    throw new PySyntaxError(message, line, col, "SyntaxError", Math.max(endCol, col + 1));
  }

  /** CPython's compile errors for what cannot be assigned to (or deleted); `assign` is a lone
   *  `target = value`, where it suggests `==` */
  protected checkTarget(t: Expr, mode: "assign" | "nested" | "del" = "nested"): void {
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

  /** `yield`, `yield x`, `yield a, b`, `yield from it` (a statement or inside an expression) */
  protected yieldExpr(n: SyntaxNode, ch: SyntaxNode[]): Expr {
    const loc = { from: n.from, to: n.to };
    if (!this.inFunction) this.fail(n, "'yield' outside function");
    this.sawYield = true;
    const rest = ch.slice(1).filter((c) => !c.type.isError);
    if (rest[0]?.name === "from") return { ...loc, k: "yieldfrom", value: this.expr(rest[1]) };
    return { ...loc, k: "yield", value: rest.length ? this.exprList(rest, n) : null };
  }

  protected params(items: SyntaxNode[]): Param[] {
    const out: Param[] = [];
    let kwOnly = false;
    for (const g of this.commaList(items)) {
      const first = g[0];
      if (!first) {
        // `/` is an anonymous token: an empty group; the parameters before it are positional-only
        for (const o of out) o.posOnly = true;
        continue;
      }
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
    // a `/` after the last comma (def f(obj, /)) leaves no empty group: it is seen in the source
    const lastComma = items.findLast((c) => c.name === ",");
    if (lastComma && items.at(-1) === lastComma && /^\s*\/(?![/=])/.test(this.src.slice(lastComma.to, lastComma.to + 80))) for (const o of out) o.posOnly = true;
    return out;
  }

  // ---- expressions ----

  /** Split on top-level commas. */
  protected commaList(items: SyntaxNode[]): SyntaxNode[][] {
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
  protected exprList(items: SyntaxNode[], whole: SyntaxNode | Loc): Expr {
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

  protected starOrExpr(g: SyntaxNode[]): Expr {
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
        if (op === "not") return this.not(n.from, ch[1]);
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
        const outer = this.sawYield;
        this.sawYield = false;
        const body = this.expr(ch[ch.length - 1]);
        const yields = this.sawYield;
        this.sawYield = outer;
        if (yields) return { ...loc, k: "unsupported", what: "yield inside a lambda" };
        return { ...loc, k: "lambda", params, body, localNames: new Set(params.map((p) => p.name)) };
      }
      case "NamedExpression":
        if (ch[0].name !== "VariableName") this.fail(ch[0], "cannot use assignment expressions with this target");
        return { ...loc, k: "namedexpr", target: this.text(ch[0]), value: this.expr(ch[2]) };
      case "AwaitExpression":
        return { ...loc, k: "unsupported", what: "await" };
      case "YieldExpression":
        return this.yieldExpr(n, ch);
    }
    this.fail(n);
  }

  protected number(n: SyntaxNode): Expr {
    const loc = { from: n.from, to: n.to };
    const t = this.text(n).replace(/_/g, "");
    if (/[jJ]$/.test(t)) return { ...loc, k: "unsupported", what: "complex numbers" };
    if (/^0[xXoObB]/.test(t)) return { ...loc, k: "const", value: BigInt(t.toLowerCase()) };
    if (/[.eE]/.test(t)) return { ...loc, k: "const", value: Number(t) };
    if (/^0+\d/.test(t) && /[1-9]/.test(t))
      this.fail(n, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    return { ...loc, k: "const", value: BigInt(t) };
  }

  protected stringConst(n: SyntaxNode): Expr {
    const raw = this.text(n);
    const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(raw)!;
    const prefix = m[1].toLowerCase();
    const q = m[2];
    const body = raw.slice(m[0].length, raw.length - q.length);
    if (prefix.includes("b")) return { from: n.from, to: n.to, k: "unsupported", what: "bytes literals" };
    return { from: n.from, to: n.to, k: "const", value: prefix.includes("r") ? body : decodeEscapes(body) };
  }

  protected fstring(n: SyntaxNode): FStringPart[] {
    const raw = this.text(n);
    const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(raw)!;
    const isRaw = m[1].toLowerCase().includes("r");
    const contentStart = n.from + m[0].length;
    const contentEnd = n.to - m[2].length;
    return this.fstringParts(n, contentStart, contentEnd, isRaw);
  }

  protected fstringParts(n: SyntaxNode, start: number, end: number, isRaw: boolean): FStringPart[] {
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

  protected replacement(n: SyntaxNode, isRaw: boolean): FStringPart {
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

  protected binary(n: SyntaxNode, ch: SyntaxNode[]): Expr {
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

  /** `not x`: the grammar reads `not a and b` as not (a and b), but `not` binds tighter than
   *  and/or and the conditional expression: negate their leftmost operand instead */
  private not(from: number, operand: SyntaxNode): Expr {
    const ch = kids(operand);
    if (operand.name === "BinaryExpression") {
      const op = ch
        .slice(1, -1)
        .map((c) => this.text(c))
        .join(" ");
      if (op === "and" || op === "or")
        return { from, to: operand.to, k: "boolop", op, left: this.not(from, ch[0]), right: this.expr(ch[ch.length - 1]) };
    }
    if (operand.name === "ConditionalExpression")
      return { from, to: operand.to, k: "ifexp", body: this.not(from, ch[0]), test: this.expr(ch[2]), orelse: this.expr(ch[4]) };
    return { from, to: operand.to, k: "unary", op: "not", operand: this.expr(operand) };
  }

  protected args(items: SyntaxNode[]): Arg[] {
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
      } else if (c.name === "VariableName" && inner[i + 1]?.name === "AssignOp" && this.text(inner[i + 1]) === ":=") {
        // f(y := 3): an assignment expression as a positional argument
        if (out.some((a) => a.kind === "kw" || a.kind === "dstar")) this.fail(c, "positional argument follows keyword argument");
        const value = this.expr(inner[i + 2]);
        out.push({ kind: "pos", value: { from: c.from, to: value.to, k: "namedexpr", target: this.text(c), value } });
        i += 3;
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

  protected compTail(items: SyntaxNode[], start: number): Comprehension[] {
    const r = this.compTailAt(items, start);
    if (r.end !== items.length) this.fail(items[r.end]);
    return r.gens;
  }

  protected compTailAt(items: SyntaxNode[], start: number): { gens: Comprehension[]; end: number } {
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

  protected subscript(items: SyntaxNode[], open: SyntaxNode, close: SyntaxNode): Expr {
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
