// Shapes shared by the layout modules: the graph handed in, the options, and the placement handed back.

/** What a node stands for; the layout treats every kind alike except "group" (a collapsed chain). */
export type LayoutNodeKind = "tensor" | "op" | "accumulate" | "saved" | "group" | (string & {});

export interface LayoutNode {
  id: number;
  kind: LayoutNodeKind;
  /** the grad_fn name or tensor label drawn on the node, e.g. "MulBackward0" */
  label: string;
  width: number;
  height: number;
  /** creation order (e.g. sequence number); the array index when absent. Breaks ties in ordering. */
  order?: number;
  /** Python variable names bound to the tensor this node stands for (search finds nodes by them) */
  names?: string[];
}

/** From input to output: the AccumulateGrad of a leaf points at the op that used the leaf. */
export interface LayoutEdge {
  source: number;
  target: number;
}

/** An autograd graph in creation order (every edge's source was created before its target). */
export interface LayoutGraph {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutOptions {
  /** horizontal gap between neighbouring nodes of a layer (px) */
  nodeSep: number;
  /** vertical gap between the tallest nodes of neighbouring layers (px) */
  rankSep: number;
  /** barycentric sweep rounds (one round = a sweep up and a sweep down) */
  orderingRounds: number;
  /** Gauss-Seidel rounds of the coordinate pass */
  coordinateRounds: number;
  /** the least distance between layer centre lines: what an empty layout grows with, since appends
   *  never move a layer (the pitch is otherwise the tallest node plus rankSep) */
  minLayerPitch: number;
}

export const defaultLayoutOptions: LayoutOptions = {
  nodeSep: 18,
  rankSep: 36,
  orderingRounds: 8,
  coordinateRounds: 24,
  minLayerPitch: 64,
};

export interface NodePlacement {
  /** centre, in px; y grows downwards as in SVG, so layer 0 (the leaves) has the largest y */
  x: number;
  y: number;
  width: number;
  height: number;
  /** every edge goes from a lower layer to a higher one; the lowest layer is 0 after a full layout */
  layer: number;
}

export type Point = [number, number];

/** One route per input edge, same order: from the top of the source to the bottom of the target,
 *  through one point per layer crossed. Monotone in y, ready for d3.line().curve(curveBasis). */
export interface EdgeRoute {
  source: number;
  target: number;
  points: Point[];
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface Layout {
  positions: Map<number, NodePlacement>;
  routes: EdgeRoute[];
  bounds: Bounds;
  /** y of each layer's centre line; layer k is at -k * layerPitch */
  layerPitch: number;
}
