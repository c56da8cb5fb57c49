// Which SyntaxError CPython reports for a source Lezer could not parse, and where: tokenizer
// errors, unclosed brackets, indentation, "expected ':'", "Perhaps you forgot a comma?".
import { type LineMap, PySyntaxError } from "./lines.ts";
import type { SyntaxProblem, Token, TokenCheck } from "./tokencheck.ts";

export function problemError(p: SyntaxProblem, lines: LineMap): PySyntaxError {
  // a range running past its line is drawn to the line's end, as CPython does
  const endCol = Math.min(p.endCol, Math.max(p.col + 1, lines.lineText(p.line).length));
  return new PySyntaxError(p.message, p.line, p.col, p.type, endCol, p.noCaret);
}

/** Which error CPython reports: tokenizer errors anywhere win over parser errors; an unclosed
 *  bracket wins over a parser error on a later line; indentation errors and Lezer's first error
 *  go by position. */
export function chooseSyntaxError(check: TokenCheck, errorAt: number | null, lines: LineMap): SyntaxProblem | null {
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
    if (tok?.text === "=" && tok.depth === 0 && ll.tokens.includes(tok) && (first.text === "if" || first.text === "elif" || first.text === "while")) {
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
