// Graphs are freed when CPython frees them: for each scenario in test/fixtures/liveness, the line at
// which each probed grad_fn node is narrated as freed (graph/freed) is the line at which PyTorch 2.6
// freed it (recorded by record.py with hooks whose probes note the line running when they die),
// or never (alive at the end, or leaked by create_graph's cycle).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { conformanceCases } from "../../conformance/folders.ts";

const dir = new URL("../../fixtures/liveness/", import.meta.url);
const scenarios = readdirSync(dir).filter((f) => f.endsWith(".py") && f !== "record.py");

interface Probe {
  probe: string;
  freedAtLine: number | null;
}

/** probe key -> line at which our engine narrated its node freed (null: never) */
function engineFreeing(source: string): { probes: Probe[]; events: TraceEvent[] } {
  const probeLines = new Map<number, string>();
  source.split("\n").forEach((text, i) => {
    const m = /#probe:(\w+)\s*$/.exec(text);
    if (m) probeLines.set(i + 1, m[1]);
  });
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), onStdout: () => {}, onStderr: () => {} });
  const gradFn = new Map<number, number | null>();
  const counts = new Map<string, number>();
  const nodeProbe = new Map<number, string>();
  const result = new Map<string, number | null>();
  for (const e of events) {
    if (e.kind === "tensor/created") gradFn.set(e.tensor.id, e.tensor.gradFn);
    if (e.kind === "op/applied") for (const t of [e.output, ...(e.extraOutputs ?? [])]) gradFn.set(t.id, t.gradFn);
    if (e.kind === "tensor/mutated" && e.node) gradFn.set(e.rebased ?? e.tensor, e.node.id);
    if (e.kind === "tensor/flags") gradFn.set(e.tensor, e.gradFn);
    if (e.kind === "binding/set" && e.value.type === "tensor" && e.span && probeLines.get(e.span.line) === e.name) {
      const key = `${e.name}@${e.span.line}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      const node = gradFn.get(e.value.id);
      if (node != null) {
        nodeProbe.set(node, `${key}#${n}`);
        result.set(`${key}#${n}`, null);
      }
    }
    if (e.kind === "graph/freed")
      for (const id of e.nodes) {
        const p = nodeProbe.get(id);
        if (p) result.set(p, e.line);
      }
  }
  return { probes: [...result].map(([probe, freedAtLine]) => ({ probe, freedAtLine })), events };
}

describe("graph/freed at the line CPython frees the graph (recorded with PyTorch 2.6)", () => {
  for (const file of scenarios) {
    it(file, () => {
      const source = readFileSync(new URL(file, dir), "utf8");
      const expected: Probe[] = JSON.parse(readFileSync(new URL(file.replace(/\.py$/, ".freed.json"), dir), "utf8"));
      const { probes } = engineFreeing(source);
      const byKey = (a: Probe, b: Probe) => a.probe.localeCompare(b.probe);
      expect(probes.sort(byKey)).toEqual(expected.slice().sort(byKey));
    });
  }

  it("nothing freed is ever used again (no node or tensor comes back), in the scenarios and every conformance case", () => {
    const sources = [...scenarios.map((f) => [f, readFileSync(new URL(f, dir), "utf8")]), ...conformanceCases().map((c) => [c.id, readFileSync(c.path, "utf8")])];
    for (const [file, source] of sources) {
      const { events } = engineFreeing(source);
      const freedNodes = new Set<number>();
      const freedTensors = new Set<number>();
      let inBackward = false;
      for (const e of events) {
        if (e.kind === "graph/freed") {
          e.nodes.forEach((n) => freedNodes.add(n));
          e.tensors.forEach((t) => freedTensors.add(t));
        }
        if (e.kind === "backward/started") inBackward = true;
        if (e.kind === "backward/finished" || e.kind === "error/raised") inBackward = false;
        if (e.kind === "op/applied") {
          // a backward formula reads its saved outputs: PyTorch unpacks them as new tensors (the
          // Python object of exp's result may be gone while its data is saved), our engine by id
          if (!inBackward) for (const t of e.inputs) expect(freedTensors.has(t), `${file}: tensor ${t} used after it was freed`).toBe(false);
          for (const edge of e.node?.next ?? []) if (edge) expect(freedNodes.has(edge.node), `${file}: node ${edge.node} used after it was freed`).toBe(false);
        }
        if (e.kind === "binding/set" && e.value.type === "tensor") expect(freedTensors.has(e.value.id), `${file}: ${e.name} bound to a freed tensor`).toBe(false);
        if (e.kind === "node/executed") expect(freedNodes.has(e.node), `${file}: a freed node ran`).toBe(false);
        if (e.kind === "tensor/mutated") expect(freedTensors.has(e.tensor), `${file}: a freed tensor was modified`).toBe(false);
        if (e.kind === "backward/started") for (const r of e.roots) expect(freedTensors.has(r), `${file}: backward from a freed tensor`).toBe(false);
      }
    }
  }, 300_000); // every conformance case runs here (over 400 programs): minutes on a loaded machine
});
