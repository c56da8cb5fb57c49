// Ordering within layers: breadth first from the inputs, transpositions, then barycentric sweeps
// with sifting; keeps the ordering with the fewest crossings seen.

import type { LayeredGraph } from "./layered-graph.ts";
import { Sifter, siftAll } from "./sifting.ts";
import { transpose } from "./transpose.ts";
import type { Work } from "./work.ts";

/** Vertices of each layer, left to right. */
export type LayerOrder = number[][];

/**
 * Graphviz's dot starts from a breadth-first order and so do we: on autograd graphs (an MLP's
 * neurons, their weights and the fans between layers) that order with transpositions already
 * crosses less than dot's final drawing, and the sweeps that follow rarely improve it, while on
 * other DAGs they do. Every candidate is scored by its exact crossing count; the best is kept.
 */
export function orderLayers(
  graph: LayeredGraph,
  rounds: number,
  work: Work = { count: 0 },
): LayerOrder {
  const layers = breadthFirstOrder(graph);
  work.count += graph.layer.length;
  const pos = new Float64Array(graph.layer.length);
  const refresh = (l: number): void => layers[l].forEach((v, i) => (pos[v] = i));
  for (let l = 0; l < layers.length; l++) refresh(l);
  transpose(graph, layers, pos, work);

  const bary = new Float64Array(graph.layer.length);
  const sifter = new Sifter(64);
  let best = layers.map((list) => list.slice());
  let bestCrossings = totalCrossings(graph, layers, pos, work);
  let roundsWithoutGain = 0;
  // Stop once two rounds in a row found nothing better: the sweeps have settled.
  for (let round = 0; round < rounds && bestCrossings > 0 && roundsWithoutGain < 2; round++) {
    for (let l = 1; l < layers.length; l++) {
      reorderByBarycentre(layers[l], graph.down, pos, bary, work);
      refresh(l);
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      reorderByBarycentre(layers[l], graph.up, pos, bary, work);
      refresh(l);
    }
    siftAll(graph, layers, pos, sifter, work);
    const crossings = totalCrossings(graph, layers, pos, work);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((list) => list.slice());
      roundsWithoutGain = 0;
    } else {
      roundsWithoutGain++;
    }
  }
  if (bestCrossings > 0) {
    // the sweeps' best, polished: transpositions see both neighbouring layers at once
    for (let l = 0; l < best.length; l++) {
      layers[l] = best[l].slice();
      refresh(l);
    }
    transpose(graph, layers, pos, work);
    if (totalCrossings(graph, layers, pos, work) < bestCrossings) best = layers;
  }
  return best;
}

/**
 * Each layer in the order a breadth-first search first reaches its vertices, started from every
 * vertex without inputs in creation order and following outputs before inputs (dot's
 * build_ranks). Vertices tied together by edges land near each other in every layer at once,
 * which no layer-by-layer sweep achieves when it starts from a poor order.
 */
export function breadthFirstOrder(graph: LayeredGraph): LayerOrder {
  const layers: LayerOrder = Array.from({ length: graph.layerCount }, () => []);
  const n = graph.layer.length;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  const visit = (start: number): void => {
    let head = tail;
    seen[start] = 1;
    queue[tail++] = start;
    while (head < tail) {
      const u = queue[head++];
      layers[graph.layer[u]].push(u);
      for (const w of graph.up[u])
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      for (const w of graph.down[u])
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
    }
  };
  // real vertices come first, in creation order; every dummy has an input
  for (let v = 0; v < graph.realCount; v++) if (!seen[v] && graph.down[v].length === 0) visit(v);
  for (let v = 0; v < n; v++) if (!seen[v]) visit(v);
  return layers;
}

/** Sort a layer by the mean position of each vertex's neighbours in the fixed layer. Vertices with
 *  no such neighbour keep their slot; ties keep the current order, hence creation order. */
function reorderByBarycentre(
  list: number[],
  neighbours: number[][],
  pos: Float64Array,
  bary: Float64Array,
  work: Work,
): void {
  const movable: number[] = [];
  for (const v of list) {
    const ns = neighbours[v];
    work.count += 1 + ns.length;
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

export function totalCrossings(
  graph: LayeredGraph,
  layers: LayerOrder,
  pos: Float64Array,
  work: Work = { count: 0 },
): number {
  let widest = 0;
  for (const list of layers) widest = Math.max(widest, list.length);
  const tree = new Float64Array(widest + 1);
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    total += crossingsBetween(graph.up, layers[l], layers[l + 1].length, pos, tree);
    work.count += layers[l + 1].length;
    for (const v of layers[l]) work.count += 1 + graph.up[v].length;
  }
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
