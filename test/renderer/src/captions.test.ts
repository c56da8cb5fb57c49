import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { stepCaption } from "../../../renderer/src/lib/captions.ts";
import { captionFor, wrapCaption } from "../../../renderer/export/step.ts";

function captions(source: string): { events: TraceEvent[]; at: (k: number) => string } {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), onStdout: () => {}, onStderr: () => {} });
  const cursor = new TraceCursor(events);
  return { events, at: (k) => stepCaption(cursor.at(k)) };
}

const problem3 = readFileSync(new URL("../../e2e/scripts/problem3_alias.py", import.meta.url), "utf8");

describe("stepCaption: what a step did, in plain words", () => {
  const { events, at } = captions(problem3);
  const first = (pred: (e: TraceEvent) => boolean) => events.findIndex(pred);
  it.each([
    { what: "before anything", k: -1, expected: /^Before the first statement/ },
    { what: "a leaf is made", k: first((e) => e.kind === "tensor/created"), expected: /A new tensor 3\. .* It requires grad: a leaf/ },
    { what: "x**3 records PowBackward0", k: first((e) => e.kind === "op/applied" && e.node?.name === "PowBackward0"), expected: /pow gives 27\. and records PowBackward0 in the graph, saving self/ },
    { what: "the backward starts from the seed", k: first((e) => e.kind === "backward/started"), expected: /backward\(\) starts.*The seed ∂out\/∂out = 1\. enters PowBackward0 \(f\)\. create_graph=True records/ },
    { what: "PowBackward0 runs and says why", k: first((e) => e.kind === "node/executed" && e.name === "PowBackward0"), expected: /PowBackward0 \(f\) runs \(d\/dx xⁿ = n·xⁿ⁻¹, times grad\): it gets ∂ 1\. and sends ∂ 27\. to AccumulateGrad \(x\)/ },
    { what: "the first .grad is a stored copy", k: first((e) => e.kind === "grad/accumulated"), expected: /AccumulateGrad stores a copy of the gradient in x\.grad: None \+ 27\. = 27\./ },
    { what: "f_prime = x.grad is an alias", k: first((e) => e.kind === "binding/set" && e.name === "f_prime"), expected: /f_prime now refers to the same tensor as x\.grad \(no copy is made\)/ },
    { what: "zero_ through x.grad, seen by f_prime", k: first((e) => e.kind === "tensor/mutated"), expected: /^x\.grad\.zero_\(\) writes 0\. into storage #\d+ in place: version 1 → 2\. f_prime is the same tensor, so it reads 0\. too\. Its grad_fn is now ZeroBackward0/ },
  ])("$what", ({ k, expected }) => {
    expect(at(k)).toMatch(expected);
  });

  it("errors name the node and the saved tensor", () => {
    const c = captions("import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\nz = y.sum()\nz.backward()\nz.backward()\n");
    expect(c.at(c.events.length - 1)).toMatch(/^RuntimeError \(line 6\): MulBackward0 \(y\) needs its saved tensor 'other', but an earlier backward freed it/);
  });

  it("a freed graph says what and which line", () => {
    const c = captions("import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3\ny = x + 1\n");
    const k = c.events.findIndex((e) => e.kind === "graph/freed");
    expect(c.at(k)).toMatch(/^Nothing refers to MulBackward0 any more \(line 4 dropped the last reference\), so Python frees it/);
  });

  it.each([
    {
      what: "SGD with momentum: the update, the version bump and the buffer",
      src: "import torch\nw = torch.tensor([1.0, -2.0], requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.5, momentum=0.9)\n(w * w).sum().backward()\nopt.step()\n",
      expected: /^SGD\.step\(\) updates w in place under no_grad \(buf = momentum·buf \+ grad; p -= lr·buf, lr = 0\.5\): \[1\., -2\.\] → \[0\., 0\.\], version 0 → 1\. The optimizer keeps momentum_buffer = \[2\., -4\.\]\.$/,
    },
    {
      what: "Adam keeps step, exp_avg and exp_avg_sq",
      src: "import torch\nw = torch.tensor(1.0, requires_grad=True)\nopt = torch.optim.Adam([w], lr=0.1)\n(3 * w).backward()\nopt.step()\n",
      expected: /^Adam\.step\(\) updates w in place .*: 1\. → 0\.9, version 0 → 1\. The optimizer keeps step = 1\., exp_avg = 0\.3, exp_avg_sq = 0\.009\.$/,
    },
  ])("optimizer.step(): $what", ({ src, expected }) => {
    const c = captions(src);
    expect(c.at(c.events.findIndex((e) => e.kind === "optim/stepped"))).toMatch(expected);
  });

  it("zero_grad() says why .grad becomes None", () => {
    const c = captions("import torch\nw = torch.tensor(1.0, requires_grad=True)\nopt = torch.optim.SGD([w], lr=0.1)\n(2 * w).backward()\nopt.zero_grad()\n");
    expect(c.at(c.events.findIndex((e) => e.kind === "attr/set"))).toMatch(/^zero_grad\(\) sets w\.grad to None: without it the next backward would add its gradient to this one/);
  });

  it("the export caption is the same words after where the step is", () => {
    const cursor = new TraceCursor(events);
    const k = first((e) => e.kind === "node/executed");
    expect(captionFor(cursor.at(k), cursor.length)).toBe(`step ${k + 1} / ${events.length} · line 8: f.backward(create_graph=True, retain_graph=True) · ${at(k)}`);
  });
});

describe("wrapCaption", () => {
  it.each([
    { text: "a b c", chars: 10, rows: ["a b c"] },
    { text: "aaa bbb ccc", chars: 7, rows: ["aaa bbb", "ccc"] },
    { text: "averyveryverylongword x", chars: 5, rows: ["averyveryverylongword", "x"] },
  ])("$text in $chars", ({ text, chars, rows }) => expect(wrapCaption(text, chars)).toEqual(rows));
});

describe("stepCaption: objects and modules", () => {
  const { events, at } = captions(
    [
      "import torch",
      "import torch.nn as nn",
      "class Net(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc = nn.Linear(1, 1)",
      "        self.register_buffer('count', torch.zeros(1))",
      "        self.name = 'net'",
      "        self.scale = nn.Parameter(torch.ones(1))",
      "class P:",
      "    def __init__(self, x):",
      "        self.x = x",
      "net = Net()",
      "p = P(3)",
      "del p.x",
      "p.items = []",
      "p.items.append(1)",
      "print(p.items)",
    ].join("\n"),
  );
  const at1 = (pred: (e: TraceEvent) => boolean) => at(events.findIndex(pred));
  it.each([
    { what: "a module appears", pred: (e: TraceEvent) => e.kind === "object/created" && e.cls === "Linear", expected: /^A Linear module with weight, bias, in_features, out_features appears in memory: an nn\.Module/ },
    { what: "a program's object appears", pred: (e: TraceEvent) => e.kind === "object/created" && e.cls === "P", expected: /^A P object appears in memory: an instance of a class of the program\.$/ },
    { what: "a submodule is registered", pred: (e: TraceEvent) => e.kind === "object/attr" && e.name === "fc", expected: /^\.fc of the Net module is a Linear module: nn\.Module\.__setattr__ registers it in _modules/ },
    { what: "a buffer", pred: (e: TraceEvent) => e.kind === "object/attr" && e.name === "count", expected: /^\.count of the Net module is the buffer the tensor 0\.: kept in _buffers/ },
    { what: "a parameter", pred: (e: TraceEvent) => e.kind === "object/attr" && e.name === "scale", expected: /^\.scale of the Net module is the parameter 1\.: nn\.Module\.__setattr__ registers it in _parameters, so parameters\(\) \(and an optimizer\) see it\.$/ },
    { what: "a plain attribute of a module", pred: (e: TraceEvent) => e.kind === "object/attr" && e.name === "name", expected: /^\.name of the Net module is set to 'net'\.$/ },
    { what: "an object's attribute", pred: (e: TraceEvent) => e.kind === "object/attr" && e.name === "x" && e.value !== null, expected: /^\.x of the P object is set to 3\.$/ },
    { what: "an attribute deleted", pred: (e: TraceEvent) => e.kind === "object/attr" && e.value === null, expected: /^del \.x: the attribute is removed from the P object\.$/ },
    { what: "a list changed in place", pred: (e: TraceEvent) => e.kind === "object/attr" && e.inPlace === true, expected: /^\.items of the P object changed in place \(the same list\): it holds \[1\]\.$/ },
    { what: "a name bound to an object", pred: (e: TraceEvent) => e.kind === "binding/set" && e.name === "net", expected: /^net now refers to a Net object\.$/ },
  ])("$what", ({ pred, expected }) => {
    expect(at1(pred)).toMatch(expected);
  });
});
