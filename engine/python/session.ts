// One program run: parse, evaluate, and turn the outcome into what `python3 file.py`
// shows — stdout, warnings and a traceback on stderr, an exit code — plus error events.
import type { BindingValue, ErrorBlame, Span, TraceEvent } from "../events.ts";
import type { Expr } from "./ast.ts";
import { Interpreter, tracebackFrames } from "./interpreter.ts";
import type { WarningPlace } from "../runtime.ts";
import type { Frame } from "./scope.ts";
import { stdlibImporter } from "./stdlib/index.ts";
import { WarningsState, underscoreWarningsModule } from "./stdlib/warnings.ts";
import { LineMap, PySyntaxError, parseModule } from "./parse.ts";
import type { CodeUnit } from "./function.ts";
import { pyStr } from "./repr.ts";
import { frameLine, frameSource } from "./traceback_source.ts";
import { suggestionText } from "./suggestions.ts";
import { type PyError, type PyException, PyModule, type PyValue } from "./values.ts";

export interface SessionOptions {
  /** shown in tracebacks and warnings */
  filename?: string;
  sink?: (e: TraceEvent) => void;
  /** streamed output, as it happens */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  maxSteps?: number;
  timeLimitMs?: number;
  maxDepth?: number;
  /** modules beyond `math` (torch), by dotted name */
  modules?: (name: string) => PyModule | undefined;
  describe?: (v: PyValue) => BindingValue | undefined;
  setSpan?: (span: Span | undefined) => void;
  convertError?: (e: unknown) => PyError | undefined;
  /** the source of a module imported from the script's folder */
  resolveModule?: (name: string) => { filename: string; source: string } | undefined;
  /** gives the caller a way to raise warnings ("file:line: Category: msg") once the run starts,
   *  the run's deadline, and the stop to throw when a kernel finds it passed */
  onStart?: (session: RunHooks) => void;
  /** called before each statement of the script is narrated (liveness.ts) */
  onStatement?: (frames: readonly Frame[], handling: readonly PyError[]) => void;
  /** called when the program ran to its end without an uncaught exception, with its globals */
  onFinished?: (globals: Map<string, PyValue>, line: number) => void;
}

/** what a run hands whoever started it, once it starts */
export interface RunHooks {
  /** warns at the user's line, or at `place` (a line of torch's own Python), as warnings'
   *  filters decide (it may raise): true when it was shown */
  warn: (category: string, message: string, place?: WarningPlace) => boolean;
  /** the Python stack now, as traceback.format_stack() prints it */
  stack: () => string;
  /** forget which warnings were shown (as a change of warnings' filters does) */
  resetWarnings: () => void;
  /** Date.now() past which the run stops */
  deadline: number;
  /** throws the time-budget stop, naming the line */
  stopForTime: () => never;
  /** throws the memory-budget stop, naming the line */
  stopForMemory: (budgetBytes: number) => never;
  /** the program's live values, for measuring what it holds */
  roots: () => unknown[];
}

export interface RunError {
  type: string;
  message: string;
  line: number;
  /** the full text printed on stderr for it */
  traceback: string;
}

export interface RunOutcome {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1;
  error: RunError | null;
  /** a JS fault inside Gradlens (a bug), if one was turned into a SystemError */
  internalFault: unknown;
  steps: number;
}

export const DEFAULT_BUDGET = { maxSteps: 5_000_000, timeLimitMs: 20_000, maxDepth: 1000 };

type Frames = { line: number; fn: string; pos?: Expr | null; code?: CodeUnit }[];

/** One exception's "Traceback (most recent call last): ... Type: message" block. */
function formatTraceback(exc: PyException, frames: Frames, filename: string, lines: LineMap): string {
  let tb = "Traceback (most recent call last):\n";
  // like CPython, a frame repeated more than 3 times in a row is shown 3 times then counted
  let repeats = 0;
  const flush = (): void => {
    if (repeats > 0) tb += `  [Previous line repeated ${repeats} more time${repeats > 1 ? "s" : ""}]\n`;
    repeats = 0;
  };
  frames.forEach((f, i) => {
    const same = (k: number): boolean => k >= 0 && frames[k].line === f.line && frames[k].fn === f.fn && frames[k].code === f.code;
    if (same(i - 1) && same(i - 2) && same(i - 3)) {
      repeats++;
      return;
    }
    flush();
    const fileLines = f.code?.lines ?? lines;
    tb += `  File "${f.code?.filename ?? filename}", line ${frameLine(f.pos, f.line, fileLines)}, in ${f.fn}\n`;
    // code run from a string (eval, exec) has no file linecache could read: CPython shows no source
    if (f.code?.filename !== "<string>") tb += frameSource(f.pos, f.line, fileLines);
  });
  flush();
  return tb + exceptionLine(exc);
}

/** The traceback's last line: "Type: message", with CPython's "Did you mean" where it adds one. */
export function exceptionLine(exc: PyException): string {
  const message = safeStr(exc) + suggestionText(exc);
  // traceback.py names a class by module and qualname unless it is a builtin or __main__'s
  const cls = exc.cls;
  const name = cls.module === "builtins" || cls.module === "__main__" ? cls.qualName : `${cls.module}.${cls.qualName}`;
  return message ? `${name}: ${message}\n` : `${name}\n`;
}

/** str(exc), or what CPython prints when the exception's own __str__ fails */
function safeStr(exc: PyException): string {
  try {
    return pyStr(exc);
  } catch {
    return "<exception str() failed>";
  }
}

/** The exception with its cause or context before it, as CPython prints an uncaught chain. */
function formatChain(exc: PyException, frames: Frames, filename: string, lines: LineMap, seen = new Set<PyException>()): string {
  seen.add(exc);
  const earlier = (e: PyException): string => formatChain(e, (e.traceback ?? []).slice(e.caughtAt), filename, lines, seen);
  let out = "";
  if (exc.cause && !seen.has(exc.cause))
    out = earlier(exc.cause) + "\nThe above exception was the direct cause of the following exception:\n\n";
  else if (exc.context && !exc.suppressContext && !seen.has(exc.context))
    out = earlier(exc.context) + "\nDuring handling of the above exception, another exception occurred:\n\n";
  return out + formatTraceback(exc, frames, filename, lines);
}

export function runSource(source: string, opts: SessionOptions = {}): RunOutcome {
  const filename = opts.filename ?? "<string>";
  let stdout = "";
  let stderr = "";
  const write = (text: string, stream: "stdout" | "stderr"): void => {
    if (stream === "stdout") {
      stdout += text;
      opts.onStdout?.(text);
    } else {
      stderr += text;
      opts.onStderr?.(text);
    }
  };
  const lines = new LineMap(source);
  const fail = (error: RunError, span?: Span, blame?: ErrorBlame): RunOutcome => {
    write(error.traceback, "stderr");
    opts.sink?.({ kind: "error/raised", type: error.type, message: error.message, span, traceback: error.traceback, ...(blame ? { blame } : {}) });
    return { stdout, stderr, exitCode: 1, error, internalFault: null, steps: 0 };
  };

  let module;
  try {
    module = parseModule(source);
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    // traceback.py's _format_syntax_error: only spaces are stripped (a tab stays, and the caret
    // line copies it); no caret line when the error's column falls in the stripped spaces
    const text = lines.lineText(e.line);
    const shownText = text.replace(/^[ \f]+/, "");
    const spaces = text.length - shownText.length;
    const colno = e.col - spaces;
    const endColno = Math.max(e.endCol, e.col + 1) - spaces;
    const caret =
      !e.noCaret && colno >= 0 ? `    ${shownText.slice(0, colno).replace(/\S/g, " ")}${"^".repeat(endColno - colno)}\n` : "";
    const shown = shownText.trim() ? `    ${shownText}\n${caret}` : "";
    const tb = `  File "${filename}", line ${e.line}\n${shown}${e.type}: ${e.message}\n`;
    return fail(
      { type: e.type, message: e.message, line: e.line, traceback: tb },
      { line: e.line, col: e.col, endLine: e.line, endCol: Math.max(e.endCol, e.col + 1) },
    );
  }

  const warnings = new WarningsState({
    filename,
    lineText: (line) => lines.lineText(line),
    currentLine: () => interp.currentLine,
    writeStderr: (text) => write(text, "stderr"),
    pythonModule: () => interp.libraryModules.get("warnings"),
    shown: (category, message, line) =>
      opts.sink?.({
        kind: "warning/raised",
        category,
        message,
        span: line === null ? undefined : { line, col: 0, endLine: line, endCol: lines.lineText(line).length },
      }),
  });
  const stdlib = stdlibImporter({ _warnings: () => underscoreWarningsModule(warnings) });
  const interp = new Interpreter({
    lines,
    filename,
    write,
    sink: opts.sink,
    importModule: (name) => stdlib(name) ?? opts.modules?.(name),
    describe: opts.describe,
    setSpan: opts.setSpan,
    convertError: opts.convertError,
    resolveModule: opts.resolveModule,
    onStatement: opts.onStatement,
    maxSteps: opts.maxSteps ?? DEFAULT_BUDGET.maxSteps,
    timeLimitMs: opts.timeLimitMs ?? DEFAULT_BUDGET.timeLimitMs,
    maxDepth: opts.maxDepth ?? DEFAULT_BUDGET.maxDepth,
  });
  opts.onStart?.({
    warn: (category, message, place) => warnings.engineWarning(category, message, place),
    resetWarnings: () => warnings.filtersMutated(),
    stack: () =>
      tracebackFrames(interp.frames)
        .map((f) => `  File "${f.code?.filename ?? filename}", line ${f.line}, in ${f.fn}\n    ${(f.code?.lines ?? lines).lineText(f.line).trim()}\n`)
        .join(""),
    deadline: interp.deadline,
    stopForTime: () => interp.stopForTime(),
    stopForMemory: (budgetBytes) => interp.stopForMemory(budgetBytes),
    roots: () => interp.roots(),
  });

  try {
    interp.run(module);
  } catch (e) {
    const err = interp.toPyError(e);
    const exc = err.exc;
    const frames = exc.traceback ?? [{ line: interp.currentLine, fn: "<module>" }];
    const tb = formatChain(exc, frames, filename, lines);
    const message = safeStr(exc);
    // the error is shown on the user's line, not inside a library module
    const line = [...frames].reverse().find((f) => !f.code?.library)?.line ?? frames[frames.length - 1].line;
    const out = fail(
      { type: exc.cls.name, message, line, traceback: tb },
      { line, col: 0, endLine: line, endCol: lines.lineText(line).length },
      exc.blame,
    );
    return { ...out, internalFault: interp.internalFault, steps: interp.stepCount };
  }
  opts.onFinished?.(interp.globals, interp.currentLine);
  return { stdout, stderr, exitCode: 0, error: null, internalFault: null, steps: interp.stepCount };
}
