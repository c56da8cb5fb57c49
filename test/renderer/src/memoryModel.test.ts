import { describe, expect, it } from "vitest";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { buildMemory, storageCells, COL } from "../../../renderer/src/memory/memoryModel.ts";
import { MAX_INSTANCES } from "../../../renderer/src/memory/instances.ts";
import { aliasPitfallTrace } from "../../engine/trace/engineScript.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";

const { events, afterAlias, afterZero } = aliasPitfallTrace();
const cursor = new TraceCursor(events);

describe("buildMemory (Python Tutor view) on the alias pitfall", () => {
  it("f_prime = x.grad: two arrows into one object, the grad arrow from x's object and the name arrow from f_prime", () => {
    const m = buildMemory(cursor.at(afterAlias));
    const fPrime = m.names.find((n) => n.name === "f_prime")!;
    const gradArrow = m.arrows.find((a) => a.kind === "grad")!;
    expect(gradArrow.to).toBe(fPrime.tensors[0]);
    expect(m.arrows.filter((a) => a.to === fPrime.tensors[0] && a.kind !== "storage")).toHaveLength(2);
    expect(m.objects.filter((o) => o.tensor === fPrime.tensors[0])).toHaveLength(1);
    expect(fPrime.text).toBe("27.");
  });

  it("x.grad.zero_(): the shared storage flashes and f_prime reads 0.", () => {
    const m = buildMemory(cursor.at(afterZero));
    const fPrime = m.names.find((n) => n.name === "f_prime")!;
    expect(fPrime.text).toBe("0.");
    const obj = m.objects.find((o) => o.tensor === fPrime.tensors[0])!;
    expect(obj.values).toBe("0.");
    // PyTorch 2.6: the .grad stored under create_graph is at version 1 (AccumulateGrad copies into it)
    expect(obj.rows.find((r) => r.label === "_version")!.value).toBe("2");
    expect(m.storages.find((s) => s.id === obj.storage)!.flash).toBe(true);
  });

  it("objects do not overlap and sit in their column", () => {
    const m = buildMemory(cursor.at(events.length - 1));
    const sorted = m.objects.slice().sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].y).toBeGreaterThanOrEqual(sorted[i - 1].y + sorted[i - 1].height);
    expect(m.height).toBeGreaterThanOrEqual(Math.max(...m.objects.map((o) => o.y + o.height)));
  });

  it("shows requires_grad, is_leaf and grad_fn as PyTorch names them", () => {
    const m = buildMemory(cursor.at(afterAlias));
    const x = m.objects.find((o) => o.tensor === m.names.find((n) => n.name === "x")!.tensors[0])!;
    expect(Object.fromEntries(x.rows.map((r) => [r.label, r.value]))).toMatchObject({
      requires_grad: "True",
      is_leaf: "True",
      grad_fn: "None",
      shape: "[]",
      dtype: "float32",
    });
  });
});

describe("storageCells: a storage's cells are as wide as its longest value", () => {
  const cases = [
    { args: ["1.", "2.", "3."], expected: { cellW: 40, perRow: 4 } },
    { args: ["0.1016", "1.2936", "-0.2898", "1.6464"], expected: { cellW: 53, perRow: 3 } },
    { args: ["1.000e-5", "-2.500e-10"], expected: { cellW: 72, perRow: 2 } },
  ];
  for (const c of cases) it(c.args.join(" "), () => expect(storageCells(c.args)).toEqual(c.expected));
  it("every value fits its cell, and the cells fit the storage box", () => {
    for (const c of cases) {
      const { cellW, perRow } = storageCells(c.args);
      expect(Math.max(...c.args.map((v) => v.length)) * 6.6).toBeLessThanOrEqual(cellW);
      expect(perRow * (cellW + 2) - 2).toBeLessThanOrEqual(COL.storeW - 12);
    }
  });
});

describe("buildMemory: what an optimizer keeps", () => {
  it("Adam's state per parameter under opt.state, an unnamed module parameter by its name, each row pointing at its tensor", () => {
    const events: TraceEvent[] = [];
    runPython(
      "import torch\nimport torch.nn as nn\ntorch.manual_seed(0)\nlin = nn.Linear(2, 1)\nw = torch.tensor(1.0, requires_grad=True)\nopt = torch.optim.Adam([w, lin.bias], lr=0.1)\n(3 * w + lin(torch.ones(1, 2)).sum()).backward()\nopt.step()\n",
      { sink: (e) => events.push(e), onStdout: () => {}, onStderr: () => {} },
    );
    const m = buildMemory(new TraceCursor(events).at(events.length - 1));
    const frame = m.frames.find((f) => f.scope === "optimizer");
    expect(frame?.title).toBe("opt.state (Adam)");
    const rows = m.names.filter((n) => n.scope === "optimizer").map((n) => [n.name, n.text]);
    expect(rows).toEqual([
      ["[w] step", "1."],
      ["[w] exp_avg", "0.3"],
      ["[w] exp_avg_sq", "0.009"],
      ["bias", expect.any(String)],
      ["[bias] step", "1."],
      ["[bias] exp_avg", "0.1"],
      ["[bias] exp_avg_sq", "0.…"],
    ]);
    for (const n of m.names.filter((r) => r.scope === "optimizer")) expect(m.arrows.some((a) => a.kind === "name" && a.from === n.key)).toBe(true);
  });
});

describe("buildMemory draws instances of the program's classes", () => {
  const source = [
    "import torch",
    "class Node:",
    "    def __init__(self, v, nxt=None):",
    "        self.v = v",
    "        self.nxt = nxt",
    "class Layer:",
    "    def __init__(self):",
    "        self.w = torch.ones(2, requires_grad=True)",
    "        self.tag = 'lin'",
    "tail = Node(2)",
    "head = Node(1, tail)",
    "layer = Layer()",
    "layer.tag = 'renamed'",
    "del layer.tag",
  ].join("\n");
  const trace: TraceEvent[] = [];
  runPython(source, { sink: (e) => trace.push(e), onStdout: () => {}, onStderr: () => {} });
  const at = new TraceCursor(trace);
  const stepAfter = (line: number): number => {
    const i = trace.findIndex((e) => e.kind === "statement" && e.span.line === line + 1);
    return (i < 0 ? trace.length : i) - 1;
  };

  it("a name points to its object's box; an attribute holding an object or a tensor points on", () => {
    const m = buildMemory(at.at(stepAfter(12)));
    const head = m.names.find((n) => n.name === "head")!;
    const headBox = m.instances.find((o) => o.object === head.objects[0])!;
    expect(headBox.heading).toBe("Node");
    expect(headBox.rows).toEqual([
      { label: "v", value: "1", refs: [] },
      { label: "nxt", value: "", refs: [{ kind: "object", id: m.names.find((n) => n.name === "tail")!.objects[0] }] },
    ]);
    expect(m.arrows.filter((a) => a.kind === "attr" && a.from === `o${headBox.object}.nxt`)).toHaveLength(1);
    const layer = m.instances.find((o) => o.object === m.names.find((n) => n.name === "layer")!.objects[0])!;
    const w = layer.rows.find((r) => r.label === "w")!;
    expect(w.refs.map((r) => r.kind)).toEqual(["tensor"]);
    expect(m.objects.some((o) => o.tensor === w.refs[0].id)).toBe(true);
  });

  it("attribute changes show at their step, deletions remove the row", () => {
    const renamed = buildMemory(at.at(stepAfter(13)));
    const layerId = renamed.names.find((n) => n.name === "layer")!.objects[0];
    expect(renamed.instances.find((o) => o.object === layerId)!.rows.find((r) => r.label === "tag")!.value).toBe("'renamed'");
    const deleted = buildMemory(at.at(trace.length - 1));
    expect(deleted.instances.find((o) => o.object === layerId)!.rows.map((r) => r.label)).toEqual(["w"]);
  });

  it("boxes of objects and tensors share the column without overlapping", () => {
    const m = buildMemory(at.at(trace.length - 1));
    const boxes = [...m.instances, ...m.objects].sort((a, b) => a.y - b.y);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].height);
  });
});

/** the memory view after the whole of `source` ran */
function memoryAfter(source: string) {
  const trace: TraceEvent[] = [];
  runPython(source, { sink: (e) => trace.push(e), onStdout: () => {}, onStderr: () => {} });
  return buildMemory(new TraceCursor(trace).at(trace.length - 1));
}

describe("buildMemory: nn.Modules where their parameters live", () => {
  const m = memoryAfter(
    [
      "import torch",
      "import torch.nn as nn",
      "class MLP(nn.Module):",
      "    def __init__(self):",
      "        super().__init__()",
      "        self.fc1 = nn.Linear(2, 3)",
      "        self.act = nn.Tanh()",
      "        self.fc2 = nn.Linear(3, 1)",
      "model = MLP()",
      "seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())",
    ].join("\n"),
  );
  const box = (id: number) => m.instances.find((o) => o.object === id)!;
  const rowRef = (o: { rows: { label: string; refs: { kind: string; id: number }[] }[] }, label: string) => o.rows.find((r) => r.label === label)!.refs[0];

  it("model -> fc1 -> weight: submodules and parameters are the module's rows, its bookkeeping is not", () => {
    const model = box(m.names.find((n) => n.name === "model")!.objects[0]);
    expect(model.heading).toBe("MLP");
    expect(model.rows.map((r) => r.label)).toEqual(["fc1", "act", "fc2"]);
    const fc1 = box(rowRef(model, "fc1").id);
    expect(fc1.heading).toBe("Linear");
    expect(fc1.rows.map((r) => [r.label, r.value])).toEqual([
      ["weight", ""],
      ["bias", ""],
      ["in_features", "2"],
      ["out_features", "3"],
    ]);
    const weight = rowRef(fc1, "weight");
    expect(weight.kind).toBe("tensor");
    const tensor = m.objects.find((o) => o.tensor === weight.id)!;
    expect(tensor.rows.find((r) => r.label === "shape")!.value).toBe("[3, 2]");
    expect(m.arrows.some((a) => a.kind === "attr" && a.from === `o${fc1.object}.weight` && a.to === weight.id)).toBe(true);
  });

  it("a Sequential's children are its rows 0, 1", () => {
    const seq = box(m.names.find((n) => n.name === "seq")!.objects[0]);
    expect(seq.rows.map((r) => r.label)).toEqual(["0", "1"]);
    expect(box(rowRef(seq, "1").id).heading).toBe("ReLU");
  });
});

describe("buildMemory: micrograd-style Values", () => {
  const source = [
    "class Value:",
    "    def __init__(self, data, _children=(), _op=''):",
    "        self.data = data",
    "        self.grad = 0.0",
    "        self._backward = lambda: None",
    "        self._prev = set(_children)",
    "        self._op = _op",
    "    def __add__(self, other):",
    "        out = Value(self.data + other.data, (self, other), '+')",
    "        def _backward():",
    "            self.grad += out.grad",
    "            other.grad += out.grad",
    "        out._backward = _backward",
    "        return out",
  ];

  it("data, grad and _prev are rows; _prev points at the two Values it was made from", () => {
    const m = memoryAfter([...source, "a = Value(2.0)", "b = Value(-3.0)", "c = a + b", "c.grad = 1.0", "c._backward()"].join("\n"));
    const id = (name: string) => m.names.find((n) => n.name === name && n.scope === "<module>")!.objects[0];
    const c = m.instances.find((o) => o.object === id("c"))!;
    expect(c.rows.map((r) => [r.label, r.value])).toEqual([
      ["data", "-1.0"],
      ["grad", "1.0"],
      ["_backward", "fn _backward"],
      ["_prev", "set of 2"],
      ["_op", "'+'"],
    ]);
    expect(new Set(c.rows.find((r) => r.label === "_prev")!.refs.map((r) => r.id))).toEqual(new Set([id("a"), id("b")]));
    expect(m.arrows.filter((a) => a.kind === "attr" && a.from === `o${c.object}._prev`).map((a) => a.to).sort()).toEqual([id("a"), id("b")].sort());
    expect(m.instances.find((o) => o.object === id("a"))!.rows.find((r) => r.label === "grad")!.value).toBe("1.0");
  });

  it("a long chain of Values: at most MAX_INSTANCES boxes, rows to the rest say so", () => {
    const m = memoryAfter([...source, "x = Value(0.0)", "for i in range(200):", "    x = x + Value(1.0)", "y = Value(5.0)"].join("\n"));
    expect(m.instances.length).toBeLessThanOrEqual(MAX_INSTANCES);
    expect(m.undrawnObjects).toBeGreaterThan(0);
    expect(m.instances.some((o) => o.rows.some((r) => /^set of 2 \([01] drawn\)$/.test(r.value)))).toBe(true);
    // every object a name points at has its box, however many the attributes reach first
    for (const n of m.names) for (const id of n.objects) expect(m.instances.some((o) => o.object === id)).toBe(true);
    expect(m.names.find((n) => n.name === "y")!.objects).toHaveLength(1);
    // no arrow points at a box that is not drawn
    const drawn = new Set([...m.instances.map((o) => o.object), ...m.objects.map((o) => o.tensor)]);
    for (const a of m.arrows.filter((x) => x.kind === "attr")) expect(drawn.has(a.to)).toBe(true);
  });
});

describe("buildMemory: a list an object fills after setting it", () => {
  it("self.layers = [] then append: the row points at every layer appended", () => {
    const m = memoryAfter(
      ["class Layer:", "    pass", "class Net:", "    def __init__(self):", "        self.layers = []", "        for i in range(3):", "            self.layers.append(Layer())", "net = Net()"].join("\n"),
    );
    const net = m.instances.find((o) => o.heading === "Net")!;
    const row = net.rows.find((r) => r.label === "layers")!;
    expect(row.value).toBe("list of 3");
    expect(row.refs).toHaveLength(3);
    expect(m.arrows.filter((a) => a.kind === "attr" && a.from === `o${net.object}.layers`)).toHaveLength(3);
    expect(m.instances.filter((o) => o.heading === "Layer")).toHaveLength(3);
  });
});
