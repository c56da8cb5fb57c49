// Sifting (Matuszewski, Schönfeld, Molitor 1999): each vertex of a layer moved to its best slot.

import type { LayeredGraph } from "./layered-graph.ts";
import type { LayerOrder } from "./ordering.ts";
import type { Work } from "./work.ts";

const MAX_SIFT_WIDTH = 100;

/** Sifting (Matuszewski, Schönfeld, Molitor 1999), one layer at a time: each vertex in turn is
 *  taken out and put back at the slot of its layer where its edges cross the fewest edges of the
 *  other vertices, counted against both neighbouring layers. Ties keep the current slot. */
export function siftAll(
  graph: LayeredGraph,
  layers: LayerOrder,
  pos: Float64Array,
  sifter: Sifter,
  work: Work,
): void {
  for (const list of layers) {
    // Quadratic in the layer's width: very wide layers (hundreds of leaves) keep the sweeps' order.
    if (list.length < 2 || list.length > MAX_SIFT_WIDTH) continue;
    sifter.sift(graph, list, pos);
    let degrees = 0;
    for (const v of list) degrees += graph.down[v].length + graph.up[v].length;
    work.count += list.length * (list.length + degrees);
  }
}

/** Scratch space reused across layers and rounds, so sifting allocates next to nothing. */
export class Sifter {
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

/** Writes the neighbours' positions, sorted, from `at` (insertion sort for the usual few). */
function copySorted(
  neighbours: number[],
  pos: Float64Array,
  out: Float64Array,
  at: number,
): number {
  if (neighbours.length > 16) {
    for (let k = 0; k < neighbours.length; k++) out[at + k] = pos[neighbours[k]];
    out.subarray(at, at + neighbours.length).sort();
    return at + neighbours.length;
  }
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
