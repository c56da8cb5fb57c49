import { budgetMessage, elementsOf, engineStopMessage, overBudget, RUN_BUDGET } from "../../../renderer/src/worker/protocol.ts";
import { describe, expect, it } from "vitest";
import { decodeBatch, encodeBatch } from "../../../renderer/src/worker/wire.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { aliasPitfall, scalar } from "../../engine/trace/events.fixture.ts";

describe("event batches over the worker wire", () => {
  it("round-trip a real trace unchanged", () => {
    expect(decodeBatch(encodeBatch(aliasPitfall))).toEqual(aliasPitfall);
  });
  it("keep nan and ±inf tensor values (torch.log(0.) is -inf)", () => {
    const e: TraceEvent = { kind: "tensor/created", how: "log", tensor: { ...scalar(1, 1, 0), values: [NaN, Infinity, -Infinity], storageValues: [NaN, Infinity, -Infinity], shape: [3], strides: [1] } };
    const batch = encodeBatch([e]);
    expect(batch.nonFinite).toBe(true);
    const back = decodeBatch(batch)[0] as Extract<TraceEvent, { kind: "tensor/created" }>;
    expect(back.tensor.values).toEqual([NaN, Infinity, -Infinity]);
  });
  it("carry the engine's typed-array values as plain numbers, float32 digits and nan included", () => {
    const values = Float32Array.of(0.1, NaN, -0.5);
    const e: TraceEvent = { kind: "tensor/created", how: "tensor", tensor: { ...scalar(1, 1, 0), values, storageValues: values, shape: [3], strides: [1] } };
    const back = decodeBatch(encodeBatch([e]))[0] as Extract<TraceEvent, { kind: "tensor/created" }>;
    expect(back.tensor.values).toEqual([0.10000000149011612, NaN, -0.5]);
    expect(back.tensor.storageValues).toEqual([0.10000000149011612, NaN, -0.5]);
  });
  it("write finite element arrays (joined, not element by element) exactly as JSON.stringify writes them", () => {
    const values = Float32Array.of(0.1, -0, 3e38, 1e-45, 7);
    const ints = Int32Array.of(-5, 0, 2147483647);
    const e: TraceEvent = { kind: "tensor/created", how: "tensor", tensor: { ...scalar(1, 1, 0), values, storageValues: ints, shape: [5], strides: [1] } };
    const plain = { ...e, tensor: { ...e.tensor, values: [...values], storageValues: [...ints] } };
    const batch = encodeBatch([e]);
    expect(batch.json).toBe(JSON.stringify([plain]));
    expect(batch.nonFinite).toBe(false);
  });
  it("keep a program's string that looks like the wire's own mark for an array", () => {
    const values = Float64Array.of(1.5, 2);
    const e: TraceEvent = { kind: "tensor/created", how: "tensor", tensor: { ...scalar(1, 1, 0), values, storageValues: values, shape: [2], strides: [1] } };
    const printed: TraceEvent = { kind: "output/printed", text: "\u00010", stream: "stdout" };
    const back = decodeBatch(encodeBatch([e, printed]));
    expect(back[1]).toEqual(printed);
    expect((back[0] as Extract<TraceEvent, { kind: "tensor/created" }>).tensor.values).toEqual([1.5, 2]);
  });
  it("leave an ordinary string that merely says NaN alone", () => {
    const e: TraceEvent = { kind: "output/printed", text: "NaN", stream: "stdout" };
    expect(decodeBatch(encodeBatch([e]))).toEqual([e]);
  });
});

describe("the run's budget", () => {
  it.each([
    { bytes: 10, ms: 10, expected: null },
    { bytes: RUN_BUDGET.bytes + 1, ms: 10, expected: "memory" },
    { bytes: 10, ms: RUN_BUDGET.ms + 1, expected: "time" },
    { bytes: RUN_BUDGET.bytes + 1, ms: RUN_BUDGET.ms + 1, expected: "memory" },
  ])("$bytes bytes after $ms ms: $expected", ({ bytes, ms, expected }) => {
    expect(overBudget(bytes, ms)).toBe(expected);
  });

  it("the stop message says which budget was hit", () => {
    expect(budgetMessage("time", 5, 100, 15_200)).toMatch(/ran for 15\.2 s, past the 15 s time budget/);
    expect(budgetMessage("memory", 1_000_000, 201 * 2 ** 20, 900)).toMatch(/reached 201 MB \(1000000 events\), past the 200 MB memory budget/);
  });
});

describe("the status line for a program the engine's budgets stopped", () => {
  // before: a program ended by the memory budget read "Ran in 607 ms: 89 events." in the status
  it.each([
    ["Gradlens stopped the program: more than 1 GB in use (memory budget) at line 3", "Stopped: more than 1 GB in use (memory budget) at line 3. The steps so far can be explored."],
    ["Gradlens stopped the program after 15 s (time budget) at line 4", "Stopped after 15 s (time budget) at line 4. The steps so far can be explored."],
    ["Gradlens stopped the program after 5000000 steps (an endless loop?) at line 2", "Stopped after 5000000 steps (an endless loop?) at line 2. The steps so far can be explored."],
    ["division by zero", null],
    ["Gradlens stopped the programme", null],
  ])("%s", (message, expected) => {
    expect(engineStopMessage(message)).toBe(expected);
  });
});

describe("tensor elements an event carries (what the page will keep, counted before encoding)", () => {
  const t = { ...scalar(1, 1, 0), values: new Float32Array(6), storageValues: new Float32Array(10), shape: [6], strides: [1] };
  it.each([
    { e: { kind: "tensor/created", how: "zeros", tensor: t } as TraceEvent, expected: 16 },
    { e: { kind: "op/applied", op: "max", inputs: [], output: t, node: null, extraOutputs: [{ ...t, storageValues: undefined }] } as TraceEvent, expected: 22 },
    { e: { kind: "output/printed", text: "x".repeat(100), stream: "stdout" } as TraceEvent, expected: 0 },
  ])("$e.kind: $expected", ({ e, expected }) => {
    expect(elementsOf(e)).toBe(expected);
  });
});
