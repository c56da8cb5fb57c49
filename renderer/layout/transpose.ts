// Adjacent transpositions (Gansner et al.'s "transpose"): swap neighbours in a layer while that
// removes crossings with the layers on both sides; layers next to a change are looked at again.

import type { LayeredGraph } from "./layered-graph.ts";
import type { LayerOrder } from "./ordering.ts";
import type { Work } from "./work.ts";

/** Passes over the candidate layers at most: each removes at least one crossing, so this only
 *  bounds pathological graphs. */
const MAX_PASSES = 64;

export function transpose(
  graph: LayeredGraph,
  layers: LayerOrder,
  pos: Float64Array,
  work: Work,
): void {
  const candidate = new Uint8Array(layers.length).fill(1);
  const scratch = new Scratch();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let gained = 0;
    for (let l = 0; l < layers.length; l++) {
      if (!candidate[l]) continue;
      candidate[l] = 0;
      const list = layers[l];
      for (let i = 0; i + 1 < list.length; i++) {
        const u = list[i];
        const w = list[i + 1];
        scratch.compare(graph.down[u], graph.down[w], pos);
        let kept = scratch.leftOf;
        let swapped = scratch.rightOf;
        scratch.compare(graph.up[u], graph.up[w], pos);
        kept += scratch.leftOf;
        swapped += scratch.rightOf;
        work.count +=
          1 + graph.down[u].length + graph.down[w].length + graph.up[u].length + graph.up[w].length;
        if (swapped < kept) {
          list[i] = w;
          list[i + 1] = u;
          pos[w] = i;
          pos[u] = i + 1;
          gained += kept - swapped;
          candidate[l] = 1;
          if (l > 0) candidate[l - 1] = 1;
          if (l + 1 < layers.length) candidate[l + 1] = 1;
        }
      }
    }
    if (gained === 0) break;
  }
}

/** Sorted neighbour positions of two vertices and the crossings between their edges either way. */
class Scratch {
  private a: Float64Array = new Float64Array(16);
  private b: Float64Array = new Float64Array(16);
  /** crossings with u left of w / with u right of w */
  leftOf = 0;
  rightOf = 0;

  compare(us: number[], ws: number[], pos: Float64Array): void {
    this.leftOf = 0;
    this.rightOf = 0;
    if (us.length === 0 || ws.length === 0) return;
    if (us.length === 1 && ws.length === 1) {
      const p = pos[us[0]];
      const q = pos[ws[0]];
      if (p > q) this.leftOf = 1;
      else if (p < q) this.rightOf = 1;
      return;
    }
    const a = (this.a = sortedPositions(us, pos, this.a));
    const b = (this.b = sortedPositions(ws, pos, this.b));
    // u left of w: pairs whose u-end lies right of the w-end cross; u right of w: the reverse
    let j = 0;
    let k = 0;
    for (let i = 0; i < us.length; i++) {
      while (j < ws.length && b[j] < a[i]) j++;
      while (k < ws.length && b[k] <= a[i]) k++;
      this.leftOf += j;
      this.rightOf += ws.length - k;
    }
  }
}

function sortedPositions(vs: number[], pos: Float64Array, into: Float64Array): Float64Array {
  const out: Float64Array = into.length >= vs.length ? into : new Float64Array(2 * vs.length);
  for (let i = 0; i < vs.length; i++) out[i] = pos[vs[i]];
  out.subarray(0, vs.length).sort();
  return out;
}
