// torch.nn module calls as groups of the graph: the ops each call recorded (its own and its
// submodules'), named as named_modules() names the module ("fc1 (Linear)", "body.0 (ReLU)"), drawn as
// a box around them (moduleBoxes) that a click folds into one node (collapseView's groups).
import type { NodeGroup } from "../../layout/collapse.ts";
import type { TraceState } from "../../../engine/trace/state.ts";
import type { Placed } from "./graphLayout.ts";
import type { GraphModel } from "./graphModel.ts";
import { MODULE_TAB_HEIGHT } from "./moduleLabels.ts";

/** Module group ids sit below the chain groups' (collapseView.GROUP_ID_BASE) and every leaf id. */
export const MODULE_GROUP_BASE = -2_000_000_000;

export interface ModuleGroup extends NodeGroup {
  call: number;
  /** how many module groups it holds inside it, nested (0: none) */
  level: number;
}

export interface ModuleBox {
  id: number;
  label: string;
  /** the ops the call ran (node ids) */
  members: readonly number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One group per module call that recorded ops drawn in `model`, outermost first. */
export function moduleGroupsOf(state: TraceState, model: GraphModel): ModuleGroup[] {
  if (state.moduleCalls.size === 0) return [];
  const drawn = new Set(model.nodes.map((n) => n.id));
  const members = new Map<number, number[]>();
  for (const n of state.nodes.values()) {
    // the ops a call ran; leaves (AccumulateGrad) are shared by every call of the module
    if (n.module == null || n.name === "AccumulateGrad" || !drawn.has(n.id)) continue;
    for (let c: number | null = n.module; c != null; c = state.moduleCalls.get(c)?.parent ?? null) {
      const list = members.get(c);
      if (list) list.push(n.id);
      else members.set(c, [n.id]);
    }
  }
  const level = new Map<number, number>();
  const calls = [...members.keys()].sort((a, b) => b - a);
  // a call's id is above its parent's: children are done before their parents
  for (const c of calls) {
    const parent = state.moduleCalls.get(c)?.parent;
    if (parent != null) level.set(parent, Math.max(level.get(parent) ?? 0, (level.get(c) ?? 0) + 1));
  }
  const born = new Map(model.nodes.map((n) => [n.id, n.bornAt]));
  const groups: ModuleGroup[] = [];
  for (const c of calls.reverse()) {
    const call = state.moduleCalls.get(c);
    const ids = members.get(c) as number[];
    if (!call) continue;
    const label = call.path ? `${call.path} (${call.module})` : call.module;
    const top = ids.reduce((p, q) => ((born.get(q) ?? 0) >= (born.get(p) ?? 0) ? q : p));
    groups.push({ id: MODULE_GROUP_BASE - c, label, title: label, chainLabel: call.module, chainLength: ids.length, members: ids, top, call: c, level: level.get(c) ?? 0 });
  }
  return groups;
}

/** The box around each group's drawn members (a folded group's node stands for its members; wider
 *  for groups that hold others), with room under its top border for half of its name's tab
 *  (moduleLabels.ts); a folded group has no box. */
export function moduleBoxes(groups: ModuleGroup[], placed: Placed, hidden: ReadonlyMap<number, number>): ModuleBox[] {
  const out: ModuleBox[] = [];
  for (const g of groups) {
    if (g.members.every((id) => hidden.get(id) === g.id)) continue;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of g.members) {
      const p = placed.positions.get(hidden.get(id) ?? id);
      if (!p) continue;
      x0 = Math.min(x0, p.x - p.width / 2);
      x1 = Math.max(x1, p.x + p.width / 2);
      y0 = Math.min(y0, p.y - p.height / 2);
      y1 = Math.max(y1, p.y + p.height / 2);
    }
    if (x0 === Infinity) continue;
    // a nested box's top border is a tab's height above its inner one's, so tabs on both borders clear each other
    const pad = 10 + 12 * g.level;
    const top = 26 + (MODULE_TAB_HEIGHT + 2) * g.level;
    out.push({ id: g.id, label: g.label, members: g.members, x0: x0 - pad, y0: y0 - top, x1: x1 + pad, y1: y1 + pad });
  }
  return out;
}

/** The folded groups that no other folded group holds (folding fc1 inside a folded model is moot). */
export function outermostFolded(groups: ModuleGroup[], folded: ReadonlySet<number>): ModuleGroup[] {
  const chosen = groups.filter((g) => folded.has(g.id));
  return chosen.filter((g) => !chosen.some((o) => o !== g && o.members.length > g.members.length && g.members.every((m) => o.members.includes(m))));
}
