// What the memory view is told about Python values: tensors by id (the host's describe),
// instances of the program's own classes and nn.Modules as objects — an object/created event with
// their attributes the first time one is seen, object/attr as attributes change — and any other
// value by its repr. Narration never runs the program's own code (a __repr__ that prints would
// print twice), so values are shown with the builtin types' reprs.
//
// A Module keeps its parameters, buffers and submodules in dicts (_parameters, _buffers,
// _modules) that Module.__setattr__ fills; a learner reads `model.fc1.weight`, so those dicts'
// entries are narrated as the module's own attributes, and its bookkeeping (hook dicts, training)
// is left out.
import type { BindingValue, ObjectAttr, TraceEvent } from "../events.ts";
import { hasLibrary } from "./library.ts";
import { reprOptions, pyRepr } from "./repr.ts";
import { type PyClass, PyDict, PyInstance, PyList, PySet, PyTuple, type PyValue, typeName } from "./values.ts";

/** objects followed in one run; past this they are shown by repr (a run making millions of
 *  small objects would otherwise narrate each one) */
const MAX_OBJECTS = 20_000;
/** attributes listed for one object */
const MAX_ATTRS = 100;
/** a list, tuple, set or dict of at most this many items points at the objects it holds */
const MAX_REF_ITEMS = 16;

/** containers held by attributes that are checked for changes at each statement (the most
 *  recently set or changed ones: `self.layers = []` then `self.layers.append(...)`) */
const MAX_WATCHED = 64;

/** an attribute holding a list, dict or set, and what it looked like when last narrated */
interface Watched {
  owner: number;
  name: string;
  container: PyList | PyDict | PySet;
  size: number;
  last: PyValue | undefined;
}

/** the dicts whose entries are a Module's attributes as a learner reads them */
const MEMBER_DICTS = new Set(["_parameters", "_buffers", "_modules"]);
type Member = "_parameters" | "_buffers" | "_modules";
/** what Module.__init__ sets besides them: bookkeeping no learner looks for */
const MODULE_BOOKKEEPING = new Set([
  "training",
  "_non_persistent_buffers_set",
  "_backward_pre_hooks",
  "_backward_hooks",
  "_is_full_backward_hook",
  "_forward_hooks",
  "_forward_hooks_with_kwargs",
  "_forward_hooks_always_called",
  "_forward_pre_hooks",
  "_forward_pre_hooks_with_kwargs",
  "_state_dict_hooks",
  "_state_dict_pre_hooks",
  "_load_state_dict_pre_hooks",
  "_load_state_dict_post_hooks",
]);

const moduleClasses = new WeakMap<PyClass, boolean>();
/** is `cls` torch.nn.Module or a subclass of it */
function isModuleClass(cls: PyClass): boolean {
  let known = moduleClasses.get(cls);
  if (known === undefined) {
    known = cls.mro.some((c) => c.qualName === "Module" && c.module === "torch.nn.modules.module");
    moduleClasses.set(cls, known);
  }
  return known;
}

/** drawn as a box: an instance of a class the program defined (in its script or its own files),
 *  or an nn.Module; the other classes Gradlens ships in Python (optimizers, dataclasses' Field,
 *  OrderedDict...) are shown by repr */
function followable(v: PyValue): v is PyInstance {
  if (!(v instanceof PyInstance) || !v.dict || !v.cls.user) return false;
  return !hasLibrary(v.cls.module) || isModuleClass(v.cls);
}

export class Narrator {
  private readonly ids = new WeakMap<object, number>();
  /** a Module's _parameters/_buffers/_modules dict -> the module's id and the dict's name */
  private readonly memberOf = new WeakMap<PyDict, { id: number; member: Member }>();
  private next = 1;
  /** least recently set or changed first */
  private watched: Watched[] = [];

  constructor(
    private readonly sink: (e: TraceEvent) => void,
    private readonly describeHost?: (v: PyValue) => BindingValue | undefined,
  ) {}

  describe(v: PyValue): BindingValue {
    const d = this.describeHost?.(v);
    if (d) return d;
    if (followable(v)) {
      const seen = this.ids.get(v);
      if (seen !== undefined) return { type: "object", id: seen, cls: v.cls.qualName };
      if (this.next <= MAX_OBJECTS) return { type: "object", id: this.follow(v), cls: v.cls.qualName };
    }
    // a binding inside a loop that grows a big container would otherwise cost O(n) per event,
    // and a long string's repr, of which 400 characters are kept, only needs its start
    const items = v instanceof PyList || v instanceof PyTuple ? v.items : null;
    const size = items ? items.length : v instanceof PyDict ? v.table.size : v instanceof PySet ? v.table.size : 0;
    const objects = size > 0 && size <= MAX_REF_ITEMS ? this.held(v) : undefined;
    const wasUserCode = reprOptions.userCode;
    reprOptions.userCode = false;
    try {
      let repr = size > 200 ? `<${typeName(v)} of ${size} items>` : typeof v === "string" && v.length > 1000 ? pyRepr(v.slice(0, 1000)) : pyRepr(v);
      if (repr.length > 400) repr = repr.slice(0, 397) + "...";
      return objects ? { type: "value", repr, pyType: typeName(v), objects } : { type: "value", repr, pyType: typeName(v) };
    } finally {
      reprOptions.userCode = wasUserCode;
    }
  }

  /** the followed objects a small container holds (its values, for a dict), followed now if new */
  private held(v: PyValue): number[] | undefined {
    let values: Iterable<PyValue>;
    if (v instanceof PyList || v instanceof PyTuple) values = v.items;
    else if (v instanceof PyDict) values = [...v.table.entries()].map(([, x]) => x);
    else if (v instanceof PySet) values = v.table.values();
    else return undefined;
    const ids: number[] = [];
    for (const x of values) {
      if (!followable(x)) continue;
      const id = this.ids.get(x) ?? (this.next <= MAX_OBJECTS ? this.follow(x) : undefined);
      if (id !== undefined) ids.push(id);
    }
    return ids.length ? ids : undefined;
  }

  /** the object gets an id and its object/created event (attributes holding objects not yet
   *  seen are created first, so every id an event names is known by then) */
  private follow(v: PyInstance): number {
    const id = this.next++;
    this.ids.set(v, id);
    const attrs: ObjectAttr[] = [];
    const module = isModuleClass(v.cls);
    const add = (k: PyValue, x: PyValue): void => {
      if (typeof k !== "string" || attrs.length >= MAX_ATTRS) return;
      attrs.push({ name: k, value: this.describe(x) });
      this.watch(id, k, x);
    };
    for (const [k, x] of v.dict!.table.entries()) {
      if (!module || typeof k !== "string") add(k, x);
      else if (MEMBER_DICTS.has(k)) {
        if (!(x instanceof PyDict)) continue;
        this.memberOf.set(x, { id, member: k as Member });
        for (const [name, member] of x.table.entries()) add(name, member);
      } else if (!MODULE_BOOKKEEPING.has(k)) add(k, x);
    }
    this.sink(module ? { kind: "object/created", object: id, cls: v.cls.qualName, attrs, module } : { kind: "object/created", object: id, cls: v.cls.qualName, attrs });
    return id;
  }

  /** an attribute of `obj` was set (or deleted: undefined) */
  attrChanged(obj: PyValue, name: string, value: PyValue | undefined): void {
    if (typeof obj !== "object" || obj === null) return;
    const id = this.ids.get(obj);
    if (id === undefined) return;
    if (obj instanceof PyInstance && isModuleClass(obj.cls) && (MEMBER_DICTS.has(name) || MODULE_BOOKKEEPING.has(name))) {
      // a member dict set anew (Module.__init__, Sequential's deletions): its entries are the attributes
      if (MEMBER_DICTS.has(name) && value instanceof PyDict) {
        this.memberOf.set(value, { id, member: name as Member });
        for (const [k, x] of value.table.entries()) if (typeof k === "string") this.emitAttr(id, k, x, name as Member);
      }
      return;
    }
    this.emitAttr(id, name, value);
  }

  /** d[key] = value (or del d[key]: undefined) on a dict; narrated when it is a Module's member dict */
  itemChanged(d: PyDict, key: PyValue, value: PyValue | undefined): void {
    const m = this.memberOf.get(d);
    if (m !== undefined && typeof key === "string") this.emitAttr(m.id, key, value, m.member);
  }

  private emitAttr(id: number, name: string, value: PyValue | undefined, member?: Member, inPlace = false): void {
    const described = value === undefined ? null : this.describe(value);
    this.watch(id, name, value);
    const e: TraceEvent = { kind: "object/attr", object: id, name, value: described };
    if (member) e.member = member;
    if (inPlace) e.inPlace = true;
    this.sink(e);
  }

  /** an attribute now holds `value`: a list, dict or set is watched for changes (append...) */
  private watch(owner: number, name: string, value: PyValue | undefined): void {
    const at = this.watched.findIndex((w) => w.owner === owner && w.name === name);
    if (at >= 0) this.watched.splice(at, 1);
    if (!(value instanceof PyList || value instanceof PyDict || value instanceof PySet)) return;
    this.watched.push({ owner, name, container: value, ...shapeOf(value) });
    if (this.watched.length > MAX_WATCHED) this.watched.shift();
  }

  /** before each statement of the program: a watched container that changed since it was
   *  narrated (its size, or a list's last item) is narrated again, as its attribute */
  statement(): void {
    for (let i = 0; i < this.watched.length; i++) {
      const w = this.watched[i];
      const now = shapeOf(w.container);
      if (now.size === w.size && now.last === w.last) continue;
      // emitAttr watches it anew (at the end: recently changed ones are kept longest)
      this.emitAttr(w.owner, w.name, w.container, undefined, true);
      i--;
    }
  }
}

function shapeOf(c: PyList | PyDict | PySet): { size: number; last: PyValue | undefined } {
  return c instanceof PyList ? { size: c.items.length, last: c.items[c.items.length - 1] } : { size: c.table.size, last: undefined };
}
