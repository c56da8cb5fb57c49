// What the interpreter narrates: a statement event before each statement, a binding event
// for every name (with its scope), deletions, prints, warnings, errors, and the source span
// of the Python expression on each engine op — what the memory view and the stepper rely on.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";

function trace(src: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  runPython(src, { sink: (e) => void events.push(e) });
  return events;
}
const of = <K extends TraceEvent["kind"]>(events: TraceEvent[], kind: K) =>
  events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);

describe("interpreter events", () => {
  it("a statement event precedes each statement, with its span and text", () => {
    const ev = trace("a = 1\nif a:\n    b = 2\nprint(a + b)\n");
    expect(of(ev, "statement").map((e) => [e.span.line, e.text])).toEqual([
      [1, "a = 1"],
      [2, "if a:"],
      [3, "b = 2"],
      [4, "print(a + b)"],
    ]);
    const kinds = ev.map((e) => e.kind);
    expect(kinds.indexOf("output/printed")).toBeGreaterThan(kinds.lastIndexOf("statement"));
  });

  it("loops announce their header on every iteration", () => {
    const ev = trace("for i in range(3):\n    pass\n");
    expect(of(ev, "statement").filter((e) => e.text.startsWith("for")).length).toBe(3);
    expect(of(ev, "binding/set").map((e) => e.value)).toEqual([0, 1, 2].map((i) => ({ type: "value", repr: String(i), pyType: "int" })));
  });

  it("bindings name their scope: module, function, comprehension", () => {
    const ev = trace("def f(p, q=2):\n    r = p * q\n    return r\nx = f(3)\ny = [k for k in range(1)]\n");
    const b = of(ev, "binding/set").map((e) => `${e.scope}:${e.name}`);
    expect(b).toEqual(["<module>:f", "f:p", "f:q", "f:r", "<module>:x", "<listcomp>:k", "<module>:y"]);
  });

  it("an alias binds a second name to the same tensor id (f_prime = x.grad)", () => {
    const ev = trace(
      "import torch\nx = torch.tensor(3.0, requires_grad=True)\n(x**3).backward(create_graph=True)\nf_prime = x.grad\ng = x.grad\n",
    );
    const [fp, g] = of(ev, "binding/set").filter((e) => e.name === "f_prime" || e.name === "g");
    expect(fp.value.type).toBe("tensor");
    expect(fp.value).toEqual(g.value);
  });

  it("tuples of tensors and None bind as `tensors` with their repr", () => {
    const ev = trace("import torch\na = torch.tensor(1.0, requires_grad=True)\nt = (a, None)\n");
    const t = of(ev, "binding/set").find((e) => e.name === "t")!;
    expect(t.value).toMatchObject({ type: "tensors", repr: "(tensor(1., requires_grad=True), None)" });
    expect((t.value as { ids: (number | null)[] }).ids[1]).toBeNull();
  });

  it("del and the end of `except ... as e` unbind names", () => {
    const ev = trace("x = 1\ndel x\ntry:\n    1/0\nexcept ZeroDivisionError as e:\n    pass\n");
    expect(of(ev, "binding/deleted").map((e) => e.name)).toEqual(["x", "e"]);
  });

  it("each op carries the span of its Python expression", () => {
    const ev = trace("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\n");
    const ops = of(ev, "op/applied").map((e) => [e.op, e.span]);
    expect(ops).toEqual([
      ["mul", { line: 3, col: 5, endLine: 3, endCol: 10 }],
      ["sum", { line: 3, col: 4, endLine: 3, endCol: 17 }],
    ]);
  });

  it("print, warnings and the final error are events too", () => {
    const ev = trace("import torch\nx = torch.tensor(2.0, requires_grad=True)\n(x * x).backward(create_graph=True)\nprint('hi', end='!')\nx.foo\n");
    expect(of(ev, "output/printed")).toEqual([{ kind: "output/printed", text: "hi!", stream: "stdout" }]);
    expect(of(ev, "warning/raised")[0]).toMatchObject({ category: "UserWarning", span: { line: 3 } });
    const err = of(ev, "error/raised");
    expect(err).toHaveLength(1);
    expect(err[0]).toMatchObject({ type: "AttributeError", message: "'Tensor' object has no attribute 'foo'", span: { line: 5 } });
  });

  it("a syntax error is one error event and nothing runs", () => {
    const ev = trace("print(1)\nx = (\n");
    expect(ev.map((e) => e.kind)).toEqual(["error/raised"]);
    expect(ev[0]).toMatchObject({ type: "SyntaxError", message: "'(' was never closed" });
  });
});

describe("budgets", () => {
  it("a huge tensor stops at the element budget with a clear error", () => {
    const r = runPython("import torch\nx = torch.zeros(100000, 100000)\n", { maxElements: 1_000_000 });
    expect(r.exitCode).toBe(1);
    expect(r.error?.type).toBe("RuntimeError");
    expect(r.error?.message).toMatch(/10000000000 elements is over the budget of 1000000 elements/);
  });

  it("a traced endless loop stops at the event budget, even inside try/except", () => {
    let n = 0;
    const src = "import torch\nx = torch.ones(2)\nwhile True:\n    try:\n        y = x * 2\n    except Exception:\n        pass\n";
    const r = runPython(src, { sink: () => void n++, maxEvents: 1000 });
    expect(r.error?.message).toBe("Gradlens stopped the program after 1000 events (trace budget)");
    expect(n).toBe(1001); // the budget's own error/raised event still gets through
  });

  it("deep recursion ends in RecursionError, not a JS stack overflow", () => {
    const r = runPython("def f(n):\n    return f(n + 1)\nf(0)\n");
    expect(r.error?.type).toBe("RecursionError");
    expect(r.internalFault).toBeNull();
  });

  it("outside the subset: NotImplementedError naming the construct and line", () => {
    const r = runPython("x = 1\nmatch x:\n    case 1:\n        pass\n");
    expect(r.error).toMatchObject({ type: "NotImplementedError", line: 2 });
    expect(r.error?.message).toBe("match statements (line 2) are outside the Python subset Gradlens runs");
  });
});

describe("frames leave the memory view when they return", () => {
  const run = (src: string) => {
    const events: TraceEvent[] = [];
    runPython(src, { sink: (e) => events.push(e) });
    return events;
  };
  const namesAt = (events: TraceEvent[], k: number) => [...new TraceCursor(events).at(k).bindings.values()].map((b) => `${b.scope}:${b.name}`).sort();

  it("a returned function's names are gone before the caller binds its result", () => {
    const events = run("def f(a):\n    b = a * 2\n    return b\nx = f(3)\n");
    const exit = events.findIndex((e) => e.kind === "frame/exited");
    expect(events[exit]).toEqual({ kind: "frame/exited", scope: "f" });
    expect(namesAt(events, exit - 1)).toEqual(["<module>:f", "f:a", "f:b"]);
    expect(namesAt(events, events.length - 1)).toEqual(["<module>:f", "<module>:x"]);
  });

  it("a recursive function's frame stays until its outermost call returns; methods are named by class", () => {
    const events = run("def rec(n):\n    if n == 0:\n        return 0\n    return rec(n - 1) + 1\ny = rec(3)\nclass A:\n    def m(self):\n        t = 1\n        return t\nA().m()\n");
    expect(events.filter((e) => e.kind === "frame/exited")).toEqual([
      { kind: "frame/exited", scope: "rec" },
      { kind: "frame/exited", scope: "A.m" },
    ]);
  });

  it("a generator's names stay while it is suspended and go when it finishes; a comprehension's go at its end", () => {
    const events = run("def gen():\n    k = 1\n    yield k\n    yield 2\ng = gen()\nfirst = next(g)\nrest = list(g)\nsq = [i * i for i in range(3)]\n");
    const exits = events.map((e, k) => (e.kind === "frame/exited" ? k : -1)).filter((k) => k >= 0);
    expect(exits.map((k) => events[k])).toEqual([{ kind: "frame/exited", scope: "gen" }, { kind: "frame/exited", scope: "<listcomp>" }]);
    const firstBound = events.findIndex((e) => e.kind === "binding/set" && e.name === "first");
    expect(namesAt(events, firstBound)).toContain("gen:k");
    expect(namesAt(events, events.length - 1)).not.toContain("gen:k");
    expect(namesAt(events, events.length - 1)).not.toContain("<listcomp>:i");
  });
});
