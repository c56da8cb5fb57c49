// optimizer.step() narrates one optim/stepped event per parameter, in place of its inner ops.
import { describe, expect, it } from "vitest";
import { Runtime, type TraceEvent } from "../../../../engine/index.ts";
import { runPython } from "../../../../engine/python/run.ts";
import { applyEvent } from "../../../../engine/trace/fold.ts";
import { emptyState } from "../../../../engine/trace/state.ts";

const LOOP = `import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
opt = torch.optim.Adam([w, b], lr=0.1)
for i in range(3):
    opt.zero_grad()
    loss = ((w * 2 + b) ** 2).sum()
    loss.backward()
    opt.step()
`;

function run(maxSteps?: number) {
  const events: TraceEvent[] = [];
  const state = emptyState();
  const sink = (e: TraceEvent) => {
    events.push(e);
    applyEvent(state, e);
  };
  const rt = new Runtime({ sink, track: true });
  const outcome = runPython(LOOP, { runtime: rt, sink, maxSteps, onStdout: () => {}, onStderr: () => {} });
  return { events, state, rt, outcome };
}

describe("optimizer.step() in the event stream", () => {
  it("one optim/stepped per parameter per step, with the version bump and Adam's state", () => {
    const { events } = run();
    const steps = events.filter((e): e is Extract<TraceEvent, { kind: "optim/stepped" }> => e.kind === "optim/stepped");
    expect(steps).toHaveLength(6);
    for (const s of steps) {
      expect(s.optimizer).toBe("Adam");
      expect(s.versionAfter).toBe(s.versionBefore + 1);
      expect(s.state.map((x) => x.key)).toEqual(["step", "exp_avg", "exp_avg_sq"]);
    }
    // the update's inner ops (lerp_, addcmul_, addcdiv_...) are not narrated one by one
    expect(events.some((e) => e.kind === "tensor/mutated" && /lerp_|addcmul_|addcdiv_/.test(e.op))).toBe(false);
  });
});
