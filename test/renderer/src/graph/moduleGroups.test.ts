// torch.nn module calls as graph groups, from a real engine trace: each call's ops (its submodules'
// included) under the name named_modules() gives it, nested boxes wider than what they hold, a
// folded group boxed no more; and parameters named fc1.weight on their leaves (and .grad).
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../../engine/events.ts";
import { runPython } from "../../../../engine/python/run.ts";
import { TraceCursor } from "../../../../engine/trace/cursor.ts";
import { buildGraph, namesByTensor } from "../../../../renderer/src/graph/graphModel.ts";
import { moduleBoxes, moduleGroupsOf, outermostFolded } from "../../../../renderer/src/graph/moduleGroups.ts";
import type { Placed } from "../../../../renderer/src/graph/graphLayout.ts";

const SRC = `import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.body = nn.Sequential(nn.Tanh(), nn.Linear(4, 1))
    def forward(self, x):
        return self.body(self.fc1(x))
model = Net()
loss = model(torch.ones(2, 3)).sum()
loss.backward()
`;

function finalState() {
  const events: TraceEvent[] = [];
  const out = runPython(SRC, { sink: (e) => void events.push(e) });
  if (out.error) throw new Error(out.error.message);
  return new TraceCursor(events).at(events.length - 1);
}

describe("module groups", () => {
  const state = finalState();
  const model = buildGraph(state);
  const groups = moduleGroupsOf(state, model);
  const byLabel = new Map(groups.map((g) => [g.label, g]));
  const opName = (id: number) => model.nodes.find((n) => n.id === id)?.name;

  it.each([
    { label: "Net", ops: ["AddmmBackward0", "TanhBackward0", "TBackward0", "AddmmBackward0", "TBackward0"].sort(), level: 2 },
    { label: "fc1 (Linear)", ops: ["AddmmBackward0", "TBackward0"], level: 0 },
    { label: "body (Sequential)", ops: ["AddmmBackward0", "TBackward0", "TanhBackward0"], level: 1 },
    { label: "body.0 (Tanh)", ops: ["TanhBackward0"], level: 0 },
    { label: "body.1 (Linear)", ops: ["AddmmBackward0", "TBackward0"], level: 0 },
  ])("$label holds $ops", ({ label, ops, level }) => {
    const g = byLabel.get(label)!;
    expect(g.members.map(opName).sort()).toEqual(ops);
    expect(g.level).toBe(level);
  });

  it("parameters are named on their leaves, and their .grad", () => {
    const names = namesByTensor(state);
    const leafNames = model.nodes.filter((n) => n.name === "AccumulateGrad").flatMap((n) => n.names).sort();
    expect(leafNames).toEqual(["body.1.bias", "body.1.weight", "fc1.bias", "fc1.weight"]);
    expect([...names.values()].flat()).toContain("fc1.weight.grad");
  });

  it("boxes enclose their members, an outer box wider than an inner one; a folded group has none", () => {
    const positions = new Map(model.nodes.map((n, i) => [n.id, { x: i * 100, y: i * 50, width: 80, height: 30 }]));
    const placed = { positions, routeOf: () => [], bounds: { minX: 0, minY: 0, maxX: 0, maxY: 0 } } as unknown as Placed;
    const boxes = new Map(moduleBoxes(groups, placed, new Map()).map((b) => [b.label, b]));
    const net = boxes.get("Net")!;
    const fc1 = boxes.get("fc1 (Linear)")!;
    expect(net.x0).toBeLessThan(fc1.x0);
    expect(net.y1).toBeGreaterThan(fc1.y1);
    const folded = byLabel.get("fc1 (Linear)")!;
    const hidden = new Map(folded.members.map((m) => [m, folded.id]));
    expect(moduleBoxes(groups, placed, hidden).map((b) => b.label)).not.toContain("fc1 (Linear)");
    expect(outermostFolded(groups, new Set([folded.id, byLabel.get("Net")!.id])).map((g) => g.label)).toEqual(["Net"]);
  });
});
