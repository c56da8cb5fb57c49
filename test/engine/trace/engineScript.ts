// Drives the real engine through a script's statements, emitting the statement and binding events
// the interpreter would, so the fold can be checked against the engine's own live objects.

import * as T from "../../../engine/index.ts";
import type { TraceEvent } from "../../../engine/events.ts";

export interface Probe {
  /** event count when the probe was taken */
  at: number;
  check: () => Record<string, unknown>;
}

export class ScriptDriver {
  readonly events: TraceEvent[] = [];
  readonly rt = new T.Runtime({ sink: (e) => this.events.push(e) });
  private line = 0;

  statement(text: string): void {
    this.line++;
    const span = { line: this.line, col: 0, endLine: this.line, endCol: text.length };
    this.rt.span = span;
    this.rt.emit({ kind: "statement", span, text });
  }

  bind(name: string, t: T.Tensor): T.Tensor {
    this.rt.emit({ kind: "binding/set", name, scope: "<module>", value: { type: "tensor", id: t.id }, span: this.rt.span });
    return t;
  }

  print(text: string): void {
    this.rt.emit({ kind: "output/printed", text: `${text}\n`, stream: "stdout" });
  }
}

/** alias_pitfall_zero.py, statement by statement (expected output recorded with PyTorch in the case). */
export function aliasPitfallTrace() {
  const d = new ScriptDriver();
  d.statement("x = torch.tensor(3.0, requires_grad=True)");
  const x = d.bind("x", T.tensor(d.rt, 3.0, { requiresGrad: true }));
  d.statement("f = x**3");
  const f = d.bind("f", T.pow(x, 3n));
  d.statement("f.backward(create_graph=True)");
  T.backward(f, { createGraph: true });
  d.statement("f_prime = x.grad");
  const fPrime = d.bind("f_prime", x.grad!);
  const afterAlias = d.events.length - 1;
  d.statement("x.grad.zero_()");
  T.zero_(x.grad!);
  const afterZero = d.events.length - 1;
  d.statement("print(f_prime)");
  d.print(T.repr(fPrime));
  d.statement("f_prime.backward()");
  T.backward(fPrime);
  d.statement("print(x.grad)");
  d.print(T.repr(x.grad!));
  return { events: d.events, afterAlias, afterZero, x, f, fPrime };
}
