// Binding call arguments to parameter names the way CPython reports mistakes:
// "f() missing 1 required positional argument: 'x'", "got an unexpected keyword argument".
import { nameTable, type CallArgs, type PyValue, pyErr } from "./values.ts";

export interface ParamSpec {
  name: string;
  /** absent: required */
  default?: PyValue;
  /** can only be passed by keyword */
  kwOnly?: boolean;
}

/** The arguments of a builtin that takes `min` to `max` positional ones and no keywords,
 *  with CPython's messages ("len() takes exactly one argument (2 given)"). */
export function positionalArgs(name: string, a: CallArgs, min = 1, max = 1): PyValue[] {
  if (a.kwargs.size) throw pyErr("TypeError", `${name}() takes no keyword arguments`);
  const n = a.args.length;
  if (n < min || n > max) {
    if (min === max)
      throw pyErr("TypeError", `${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${n} given)`);
    if (n < min) throw pyErr("TypeError", `${name} expected at least ${min} argument${min > 1 ? "s" : ""}, got ${n}`);
    throw pyErr("TypeError", `${name} expected at most ${max} argument${max > 1 ? "s" : ""}, got ${n}`);
  }
  return a.args;
}

/** A sentinel default meaning "not passed" (distinct from None). */
export const MISSING: unique symbol = Symbol("missing");

/** Returns one value per spec (MISSING where optional and not given). */
export function bindArgs(
  fname: string,
  a: CallArgs,
  spec: ParamSpec[],
  opts: { varargs?: boolean } = {},
): { values: (PyValue | typeof MISSING)[]; rest: PyValue[] } {
  const values: (PyValue | typeof MISSING)[] = spec.map(() => MISSING);
  const positional = spec.filter((s) => !s.kwOnly);
  let rest: PyValue[] = [];
  if (a.args.length > positional.length) {
    if (!opts.varargs) {
      const required = positional.filter((s) => s.default === undefined).length;
      const takes = required === positional.length ? `${positional.length}` : `from ${required} to ${positional.length}`;
      const plural = positional.length === 1 && required === positional.length ? "argument" : "arguments";
      throw pyErr(
        "TypeError",
        `${fname}() takes ${takes} positional ${plural} but ${a.args.length} ${a.args.length === 1 ? "was" : "were"} given`,
      );
    }
    rest = a.args.slice(positional.length);
  }
  a.args.slice(0, positional.length).forEach((v, i) => (values[spec.indexOf(positional[i])] = v));
  for (const [k, v] of a.kwargs) {
    const i = spec.findIndex((s) => s.name === k);
    if (i < 0) throw pyErr("TypeError", `${fname}() got an unexpected keyword argument '${k}'`);
    if (values[i] !== MISSING) throw pyErr("TypeError", `${fname}() got multiple values for argument '${k}'`);
    values[i] = v;
  }
  const missing = spec.filter((s, i) => values[i] === MISSING && s.default === undefined);
  if (missing.length) {
    const kw = missing.every((m) => m.kwOnly);
    const names = missing.map((m) => `'${m.name}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    throw pyErr(
      "TypeError",
      `${fname}() missing ${missing.length} required ${kw ? "keyword-only" : "positional"} argument${missing.length > 1 ? "s" : ""}: ${list}`,
    );
  }
  spec.forEach((s, i) => {
    if (values[i] === MISSING && s.default !== undefined) values[i] = s.default;
  });
  return { values, rest };
}

/** Shorthand: bind and return a record by name (MISSING kept for "not passed"). */
export function argsByName(fname: string, a: CallArgs, spec: ParamSpec[]): Record<string, PyValue | typeof MISSING> {
  const { values } = bindArgs(fname, a, spec);
  const out: Record<string, PyValue | typeof MISSING> = nameTable();
  spec.forEach((s, i) => (out[s.name] = values[i]));
  return out;
}
