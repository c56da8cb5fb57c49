// The memory view at one step, Python Tutor style: names -> objects (tensors, and instances of
// the program's classes with their attributes) -> storages, laid out in three columns with
// arrows. Pure, so it can be tested and exported.

import type { TraceState } from "../../../engine/trace/state.ts";
import { tensorValues } from "../../../engine/trace/values.ts";
import { formatNumber, formatShape, formatValues } from "../lib/format.ts";
import { gridCellWidth, gridOf, type Grid } from "../lib/matrix.ts";
import { sameData } from "../graph/intern.ts";
import { INSTANCE_HEAD, INSTANCE_ROW, MAX_DEPTH, MAX_INSTANCES, type MemInstance, type MemRef, instanceBox, markUndrawn, refsOf } from "./instances.ts";

export type { MemInstance } from "./instances.ts";

export interface MemName {
  key: string;
  name: string;
  scope: string;
  /** tensors it refers to (one for a tensor, several for a tuple from autograd.grad) */
  tensors: number[];
  /** the Python object it refers to, if any */
  objects: number[];
  /** its value in words: a tensor's elements, or a Python value's repr */
  text: string;
  y: number;
  /** (re)bound at this step */
  now: boolean;
}

export interface MemFrame {
  scope: string;
  title: string;
  y: number;
  height: number;
}

export interface MemObject {
  tensor: number;
  storage: number;
  x: number;
  y: number;
  height: number;
  rows: { label: string; value: string }[];
  /** .grad points here (another object), or null */
  grad: number | null;
  /** forward AD: a dual tensor's tangent (another object, its "tangent" row points there), or null */
  tangent: number | null;
  /** forward AD: this tensor is some dual tensor's tangent */
  isTangent: boolean;
  values: string;
  /** "Tensor [..]" cut to the box's width, so it never runs over the storage arrow */
  heading: string;
  /** a small 2-D tensor's values as a grid under its fields (rows × columns, coloured by value) */
  grid: Grid | null;
  fresh: boolean;
}

export interface MemStorage {
  id: number;
  y: number;
  height: number;
  cells: string[];
  /** cell width and cells per row: wide enough for the longest value, so values never collide */
  cellW: number;
  perRow: number;
  more: number;
  flash: boolean;
}

export interface MemArrow {
  kind: "name" | "grad" | "storage" | "attr" | "tangent";
  d: string;
  /** the highest and lowest y it reaches (its ends: the curve stays between them) */
  top: number;
  bottom: number;
  from: string;
  to: number;
}

export interface MemoryModel {
  frames: MemFrame[];
  names: MemName[];
  objects: MemObject[];
  instances: MemInstance[];
  storages: MemStorage[];
  arrows: MemArrow[];
  /** objects the drawn boxes reach but that are not drawn (past MAX_INSTANCES or MAX_DEPTH) */
  undrawnObjects: number;
  width: number;
  height: number;
}

export const COL = { nameX: 8, nameW: 176, objX: 236, objW: 196, storeX: 500, storeW: 180 };
const ROW = 26;
const OBJ_ROW = 15;
const OBJ_HEAD = 20;
const MAX_CELLS = 8;
/** the "tangent" row of a dual tensor's box (after .grad) */
const TANGENT_ROW = 7;
/** the "dual" badge in a dual tensor's top right corner */
export const DUAL_BADGE_W = 34;
/** a matrix's row in an object box */
export const GRID_ROW = 16;

/** The grid a tensor object draws: a 2-D tensor whose columns fit the box, else null. */
function objectGrid(values: readonly number[], shape: readonly number[], dtype: string): Grid | null {
  const g = gridOf(values, shape, dtype);
  return g && g.cols * gridCellWidth(g) <= COL.objW - 16 ? g : null;
}
/** a storage cell's value: 11 px monospace (0.6 em a character) with 3 px either side */
const CELL_CHAR_W = 6.6;
const CELL_PAD = 6;
const CELL_GAP = 2;

/** The cell width a storage's values need, and how many such cells fit across the storage box. */
export function storageCells(cells: readonly string[]): { cellW: number; perRow: number } {
  const longest = Math.max(0, ...cells.map((c) => c.length));
  const inner = COL.storeW - 12;
  const cellW = Math.min(inner, Math.max(40, Math.ceil(longest * CELL_CHAR_W + CELL_PAD)));
  return { cellW, perRow: Math.max(1, Math.min(4, Math.floor((inner + CELL_GAP) / (cellW + CELL_GAP)))) };
}

export function buildMemory(state: TraceState): MemoryModel {
  const frames: MemFrame[] = [];
  const names: MemName[] = [];
  const byScope = new Map<string, typeof bindings>();
  // modules (`import torch`) are not data a learner follows
  const bindings = [...state.bindings.values()].filter((b) => !(b.value.type === "value" && b.value.pyType === "module"));
  for (const b of bindings) {
    const list = byScope.get(b.scope) ?? [];
    list.push(b);
    byScope.set(b.scope, list);
  }
  let y = 8;
  for (const [scope, list] of byScope) {
    const top = y;
    y += 24;
    for (const b of list) {
      const v = b.value;
      const refs = refsOf(v);
      const tensors = refs.filter((r) => r.kind === "tensor").map((r) => r.id);
      const objects = refs.filter((r) => r.kind === "object").map((r) => r.id);
      const full =
        v.type === "tensor" ? formatValues(tensorValues(state, v.id), state.tensors.get(v.id)?.dtype) : v.type === "object" ? "" : v.type === "value" && v.objects ? `${v.pyType} of ${v.objects.length}` : v.repr;
      // the value shares the row with the name: cut it to the room left
      const room = Math.max(3, Math.floor((COL.nameW - 28) / 6.9) - b.name.length - 1);
      const text = full.length > room ? `${full.slice(0, room - 1)}…` : full;
      names.push({ key: `${scope}::${b.name}`, name: b.name, scope, tensors, objects, text, y, now: b.setAt === state.step });
      y += ROW;
    }
    frames.push({ scope, title: scope === "<module>" ? "Global frame" : scope, y: top, height: y - top + 4 });
    y += 10;
  }
  // what an optimizer keeps (optim/stepped): each parameter it updated, then its state tensors
  const optim = optimizerRows(state);
  if (optim.rows.length) {
    const top = y;
    y += 24;
    for (const r of optim.rows) {
      const full = formatValues(tensorValues(state, r.tensor), state.tensors.get(r.tensor)?.dtype);
      const room = Math.max(3, Math.floor((COL.nameW - 28) / 6.9) - r.name.length - 1);
      const text = full.length > room ? `${full.slice(0, room - 1)}…` : full;
      names.push({ key: r.key, name: r.name, scope: "optimizer", tensors: [r.tensor], objects: [], text, y, now: r.now });
      y += ROW;
    }
    frames.push({ scope: "optimizer", title: optim.title, y: top, height: y - top + 4 });
    y += 10;
  }

  // boxes: every object and tensor a name reaches (an object's attributes reach more, up to
  // MAX_DEPTH hops and MAX_INSTANCES objects), then the tensors' .grad tensors, in order of first
  // reach, each next to what reaches it; objects and tensors share the column
  type Box = { kind: "tensor" | "object"; id: number; atY: number };
  const order: Box[] = [];
  const reachedTensors = new Set<number>();
  const reachedObjects = new Set<number>();
  const visit = (kind: "tensor" | "object", id: number, atY: number, depth: number): void => {
    if (kind === "tensor") {
      if (reachedTensors.has(id) || !state.tensors.has(id)) return;
      reachedTensors.add(id);
      order.push({ kind, id, atY });
      const { grad: g, tangent } = state.tensors.get(id)!;
      if (g != null) visit("tensor", g, atY + OBJ_HEAD + 6 * OBJ_ROW, depth);
      if (tangent != null) visit("tensor", tangent, atY + OBJ_HEAD + TANGENT_ROW * OBJ_ROW, depth);
      return;
    }
    const o = state.objects.get(id);
    if (!o || reachedObjects.has(id) || depth > MAX_DEPTH) return;
    // the objects names point at keep their room: attributes fill what is left
    const named = namedObjects.has(id);
    if (reachedObjects.size + (named ? 0 : namedLeft) >= MAX_INSTANCES) return;
    if (named) namedLeft--;
    reachedObjects.add(id);
    order.push({ kind, id, atY });
    o.attrs.forEach((a, i) => {
      for (const r of refsOf(a.value)) visit(r.kind, r.id, atY + INSTANCE_HEAD + i * INSTANCE_ROW, depth + 1);
    });
  };
  const namedObjects = new Set(names.flatMap((n) => n.objects).slice(0, MAX_INSTANCES));
  let namedLeft = namedObjects.size;
  for (const n of names) {
    for (const id of n.objects) visit("object", id, n.y, 1);
    for (const id of n.tensors) visit("tensor", id, n.y, 1);
  }

  const tangents = new Set<number>();
  for (const op of state.tangentOps.values()) if (op.endedAt == null) tangents.add(op.tangent);
  const objects: MemObject[] = [];
  const instances: MemInstance[] = [];
  const objY = new Map<number, MemObject>();
  const instY = new Map<number, MemInstance>();
  let cursor = 8;
  for (const box of order) {
    const top = Math.max(cursor, box.atY - 8);
    if (box.kind === "object") {
      const inst = instanceBox(state, box.id, COL.objX, top, COL.objW);
      instances.push(inst);
      instY.set(box.id, inst);
      cursor = top + inst.height + 14;
      continue;
    }
    const id = box.id;
    const t = state.tensors.get(id)!;
    const node = t.gradFn != null ? state.nodes.get(t.gradFn) : undefined;
    const rows = [
      { label: "shape", value: formatShape(t.shape) },
      { label: "dtype", value: t.dtype },
      { label: "_version", value: String(t.version) },
      { label: "requires_grad", value: t.requiresGrad ? "True" : "False" },
      { label: "is_leaf", value: t.isLeaf ? "True" : "False" },
      { label: "grad_fn", value: node ? node.name : "None" },
      { label: ".grad", value: t.grad == null ? "None" : "" },
    ];
    // forward AD: a dual tensor's tangent row, its arrow drawn to the tangent's box
    const dual = t.tangent != null && state.tensors.has(t.tangent);
    if (dual) rows.push({ label: "tangent", value: "" });
    const all = tensorValues(state, id);
    const grid = objectGrid(all, t.shape, t.dtype);
    const height = OBJ_HEAD + rows.length * OBJ_ROW + 6 + (grid ? grid.rows * GRID_ROW + 8 : 0);
    const values = formatValues(all, t.dtype);
    const obj: MemObject = {
      tensor: id,
      storage: t.storage,
      x: COL.objX,
      y: top,
      height,
      rows,
      grad: t.grad,
      tangent: dual ? (t.tangent as number) : null,
      isTangent: tangents.has(id),
      values,
      // a dual tensor's heading leaves room for its "dual" badge
      heading: fitText(`Tensor ${values}`, Math.floor((COL.objW - 16 - (dual ? DUAL_BADGE_W : 0)) / 7)),
      grid,
      fresh: t.bornAt === state.step,
    };
    objects.push(obj);
    objY.set(id, obj);
    cursor = top + height + 14;
  }

  const storages: MemStorage[] = [];
  const storeOf = new Map<number, MemStorage>();
  cursor = 8;
  for (const o of objects) {
    if (storeOf.has(o.storage)) continue;
    const s = state.storages.get(o.storage);
    if (!s) continue;
    const dtype = state.tensors.get(o.tensor)?.dtype;
    const cells = s.values.slice(0, MAX_CELLS).map((v) => formatNumber(v, dtype));
    const { cellW, perRow } = storageCells(cells);
    const height = 22 + Math.ceil(cells.length / perRow) * 20 + 4;
    const top = Math.max(cursor, o.y);
    const st: MemStorage = { id: s.id, y: top, height, cells, cellW, perRow, more: Math.max(0, s.values.length - MAX_CELLS), flash: s.writtenAt === state.step };
    storages.push(st);
    storeOf.set(o.storage, st);
    cursor = top + height + 14;
  }

  const arrows: MemArrow[] = [];
  const nameArrow = (n: MemName, y: number, to: number): void => {
    const x0 = COL.nameX + COL.nameW - 8;
    const y0 = n.y + 13;
    const x1 = COL.objX;
    const y1 = y + 10;
    arrows.push({ kind: "name", from: n.key, to, d: `M${x0},${y0} C${x0 + 30},${y0} ${x1 - 30},${y1} ${x1},${y1}`, top: Math.min(y0, y1), bottom: Math.max(y0, y1) });
  };
  for (const n of names) {
    for (const id of n.objects) {
      const inst = instY.get(id);
      if (inst) nameArrow(n, inst.y, id);
    }
    for (const id of n.tensors) {
      const o = objY.get(id);
      if (o) nameArrow(n, o.y, id);
    }
  }
  // an attribute holding tensors or objects: out of its row's right end, round into each box
  const target = (r: MemRef): { y: number } | undefined => (r.kind === "tensor" ? objY.get(r.id) : instY.get(r.id));
  const undrawnObjects = markUndrawn(state, instances, (r) => target(r) !== undefined, COL.objW);
  for (const inst of instances) {
    inst.rows.forEach((r, i) => {
      for (const ref of r.refs) {
        const to = target(ref);
        if (!to) continue;
        const x0 = COL.objX + COL.objW - 8;
        const y0 = inst.y + INSTANCE_HEAD + i * INSTANCE_ROW + 10;
        // enters below where the storage and .grad arrows meet the box
        const y1 = to.y + 18;
        const bend = COL.objX + COL.objW + 18 + (i % 3) * 8;
        arrows.push({ kind: "attr", from: `o${inst.object}.${r.label}`, to: ref.id, d: `M${x0},${y0} C${bend},${y0} ${bend},${y1} ${COL.objX + COL.objW},${y1}`, top: Math.min(y0, y1), bottom: Math.max(y0, y1) });
      }
    });
  }
  for (const o of objects) {
    if (o.grad != null) {
      const target = objY.get(o.grad);
      if (target) {
        const x0 = COL.objX + COL.objW - 8;
        const y0 = o.y + OBJ_HEAD + 6 * OBJ_ROW + 8;
        const y1 = target.y + 10;
        const bend = COL.objX + COL.objW + 28;
        arrows.push({ kind: "grad", from: `t${o.tensor}`, to: o.grad, d: `M${x0},${y0} C${bend},${y0} ${bend},${y1} ${COL.objX + COL.objW},${y1}`, top: Math.min(y0, y1), bottom: Math.max(y0, y1) });
      }
    }
    if (o.tangent != null) {
      const target = objY.get(o.tangent);
      if (target) {
        const x0 = COL.objX + COL.objW - 8;
        const y0 = o.y + OBJ_HEAD + TANGENT_ROW * OBJ_ROW + 8;
        const y1 = target.y + 26;
        const bend = COL.objX + COL.objW + 40;
        arrows.push({ kind: "tangent", from: `t${o.tensor}`, to: o.tangent, d: `M${x0},${y0} C${bend},${y0} ${bend},${y1} ${COL.objX + COL.objW},${y1}`, top: Math.min(y0, y1), bottom: Math.max(y0, y1) });
      }
    }
    const s = storeOf.get(o.storage);
    if (s) {
      const x0 = COL.objX + COL.objW;
      const y0 = o.y + 10;
      arrows.push({ kind: "storage", from: `t${o.tensor}`, to: s.id, d: `M${x0},${y0} C${x0 + 30},${y0} ${COL.storeX - 30},${s.y + 12} ${COL.storeX},${s.y + 12}`, top: Math.min(y0, s.y + 12), bottom: Math.max(y0, s.y + 12) });
    }
  }

  const bottom = Math.max(y, ...objects.map((o) => o.y + o.height), ...instances.map((o) => o.y + o.height), ...storages.map((s) => s.y + s.height));
  return { frames, names, objects, instances, storages, arrows, undrawnObjects, width: COL.storeX + COL.storeW + 8, height: bottom + 8 };
}

/** The optimizer's state as rows of the memory view: a parameter no name shows yet (a module's
 *  fc1.weight), then "  exp_avg" and its other state tensors, under "opt.state (Adam)". */
export function optimizerRows(state: TraceState): { title: string; rows: { key: string; name: string; tensor: number; now: boolean }[] } {
  const rows: { key: string; name: string; tensor: number; now: boolean }[] = [];
  let optimizer = "";
  const named = new Set<number>();
  for (const b of state.bindings.values()) if (b.value.type === "tensor") named.add(b.value.id);
  let param = 0;
  for (const o of [...state.optimState.values()].sort((a, b) => a.firstAt - b.firstAt)) {
    optimizer ||= o.optimizer;
    param++;
    const pname = state.paramNames.get(o.param) ?? bindingName(state, o.param) ?? `param ${param}`;
    const now = o.steppedAt === state.step;
    if (!named.has(o.param)) rows.push({ key: `optim::${o.param}`, name: pname, tensor: o.param, now });
    for (const e of o.state) rows.push({ key: `optim::${o.param}::${e.key}`, name: `[${pname}] ${e.key}`, tensor: e.tensor, now });
  }
  const holder = [...state.bindings.values()].find((b) => b.value.type === "value" && b.value.pyType === optimizer);
  return { title: `${holder ? holder.name : "optimizer"}.state (${optimizer})`, rows };
}

function bindingName(state: TraceState, tensor: number): string | undefined {
  for (const b of state.bindings.values()) if (b.value.type === "tensor" && b.value.id === tensor) return b.name;
  return undefined;
}

/** `text` cut to `room` characters (monospace), ending in an ellipsis when cut. */
export function fitText(text: string, room: number): string {
  return text.length > room ? `${text.slice(0, Math.max(1, room - 1))}…` : text;
}

/**
 * buildMemory that keeps last step's objects: each frame, name, object, storage and arrow equal to
 * last step's is that very object, and an unchanged step hands back the previous model, so the view
 * updates only what a step changed. The result always equals buildMemory's.
 */
export function createMemoryBuilder(): (state: TraceState) => MemoryModel {
  let last: MemoryModel | null = null;
  const keepEach = <T>(fresh: T[], old: T[] | undefined, keyOf: (x: T) => string | number): T[] => {
    if (!old) return fresh;
    // most items sit where they sat last step: looked up by key only from the first that does not
    let byKey: Map<string | number, T> | null = null;
    let same = fresh.length === old.length;
    const out = fresh.map((x, i) => {
      const key = keyOf(x);
      const o = !byKey && i < old.length && keyOf(old[i]) === key ? old[i] : (byKey ??= new Map(old.map((y) => [keyOf(y), y]))).get(key);
      const kept = o !== undefined && sameData(o, x) ? o : x;
      same &&= kept === old[i];
      return kept;
    });
    return same ? old : out;
  };
  return (state) => {
    const m = buildMemory(state);
    const next: MemoryModel = {
      frames: keepEach(m.frames, last?.frames, (f) => f.scope),
      names: keepEach(m.names, last?.names, (n) => n.key),
      objects: keepEach(m.objects, last?.objects, (o) => o.tensor),
      instances: keepEach(m.instances, last?.instances, (o) => o.object),
      storages: keepEach(m.storages, last?.storages, (s) => s.id),
      arrows: keepEach(m.arrows, last?.arrows, (a) => `${a.kind}|${a.from}|${a.to}`),
      undrawnObjects: m.undrawnObjects,
      width: m.width,
      height: m.height,
    };
    if (last && (Object.keys(next) as (keyof MemoryModel)[]).every((k) => next[k] === last?.[k])) return last;
    last = next;
    return next;
  };
}
