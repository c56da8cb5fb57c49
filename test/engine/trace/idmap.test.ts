import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IdMap } from "../../../engine/trace/idmap.ts";

// IdMap must behave as a Map keyed by ids (iterated in ascending order) however its copies are
// written, and diff must name exactly the ids whose values differ.

const op = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), id: fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 200_000 })), v: fc.integer() }),
  fc.record({ kind: fc.constant("delete" as const), id: fc.integer({ min: 0, max: 70 }) }),
  fc.record({ kind: fc.constant("clone" as const) }),
);

const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);

describe("IdMap", () => {
  it("every copy reads as the Map it would be, whatever is written to the others", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const copies: [IdMap<number>, Map<number, number>][] = [];
        let m = new IdMap<number>();
        let ref = new Map<number, number>();
        for (const o of ops) {
          if (o.kind === "set") {
            m.set(o.id, o.v);
            ref.set(o.id, o.v);
          } else if (o.kind === "delete") expect(m.delete(o.id)).toBe(ref.delete(o.id));
          else {
            copies.push([m, ref]);
            m = m.clone();
            ref = new Map(ref);
          }
        }
        copies.push([m, ref]);
        for (const [a, r] of copies) {
          expect([...a]).toEqual(sorted(r));
          expect(a.size).toBe(r.size);
          for (const [k, v] of r) expect(a.get(k)).toBe(v);
          expect(a.get(999_999)).toBeUndefined();
        }
      }),
    );
  });

  it("diff names exactly the ids that differ between two copies", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.array(op, { maxLength: 40 }), (first, then) => {
        const a = new IdMap<number>();
        for (const o of first) if (o.kind === "set") a.set(o.id, o.v);
        else if (o.kind === "delete") a.delete(o.id);
        const b = a.clone();
        for (const o of then) if (o.kind === "set") b.set(o.id, o.v);
        else if (o.kind === "delete") b.delete(o.id);
        const seen: number[] = [];
        IdMap.diff(a, b, (id, x, y) => {
          expect(x).toBe(a.get(id));
          expect(y).toBe(b.get(id));
          seen.push(id);
        });
        const keys = new Set([...a.keys(), ...b.keys()]);
        const differ = [...keys].filter((k) => a.get(k) !== b.get(k)).sort((p, q) => p - q);
        expect(seen).toEqual(differ);
      }),
    );
  });

  it("a copy shares its structure: writing one id copies a path, not the map", () => {
    const a = new IdMap<number>();
    for (let i = 0; i < 50_000; i++) a.set(i, i);
    const b = a.clone();
    b.set(123, -1);
    let visited = 0;
    IdMap.diff(a, b, () => visited++);
    expect(visited).toBe(1);
    expect(a.get(123)).toBe(123);
    expect(b.get(123)).toBe(-1);
  });
});
