// The syntax errors CPython's tokenizer finds (unterminated strings, unmatched and unclosed
// brackets, indentation), which @lezer/python recovers from silently or reports as a bare
// "invalid syntax" somewhere later, plus the token stream the parser's better messages
// ("expected ':'", "Perhaps you forgot a comma?") are read from.

export interface Token {
  kind: "name" | "number" | "string" | "op";
  text: string;
  from: number;
  to: number;
  line: number;
  col: number;
  /** bracket depth before this token */
  depth: number;
}

export interface SyntaxProblem {
  type: "SyntaxError" | "IndentationError" | "TabError";
  message: string;
  line: number;
  col: number;
  /** exclusive end column of the caret range on `line` */
  endCol: number;
  /** CPython prints no caret line for this error */
  noCaret?: boolean;
  offset: number;
}

export interface LogicalLine {
  tokens: Token[];
  line: number;
  indent: number;
}

export interface TokenCheck {
  /** the first error CPython's tokenizer raises (wins over any parser error) */
  tokenizerError: SyntaxProblem | null;
  /** the first indentation error the parser would raise (unexpected indent, expected an indented block) */
  indentError: SyntaxProblem | null;
  /** innermost bracket still open at the end of the source */
  unclosed: Token | null;
  logical: LogicalLine[];
  tokens: Token[];
}

const OPS = [
  "**=", "//=", ">>=", "<<=", "...", "!=", "->", ":=", "==", "<=", ">=", "**", "//", "<<", ">>",
  "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
];
const CLOSE: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const NUMBER = /(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const STRING_START = /(?:[rRbBuUfF]{1,2})?('''|"""|'|")/y;

const HEADER_WHAT: Record<string, string> = {
  def: "function definition",
  class: "class definition",
};

function headerWhat(first: Token, tokens: Token[]): string {
  const kw = first.text === "async" && tokens[1] ? tokens[1].text : first.text;
  return HEADER_WHAT[kw] ?? `'${kw}' statement`;
}

const COMPOUND = new Set(["if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "async", "match", "case"]);
/** match and case are keywords only in a header: `match = 3` is an assignment */
const SOFT = new Set(["match", "case"]);

export function tokenCheck(source: string): TokenCheck {
  const tokens: Token[] = [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (off: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lineEnd = (line: number): number => {
    const start = lineStarts[line - 1];
    const nl = source.indexOf("\n", start);
    return (nl < 0 ? source.length : nl) - start - (source[nl - 1] === "\r" ? 1 : 0);
  };
  const problem = (type: SyntaxProblem["type"], message: string, off: number, len = 1, noCaret = false): SyntaxProblem => {
    const line = lineOf(off);
    const col = off - lineStarts[line - 1];
    return { type, message, line, col, endCol: col + len, noCaret, offset: off };
  };

  const stack: Token[] = [];
  const logical: LogicalLine[] = [];
  let current: LogicalLine | null = null;
  /** indentation levels, measured with tabs to 8 and with tabs as 1 (CPython's TabError check) */
  const indents: number[] = [0];
  const altIndents: number[] = [0];
  let tokenizerError: SyntaxProblem | null = null;
  let indentError: SyntaxProblem | null = null;
  let expectIndent: LogicalLine | null = null;
  let headerWithoutColon = false;
  let atLineStart = true;
  let i = 0;

  const endLogical = (): void => {
    if (current && current.tokens.length) {
      logical.push(current);
      const first = current.tokens[0];
      const last = current.tokens[current.tokens.length - 1];
      expectIndent = COMPOUND.has(first.text) && last.text === ":" ? current : null;
      // a header missing its colon is a parse error at its end; the indented body after it is not
      // a second, "unexpected indent" error
      headerWithoutColon = COMPOUND.has(first.text) && !SOFT.has(first.text) && !current.tokens.some((t) => t.text === ":" && t.depth === 0);
    }
    current = null;
  };

  while (i < source.length && !tokenizerError) {
    if (atLineStart && stack.length === 0) {
      // measure indentation the way CPython does: tabs to multiples of 8, and again with tabs as 1
      let col = 0;
      let alt = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === " ") {
          col++;
          alt++;
        } else if (source[j] === "\t") {
          col = (Math.floor(col / 8) + 1) * 8;
          alt++;
        } else if (source[j] === "\f") col = alt = 0;
        else break;
      }
      atLineStart = false;
      const c = source[j];
      if (j >= source.length || c === "#" || c === "\n" || c === "\r") {
        i = j;
        continue;
      }
      const top = indents[indents.length - 1];
      const line = lineOf(j);
      const tabError = (): SyntaxProblem => problem("TabError", "inconsistent use of tabs and spaces in indentation", j, 1, true);
      if (col > top) {
        if (alt <= altIndents[altIndents.length - 1]) {
          tokenizerError = tabError();
          break;
        }
        // CPython places it on the last character of the indentation (shown only when that is a tab or follows one)
        if (!indentError && !expectIndent && !headerWithoutColon) indentError = problem("IndentationError", "unexpected indent", j - 1);
        indents.push(col);
        altIndents.push(alt);
      } else {
        if (!indentError && expectIndent) {
          const header: LogicalLine = expectIndent;
          indentError = problem(
            "IndentationError",
            `expected an indented block after ${headerWhat(header.tokens[0], header.tokens)} on line ${header.line}`,
            j,
            firstTokenLength(source, j),
          );
        }
        while (col < indents[indents.length - 1]) {
          indents.pop();
          altIndents.pop();
        }
        if (col !== indents[indents.length - 1]) {
          tokenizerError = problem("IndentationError", "unindent does not match any outer indentation level", j);
          tokenizerError.col = tokenizerError.endCol = lineEnd(line);
          tokenizerError.endCol += 1;
          break;
        }
        if (alt !== altIndents[altIndents.length - 1]) {
          tokenizerError = tabError();
          break;
        }
      }
      expectIndent = null;
      current = { tokens: [], line, indent: col };
      i = j;
    }
    const c = source[i];
    if (c === "\n") {
      i++;
      if (stack.length === 0) {
        endLogical();
        atLineStart = true;
      }
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\f") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (c === "\\" && (source[i + 1] === "\n" || (source[i + 1] === "\r" && source[i + 2] === "\n"))) {
      i += source[i + 1] === "\n" ? 2 : 3;
      continue;
    }
    const push = (kind: Token["kind"], to: number): Token => {
      const line = lineOf(i);
      const t: Token = { kind, text: source.slice(i, to), from: i, to, line, col: i - lineStarts[line - 1], depth: stack.length };
      tokens.push(t);
      if (!current) current = { tokens: [], line, indent: 0 };
      current.tokens.push(t);
      i = to;
      return t;
    };
    STRING_START.lastIndex = i;
    const sm = STRING_START.exec(source);
    if (sm) {
      const quote = sm[1];
      let j = i + sm[0].length;
      let closed = false;
      while (j < source.length) {
        if (source[j] === "\\") {
          j += 2;
          continue;
        }
        if (quote.length === 1 && source[j] === "\n") break;
        if (source.startsWith(quote, j)) {
          closed = true;
          j += quote.length;
          break;
        }
        j++;
      }
      if (!closed) {
        const detected = lineOf(Math.min(j, source.length) - (j >= source.length && source.endsWith("\n") ? 1 : 0));
        tokenizerError = problem(
          "SyntaxError",
          `unterminated ${quote.length === 3 ? "triple-quoted " : ""}string literal (detected at line ${detected})`,
          i,
        );
        break;
      }
      push("string", j);
      continue;
    }
    NUMBER.lastIndex = i;
    const nm = /[\d.]/.test(c) ? NUMBER.exec(source) : null;
    if (nm && nm[0] !== ".") {
      push("number", i + nm[0].length);
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      push("name", i + name[0].length);
      continue;
    }
    const op = OPS.find((o) => source.startsWith(o, i)) ?? c;
    if (op === "(" || op === "[" || op === "{") {
      stack.push(push("op", i + 1));
      continue;
    }
    if (op in CLOSE) {
      const open = stack.pop();
      if (!open) {
        tokenizerError = problem("SyntaxError", `unmatched '${op}'`, i);
        break;
      }
      if (open.text !== CLOSE[op]) {
        const where = open.line !== lineOf(i) ? ` on line ${open.line}` : "";
        tokenizerError = problem(
          "SyntaxError",
          `closing parenthesis '${op}' does not match opening parenthesis '${open.text}'${where}`,
          i,
        );
        break;
      }
      push("op", i + 1);
      continue;
    }
    push("op", i + op.length);
  }
  endLogical();
  if (!indentError && !tokenizerError && expectIndent) {
    const header: LogicalLine = expectIndent;
    const last = source.replace(/\s+$/, "").length;
    indentError = problem(
      "IndentationError",
      `expected an indented block after ${headerWhat(header.tokens[0], header.tokens)} on line ${header.line}`,
      Math.max(0, last - 1),
      1,
      true,
    );
  }
  return { tokenizerError, indentError, unclosed: stack.length ? stack[stack.length - 1] : null, logical, tokens };
}

/** the length of the token starting at `at`: a name, number or string, else one character */
function firstTokenLength(source: string, at: number): number {
  const rest = source.slice(at, at + 200);
  const m = /^(?:[\p{L}_][\p{L}\p{N}_]*|\d[\w.]*|[rbfuRBFU]{0,2}(?:'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"))/u.exec(rest);
  return m ? Math.max(1, m[0].length) : 1;
}
