import { budgetMessage, overBudget, RUN_BUDGET } from "../../../renderer/src/worker/protocol.ts";
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
