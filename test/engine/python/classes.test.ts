// The Python of learner code, checked where a recorded case cannot: parse errors that used to
// escape as JavaScript errors, library modules' frames in tracebacks, hashing and set order.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";

describe("interpreter robustness", () => {
  it("a parse error whose tokens run past the line is a SyntaxError (found by the fuzz test)", () => {
    const r = runPython("if \n =", { filename: "g.py" });
    expect(r.error?.type).toBe("SyntaxError");
    expect(r.stderr).toBe('  File "g.py", line 1\n    if \n       ^\nSyntaxError: invalid syntax\n');
  });
});

describe("narrating objects", () => {
  const events = (src: string): TraceEvent[] => {
    const out: TraceEvent[] = [];
    runPython(src, { sink: (e) => out.push(e), onStdout: () => {}, onStderr: () => {} });
    return out;
  };

  it("an object is created (with its attributes) before the event that first names it", () => {
    const ev = events("class P:\n    def __init__(self, x):\n        self.x = x\np = P(3)\np.x = 4\nq = [p]\n");
    const kinds = ev.filter((e) => e.kind === "object/created" || e.kind === "object/attr" || (e.kind === "binding/set" && e.name !== "P"));
    expect(kinds.map((e) => (e.kind === "binding/set" ? `bind ${e.name}` : e.kind))).toEqual([
      "object/created", // self, in __init__: no attributes yet
      "bind self",
      "bind x",
      "object/attr", // self.x = x
      "bind p",
      "object/attr", // p.x = 4
      "bind q",
    ]);
    const created = ev.find((e) => e.kind === "object/created")!;
    expect(created).toMatchObject({ kind: "object/created", object: 1, cls: "P", attrs: [] });
    const p = ev.find((e) => e.kind === "binding/set" && e.name === "p")!;
    expect(p).toMatchObject({ value: { type: "object", id: 1, cls: "P" } });
    const last = ev.filter((e) => e.kind === "object/attr").at(-1)!;
    expect(last).toMatchObject({ object: 1, name: "x", value: { type: "value", repr: "4", pyType: "int" } });
  });

  it("narration never runs the program's own __repr__ (it would print twice)", () => {
    const src = "class Loud:\n    def __repr__(self):\n        print('repr!')\n        return 'L'\nxs = [Loud()]\nprint(xs)\n";
    const quiet = runPython(src);
    let traced = "";
    runPython(src, { sink: () => {}, onStdout: (t) => (traced += t) });
    expect(quiet.stdout).toBe("repr!\n[L]\n");
    expect(traced).toBe(quiet.stdout);
  });

  it("an object first reached through an attribute of a seen object is created before that attribute event", () => {
    const ev = events("class N:\n    pass\na = N()\na.child = N()\n");
    const order = ev.filter((e) => e.kind === "object/created" || e.kind === "object/attr").map((e) => `${e.kind}:${e.object}`);
    expect(order).toEqual(["object/created:1", "object/created:2", "object/attr:1"]);
  });
});

describe("narrating nn.Modules", () => {
  const events = (src: string): TraceEvent[] => {
    const out: TraceEvent[] = [];
    runPython(src, { sink: (e) => out.push(e), onStdout: () => {}, onStderr: (t) => { throw new Error(t); } });
    return out;
  };
  const objectEvents = (ev: TraceEvent[]) =>
    ev.flatMap((e) =>
      e.kind === "object/created" ? [`created ${e.object} ${e.cls} [${e.attrs.map((a) => a.name).join(" ")}]`] : e.kind === "object/attr" ? [`attr ${e.object}.${e.name} ${e.value === null ? "deleted" : e.value.type}`] : [],
    );

  it("a module's parameters, buffers and submodules are its attributes; Module's bookkeeping is not narrated", () => {
    const ev = events(
      [
        "import torch",
        "import torch.nn as nn",
        "class Net(nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.fc = nn.Linear(2, 1)",
        "        self.register_buffer('steps', torch.zeros(1))",
        "        self.scale = nn.Parameter(torch.ones(1))",
        "        self.label = 'net'",
        "net = Net()",
        "del net.fc",
        "net.fc = nn.BatchNorm1d(2)",
      ].join("\n"),
    );
    expect(objectEvents(ev)).toEqual([
      "created 1 Net []",
      "created 2 Linear [weight bias in_features out_features]",
      "attr 1.fc object",
      "attr 1.steps tensor",
      "attr 1.scale tensor",
      "attr 1.label value",
      "attr 1.fc deleted",
      "created 3 BatchNorm1d [weight bias running_mean running_var num_batches_tracked num_features eps momentum affine track_running_stats]",
      "attr 1.fc object",
    ]);
  });

  it("library classes that are not modules (optimizers, OrderedDict) are values; containers of objects name them", () => {
    const ev = events(
      [
        "import torch",
        "from collections import OrderedDict",
        "class P:",
        "    pass",
        "w = torch.zeros(1, requires_grad=True)",
        "opt = torch.optim.SGD([w], lr=0.1)",
        "d = OrderedDict(a=1)",
        "ps = [P(), 3, P()]",
      ].join("\n"),
    );
    const bound = (name: string) => ev.find((e) => e.kind === "binding/set" && e.name === name) as Extract<TraceEvent, { kind: "binding/set" }>;
    expect(bound("opt").value).toMatchObject({ type: "value", pyType: "SGD" });
    expect(bound("d").value).toMatchObject({ type: "value", pyType: "OrderedDict" });
    expect(bound("ps").value).toMatchObject({ type: "value", pyType: "list", objects: [1, 2] });
    expect(objectEvents(ev)).toEqual(["created 1 P []", "created 2 P []"]);
  });
});

describe("narrating containers held by attributes", () => {
  it("a list, dict or set an attribute holds is narrated again after the statement that changed it in place", () => {
    const out: TraceEvent[] = [];
    const src = [
      "class Layer:",
      "    pass",
      "class Net:",
      "    def __init__(self):",
      "        self.layers = []",
      "        for i in range(2):",
      "            self.layers.append(Layer())",
      "        self.seen = set()",
      "net = Net()",
      "net.seen.add(3)",
      "net.layers.pop()",
      "net.layers[0] = net.layers[0]",
    ].join("\n");
    runPython(src, { sink: (e) => out.push(e), onStdout: () => {}, onStderr: () => {} });
    const layers = out.flatMap((e) => (e.kind === "object/attr" && e.object === 1 ? [`${e.name} ${e.value?.type === "value" ? `${e.value.repr.replace(/ at 0x\w+/g, "")} ${JSON.stringify(e.value.objects ?? [])}` : ""}${e.inPlace ? " (in place)" : ""}`] : []));
    expect(layers).toEqual([
      "layers [] []",
      "layers [<__main__.Layer object>] [2] (in place)",
      "layers [<__main__.Layer object>, <__main__.Layer object>] [2,3] (in place)",
      "seen set() []",
      "seen {3} [] (in place)",
      "layers [<__main__.Layer object>] [2] (in place)",
    ]);
  });
});
