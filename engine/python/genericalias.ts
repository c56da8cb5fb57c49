// `list[int]`, `dict[str, float]`, `tuple[int, ...]`: the builtin containers subscripted in
// annotations give a types.GenericAlias that prints as written, as in CPython 3.9+.
import { pyRepr } from "./repr.ts";
import { Ellipsis, PyClass, PyObj, PyTuple, type PyValue, objectClass } from "./values.ts";

const SUBSCRIPTABLE = new Set(["list", "dict", "tuple", "set", "frozenset", "type"]);
const genericAliasClass = new PyClass("GenericAlias", objectClass, undefined, "types");

/** a type's name as GenericAlias prints it: builtins bare, others with their module */
function typeRepr(v: PyValue): string {
  if (v === Ellipsis) return "...";
  if (v instanceof PyClass) return v.qualname;
  return pyRepr(v);
}

export class GenericAlias extends PyObj {
  constructor(
    readonly origin: PyClass,
    readonly args: PyValue[],
  ) {
    super();
  }
  get cls(): PyClass {
    return genericAliasClass;
  }
  override reprText(): string {
    return `${typeRepr(this.origin)}[${this.args.length ? this.args.map(typeRepr).join(", ") : "()"}]`;
  }
}

/** cls[index] for a builtin class that takes it, else undefined */
export function builtinClassGetItem(cls: PyClass, index: PyValue): GenericAlias | undefined {
  if (cls.user || !SUBSCRIPTABLE.has(cls.name) || cls.module !== "builtins") return undefined;
  return new GenericAlias(cls, index instanceof PyTuple ? index.items : [index]);
}
