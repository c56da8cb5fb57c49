// Collapse of repeated structure on screen: each chosen chain (a neuron's mul/add chain with its
// weights) is drawn as one group node where the chain's last link sits, so nothing else moves.

import { collapseGraph, findRepeatedChains, type NodeGroup } from "../../layout/collapse.ts";
import type { LayoutGraph, Point } from "../../layout/types.ts";
import type { Placed } from "./graphLayout.ts";
import { NODE_HEIGHT, type GraphEdgeView, type GraphModel, type GraphNodeView, type NodeStatus } from "./graphModel.ts";
import { monoWidth, TEXT_MAIN } from "./textScale.ts";

/** The layout-graph view of a model (what collapse and search read). */
export function layoutGraphOf(model: GraphModel): LayoutGraph {
  return {
    nodes: model.nodes.map((n, i) => ({ id: n.id, kind: n.kind, label: n.name, width: n.width, height: n.height, order: i, names: n.names })),
    edges: model.edges.map((e) => ({ source: e.source, target: e.target })),
  };
}

/** Group ids below every leaf id (leaves are minus their tensor id; layout's groupIdFor can hit one). */
export const GROUP_ID_BASE = -1_000_000_000;

export function groupsOf(model: GraphModel): NodeGroup[] {
  return findRepeatedChains(layoutGraphOf(model), 3).map((g) => ({ ...g, id: GROUP_ID_BASE - g.top }));
}

export interface CollapsedView {
  model: GraphModel;
  placed: Placed;
  /** node id -> the id of the group drawn in its place */
  hiddenIn: Map<number, number>;
}

/** Draws every group for which `collapsed(group)` holds as one node; returns the inputs unchanged when none does. */
export function collapseView(model: GraphModel, placed: Placed, groups: NodeGroup[], collapsed: (g: NodeGroup) => boolean): CollapsedView {
  const chosen = groups.filter(collapsed);
  if (chosen.length === 0) return { model, placed, hiddenIn: new Map() };
  const { hiddenIn } = collapseGraph(layoutGraphOf(model), chosen, chosen.map((g) => g.id));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const groupByTop = new Map(chosen.map((g) => [g.top, g]));
  const positions = new Map(placed.positions);
  const nodes: GraphNodeView[] = [];
  for (const n of model.nodes) {
    const g = groupByTop.get(n.id);
    if (g) {
      const members = g.members.map((m) => byId.get(m)).filter((m): m is GraphNodeView => m != null);
      const node = groupNode(g, n, members);
      nodes.push(node);
      const p = placed.positions.get(n.id);
      if (p) positions.set(g.id, { ...p, width: node.width, height: node.height });
    } else if (!hiddenIn.has(n.id)) nodes.push(n);
  }
  for (const id of hiddenIn.keys()) positions.delete(id);
  const edges: GraphEdgeView[] = [];
  const merged = new Set<string>();
  for (const e of model.edges) {
    const source = hiddenIn.get(e.source) ?? e.source;
    const target = hiddenIn.get(e.target) ?? e.target;
    if (source === target) continue;
    if (source === e.source && target === e.target) {
      edges.push(e);
      continue;
    }
    const key = `${source}>${target}`;
    if (merged.has(key)) continue;
    merged.add(key);
    edges.push({ ...e, source, target, grad: null, gradGrid: null, gradNow: false });
  }
  const routeOf = (source: number, target: number): Point[] => {
    if (!hiddenIn.size || (positions.get(source) === placed.positions.get(source) && positions.get(target) === placed.positions.get(target)))
      return placed.routeOf(source, target);
    const s = positions.get(source);
    const t = positions.get(target);
    if (!s || !t) return [];
    return [
      [s.x, s.y - s.height / 2],
      [t.x, t.y + t.height / 2],
    ];
  };
  return { model: { nodes, edges }, placed: { positions, routeOf, bounds: placed.bounds }, hiddenIn };
}

function groupNode(g: NodeGroup, top: GraphNodeView, members: GraphNodeView[]): GraphNodeView {
  const statuses = members.map((m) => m.status);
  const status: NodeStatus = statuses.includes("executing") ? "executing" : statuses.length && statuses.every((s) => s === "executed") ? "executed" : "idle";
  const name = g.title ?? `${g.chainLength}× ${g.chainLabel}`;
  return {
    ...top,
    id: g.id,
    name,
    status,
    saved: [],
    seed: null,
    sum: null,
    result: null,
    error: members.some((m) => m.error),
    bornAt: Math.min(...members.map((m) => m.bornAt)),
    group: members.length,
    width: Math.max(120, Math.round(monoWidth(Math.max(name.length, `${members.length} nodes · expand`.length), TEXT_MAIN) + 28)),
    height: NODE_HEIGHT,
  };
}
