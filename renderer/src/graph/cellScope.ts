// The graph a lesson cell works on: every connected graph that the cell touches (nodes made since
// the cell started, nodes named by a name the cell's code uses, nodes the running step lights up);
// earlier cells' unrelated graphs are left out, and counted so the view can offer them back.

import type { GraphModel, GraphNodeView } from "./graphModel.ts";

export interface CellScope {
  model: GraphModel;
  /** connected graphs left out */
  hidden: number;
}

/** The Python identifiers a cell's code uses (the names it can touch a graph through). */
export function identifiersOf(code: string): Set<string> {
  return new Set(code.replace(/#.*$/gm, "").match(/[A-Za-z_]\w*/g) ?? []);
}

/** "x.grad" and "g[0]" are reached through x and g. */
const rootName = (name: string): string => /^[A-Za-z_]\w*/.exec(name)?.[0] ?? name;

function anchored(n: GraphNodeView, since: number, names: ReadonlySet<string>): boolean {
  return (
    n.bornAt > since ||
    n.status !== "idle" ||
    n.error ||
    !!n.accumulation ||
    !!n.result ||
    !!n.sum ||
    n.names.some((name) => names.has(rootName(name)))
  );
}

/** The connected graphs of `model` with a node the cell touches; everything when none does. */
export function cellScope(model: GraphModel, since: number, names: ReadonlySet<string>): CellScope {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; parent.get(y) !== r; ) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const n of model.nodes) parent.set(n.id, n.id);
  for (const e of model.edges) if (parent.has(e.source) && parent.has(e.target)) parent.set(find(e.source), find(e.target));
  const kept = new Set<number>();
  for (const n of model.nodes) if (anchored(n, since, names)) kept.add(find(n.id));
  const roots = new Set(model.nodes.map((n) => find(n.id)));
  if (kept.size === 0 || kept.size === roots.size) return { model, hidden: 0 };
  const nodes = model.nodes.filter((n) => kept.has(find(n.id)));
  const ids = new Set(nodes.map((n) => n.id));
  return { model: { nodes, edges: model.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) }, hidden: roots.size - kept.size };
}

/** cellScope that hands back its last answer while the model, the start and the names are the same. */
export function createCellScope(): (model: GraphModel, since: number, names: ReadonlySet<string>) => CellScope {
  let last: { model: GraphModel; since: number; names: ReadonlySet<string>; out: CellScope } | null = null;
  return (model, since, names) => {
    if (!last || last.model !== model || last.since !== since || last.names !== names) last = { model, since, names, out: cellScope(model, since, names) };
    return last.out;
  };
}
