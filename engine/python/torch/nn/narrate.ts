// What a module call tells the view: module/entered and module/exited around each forward, with
// the module's path in the outermost module being called (named_modules()'s names), and, when the
// outermost call starts, the names of its parameters and buffers (named_parameters()'s) where they
// changed. Paths are found by walking the modules' own dicts (_modules, _parameters, _buffers), not
// by running Python, so narrating costs no program steps.
import type { Runtime } from "../../../runtime.ts";
import { instanceDict } from "../../attributes.ts";
import { PyDict, PyList, PyObj, PyTuple, type PyValue, typeName } from "../../values.ts";
import { isTensor } from "../convert.ts";

interface OpenCall {
  call: number;
  module: PyValue;
  /** module -> its path in the outermost module of this call (shared by the calls inside it) */
  paths: Map<PyValue, string>;
  path: string | null;
}

/** the dict a module keeps under `name` (_modules, _parameters, _buffers), or null */
function memberDict(module: PyValue, name: string): PyDict | null {
  const d = instanceDict(module)?.table.get(name);
  return d instanceof PyDict ? d : null;
}

export class ModuleNarrator {
  private readonly open: OpenCall[] = [];
  private nextCall = 1;
  /** tensor id -> the name last narrated for it */
  private readonly named = new Map<number, string>();

  constructor(private readonly rt: Runtime) {}

  enter(module: PyValue): number {
    const call = this.nextCall++;
    const outer = this.open.at(-1);
    let paths: Map<PyValue, string>;
    if (!outer) {
      paths = this.pathsOf(module);
      this.nameMembers(paths);
    } else paths = outer.paths;
    const path = paths.get(module) ?? null;
    this.open.push({ call, module, paths, path });
    if (this.rt.sink)
      this.rt.emit({ kind: "module/entered", call, parent: outer?.call ?? null, path, module: typeName(module), span: this.rt.span });
    return call;
  }

  exit(call: number, result: PyValue): void {
    const at = this.open.findIndex((c) => c.call === call);
    if (at < 0) return;
    // calls left open inside this one (an exception went past them) close with it
    for (const c of this.open.splice(at).reverse())
      if (this.rt.sink) this.rt.emit({ kind: "module/exited", call: c.call, outputs: c.call === call ? tensorIds(result) : [] });
  }

  /** the path and class of a module whose call is open (null path when it is not inside one) */
  whereIs(module: PyValue): { path: string | null; module: string } {
    const c = this.open.findLast((o) => o.module === module);
    return { path: c?.path ?? null, module: typeName(module) };
  }

  /** every submodule's path, as named_modules() walks them (the first path to a shared one wins) */
  private pathsOf(root: PyValue): Map<PyValue, string> {
    const paths = new Map<PyValue, string>();
    const walk = (m: PyValue, prefix: string): void => {
      if (paths.has(m)) return;
      paths.set(m, prefix);
      const children = memberDict(m, "_modules");
      if (!children) return;
      for (const [name, child] of children.table.entries())
        if (child instanceof PyObj && typeof name === "string") walk(child, prefix ? `${prefix}.${name}` : name);
    };
    walk(root, "");
    return paths;
  }

  /** narrates the names of parameters and buffers that are new or renamed */
  private nameMembers(paths: Map<PyValue, string>): void {
    if (!this.rt.sink) return;
    const names: { tensor: number; name: string }[] = [];
    const seen = new Set<number>();
    for (const kind of ["_parameters", "_buffers"])
      for (const [module, prefix] of paths) {
        const members = memberDict(module, kind);
        if (!members) continue;
        for (const [key, t] of members.table.entries()) {
          if (!isTensor(t) || typeof key !== "string" || seen.has(t.id)) continue;
          seen.add(t.id);
          const name = prefix ? `${prefix}.${key}` : key;
          if (this.named.get(t.id) === name) continue;
          this.named.set(t.id, name);
          names.push({ tensor: t.id, name });
        }
      }
    if (names.length) this.rt.emit({ kind: "params/named", names });
  }
}

/** the tensors a forward returned: one, or those in a tuple or list */
function tensorIds(v: PyValue): number[] {
  if (isTensor(v)) return [v.id];
  if (v instanceof PyTuple || v instanceof PyList) return v.items.filter(isTensor).map((t) => t.id);
  return [];
}
