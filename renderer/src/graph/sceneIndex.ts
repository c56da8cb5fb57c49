// What the graph scene draws at a step, found without walking the graph: the nodes in a rectangle
// (a grid of node boxes) and the edges touching them (edges by the node they go into, targets by the
// node they leave). The index follows the model by the store's delta (graphStore.ts deltaOf), so a
// step's work is the units the step changed plus what is on screen; any other model (a filtered
// view, a first model) is indexed from scratch. Order is the model's: nodes by (bornAt, id), edges
// by the node they go into, then their place among its inputs.

import type { NodePlacement } from "../../layout/types.ts";
import { parallelOffset, type EdgeEntry } from "./edgeEntries.ts";
import type { GraphEdgeView, GraphModel, GraphNodeView } from "./graphModel.ts";
import { deltaOf, type UnitChange } from "./graphStore.ts";

export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface SceneIndexStats {
  /** nodes and edges (re)indexed by the last update: a step's own, or every one on a rebuild */
  indexed: number;
  /** whether the last update rebuilt the index from scratch */
  rebuilt: boolean;
}

const CELL = 256;
const cellKey = (cx: number, cy: number): number => cx * 1_048_576 + cy;

export const byDrawingOrder = (p: GraphNodeView, q: GraphNodeView): number => p.bornAt - q.bornAt || p.id - q.id;

export class SceneIndex {
  readonly stats: SceneIndexStats = { indexed: 0, rebuilt: false };
  private model: GraphModel | null = null;
  private nodes = new Map<number, GraphNodeView>();
  /** the edges into a node, in its inputs' order, as entries (k-th edge of its pair) */
  private into = new Map<number, EdgeEntry[]>();
  /** the nodes an edge goes to from a node */
  private outs = new Map<number, Set<number>>();
  private positions: Map<number, NodePlacement> | null = null;
  /** node id -> the placement its cells were filled from */
  private gridOf = new Map<number, NodePlacement>();
  private cells = new Map<number, Set<number>>();
  /** per node: the first edge into it from each source that carries no gradient */
  private plain = new Map<number, Map<number, EdgeEntry>>();
  /** per source: the edge that carries its shape label (found once per update) */
  private shapeOf = new Map<number, EdgeEntry | null>();

  /** Brings the index to `model` and its placement. */
  update(model: GraphModel, positions: Map<number, NodePlacement>): void {
    this.stats.indexed = 0;
    this.stats.rebuilt = false;
    this.shapeOf.clear();
    const delta = deltaOf(model);
    let touched: Iterable<number> | null = [];
    if (model !== this.model) {
      if (this.model && delta && delta.from === this.model) touched = this.apply(delta.units);
      else {
        this.rebuild(model);
        touched = null;
      }
      this.model = model;
    }
    if (positions !== this.positions) {
      this.positions = positions;
      this.gridOf = new Map();
      this.cells = new Map();
      for (const [id, p] of positions) this.cell(id, p);
      return;
    }
    // the placement is kept from step to step (createPlacer): a node's placement changes only with its view
    for (const id of touched ?? positions.keys()) {
      const p = positions.get(id);
      const had = this.gridOf.get(id);
      if (p === had) continue;
      if (had) this.uncell(id, had);
      if (p) this.cell(id, p);
    }
  }

  private rebuild(model: GraphModel): void {
    this.stats.rebuilt = true;
    const old = this.into;
    this.nodes = new Map(model.nodes.map((n) => [n.id, n]));
    const lists = new Map<number, GraphEdgeView[]>();
    for (const e of model.edges) {
      const list = lists.get(e.target);
      if (list) list.push(e);
      else lists.set(e.target, [e]);
    }
    this.into = new Map();
    this.outs = new Map();
    this.plain = new Map();
    for (const [target, edges] of lists) this.setInto(target, edges, old.get(target));
    this.stats.indexed = model.nodes.length + model.edges.length;
  }

  /** Applies a store's changes; returns the ids of the nodes they touched. */
  private apply(units: readonly UnitChange[]): number[] {
    const ids: number[] = [];
    for (const u of units) {
      const before = u.before?.node;
      const after = u.after?.node;
      if (before && before.id !== after?.id && this.nodes.get(before.id) === before) this.nodes.delete(before.id);
      if (after) this.nodes.set(after.id, after);
      if (before) ids.push(before.id);
      if (after && after.id !== before?.id) ids.push(after.id);
      // a unit's edges all go into its own node
      const target = after?.id ?? before?.id ?? u.before?.edges[0]?.target ?? u.after?.edges[0]?.target;
      if (target == null) continue;
      for (const e of u.before?.edges ?? []) this.outs.get(e.source)?.delete(target);
      this.setInto(target, u.after?.edges ?? [], this.into.get(target));
      this.stats.indexed += 1 + (u.after?.edges.length ?? 0) + (u.before?.edges.length ?? 0);
    }
    // a node gone from the model may stay in the grid's cells: candidates are checked against the nodes
    return ids;
  }

  /** The entries of the edges into `target` (last ones kept while the same edge is the same k-th of its pair). */
  private setInto(target: number, edges: readonly GraphEdgeView[], old: readonly EdgeEntry[] | undefined): void {
    this.plain.delete(target);
    if (edges.length === 0) {
      this.into.delete(target);
      return;
    }
    const plain = new Map<number, EdgeEntry>();
    const seen = new Map<number, number>();
    const out: EdgeEntry[] = [];
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      const k = seen.get(e.source) ?? 0;
      seen.set(e.source, k + 1);
      const was = old?.find((x) => x.e === e && x.k === k);
      const entry = was ?? { e, k, key: `${e.source}>${e.target}#${k}`, offset: parallelOffset(k) };
      out.push(entry);
      if (e.grad == null && !plain.has(e.source)) plain.set(e.source, entry);
      const targets = this.outs.get(e.source);
      if (targets) targets.add(target);
      else this.outs.set(e.source, new Set([target]));
    }
    this.into.set(target, out);
    this.plain.set(target, plain);
  }

  private cell(id: number, p: NodePlacement): void {
    this.gridOf.set(id, p);
    const x0 = Math.floor((p.x - p.width / 2) / CELL);
    const x1 = Math.floor((p.x + p.width / 2) / CELL);
    const y0 = Math.floor((p.y - p.height / 2) / CELL);
    const y1 = Math.floor((p.y + p.height / 2) / CELL);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const k = cellKey(cx, cy);
        const c = this.cells.get(k);
        if (c) c.add(id);
        else this.cells.set(k, new Set([id]));
      }
  }

  private uncell(id: number, p: NodePlacement): void {
    this.gridOf.delete(id);
    for (let cx = Math.floor((p.x - p.width / 2) / CELL); cx <= Math.floor((p.x + p.width / 2) / CELL); cx++)
      for (let cy = Math.floor((p.y - p.height / 2) / CELL); cy <= Math.floor((p.y + p.height / 2) / CELL); cy++) this.cells.get(cellKey(cx, cy))?.delete(id);
  }

  /** The model's placed nodes whose box, grown by `grow` (x, y) on each side, meets `rect` (all, when null), in drawing order. */
  nodesIn(rect: Rect | null, grow: [number, number]): GraphNodeView[] {
    const model = this.model;
    const positions = this.positions;
    if (!model || !positions) return [];
    if (!rect) return model.nodes.filter((n) => positions.has(n.id));
    const [gx, gy] = grow;
    const out: GraphNodeView[] = [];
    const seen = new Set<number>();
    // the widest box is a few cells: look a cell further out than the grown rectangle
    const x0 = Math.floor((rect.minX - gx) / CELL) - 1;
    const x1 = Math.floor((rect.maxX + gx) / CELL) + 1;
    const y0 = Math.floor((rect.minY - gy) / CELL) - 1;
    const y1 = Math.floor((rect.maxY + gy) / CELL) + 1;
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const c = this.cells.get(cellKey(cx, cy));
        if (!c) continue;
        for (const id of c) {
          if (seen.has(id)) continue;
          seen.add(id);
          const n = this.nodes.get(id);
          const p = positions.get(id);
          if (!n || !p) continue;
          const w = p.width + 2 * gx;
          const h = p.height + 2 * gy;
          if (p.x + w / 2 >= rect.minX && p.x - w / 2 <= rect.maxX && p.y + h / 2 >= rect.minY && p.y - h / 2 <= rect.maxY) out.push(n);
        }
      }
    return out.sort(byDrawingOrder);
  }

  /** The edges with an end among `ids`, in the model's order. */
  edgesTouching(ids: ReadonlySet<number>): EdgeEntry[] {
    const targets = new Set<number>();
    for (const id of ids) {
      if (this.into.has(id)) targets.add(id);
      for (const t of this.outs.get(id) ?? []) targets.add(t);
    }
    // edges into a node no longer in the model (a filtered view) are not drawn
    const out: EdgeEntry[] = [];
    for (const n of this.ordered(targets)) for (const entry of this.into.get(n.id) ?? []) if (ids.has(entry.e.source) || ids.has(entry.e.target)) out.push(entry);
    return out;
  }

  /** Whether an edge carries its input's shape label: the first edge out of its source, in the model's
   *  order, without a gradient on it (labelPlacement.ts shapeLabelKeys over the whole model). */
  carriesShape(entry: EdgeEntry): boolean {
    if (entry.e.grad != null) return false;
    const source = entry.e.source;
    if (!this.shapeOf.has(source)) {
      let best: EdgeEntry | null = null;
      let bestNode: GraphNodeView | null = null;
      for (const t of this.outs.get(source) ?? []) {
        const n = this.nodes.get(t);
        const first = this.plain.get(t)?.get(source);
        if (!n || !first || (bestNode && byDrawingOrder(bestNode, n) < 0)) continue;
        best = first;
        bestNode = n;
      }
      this.shapeOf.set(source, best);
    }
    return this.shapeOf.get(source) === entry;
  }

  /** The nodes of these ids that are in the model, in drawing order. */
  private ordered(ids: Iterable<number>): GraphNodeView[] {
    const out: GraphNodeView[] = [];
    for (const id of ids) {
      const n = this.nodes.get(id);
      if (n) out.push(n);
    }
    return out.sort(byDrawingOrder);
  }

  /** A node of the model by id. */
  node(id: number): GraphNodeView | undefined {
    return this.nodes.get(id);
  }

  /** The entry of one of the model's edges. */
  entryOf(e: GraphEdgeView): EdgeEntry | undefined {
    return this.into.get(e.target)?.find((x) => x.e === e);
  }

  /** Every edge's entry, in the model's order (module tabs, which look at the whole graph). */
  allEntries(): EdgeEntry[] {
    const out: EdgeEntry[] = [];
    for (const n of [...this.nodes.values()].sort(byDrawingOrder)) for (const entry of this.into.get(n.id) ?? []) out.push(entry);
    return out;
  }
}
