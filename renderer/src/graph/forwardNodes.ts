// Forward-mode AD in the graph: under torch.autograd.forward_ad's dual level each op on a dual
// tensor computes its output's tangent too. An op whose output has no grad_fn (nothing requires
// grad) gets a node of its own here, a "forward" node named by the op (sin, mul, make_dual) with
// its tangent formula and the tangent's values, and edges from the inputs that carry tangents;
// an op that also recorded a grad_fn (forward over reverse) shows the tangent on that node.
// The views are read through a GraphReader, so the step-to-step store tracks them as it does
// grad_fn nodes. Pure.

import type { TangentOpState } from "../../../engine/trace/state.ts";
import { tangentFormula } from "../lib/tangentFormulas.ts";
import type { GraphEdgeView, GraphNodeView, GraphReader } from "./graphModel.ts";
import { base, finish } from "./nodeView.ts";

/** forward nodes' ids: this plus the dual tensor's id. Above every grad_fn node's id (a run's
 *  event cap keeps ids far below 2^23) and below 2^24, the bound pairKey.ts packs ids within */
export const FORWARD_ID_BASE = 2 ** 23;
/** the tangent rows inside a node: its formula, and the tangent's values in a pill */
export const NODE_TANGENT_ROW = 38;

export interface TangentView {
  /** the op's tangent formula in words ("ẏ = cos(a)·ȧ") */
  formula: string;
  /** the tangent's values */
  value: string;
  /** set at this very step */
  now: boolean;
  /** the dual level is over: the tangent is gone */
  ended: boolean;
}

/** The tangent a tensor carries (or carried: ended), as a node shows it; null when it never had one. */
export function tangentView(r: GraphReader, tensor: number): TangentView | null {
  const op = r.tangentOp(tensor);
  if (!op) return null;
  return { formula: tangentFormula(op.op), value: r.values(op.tangent) ?? "?", now: op.setAt === r.state.step, ended: op.endedAt != null };
}

/** The tangent riding along an edge out of `tensor`: its values while the dual level lasts. */
export function edgeTangent(r: GraphReader, tensor: number): string | null {
  const op = r.tangentOp(tensor);
  return op && op.endedAt == null ? r.values(op.tangent) : null;
}

/** The graph id standing for a tensor as an input: its grad_fn's node, its forward node, or none. */
function sourceOf(r: GraphReader, tensor: number): number | null {
  const t = r.tensor(tensor);
  if (!t) return null;
  if (t.gradFn != null) {
    const n = r.node(t.gradFn);
    return n ? (n.name === "AccumulateGrad" && n.variable != null ? -n.variable : n.id) : null;
  }
  return r.tangentOp(tensor) ? FORWARD_ID_BASE + tensor : null;
}

/** The forward node of the op that gave `op.tensor` its tangent (none when a grad_fn stands for
 *  it), and the edges from its inputs. */
export function makeForwardUnit(r: GraphReader, op: TangentOpState): { node: GraphNodeView | null; edges: GraphEdgeView[] } {
  const t = r.tensor(op.tensor);
  if (!t || t.gradFn != null) return { node: null, edges: [] };
  const id = FORWARD_ID_BASE + op.tensor;
  const node = base(id, "forward", op.op, r.names(op.tensor), 0, op.setAt);
  node.shape = t.shape;
  node.tensor = op.tensor;
  node.tangent = tangentView(r, op.tensor);
  if (op.freedAt != null) node.freed = op.freedAt === r.state.step ? { now: true } : { now: false };
  finish(node);
  node.height += NODE_TANGENT_ROW;
  const edges: GraphEdgeView[] = [];
  for (const input of op.inputs) {
    if (input === op.tensor) continue;
    const source = sourceOf(r, input);
    if (source == null) continue;
    const from = r.tensor(input);
    edges.push({ source, target: id, shape: from?.shape ?? null, grad: null, gradGrid: null, gradNow: false, freed: op.freedAt != null, tangent: edgeTangent(r, input), forward: true });
  }
  return { node, edges };
}
