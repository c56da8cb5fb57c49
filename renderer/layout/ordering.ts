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
  const sifter = new Sifter(64);
  let best = layers.map((list) => list.slice());
  let bestCrossings = totalCrossings(graph, layers, pos);
  let roundsWithoutGain = 0;
  // Stop once two rounds in a row found nothing better: the sweeps have settled.
  for (let round = 0; round < rounds && bestCrossings > 0 && roundsWithoutGain < 2; round++) {
    for (let l = 1; l < layers.length; l++) {
      reorderByBarycentre(layers[l], graph.down, pos, bary);
      refresh(l);
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      reorderByBarycentre(layers[l], graph.up, pos, bary);
      refresh(l);
    }
    siftAll(graph, layers, pos, sifter);
    const crossings = totalCrossings(graph, layers, pos);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((list) => list.slice());
      roundsWithoutGain = 0;
    } else {
      roundsWithoutGain++;
    }
  }
  return best;
}

/** Sort a layer by the mean position of each vertex's neighbours in the fixed layer. Vertices with
 *  no such neighbour keep their slot; ties keep the current order, hence creation order. */
function reorderByBarycentre(
  list: number[],
  neighbours: number[][],
  pos: Float64Array,
  bary: Float64Array,
): void {
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
  for (let i = 0; i < list.length; i++)
    if (neighbours[list[i]].length > 0) list[i] = movable[next++];
}

export function totalCrossings(graph: LayeredGraph, layers: LayerOrder, pos: Float64Array): number {
  let widest = 0;
  for (const list of layers) widest = Math.max(widest, list.length);
  const tree = new Float64Array(widest + 1);
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++)
    total += crossingsBetween(graph.up, layers[l], layers[l + 1].length, pos, tree);
  return total;
}

/** Inversions among the edges from one layer to the next, in the lower layer's order, with a
 *  Fenwick tree over upper positions (Barth, Jünger, Mutzel). Edges sharing an end never count. */
function crossingsBetween(
  up: number[][],
  lowerLayer: number[],
  upperWidth: number,
  pos: Float64Array,
  tree: Float64Array,
): number {
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

/** Sifting (Matuszewski, Schönfeld, Molitor 1999), one layer at a time: each vertex in turn is
 *  taken out and put back at the slot of its layer where its edges cross the fewest edges of the
 *  other vertices, counted against both neighbouring layers. Ties keep the current slot. */
function siftAll(graph: LayeredGraph, layers: LayerOrder, pos: Float64Array, sifter: Sifter): void {
  for (const list of layers) {
    // Quadratic in the layer's width: very wide layers (hundreds of leaves) keep the sweeps' order.
    if (list.length < 2 || list.length > MAX_SIFT_WIDTH) continue;
    sifter.sift(graph, list, pos);
  }
}

/** Scratch space reused across layers and rounds, so sifting allocates next to nothing. */
class Sifter {
  /** left[i * m + j]: crossings between the edges of list[i] and list[j] when i is left of j */
  private left = new Float64Array(MAX_SIFT_WIDTH * MAX_SIFT_WIDTH);
  /** every vertex's sorted neighbour positions, down then up, back to back */
  private ends: Float64Array;
  private downStart = new Int32Array(MAX_SIFT_WIDTH + 1);
  private upStart = new Int32Array(MAX_SIFT_WIDTH + 1);
  private order: number[] = [];
  private original: number[] = [];

  constructor(maxDegreeSum: number) {
    this.ends = new Float64Array(maxDegreeSum);
  }

  sift(graph: LayeredGraph, list: number[], pos: Float64Array): void {
    const m = list.length;
    const { left, downStart, upStart, order, original } = this;
    let need = 0;
    for (const v of list) need += graph.down[v].length + graph.up[v].length;
    if (need > this.ends.length) this.ends = new Float64Array(need);
    const ends = this.ends;
    // The neighbouring layers stay fixed while this one is sifted: sort each vertex's neighbour
    // positions once, and count the crossings of every ordered pair once.
    let at = 0;
    for (let i = 0; i < m; i++) {
      downStart[i] = at;
      at = copySorted(graph.down[list[i]], pos, ends, at);
      upStart[i] = at;
      at = copySorted(graph.up[list[i]], pos, ends, at);
    }
    downStart[m] = at;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        pairwise(ends, downStart[i], upStart[i], downStart[j], upStart[j]);
        let ij = pairLeft;
        let ji = pairRight;
        pairwise(ends, upStart[i], downStart[i + 1], upStart[j], downStart[j + 1]);
        ij += pairLeft;
        ji += pairRight;
        left[i * m + j] = ij;
        left[j * m + i] = ji;
      }
    }
    order.length = 0;
    for (let i = 0; i < m; i++) order.push(i);
    for (let u = 0; u < m; u++) {
      const from = order.indexOf(u);
      order.splice(from, 1);
      let cost = 0;
      for (const w of order) cost += left[u * m + w];
      let best = cost;
      let bestSlot = 0;
      let costAtFrom = from === 0 ? cost : NaN;
      for (let i = 0; i < order.length; i++) {
        const w = order[i];
        cost += left[w * m + u] - left[u * m + w];
        if (i + 1 === from) costAtFrom = cost;
        if (cost < best) {
          best = cost;
          bestSlot = i + 1;
        }
      }
      order.splice(best < costAtFrom ? bestSlot : from, 0, u);
    }
    original.length = 0;
    for (const v of list) original.push(v);
    for (let i = 0; i < m; i++) {
      list[i] = original[order[i]];
      pos[list[i]] = i;
    }
  }
}

/** Writes the neighbours' positions, sorted (insertion sort: degrees are small), from `at`. */
function copySorted(
  neighbours: number[],
  pos: Float64Array,
  out: Float64Array,
  at: number,
): number {
  for (let k = 0; k < neighbours.length; k++) {
    const value = pos[neighbours[k]];
    let i = at + k;
    while (i > at && out[i - 1] > value) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = value;
  }
  return at + neighbours.length;
}

/** pairwise's results, kept outside so the inner loop of sifting allocates nothing */
let pairLeft = 0;
let pairRight = 0;

/** For sorted neighbour positions a = ends[a0..a1) (of u) and b = ends[b0..b1) (of w): the
 *  crossings if u is left of w (pairs with a > b) into pairLeft, if right (a < b) into pairRight. */
function pairwise(ends: Float64Array, a0: number, a1: number, b0: number, b1: number): void {
  let uLeft = 0;
  let uRight = 0;
  let j = b0;
  let k = b0;
  for (let i = a0; i < a1; i++) {
    const a = ends[i];
    while (j < b1 && ends[j] < a) j++;
    while (k < b1 && ends[k] <= a) k++;
    uLeft += j - b0;
    uRight += b1 - k;
  }
  pairLeft = uLeft;
  pairRight = uRight;
}
