// Python objects in the memory view (instances of the program's classes, nn.Modules): a box per
// object, its class as the heading and a row per attribute; a row holding a tensor, an object or a
// small container of objects has arrows to them instead of a value. Pure, like memoryModel.ts.

import type { BindingValue } from "../../../engine/events.ts";
import type { TraceState } from "../../../engine/trace/state.ts";

/** what an arrow of the memory view points at */
export interface MemRef {
  kind: "tensor" | "object";
  id: number;
}

export interface InstanceRow {
  label: string;
  /** a short value; "" where arrows leave for what `refs` names */
  value: string;
  refs: MemRef[];
}

/** An instance of a class of the program (or an nn.Module), with its attributes. */
export interface MemInstance {
  object: number;
  x: number;
  y: number;
  height: number;
  /** the class name */
  heading: string;
  rows: InstanceRow[];
  fresh: boolean;
  /** an attribute changed at this step */
  changed: boolean;
}

export const INSTANCE_ROW = 15;
export const INSTANCE_HEAD = 20;
/** object boxes drawn at most (a micrograd graph has thousands of Value objects) */
export const MAX_INSTANCES = 60;
/** objects drawn at most this many attribute hops from a name (model -> layers -> neuron -> w) */
export const MAX_DEPTH = 4;

/** the tensors and objects a bound value or attribute points at */
export function refsOf(v: BindingValue): MemRef[] {
  switch (v.type) {
    case "tensor":
    case "object":
      return [{ kind: v.type, id: v.id }];
    case "tensors":
      return v.ids.filter((id): id is number => id != null).map((id) => ({ kind: "tensor", id }));
    case "value":
      return v.objects ? v.objects.map((id) => ({ kind: "object", id })) : [];
  }
}

/** a row's value in words: nothing where a single arrow says it all, else the container's type and
 *  size ("set of 2") or the repr cut to `room` characters */
function rowText(v: BindingValue, room: number): string {
  switch (v.type) {
    case "tensor":
    case "object":
      return "";
    case "tensors":
      return `${v.repr.startsWith("[") ? "list" : "tuple"} of ${v.ids.length}`;
    case "value": {
      if (v.objects) return `${v.pyType} of ${v.objects.length}`;
      // a function's repr (<function Value.__add__.<locals>._backward at 0x7f...>) by its name
      const fn = v.pyType === "function" ? /^<function (?:.*\.)?([^ .]+) at /.exec(v.repr) : null;
      return fit(fn ? `fn ${fn[1]}` : v.repr, room);
    }
  }
}

function fit(text: string, room: number): string {
  return text.length > room ? `${text.slice(0, Math.max(1, room - 1))}…` : text;
}

/** The box of object `id` with its top at `top`, `width` wide. */
export function instanceBox(state: TraceState, id: number, x: number, top: number, width: number): MemInstance {
  const o = state.objects.get(id)!;
  const room = Math.floor((width - 24) / 6.5);
  const rows = o.attrs.map((a) => ({ label: a.name, value: rowText(a.value, Math.max(3, room - a.name.length)), refs: refsOf(a.value) }));
  return {
    object: id,
    x,
    y: top,
    height: INSTANCE_HEAD + Math.max(1, rows.length) * INSTANCE_ROW + 6,
    heading: fit(o.cls.split(".").pop() ?? o.cls, Math.floor((width - 16) / 7)),
    rows,
    fresh: o.bornAt === state.step,
    changed: o.changedAt === state.step,
  };
}

/** Rows whose objects were left out (past MAX_INSTANCES or MAX_DEPTH) say what they hold instead
 *  of pointing nowhere; returns how many distinct objects the drawn boxes reach but do not draw. */
export function markUndrawn(state: TraceState, boxes: MemInstance[], drawn: (r: MemRef) => boolean, width: number): number {
  const room = Math.floor((width - 24) / 6.5);
  const missing = new Set<number>();
  for (const box of boxes)
    box.rows.forEach((r, i) => {
      const gone = r.refs.filter((x) => x.kind === "object" && !drawn(x));
      if (!gone.length) return;
      for (const x of gone) missing.add(x.id);
      const value = r.refs.length === 1 ? `${state.objects.get(gone[0].id)?.cls.split(".").pop() ?? "object"} (not drawn)` : `${r.value} (${r.refs.length - gone.length} drawn)`;
      box.rows[i] = { ...r, value: fit(value, Math.max(3, room - r.label.length)) };
    });
  return missing.size;
}
