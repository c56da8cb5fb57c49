// eval(source) as CPython 3.13 runs a string in the caller's namespace: the string (leading spaces
// and tabs dropped) must be one expression; it sees the calling frame's locals, then its globals,
// then builtins, and its frame shows in tracebacks as File "<string>", line 1, in <module>.
// Code objects and explicit globals/locals dicts are not in Gradlens yet.
import type { CodeUnit } from "./function.ts";
import { evalExpr } from "./expressions.ts";
import type { Interpreter } from "./interpreter.ts";
import { PySyntaxError, parseModule } from "./parse.ts";
import { Frame } from "./scope.ts";
import { type CallArgs, type PyValue, pyErr, typeName } from "./values.ts";
import { bindArgs } from "./args.ts";

const parsed = new Map<string, ReturnType<typeof parseModule>>();

export function evalString(ip: Interpreter, a: CallArgs): PyValue {
  const [source, globals, locals] = bindArgs("eval", a, [{ name: "source" }, { name: "globals", default: null }, { name: "locals", default: null }]).values as PyValue[];
  if (typeof source !== "string") throw pyErr("TypeError", `eval() arg 1 must be a string, bytes or code object`);
  if (globals !== null || locals !== null) throw pyErr("NotImplementedError", `eval() with a globals or locals ${typeName(globals ?? locals)} is not in Gradlens yet`);
  const text = source.replace(/^[ \t]+/, "");
  let mod = parsed.get(text);
  if (!mod) {
    try {
      mod = parseModule(text);
    } catch (e) {
      if (e instanceof PySyntaxError) throw pyErr(e.type, `${e.message} (<string>, line ${e.line})`);
      throw e;
    }
    parsed.set(text, mod);
  }
  const stmt = mod.body[0];
  if (mod.body.length !== 1 || stmt.k !== "expr") throw pyErr("SyntaxError", `invalid syntax (<string>, line ${text.trim() ? 1 : 0})`);
  const caller = ip.frames[ip.frames.length - 1];
  const code: CodeUnit = { filename: "<string>", lines: mod.lines, library: true };
  // a class-like frame: lookups go to its locals (the caller's), then the caller's globals, then builtins
  const namespace = caller.kind === "module" ? caller.globals : new Map(caller.locals);
  const frame = new Frame("<module>", null, new Set(), new Set(), null, caller.globals, code, "class", "", namespace);
  frame.line = stmt.line;
  ip.frames.push(frame);
  try {
    return evalExpr(ip, stmt.value, frame);
  } catch (e) {
    // no statement runs in it to record where it failed: the frame is taken here, as a lambda's is
    throw ip.withTraceback(e);
  } finally {
    ip.frames.pop();
  }
}
