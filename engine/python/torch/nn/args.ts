// Arguments of torch.nn.functional's Python functions by name, with CPython's messages for
// mistakes and the defaults filled in (F's functions are Python, not ATen signatures).
import { bindArgs } from "../../args.ts";
import type { CallArgs, PyValue } from "../../values.ts";

export type Bound = Record<string, PyValue>;

export function pyArgs(fname: string, a: CallArgs, spec: { name: string; default?: PyValue; kwOnly?: boolean }[]): Bound {
  const { values } = bindArgs(fname, a, spec);
  const out: Bound = Object.create(null);
  spec.forEach((s, i) => (out[s.name] = values[i] as PyValue));
  return out;
}
