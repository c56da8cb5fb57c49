import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { fold } from "../../../engine/trace/fold.ts";
import { emptyState, type TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import type { TraceEvent } from "../../../engine/events.ts";
import { aliasPitfall } from "./events.fixture.ts";

/** Everything a view reads, as plain data, so two states can be compared with toEqual. */
function snapshot(s: TraceState) {
  return {
    step: s.step,
    tensors: [...s.tensors.values()].map((t) => ({ ...t, values: tensorValues(s, t.id) })),
    nodes: [...s.nodes.values()],
    bindings: [...s.bindings.values()],
    console: s.console,
    backward: s.backward && {
      ...s.backward,
      executed: [...s.backward.executed],
      gradsIn: [...s.backward.gradsIn],
      edgeGrads: [...s.backward.edgeGrads],
      sums: [...s.backward.sums],
      accumulated: [...s.backward.accumulated],
    },
    statement: s.statement,
    span: s.span,
    error: s.error,
    lastEvent: s.lastEvent,
  };
}

const foldTo = (events: TraceEvent[], k: number) => events.slice(0, k + 1).reduce(fold, emptyState());

describe("TraceCursor", () => {
  it("seeking to any step, in any order, equals folding from 0", () => {
    // a long trace: the pitfall repeated so checkpoints (every 4 events) are crossed many times
    const events = Array.from({ length: 6 }, () => aliasPitfall).flat();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: events.length - 1 }), { minLength: 1, maxLength: 20 }), (steps) => {
        const cursor = new TraceCursor(events, 4);
        for (const k of steps) expect(snapshot(cursor.at(k))).toEqual(snapshot(foldTo(events, k)));
      }),
      { numRuns: 60 },
    );
  });

  it("a long trace: checkpoints thin out (their spacing doubles) and every step, forwards and back, still equals folding from 0", () => {
    const events = Array.from({ length: 14 }, () => aliasPitfall).flat();
    const cursor = new TraceCursor(events, 1);
    expect(cursor.checkpointCount).toBeLessThanOrEqual(128);
    expect(cursor.checkpointSpacing).toBeGreaterThan(1);
    const walk = [...events.keys(), ...[...events.keys()].reverse(), -1, 100, 37, 250, 249, 248];
    for (const k of walk) expect(snapshot(cursor.at(k)), `step ${k}`).toEqual(snapshot(foldTo(events, k)));
  });

  it("statement steps equal their definition: the first statement end after the step, the last one before it", () => {
    const events = Array.from({ length: 3 }, () => aliasPitfall).flat();
    const cursor = new TraceCursor(events);
    const ends = cursor.statementEnds();
    for (let k = -1; k < events.length; k++) {
      expect(cursor.nextStatement(k), `next from ${k}`).toBe(ends.find((e) => e > k) ?? events.length - 1);
      expect(cursor.prevStatement(k), `prev from ${k}`).toBe([...ends].reverse().find((e) => e < k) ?? -1);
    }
  });

  it("streams: appending in batches gives the same states as loading at once", () => {
    const cursor = new TraceCursor([], 3);
    for (let i = 0; i < aliasPitfall.length; i += 5) cursor.append(aliasPitfall.slice(i, i + 5));
    for (let k = -1; k < aliasPitfall.length; k++) expect(snapshot(cursor.at(k))).toEqual(snapshot(foldTo(aliasPitfall, k)));
  });

  it("a state it returned is not changed by later seeks (stepping back shows earlier values)", () => {
    const cursor = new TraceCursor(aliasPitfall, 4);
    const before = cursor.at(15);
    cursor.at(17);
    expect(tensorValues(before, 4)).toEqual([27]);
    expect(tensorValues(cursor.at(15), 4)).toEqual([27]);
    expect(tensorValues(cursor.at(17), 4)).toEqual([0]);
  });

  it("steps by statement: to the end of each statement, forwards and backwards", () => {
    const cursor = new TraceCursor(aliasPitfall);
    // statements start at 0, 3, 7, 14, 16, 18; each ends just before the next one starts
    expect(cursor.statementEnds()).toEqual([2, 6, 13, 15, 17, 19]);
    expect(cursor.nextStatement(-1)).toBe(2);
    expect(cursor.nextStatement(2)).toBe(6);
    expect(cursor.nextStatement(9)).toBe(13);
    expect(cursor.nextStatement(19)).toBe(19);
    expect(cursor.prevStatement(15)).toBe(13);
    expect(cursor.prevStatement(10)).toBe(6);
    expect(cursor.prevStatement(2)).toBe(-1);
  });

  it("clamps out-of-range steps to the ends", () => {
    const cursor = new TraceCursor(aliasPitfall);
    expect(cursor.at(999).step).toBe(aliasPitfall.length - 1);
    expect(cursor.at(-5).step).toBe(-1);
  });
});
