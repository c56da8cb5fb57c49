// What a torch.nn model narrates for the view: module/entered and module/exited around each
// module's forward, named as named_modules() names them in the outermost module called; the
// parameters' names (named_parameters()) once, and again only when they change; and the fold
// puts each op recorded during a call in that call (the box the graph draws around fc1's ops).
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../engine/events.ts";
import { runPython } from "../../../../engine/python/run.ts";
import { applyEvent } from "../../../../engine/trace/fold.ts";
import { emptyState } from "../../../../engine/trace/state.ts";

function trace(src: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  const out = runPython(src, { sink: (e) => void events.push(e) });
  if (out.error) throw new Error(out.error.message);
  return events;
}
const of = <K extends TraceEvent["kind"]>(events: TraceEvent[], kind: K) =>
  events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);

const NET = `
import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.body = nn.Sequential(nn.ReLU(), nn.Linear(4, 2))
    def forward(self, x):
        return self.body(self.fc1(x))
net = Net()
x = torch.ones(1, 3)
for step in range(2):
    loss = net(x).sum()
    loss.backward()
`;

describe("module calls narrated", () => {
  it("enters and exits every module with its named_modules() path, innermost inside", () => {
    const ev = trace(NET);
    const calls = ev
      .filter((e) => e.kind === "module/entered" || e.kind === "module/exited")
      .slice(0, 10)
      .map((e) => (e.kind === "module/entered" ? `> ${e.path === "" ? e.module : e.path}` : "<"));
    expect(calls).toEqual(["> Net", "> fc1", "<", "> body", "> body.0", "<", "> body.1", "<", "<", "<"]);
    const entered = of(ev, "module/entered");
    expect(entered[1].parent).toBe(entered[0].call);
    expect(entered[3].parent).toBe(entered[2].call);
    expect(entered[4].parent).toBe(entered[2].call);
    const exited = of(ev, "module/exited");
    // the outermost call returns the network's output tensor
    const outer = exited.find((e) => e.call === entered[0].call)!;
    expect(outer.outputs).toHaveLength(1);
  });

  it("names the parameters once, as named_parameters() does", () => {
    const ev = trace(NET);
    const named = of(ev, "params/named");
    expect(named).toHaveLength(1);
    expect(named[0].names.map((n) => n.name)).toEqual(["fc1.weight", "fc1.bias", "body.1.weight", "body.1.bias"]);
  });

  it("the fold boxes each op in the call that recorded it, and knows each parameter's name", () => {
    const ev = trace(NET);
    const s = emptyState();
    const firstExit = ev.findIndex((e) => e.kind === "module/exited" && of(ev, "module/entered")[0].call === e.call);
    for (const e of ev.slice(0, firstExit + 1)) applyEvent(s, e);
    const path = (call: number | undefined) => (call == null ? null : s.moduleCalls.get(call)!.path);
    const byName = new Map([...s.nodes.values()].map((n) => [n.name + ":" + path(n.module), n]));
    expect([...byName.keys()].sort()).toEqual(
      ["AccumulateGrad:body.1", "AccumulateGrad:fc1", "AddmmBackward0:body.1", "AddmmBackward0:fc1", "ReluBackward0:body.0", "TBackward0:body.1", "TBackward0:fc1"].sort(),
    );
    const acc = [...s.nodes.values()].filter((n) => n.name === "AccumulateGrad").map((n) => s.paramNames.get(n.variable!));
    expect(acc.sort()).toEqual(["body.1.bias", "body.1.weight", "fc1.bias", "fc1.weight"]);
    expect(s.openModule).toBeNull();
  });

  it("a module that raises still exits, and later calls nest correctly", () => {
    const ev = trace(`
import torch
import torch.nn as nn
lin = nn.Linear(2, 2)
try:
    lin(torch.ones(3))
except RuntimeError:
    pass
lin(torch.ones(2))
`);
    const seq = ev.filter((e) => e.kind === "module/entered" || e.kind === "module/exited").map((e) => e.kind);
    expect(seq).toEqual(["module/entered", "module/exited", "module/entered", "module/exited"]);
    expect(of(ev, "module/exited")[0].outputs).toEqual([]);
  });

  it("a module not registered under the one called has no path", () => {
    const ev = trace(`
import torch
import torch.nn as nn
class Bad(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(2, 2)]
    def forward(self, x):
        return self.layers[0](x)
Bad()(torch.ones(2))
`);
    expect(of(ev, "module/entered").map((e) => [e.path, e.module])).toEqual([
      ["", "Bad"],
      [null, "Linear"],
    ]);
  });
});

describe("module backward hooks say which module they belong to", () => {
  const HOOKED = `
import torch
import torch.nn as nn
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
def report(mod, grad_input, grad_output):
    pass
def before(mod, grad_output):
    pass
net[1].register_full_backward_hook(report)
net[2].register_full_backward_pre_hook(before)
net[0].register_backward_hook(report)
x = torch.ones(1, 3, requires_grad=True)
net(x).sum().backward()
`;
  it("each node hook torch.nn registers carries the module's path, class, method and hooks", () => {
    const ev = trace(HOOKED);
    const state = emptyState();
    for (const e of ev) applyEvent(state, e);
    const nodes = new Map([...state.nodes.values()].map((n) => [n.id, n.name]));
    const regs = of(ev, "hook/registered").map((e) => ({ node: nodes.get(e.node ?? -1), name: e.name, module: e.module }));
    expect(regs).toEqual([
      { node: "AddmmBackward0", name: "report", module: { path: "0", module: "Linear", method: "register_backward_hook", hooks: ["report"] } },
      { node: "BackwardHookFunctionBackward", name: "hook", module: { path: "1", module: "Tanh", method: "register_full_backward_hook", hooks: ["report"] } },
      { node: "BackwardHookFunctionBackward", name: "hook", module: { path: "1", module: "Tanh", method: "register_full_backward_hook", hooks: ["report"] } },
      { node: "BackwardHookFunctionBackward", name: "hook", module: { path: "2", module: "Linear", method: "register_full_backward_pre_hook", hooks: ["before"] } },
      { node: "BackwardHookFunctionBackward", name: "hook", module: { path: "2", module: "Linear", method: "register_full_backward_pre_hook", hooks: ["before"] } },
    ]);
    // the module's hooks ran at backward, at the nodes they were registered on
    expect(of(ev, "hook/called").map((e) => nodes.get(e.node))).toEqual([
      "BackwardHookFunctionBackward",
      "BackwardHookFunctionBackward",
      "BackwardHookFunctionBackward",
      "BackwardHookFunctionBackward",
      "AddmmBackward0",
    ]);
  });
});
