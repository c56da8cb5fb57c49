// Ordering within layers: breadth first from the inputs, transpositions, then barycentric sweeps
// with sifting; keeps the ordering with the fewest crossings seen.

import type { LayeredGraph } from "./layered-graph.ts";
import { Sifter, siftAll } from "./sifting.ts";
import { transpose } from "./transpose.ts";
import type { Work } from "./work.ts";

/** Vertices of each layer, left to right. */
export type LayerOrder = number[][];

/** Below this many vertices the ordering is also tried from two more starts (it costs little). */
const SMALL = 1000;
/** Vertices times shuffled starts tried on tiny graphs (at most 16 starts). */
const TINY_WORK = 1000;

/**
 * Graphviz's dot starts from a breadth-first order and so do we: on autograd graphs (an MLP's
 * neurons, their weights and the fans between layers) that order with transpositions already
 * crosses less than dot's final drawing, and the sweeps that follow rarely improve it, while on
 * other DAGs they do. Small graphs are also ordered starting breadth first from the outputs and
 * from creation order, tiny ones from shuffled orders too. Every candidate is scored by its exact
 * crossing count; the best is kept. Each connected part of the graph is ordered on its own (as
 * dot does), its budget of starts set by its own size, and the parts placed side by side in
 * creation order.
 */
export function orderLayers(
  graph: LayeredGraph,
  rounds: number,
  work: Work = { count: 0 },
): LayerOrder {
  const parts = connectedParts(graph);
  const fromInputs = breadthFirstOrder(graph, false);
  const fromOutputs = breadthFirstOrder(graph, true);
  const created = creationOrder(graph);
  work.count += 4 * graph.layer.length;
  const layers: LayerOrder = Array.from({ length: graph.layerCount }, () => []);
  for (const part of parts) {
    const size = part.vertices.length;
    const starts = [part.restrict(fromInputs)];
    if (size < SMALL) starts.push(part.restrict(fromOutputs), part.restrict(created));
    // tiny graphs (a lesson's few dozen nodes) also from shuffled orders: a crossing there shows
    const shuffled = Math.min(16, Math.floor(TINY_WORK / Math.max(1, size)));
    const random = seededRandom(size);
    for (let r = 0; r < shuffled; r++) starts.push(shuffle(part.restrict(created), random));
    let best: { order: LayerOrder; crossings: number } | null = null;
    for (const start of starts) {
      work.count += size;
      const found = improve(graph, start, rounds, work);
      if (!best || found.crossings < best.crossings) best = found;
      if (best.crossings === 0) break;
    }
    (best as { order: LayerOrder }).order.forEach((list, i) => {
      for (const v of list) layers[part.low + i].push(v);
    });
  }
  return layers;
}

interface Part {
  vertices: number[];
  /** lowest layer it has a vertex in */
  low: number;
  /** an order of the whole graph cut down to this part's vertices, its layers from `low` up (a
   *  fresh copy: the ordering rearranges it) */
  restrict(order: LayerOrder): LayerOrder;
}

/** The graph's connected parts, in order of their first vertex (real vertices are in creation
 *  order, so the part holding the earliest node comes first). */
function connectedParts(graph: LayeredGraph): Part[] {
  const n = graph.layer.length;
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (let v = 0; v < n; v++)
    for (const w of graph.up[v]) {
      const a = find(v);
      const b = find(w);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  const partOf = new Int32Array(n).fill(-1);
  const members: number[][] = [];
  for (let v = 0; v < n; v++) {
    const r = find(v);
    if (partOf[r] < 0) {
      partOf[r] = members.length;
      members.push([]);
    }
    members[partOf[r]].push(v);
  }
  const index = new Int32Array(n);
  for (let v = 0; v < n; v++) index[v] = partOf[find(v)];
  // every order is cut up for all the parts in one pass, when the first part asks for it
  const cut = new Map<LayerOrder, LayerOrder[]>();
  const lows = members.map(() => Infinity);
  const highs = members.map(() => -Infinity);
  for (let v = 0; v < n; v++) {
    lows[index[v]] = Math.min(lows[index[v]], graph.layer[v]);
    highs[index[v]] = Math.max(highs[index[v]], graph.layer[v]);
  }
  return members.map((vertices, p) => ({
    vertices,
    low: lows[p],
    restrict(order: LayerOrder): LayerOrder {
      if (members.length === 1) return order.map((list) => list.slice());
      let pieces = cut.get(order);
      if (!pieces) {
        pieces = members.map((_, q) => Array.from({ length: highs[q] - lows[q] + 1 }, () => []));
        order.forEach((list, l) => {
          for (const v of list) pieces![index[v]][l - lows[index[v]]].push(v);
        });
        cut.set(order, pieces);
      }
      return pieces[p].map((list) => list.slice());
    },
  }));
}

/** Transpositions, then sweeps with sifting from the best seen, then transpositions again. */
function improve(
  graph: LayeredGraph,
  layers: LayerOrder,
  rounds: number,
  work: Work,
): { order: LayerOrder; crossings: number } {
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
    const crossings = totalCrossings(graph, layers, pos, work);
    if (crossings < bestCrossings) return { order: layers, crossings };
  }
  return { order: best, crossings: bestCrossings };
}

/** The order with each layer shuffled (deterministic for a given random source). */
function shuffle(layers: LayerOrder, random: () => number): LayerOrder {
  for (const list of layers)
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
  return layers;
}

/** mulberry32: the same numbers for the same seed, so a graph always gets the same layout. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each layer in creation order (a dummy takes the key of the node it leads to). */
function creationOrder(graph: LayeredGraph): LayerOrder {
  const layers: LayerOrder = Array.from({ length: graph.layerCount }, () => []);
  for (let v = 0; v < graph.layer.length; v++) layers[graph.layer[v]].push(v);
  for (const list of layers) list.sort((a, b) => graph.key[a] - graph.key[b] || a - b);
  return layers;
}

/**
 * Each layer in the order a breadth-first search first reaches its vertices, started from every
 * vertex without inputs in creation order and following outputs before inputs (dot's
 * build_ranks); or the other way round, from the outputs. Vertices tied together by edges land
 * near each other in every layer at once, which no layer-by-layer sweep achieves from a poor order.
 */
export function breadthFirstOrder(graph: LayeredGraph, fromOutputs: boolean): LayerOrder {
  const first = fromOutputs ? graph.down : graph.up;
  const second = fromOutputs ? graph.up : graph.down;
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
      for (const w of first[u])
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      for (const w of second[u])
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
    }
  };
  // real vertices come first, in creation order; every dummy has an input and an output
  for (let v = 0; v < graph.realCount; v++) if (!seen[v] && second[v].length === 0) visit(v);
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
