// What the memory view is told about Python values: tensors by id (the host's describe),
// instances of the program's own classes as objects — an object/created event with their
// attributes the first time one is seen, object/attr as attributes change — and any other value
// by its repr. Narration never runs the program's own code (a __repr__ that prints would print
// twice), so values are shown with the builtin types' reprs.
import type { BindingValue, ObjectAttr, TraceEvent } from "../events.ts";
import { userClass } from "./dunder.ts";
import { reprOptions, pyRepr } from "./repr.ts";
import { PyDict, PyInstance, PyList, PyTuple, type PyValue, typeName } from "./values.ts";

/** objects followed in one run; past this they are shown by repr (a run making millions of
 *  small objects would otherwise narrate each one) */
const MAX_OBJECTS = 20_000;
/** attributes listed for one object */
const MAX_ATTRS = 100;

export class Narrator {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;

  constructor(
    private readonly sink: (e: TraceEvent) => void,
    private readonly describeHost?: (v: PyValue) => BindingValue | undefined,
  ) {}

  describe(v: PyValue): BindingValue {
    const d = this.describeHost?.(v);
    if (d) return d;
    if (v instanceof PyInstance && v.dict && userClass(v)) {
      const seen = this.ids.get(v);
      if (seen !== undefined) return { type: "object", id: seen, cls: v.cls.qualName };
      if (this.next <= MAX_OBJECTS) return { type: "object", id: this.follow(v), cls: v.cls.qualName };
    }
    const wasUserCode = reprOptions.userCode;
    reprOptions.userCode = false;
    try {
      // a binding inside a loop that grows a big container would otherwise cost O(n) per event,
      // and a long string's repr, of which 400 characters are kept, only needs its start
      const size = v instanceof PyList || v instanceof PyTuple ? v.items.length : v instanceof PyDict ? v.table.size : 0;
      let repr = size > 200 ? `<${typeName(v)} of ${size} items>` : typeof v === "string" && v.length > 1000 ? pyRepr(v.slice(0, 1000)) : pyRepr(v);
      if (repr.length > 400) repr = repr.slice(0, 397) + "...";
      return { type: "value", repr, pyType: typeName(v) };
    } finally {
      reprOptions.userCode = wasUserCode;
    }
  }

  /** the object gets an id and its object/created event (attributes holding objects not yet
   *  seen are created first, so every id an event names is known by then) */
  private follow(v: PyInstance): number {
    const id = this.next++;
    this.ids.set(v, id);
    const attrs: ObjectAttr[] = [];
    for (const [k, x] of v.dict!.table.entries()) {
      if (typeof k !== "string") continue;
      if (attrs.length >= MAX_ATTRS) break;
      attrs.push({ name: k, value: this.describe(x) });
    }
    this.sink({ kind: "object/created", object: id, cls: v.cls.qualName, attrs });
    return id;
  }

  /** an attribute of `obj` was set (or deleted: undefined) */
  attrChanged(obj: PyValue, name: string, value: PyValue | undefined): void {
    if (typeof obj !== "object" || obj === null) return;
    const id = this.ids.get(obj);
    if (id === undefined) return;
    this.sink({ kind: "object/attr", object: id, name, value: value === undefined ? null : this.describe(value) });
  }
}
