// Ordering within layers: barycentric sweeps from creation order, then sifting; keeps the best seen.

import type { LayeredGraph } from "./layered-graph.ts";

const MAX_SIFT_WIDTH = 100;

/** Vertices of each layer, left to right. */
export type LayerOrder = number[][];

export function orderLayers(graph: LayeredGraph, rounds: number): LayerOrder {
  const layers: LayerOrder = Array.from({ length: graph.layerCount }, () => []);
  for (let v = 0; v < graph.layer.length; v++) layers[graph.layer[v]].push(v);
  for (const list of layers) list.sort((a, b) => graph.key[a] - graph.key[b] || a - b);
  const pos = new Float64Array(graph.layer.length);
  const refresh = (l: number): void => layers[l].forEach((v, i) => (pos[v] = i));
  for (let l = 0; l < layers.length; l++) refresh(l);

  const bary = new Float64Array(graph.layer.length);
  let best = layers.map((list) => list.slice());
  let bestCrossings = totalCrossings(graph, layers, pos);
  for (let round = 0; round < rounds && bestCrossings > 0; round++) {
    for (let l = 1; l < layers.length; l++) {
      reorderByBarycentre(layers[l], graph.down, pos, bary);
      refresh(l);
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      reorderByBarycentre(layers[l], graph.up, pos, bary);
      refresh(l);
    }
    siftAll(graph, layers, pos);
    const crossings = totalCrossings(graph, layers, pos);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((list) => list.slice());
    }
  }
  return best;
}

/** Sort a layer by the mean position of each vertex's neighbours in the fixed layer. Vertices with
 *  no such neighbour keep their slot; ties keep the current order, hence creation order. */
function reorderByBarycentre(list: number[], neighbours: number[][], pos: Float64Array, bary: Float64Array): void {
  const movable: number[] = [];
  for (const v of list) {
    const ns = neighbours[v];
    if (ns.length === 0) continue;
    let sum = 0;
    for (const w of ns) sum += pos[w];
    bary[v] = sum / ns.length;
    movable.push(v);
  }
  if (movable.length < 2) return;
  movable.sort((a, b) => bary[a] - bary[b] || pos[a] - pos[b]);
  let next = 0;
  for (let i = 0; i < list.length; i++) if (neighbours[list[i]].length > 0) list[i] = movable[next++];
}

export function totalCrossings(graph: LayeredGraph, layers: LayerOrder, pos: Float64Array): number {
  let widest = 0;
  for (const list of layers) widest = Math.max(widest, list.length);
  const tree = new Float64Array(widest + 1);
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) total += crossingsBetween(graph.up, layers[l], layers[l + 1].length, pos, tree);
  return total;
}

/** Inversions among the edges from one layer to the next, in the lower layer's order, with a
 *  Fenwick tree over upper positions (Barth, Jünger, Mutzel). Edges sharing an end never count. */
function crossingsBetween(up: number[][], lowerLayer: number[], upperWidth: number, pos: Float64Array, tree: Float64Array): number {
  tree.fill(0, 0, upperWidth + 1);
  let seen = 0;
  let crossings = 0;
  const ends: number[] = [];
  for (const v of lowerLayer) {
    const ns = up[v];
    if (ns.length === 0) continue;
    ends.length = 0;
    for (const w of ns) ends.push(pos[w]);
    if (ends.length > 1) ends.sort((a, b) => a - b);
    for (const p of ends) {
      let atMost = 0;
      for (let i = p + 1; i > 0; i -= i & -i) atMost += tree[i];
      crossings += seen - atMost;
    }
    for (const p of ends) {
      for (let i = p + 1; i <= upperWidth; i += i & -i) tree[i] += 1;
      seen++;
    }
  }
  return crossings;
}

/** Crossings among the edges of u and of v (u left of v) with one neighbouring layer. */
function pairCrossings(nu: number[], nv: number[], pos: Float64Array): number {
  let c = 0;
  for (const a of nu) for (const b of nv) if (pos[a] > pos[b]) c++;
  return c;
}

/** Sifting (Matuszewski, Schönfeld, Molitor 1999), one layer at a time: each vertex in turn is
 *  taken out and put back at the slot of its layer where its edges cross the fewest edges of the
 *  other vertices, counted against both neighbouring layers. Ties keep the current slot. */
function siftAll(graph: LayeredGraph, layers: LayerOrder, pos: Float64Array): void {
  for (const list of layers) {
    // Quadratic in the layer's width: very wide layers (hundreds of leaves) keep the sweeps' order.
    if (list.length < 2 || list.length > MAX_SIFT_WIDTH) continue;
    for (const u of list.slice()) {
      const from = list.indexOf(u);
      list.splice(from, 1);
      // cost of putting u in slot 0 (left of everything), then walk it rightwards
      let cost = 0;
      for (const w of list) cost += pairCrossings(graph.down[u], graph.down[w], pos) + pairCrossings(graph.up[u], graph.up[w], pos);
      let best = cost;
      let bestSlot = 0;
      let costAtFrom = from === 0 ? cost : NaN;
      for (let i = 0; i < list.length; i++) {
        const w = list[i];
        cost +=
          pairCrossings(graph.down[w], graph.down[u], pos) +
          pairCrossings(graph.up[w], graph.up[u], pos) -
          pairCrossings(graph.down[u], graph.down[w], pos) -
          pairCrossings(graph.up[u], graph.up[w], pos);
        if (i + 1 === from) costAtFrom = cost;
        if (cost < best) {
          best = cost;
          bestSlot = i + 1;
        }
      }
      const slot = best < costAtFrom ? bestSlot : from;
      list.splice(slot, 0, u);
      for (let i = Math.min(slot, from); i <= Math.max(slot, from); i++) pos[list[i]] = i;
    }
  }
}
