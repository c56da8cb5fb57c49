// Incremental layout: place newly created nodes at once, above their inputs, never moving anything placed.

import { boundsOf, growBounds, growBoundsPoint, routeThrough } from "./layout.ts";
import type { LayoutState, RowEntry } from "./layout.ts";
import type { EdgeRoute, LayoutEdge, LayoutNode, NodePlacement, Point } from "./types.ts";

/** What an append placed, so a view can animate just that. */
export interface AppendResult {
  placed: Map<number, NodePlacement>;
  routes: EdgeRoute[];
}

/** Place one new node whose inputs are already laid out. `edges` are its incoming edges. */
export function appendNode(
  state: LayoutState,
  node: LayoutNode,
  edges: LayoutEdge[],
): AppendResult {
  return appendNodes(state, [node], edges);
}

/**
 * Place a batch of new nodes: typically one op and the AccumulateGrad nodes made for its leaves
 * in the same step. Nodes are placed in creation order, each one layer above its highest input,
 * as close as the layer allows to the mean x of its inputs. A new node without inputs that feeds a
 * node of the same batch goes with it, centred right under it (both spots must be free), so a
 * weight lands under its op. Existing nodes never move: the debounced full relayout re-optimises.
 */
export function appendNodes(
  state: LayoutState,
  nodes: LayoutNode[],
  edges: LayoutEdge[],
): AppendResult {
  const { positions } = state.layout;
  const fresh = new Set<number>();
  for (const node of nodes) {
    if (positions.has(node.id) || fresh.has(node.id))
      throw new Error(`layout: node ${node.id} is already laid out`);
    fresh.add(node.id);
  }
  for (const edge of edges) {
    const known = (id: number): boolean => positions.has(id) || fresh.has(id);
    if (!known(edge.source) || !known(edge.target)) {
      throw new Error(
        `layout: edge ${edge.source} -> ${edge.target} names a node that is not in the graph`,
      );
    }
    if (!fresh.has(edge.target))
      throw new Error(
        `layout: edge ${edge.source} -> ${edge.target} points into an already placed node`,
      );
  }
  const inputsOf = new Map<number, number[]>();
  const freshConsumers = new Map<number, number[]>();
  for (const edge of edges) {
    pushTo(inputsOf, edge.target, edge.source);
    if (fresh.has(edge.source)) pushTo(freshConsumers, edge.source, edge.target);
  }
  // New leaves that feed a node of this batch wait for it, then go right under it.
  const waiting = new Set(
    nodes
      .filter((node) => !inputsOf.has(node.id) && freshConsumers.has(node.id))
      .map((node) => node.id),
  );
  const batchIndex = new Map(nodes.map((node, i) => [node.id, i]));
  for (const edge of edges) {
    const from = batchIndex.get(edge.source);
    if (
      from !== undefined &&
      !waiting.has(edge.source) &&
      from > (batchIndex.get(edge.target) as number)
    ) {
      throw new Error(
        `layout: node ${edge.source} feeds ${edge.target} but comes after it; list a batch in creation order`,
      );
    }
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const sep = state.options.nodeSep;
  const pitch = state.layout.layerPitch;
  const placed = new Map<number, NodePlacement>();
  const put = (node: LayoutNode, layer: number, x: number): void => {
    const placement: NodePlacement = {
      x,
      y: layer === 0 ? 0 : -layer * pitch,
      width: node.width,
      height: node.height,
      layer,
    };
    insertRow(rowOf(state, layer), {
      id: node.id,
      left: x - node.width / 2,
      right: x + node.width / 2,
    });
    positions.set(node.id, placement);
    placed.set(node.id, placement);
    growBounds(state.layout.bounds, placement);
  };

  for (const node of nodes) {
    if (waiting.has(node.id)) continue;
    const inputs = [...new Set(inputsOf.get(node.id) ?? [])];
    const leaves = inputs.filter((id) => waiting.has(id)).map((id) => byId.get(id) as LayoutNode);
    const placedInputs = inputs
      .filter((id) => !waiting.has(id))
      .map((id) => positions.get(id) as NodePlacement);
    let layer = leaves.length > 0 ? 1 : 0;
    let sumX = 0;
    for (const p of placedInputs) {
      layer = Math.max(layer, p.layer + 1);
      sumX += p.x;
    }
    const desired =
      placedInputs.length > 0
        ? sumX / placedInputs.length
        : besideRow(state, rowOf(state, layer), node.width);
    if (leaves.length === 0) {
      put(
        node,
        layer,
        nearestFreeX([{ row: rowOf(state, layer), width: node.width }], desired, sep),
      );
      continue;
    }
    const blockWidth =
      leaves.reduce((sum, leaf) => sum + leaf.width, 0) + sep * (leaves.length - 1);
    const x = nearestFreeX(
      [
        { row: rowOf(state, layer), width: node.width },
        { row: rowOf(state, layer - 1), width: blockWidth },
      ],
      desired,
      sep,
    );
    put(node, layer, x);
    let left = x - blockWidth / 2;
    for (const leaf of leaves) {
      put(leaf, layer - 1, Math.round((left + leaf.width / 2) * 100) / 100);
      left += leaf.width + sep;
      waiting.delete(leaf.id);
    }
  }

  const routes: EdgeRoute[] = edges.map((edge) => {
    const route: EdgeRoute = {
      source: edge.source,
      target: edge.target,
      points: straightRoute(state, edge),
    };
    for (const [px, py] of route.points) growBoundsPoint(state.layout.bounds, px, py);
    return route;
  });
  state.layout.routes.push(...routes);
  state.graph.nodes.push(...nodes);
  state.graph.edges.push(...edges);
  return { placed, routes };
}

/** A new edge is a straight line from the top of its input to the bottom of its output: no point
 *  per layer crossed, so an op appended far above a node that feeds every layer costs O(1). */
function straightRoute(state: LayoutState, edge: LayoutEdge): Point[] {
  return routeThrough(state.layout.positions, edge.source, edge.target, []);
}

/** A node (or block of nodes) of `width` wanting a place in `row`. */
export interface Slot {
  row: RowEntry[];
  width: number;
}

/** The x closest to `desired` where every slot's box fits between its row's nodes, `sep` apart. */
export function nearestFreeX(slots: Slot[], desired: number, sep: number): number {
  if (slots.every((slot) => fits(slot, desired, sep))) return round(desired);
  // The best x lies against some node: one of the edges of a free gap of some row.
  const candidates: number[] = [];
  for (const { row, width } of slots) {
    const half = width / 2;
    for (const entry of row) candidates.push(entry.left - sep - half, entry.right + sep + half);
  }
  candidates.sort((a, b) => Math.abs(a - desired) - Math.abs(b - desired) || a - b);
  for (const x of candidates) if (slots.every((slot) => fits(slot, x, sep))) return round(x);
  return round(desired);
}

function fits({ row, width }: Slot, x: number, sep: number): boolean {
  const left = x - width / 2;
  const right = x + width / 2;
  // first entry whose right edge reaches past our left edge minus the gap
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid].right + sep <= left + 1e-6) lo = mid + 1;
    else hi = mid;
  }
  return lo === row.length || right + sep <= row[lo].left + 1e-6;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function rowOf(state: LayoutState, layer: number): RowEntry[] {
  let row = state.rows.get(layer);
  if (!row) state.rows.set(layer, (row = []));
  return row;
}

function insertRow(row: RowEntry[], entry: RowEntry): void {
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid].left < entry.left) lo = mid + 1;
    else hi = mid;
  }
  row.splice(lo, 0, entry);
}

/** Where a node with no placed input goes: right of everything in its layer. */
function besideRow(state: LayoutState, row: RowEntry[], width: number): number {
  const edge =
    row.length > 0
      ? row[row.length - 1].right
      : Number.isFinite(state.layout.bounds.maxX)
        ? state.layout.bounds.maxX
        : 0;
  return edge + state.options.nodeSep + width / 2;
}

function pushTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Stepping back: take nodes (and every edge touching them) out of the layout. Nothing else moves,
 * so stepping back and forth through appends shows each node at one place throughout.
 */
export function removeNodes(state: LayoutState, ids: Iterable<number>): void {
  const gone = new Set(ids);
  if (gone.size === 0) return;
  const { positions } = state.layout;
  for (const id of gone) {
    const p = positions.get(id);
    if (!p) continue;
    const row = state.rows.get(p.layer);
    if (row) {
      const at = row.findIndex((entry) => entry.id === id);
      if (at >= 0) row.splice(at, 1);
    }
    positions.delete(id);
  }
  const touches = (e: LayoutEdge): boolean => gone.has(e.source) || gone.has(e.target);
  state.layout.routes = state.layout.routes.filter((route) => !touches(route));
  state.graph.nodes = state.graph.nodes.filter((node) => !gone.has(node.id));
  state.graph.edges = state.graph.edges.filter((edge) => !touches(edge));
  state.layout.bounds = boundsOf(positions, state.layout.routes);
}
