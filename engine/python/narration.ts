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
import { Tensor } from "../tensor.ts";
import { reprPrefix } from "./repr.ts";
import { type PyClass, PyDict, PyInstance, PyList, PySet, PyTuple, type PyValue, containerVersion, typeName } from "./values.ts";

/** objects followed in one run; past this they are shown by repr (a run making millions of
 *  small objects would otherwise narrate each one) */
const MAX_OBJECTS = 20_000;
/** attributes listed for one object */
const MAX_ATTRS = 100;
/** a list, tuple, set or dict of at most this many items points at the objects it holds */
const MAX_REF_ITEMS = 16;

/** containers held by names and attributes that are checked for changes at each statement (the
 *  most recently set or changed ones: `d = {}` then `d[k] = v`, `self.layers = []` then
 *  `self.layers.append(...)`) */
const MAX_WATCHED = 64;

/** a name or an attribute holding a list, dict or set, and the container's version when it was
 *  last narrated (every change in place bumps it: append, d[k] = v, sort, set.add...), with the
 *  containers and tensors inside it whose text its own shows (`groups[3].append(w)`, a tensor in
 *  a dict changed in place) */
interface Watched {
  /** the object whose attribute it is, or the scope whose name it is */
  owner: number | string;
  name: string;
  container: PyList | PyDict | PySet;
  version: number;
  inner: Inner[];
}

type Mutable = PyList | PyDict | PySet;
/** a container or tensor inside a watched one, and its version then */
interface Inner {
  of: Mutable | Tensor;
  version: number;
}
/** inner containers and tensors followed per watched container, and items looked at to find them
 *  (a container's text is at most 400 characters: what lies further is not shown anyway) */
const MAX_INNER = 16;
const MAX_LOOKED = 140;

const versionOf = (v: Mutable | Tensor): number => (v instanceof Tensor ? v.version + v.storage.dataWrites : containerVersion(v));

function itemsOf(v: PyValue): Iterable<PyValue> | null {
  if (v instanceof PyList || v instanceof PyTuple) return v.items;
  if (v instanceof PyDict) return [...v.table.entries()].flat(); // in the order its text shows them
  if (v instanceof PySet) return v.table.values();
  return null;
}

/** the containers and tensors inside `c` whose changes change its text (depth first, bounded) */
function innerOf(c: Mutable): Inner[] {
  if (itemCount(c) > 200) return []; // its text is its size only
  const inner: Inner[] = [];
  const seen = new Set<object>([c]);
  const stack: PyValue[] = [c];
  let looked = 0;
  while (stack.length && inner.length < MAX_INNER && looked < MAX_LOOKED) {
    const items = itemsOf(stack.pop()!);
    if (!items) continue;
    for (const x of items) {
      if (++looked > MAX_LOOKED || typeof x !== "object" || x === null || seen.has(x)) continue;
      seen.add(x);
      if (x instanceof Tensor || x instanceof PyList || x instanceof PyDict || x instanceof PySet) {
        inner.push({ of: x, version: versionOf(x) });
        if (inner.length >= MAX_INNER) break;
      }
      if (!(x instanceof Tensor)) stack.push(x);
    }
  }
  return inner;
}

function itemCount(v: PyValue): number {
  return v instanceof PyList || v instanceof PyTuple ? v.items.length : v instanceof PyDict || v instanceof PySet ? v.table.size : 0;
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

/** What the memory view shows for a value it draws by its text: the builtin repr (never the
 *  program's own __repr__), at most 400 characters; a container of more than 200 items by its
 *  size (a binding inside a loop that grows a big container would otherwise cost O(n) per event),
 *  and a long string's repr made from its start only. */
export function valueText(v: PyValue): string {
  const size = itemCount(v);
  const repr = size > 200 ? `<${typeName(v)} of ${size} items>` : reprPrefix(v, 401);
  return repr.length > 400 ? repr.slice(0, 397) + "..." : repr;
}

export class Narrator {
  private readonly ids = new WeakMap<object, number>();
  /** a Module's _parameters/_buffers/_modules dict -> the module's id and the dict's name */
  private readonly memberOf = new WeakMap<PyDict, { id: number; member: Member }>();
  private next = 1;
  /** least recently set or changed first */
  /** by owner and name, oldest first (a Map keeps the order keys were set in) */
  private watched = new Map<string, Watched>();

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
    const items = v instanceof PyList || v instanceof PyTuple ? v.items : null;
    const size = items ? items.length : v instanceof PyDict ? v.table.size : v instanceof PySet ? v.table.size : 0;
    const objects = size > 0 && size <= MAX_REF_ITEMS ? this.held(v) : undefined;
    const repr = valueText(v);
    return objects ? { type: "value", repr, pyType: typeName(v), objects } : { type: "value", repr, pyType: typeName(v) };
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

  /** an attribute (owner: the object's id) or a name (owner: its scope) now holds `value`: a
   *  list, dict or set is watched for changes in place */
  private watch(owner: number | string, name: string, value: PyValue | undefined): void {
    const key = typeof owner === "number" ? `${owner}.${name}` : `${owner}:${name}`;
    // (deleted first: set again, it goes to the end as the most recent)
    if (this.watched.size > 0) this.watched.delete(key);
    if (!(value instanceof PyList || value instanceof PyDict || value instanceof PySet)) return;
    this.watched.set(key, { owner, name, container: value, version: containerVersion(value), inner: innerOf(value) });
    if (this.watched.size > MAX_WATCHED) this.watched.delete(this.watched.keys().next().value!);
  }

  /** a name was bound (binding/set narrated it) or deleted (undefined) */
  bound(scope: string, name: string, value: PyValue | undefined): void {
    this.watch(scope, name, value);
  }

  /** a frame's names are gone (frame/exited) */
  scopeExited(scope: string): void {
    for (const [key, w] of this.watched) if (w.owner === scope) this.watched.delete(key);
  }

  /** before each statement of the program: a watched container changed in place since it was
   *  narrated is narrated again, as its attribute (object/attr) or its name (binding/set), with
   *  inPlace */
  statement(): void {
    if (this.watched.size === 0) return;
    let changed: Watched[] | null = null;
    for (const w of this.watched.values())
      if (containerVersion(w.container) !== w.version || w.inner.some((x) => versionOf(x.of) !== x.version)) (changed ??= []).push(w);
    if (!changed) return;
    for (const w of changed) {
      // watched anew at the end: recently changed ones are kept longest
      if (typeof w.owner === "number") this.emitAttr(w.owner, w.name, w.container, undefined, true);
      else {
        this.watch(w.owner, w.name, w.container);
        this.sink({ kind: "binding/set", name: w.name, scope: w.owner, value: this.describe(w.container), inPlace: true });
      }
    }
  }
}
