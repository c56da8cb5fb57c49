// The interpreter's own syntax tree, built once from the lezer tree (parse.ts): small,
// typed, with source offsets on every node so events and tracebacks can point at the code.
import type { PyValue } from "./values.ts";

export interface Loc {
  from: number;
  to: number;
}

export type Arg =
  | { kind: "pos"; value: Expr }
  | { kind: "star"; value: Expr }
  | { kind: "kw"; name: string; value: Expr }
  | { kind: "dstar"; value: Expr };

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export type FStringPart =
  | string
  | { expr: Expr; conversion: "s" | "r" | "a" | null; spec: FStringPart[] | null; selfDoc: string | null };

export interface Param {
  name: string;
  kind: "normal" | "star" | "dstar" | "kwonly";
  default: Expr | null;
  /** before a `/`: cannot be passed by keyword */
  posOnly?: boolean;
}

export type Expr = Loc &
  (
    | { k: "name"; id: string }
    | { k: "const"; value: PyValue }
    | { k: "fstring"; parts: FStringPart[] }
    | { k: "binop"; op: string; left: Expr; right: Expr }
    | { k: "unary"; op: string; operand: Expr }
    | { k: "boolop"; op: "and" | "or"; left: Expr; right: Expr }
    | { k: "compare"; left: Expr; ops: string[]; rights: Expr[] }
    | { k: "call"; func: Expr; args: Arg[] }
    | { k: "attr"; obj: Expr; name: string }
    | { k: "subscript"; obj: Expr; index: Expr }
    | { k: "slice"; lower: Expr | null; upper: Expr | null; step: Expr | null }
    | { k: "tuple"; items: Expr[] }
    | { k: "list"; items: Expr[] }
    | { k: "set"; items: Expr[] }
    | { k: "dict"; entries: { key: Expr | null; value: Expr }[] }
    | { k: "starred"; value: Expr }
    | { k: "comp"; kind: "list" | "gen" | "set"; elt: Expr; gens: Comprehension[] }
    | { k: "dictcomp"; key: Expr; value: Expr; gens: Comprehension[] }
    | { k: "ifexp"; test: Expr; body: Expr; orelse: Expr }
    | { k: "lambda"; params: Param[]; body: Expr; localNames: Set<string> }
    | { k: "namedexpr"; target: string; value: Expr }
    | { k: "yield"; value: Expr | null }
    | { k: "yieldfrom"; value: Expr }
    | { k: "unsupported"; what: string }
  );

export interface Handler {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
  loc: Loc;
}

export type Stmt = Loc & { line: number } & (
    | { k: "expr"; value: Expr }
    | { k: "assign"; targets: Expr[]; value: Expr }
    | { k: "augassign"; target: Expr; op: string; value: Expr }
    | {
        k: "annassign";
        target: Expr;
        value: Expr | null;
        annotation: Expr;
        /** the annotation's source text, kept as a string under `from __future__ import annotations` */
        annotationText: string | null;
      }
    | { k: "del"; targets: Expr[] }
    | { k: "pass" }
    | { k: "break" }
    | { k: "continue" }
    | { k: "return"; value: Expr | null }
    | { k: "raise"; exc: Expr | null; cause: Expr | null }
    | { k: "import"; names: { module: string; asname: string | null }[] }
    | { k: "importfrom"; module: string; names: { name: string; asname: string | null }[] }
    | { k: "global" | "nonlocal"; names: string[] }
    | { k: "assert"; test: Expr; msg: Expr | null }
    | { k: "if"; test: Expr; body: Stmt[]; orelse: Stmt[]; header: Loc }
    | { k: "while"; test: Expr; body: Stmt[]; orelse: Stmt[]; header: Loc }
    | { k: "for"; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; header: Loc }
    | { k: "try"; body: Stmt[]; handlers: Handler[]; orelse: Stmt[]; finalbody: Stmt[]; header: Loc }
    | { k: "with"; items: { ctx: Expr; as: Expr | null }[]; body: Stmt[]; header: Loc }
    | {
        k: "def";
        name: string;
        params: Param[];
        body: Stmt[];
        localNames: Set<string>;
        globals: Set<string>;
        nonlocals: Set<string>;
        header: Loc;
        decorators: Expr[];
        /** the body holds `yield` */
        isGenerator: boolean;
        doc: string | null;
      }
    | {
        k: "class";
        name: string;
        /** bases and keywords (metaclass=...), as call arguments */
        bases: Arg[];
        body: Stmt[];
        header: Loc;
        decorators: Expr[];
        doc: string | null;
        /** names the body binds (class attributes the scope analysis must not take as the
         *  enclosing function's locals) */
        globals: Set<string>;
      }
    | { k: "unsupported"; what: string }
  );
