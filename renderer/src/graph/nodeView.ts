// The parts every graph node view shares: its sizes, its empty view (base) and its width from
// the texts it shows (finish). Used by grad_fn/leaf views (graphModel.ts) and forward-mode ones
// (forwardNodes.ts).

import type { GraphNodeView, HookMark } from "./graphModel.ts";
import { monoWidth, TEXT_MAIN, TEXT_SMALL } from "./textScale.ts";

export const NODE_HEIGHT = 42;
export const LEAF_HEIGHT = 64;
/** saved-tensor badges sit in a row inside the bottom of their node */
export const SAVED_ROW = 19;
export const savedBadgeWidth = (slot: string): number => monoWidth(slot.length, TEXT_SMALL) + 10;

const NO_HOOKS: HookMark[] = [];

/** Width from the texts a node shows, and room for its saved-tensor badges. */
export function finish(node: GraphNodeView): GraphNodeView {
  node.width = widthOf(node);
  if (node.saved.length) node.height += SAVED_ROW;
  return node;
}

export function base(id: number, kind: GraphNodeView["kind"], name: string, names: string[], order: number, bornAt: number): GraphNodeView {
  return {
    id,
    kind,
    name,
    names,
    order,
    shape: null,
    saved: [],
    bornAt,
    status: "idle",
    version: null,
    versionNow: false,
    grad: null,
    accumulation: null,
    sum: null,
    result: null,
    freed: null,
    seed: null,
    error: false,
    hooks: NO_HOOKS,
    tensor: null,
    width: 0,
    height: NODE_HEIGHT,
    tangent: null,
  };
}

const CHAR = monoWidth(1, TEXT_MAIN);

function widthOf(n: GraphNodeView): number {
  const texts = [n.name, n.names.join(", "), n.kind === "leaf" ? `.grad ${n.grad ?? ""}` : "", n.tangent ? `ẏ ${n.tangent.value}` : ""];
  // the tangent formula is in smaller type
  const formula = n.tangent ? Math.ceil((n.tangent.formula.length * 11) / 13) : 0;
  const longest = Math.max(formula, ...texts.map((t) => t.length));
  const badges = n.saved.reduce((sum, s) => sum + savedBadgeWidth(s.slot) + 4, 12);
  return Math.max(96, Math.min(240, Math.round(Math.max(longest * CHAR + 28, badges))));
}
