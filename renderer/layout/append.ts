// Incremental layout: place newly created nodes at once, above their inputs, never moving anything placed.

import { growBounds, growBoundsPoint, routeThrough } from "./layout.ts";
import type { LayoutState, RowEntry } from "./layout.ts";
import type { EdgeRoute, LayoutEdge, LayoutNode, NodePlacement, Point } from "./types.ts";

/** What an append placed, so a view can animate just that. */
export interface AppendResult {
  placed: Map<number, NodePlacement>;
  routes: EdgeRoute[];
}

/** Place one new node whose inputs are already laid out. `edges` are its incoming edges. */
export function appendNode(state: LayoutState, node: LayoutNode, edges: LayoutEdge[]): AppendResult {
  return appendNodes(state, [node], edges);
}

/**
 * Place a batch of new nodes: typically one op and the AccumulateGrad nodes made for its leaves
 * in the same step. Nodes are placed in creation order, each one layer above its highest input,
 * as close as the layer allows to the mean x of its inputs. A new node without inputs that feeds a
 * node of the same batch is placed after it, one layer below, so a weight lands under its op.
 * Existing nodes never move; the debounced full relayout re-optimises later.
 */
export function appendNodes(state: LayoutState, nodes: LayoutNode[], edges: LayoutEdge[]): AppendResult {
  const { positions } = state.layout;
  const fresh = new Set<number>();
  for (const node of nodes) {
    if (positions.has(node.id) || fresh.has(node.id)) throw new Error(`layout: node ${node.id} is already laid out`);
    fresh.add(node.id);
  }
  for (const edge of edges) {
    const known = (id: number): boolean => positions.has(id) || fresh.has(id);
    if (!known(edge.source) || !known(edge.target)) {
      throw new Error(`layout: edge ${edge.source} -> ${edge.target} names a node that is not in the graph`);
    }
    if (!fresh.has(edge.target)) throw new Error(`layout: edge ${edge.source} -> ${edge.target} points into an already placed node`);
  }
  const inputsOf = new Map<number, number[]>();
  const freshConsumers = new Map<number, number[]>();
  for (const edge of edges) {
    pushTo(inputsOf, edge.target, edge.source);
    if (fresh.has(edge.source)) pushTo(freshConsumers, edge.source, edge.target);
  }
  const deferred = nodes.filter((node) => !inputsOf.has(node.id) && freshConsumers.has(node.id));
  const deferredIds = new Set(deferred.map((node) => node.id));

  const placed = new Map<number, NodePlacement>();
  const pitch = state.layout.layerPitch;
  const place = (node: LayoutNode, layer: number, desiredX: number): void => {
    const x = nearestFreeX(rowOf(state, layer), desiredX, node.width, state.options.nodeSep);
    const placement: NodePlacement = { x, y: layer === 0 ? 0 : -layer * pitch, width: node.width, height: node.height, layer };
    insertRow(rowOf(state, layer), { id: node.id, left: x - node.width / 2, right: x + node.width / 2 });
    positions.set(node.id, placement);
    placed.set(node.id, placement);
    growBounds(state.layout.bounds, placement);
  };

  for (const node of nodes) {
    if (deferredIds.has(node.id)) continue;
    const inputs = (inputsOf.get(node.id) ?? []).filter((id) => !deferredIds.has(id));
    if (inputs.length === 0) {
      // Its only inputs are new leaves of this batch, which go one layer below it.
      const layer = inputsOf.has(node.id) ? 1 : 0;
      place(node, layer, besideRow(state, rowOf(state, layer), node.width));
      continue;
    }
    let layer = 0;
    let sumX = 0;
    for (const id of inputs) {
      const p = positions.get(id) as NodePlacement;
      layer = Math.max(layer, p.layer + 1);
      sumX += p.x;
    }
    place(node, layer, sumX / inputs.length);
  }
  for (const node of deferred) {
    const consumers = (freshConsumers.get(node.id) ?? []).map((id) => positions.get(id) as NodePlacement);
    let layer = Infinity;
    let sumX = 0;
    for (const c of consumers) {
      layer = Math.min(layer, c.layer - 1);
      sumX += c.x;
    }
    place(node, Math.max(0, layer), sumX / consumers.length);
  }

  const routes: EdgeRoute[] = edges.map((edge) => {
    const route: EdgeRoute = { source: edge.source, target: edge.target, points: straightRoute(state, edge) };
    for (const [px, py] of route.points) growBoundsPoint(state.layout.bounds, px, py);
    return route;
  });
  state.layout.routes.push(...routes);
  state.graph.nodes.push(...nodes);
  state.graph.edges.push(...edges);
  return { placed, routes };
}

/** A new long edge gets one point per layer crossed on the straight line, so curves stay monotone. */
function straightRoute(state: LayoutState, edge: LayoutEdge): Point[] {
  const { positions, layerPitch } = state.layout;
  const s = positions.get(edge.source) as NodePlacement;
  const t = positions.get(edge.target) as NodePlacement;
  const middle: Point[] = [];
  for (let l = s.layer + 1; l < t.layer; l++) {
    const f = (l - s.layer) / (t.layer - s.layer);
    middle.push([s.x + f * (t.x - s.x), -l * layerPitch]);
  }
  return routeThrough(positions, edge.source, edge.target, middle);
}

/** The x closest to `desired` where a node of this width fits between the row's nodes. */
export function nearestFreeX(row: RowEntry[], desired: number, width: number, sep: number): number {
  const half = width / 2;
  // Gap g lies between row[g-1] and row[g]; the centre may go anywhere in [low(g), high(g)].
  const low = (g: number): number => (g === 0 ? -Infinity : row[g - 1].right + sep + half);
  const high = (g: number): number => (g === row.length ? Infinity : row[g].left - sep - half);
  let start = 0;
  let end = row.length;
  while (start < end) {
    const mid = (start + end) >> 1;
    if ((row[mid].left + row[mid].right) / 2 <= desired) start = mid + 1;
    else end = mid;
  }
  let bestX = desired;
  let best = Infinity;
  const consider = (g: number): void => {
    const lo = low(g);
    const hi = high(g);
    if (lo > hi) return;
    const x = Math.min(Math.max(desired, lo), hi);
    if (Math.abs(x - desired) < best) {
      best = Math.abs(x - desired);
      bestX = x;
    }
  };
  // Walk outwards; gaps further out can only be further away once their near edge passes `best`.
  for (let g = start; g >= 0 && desired - high(g) < best; g--) consider(g);
  for (let g = start + 1; g <= row.length && low(g) - desired < best; g++) consider(g);
  return Math.round(bestX * 100) / 100;
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
  const edge = row.length > 0 ? row[row.length - 1].right : Number.isFinite(state.layout.bounds.maxX) ? state.layout.bounds.maxX : 0;
  return edge + state.options.nodeSep + width / 2;
}

function pushTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
