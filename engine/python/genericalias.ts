// `list[int]`, `dict[str, float]`, `tuple[int, ...]`: the builtin containers subscripted in
// annotations give a types.GenericAlias that prints as written, as in CPython 3.9+.
import { pyRepr } from "./repr.ts";
import { Ellipsis, PyClass, PyObj, PyTuple, type PyValue, noneClass, objectClass } from "./values.ts";

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

const unionTypeClass = new PyClass("UnionType", objectClass, undefined, "types");

/** `int | None`: types.UnionType, its members flattened and deduplicated in order */
export class UnionType extends PyObj {
  constructor(readonly args: PyValue[]) {
    super();
  }
  get cls(): PyClass {
    return unionTypeClass;
  }
  override reprText(): string {
    return this.args.map((a) => (a === null ? "None" : typeRepr(a))).join(" | ");
  }
}

const isTypeLike = (v: PyValue): boolean => v === null || v instanceof PyClass || v instanceof GenericAlias || v instanceof UnionType;

/** a | b for types (type.__or__), else undefined */
export function typeUnion(a: PyValue, b: PyValue): PyValue | undefined {
  if (!isTypeLike(a) || !isTypeLike(b) || (a === null && b === null)) return undefined;
  const members: PyValue[] = [];
  for (const v of [a, b])
    for (const m of v instanceof UnionType ? v.args : [v]) {
      const t = m === noneClass ? null : m;
      if (!members.includes(t)) members.push(t);
    }
  return members.length === 1 ? (members[0] === null ? noneClass : members[0]) : new UnionType(members);
}
