// Random programs about classes: a small hierarchy (single and multiple inheritance, some MROs
// C3 refuses), each class defining a random subset of special methods whose bodies return a tag,
// NotImplemented, a wrong type, or defer to super(); then operators, comparisons, builtins and
// attribute access between instances and builtin values, each printing its result or the
// exception. The same seed gives the same programs: fixtures/class_fuzz.txt is written from them
// (write_class_fuzz.ts) and recorded by CPython (record_class_fuzz.py), the test compares.
import fc from "fast-check";

export const CLASS_FUZZ_SEED = 20_261_204;
export const CLASS_FUZZ_RUNS = 250;

const BINARY = [
  ["+", "add"],
  ["-", "sub"],
  ["*", "mul"],
  ["/", "truediv"],
  ["//", "floordiv"],
  ["%", "mod"],
  ["**", "pow"],
  ["@", "matmul"],
  ["&", "and"],
  ["|", "or"],
] as const;
const COMPARE = [
  ["==", "eq"],
  ["!=", "ne"],
  ["<", "lt"],
  ["<=", "le"],
  [">", "gt"],
  [">=", "ge"],
] as const;

type Method = { name: string; body: string };

const tagBody = (cls: string, name: string) => `return "${cls}.${name}(" + type(o).__name__ + ")"`;

/** one special method of class `cls` */
function method(cls: string): fc.Arbitrary<Method> {
  const binaryName = fc.constantFrom(...BINARY.flatMap(([, n]) => [`__${n}__`, `__r${n}__`, `__i${n}__`]));
  const compareName = fc.constantFrom(...COMPARE.map(([, n]) => `__${n}__`));
  const withOther = (name: fc.Arbitrary<string>) =>
    fc.tuple(name, fc.constantFrom("tag", "tag", "notimpl", "super", "self", "bool")).map(([n, kind]) => ({
      name: n,
      body:
        kind === "tag"
          ? tagBody(cls, n)
          : kind === "notimpl"
            ? "return NotImplemented"
            : kind === "super"
              ? `return super().${n}(o)`
              : kind === "self"
                ? "return self"
                : "return True",
    }));
  return fc.oneof(
    withOther(binaryName),
    withOther(compareName),
    fc.constantFrom<Method>(
      { name: "__neg__", body: `return "${cls}.neg"` },
      { name: "__invert__", body: "return 7" },
      { name: "__abs__", body: `return "${cls}.abs"` },
      { name: "__bool__", body: "return False" },
      { name: "__bool__", body: "return 1" },
      { name: "__len__", body: "return 3" },
      { name: "__len__", body: "return -1" },
      { name: "__len__", body: "return 'x'" },
      { name: "__hash__", body: "return 12345" },
      { name: "__hash__", body: "return 2 ** 70" },
      { name: "__hash__", body: "return 'h'" },
      { name: "__repr__", body: `return "<${cls} r>"` },
      { name: "__repr__", body: "return 5" },
      { name: "__str__", body: `return "${cls} as str"` },
      { name: "__contains__", body: "return o == 1" },
      // the old iteration protocol stops at the IndexError of [][o] (o == 3)
      { name: "__getitem__", body: `return ("${cls}[" + repr(o) + "]") if o != 3 else [][o]` },
      { name: "__getitem__", body: "return [10, 20, 30][o]" },
      { name: "__iter__", body: "return iter([1, 2])" },
      { name: "__iter__", body: "return 5" },
      { name: "__call__", body: `return "${cls} called"` },
      { name: "__index__", body: "return 2" },
      { name: "__int__", body: "return 9" },
      { name: "__float__", body: "return 1.5" },
      { name: "__format__", body: `return "${cls}:" + o` },
      { name: "__getattr__", body: `return "${cls}.missing " + o` },
    ),
  );
}

interface ClassSpec {
  name: string;
  bases: number[];
  methods: Method[];
  hashNone: boolean;
  attr: boolean;
}

function classSpec(i: number): fc.Arbitrary<ClassSpec> {
  const name = `K${i}`;
  return fc.record({
    name: fc.constant(name),
    bases: i === 0 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { maxLength: 2 }),
    methods: fc.array(method(name), { minLength: 1, maxLength: 5 }),
    hashNone: fc.boolean(),
    attr: fc.boolean(),
  });
}

function classSource(c: ClassSpec): string {
  const bases = c.bases.length ? `(${c.bases.map((b) => `K${b}`).join(", ")})` : "";
  const lines = [`class ${c.name}${bases}:`, `    label = "${c.name}"`];
  if (c.hashNone) lines.push("    __hash__ = None");
  if (c.attr) lines.push("    def __init__(self):", `        self.v = "${c.name}.v"`);
  const seen = new Set<string>();
  for (const m of c.methods) {
    if (seen.has(m.name)) continue;
    seen.add(m.name);
    const param = ["__neg__", "__invert__", "__abs__", "__bool__", "__len__", "__hash__", "__repr__", "__str__", "__iter__", "__call__", "__index__", "__int__", "__float__"].includes(m.name) ? "self" : "self, o";
    lines.push(`    def ${m.name}(${param}):`, `        ${m.body}`);
  }
  // a hierarchy C3 cannot linearize ends this class's statement, not the program
  return ["try:", ...lines.map((l) => `    ${l}`), "except TypeError as e:", `    print("class ${c.name}:", e)`, `    class ${c.name}:`, `        label = "${c.name} (plain)"`].join("\n");
}

const OPERAND = ["1", "2.5", "'s'", "[1]", "None", "True"];

function operation(n: number): fc.Arbitrary<string> {
  const inst = fc.integer({ min: 0, max: n - 1 }).map((i) => `x${i}`);
  const any = fc.oneof(inst, inst, fc.constantFrom(...OPERAND));
  return fc.oneof(
    fc.tuple(any, fc.constantFrom(...BINARY.map(([op]) => op)), any).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(inst, fc.constantFrom(...COMPARE.map(([op]) => op)), any).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(any, fc.constantFrom(...COMPARE.map(([op]) => op)), inst).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom("-", "~", "not "), inst).map(([op, a]) => `${op}${a}`),
    fc.tuple(fc.constantFrom("bool", "len", "hash", "abs", "repr", "str", "list", "int", "float", "callable", "iter"), inst).map(([f, a]) =>
      f === "hash" ? `hash(${a}) == hash(${a})` : f === "iter" ? `type(iter(${a})).__name__` : `${f}(${a})`,
    ),
    fc.tuple(any, inst).map(([a, b]) => `${a} in ${b}`),
    fc.tuple(inst, fc.constantFrom("0", "1", "'k'", "-1")).map(([a, i]) => `${a}[${i}]`),
    fc.tuple(inst, fc.constantFrom("v", "label", "nothing", "__class__.__name__")).map(([a, f]) => `${a}.${f}`),
    inst.map((a) => `${a}()`),
    inst.map((a) => `[10, 20, 30, 40][${a}]`),
    inst.map((a) => `f"{${a}:>4}"`),
    inst.map((a) => `{${a}: 1}[${a}]`),
    fc.tuple(inst, inst).map(([a, b]) => `(isinstance(${a}, type(${b})), issubclass(type(${a}), type(${b})))`),
    inst.map((a) => `[k.__name__ for k in type(${a}).__mro__]`),
    fc.tuple(inst, fc.constantFrom(...BINARY.slice(0, 4).map(([op]) => op)), any).map(([a, op, b]) => `aug(${a}, "${op}", ${b})`),
  );
}

/** one whole program */
export const classProgram: fc.Arbitrary<string> = fc
  .integer({ min: 2, max: 4 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => classSpec(i))),
      fc.array(operation(n), { minLength: 8, maxLength: 16 }),
    ),
  )
  .map(([classes, ops]) =>
    [
      "def show(f):",
      "    try:",
      "        print(repr(f()))",
      "    except Exception as e:",
      "        print(type(e).__name__ + ':', e)",
      "",
      "def aug(a, op, b):",
      "    before = a",
      "    if op == '+':",
      "        a += b",
      "    elif op == '-':",
      "        a -= b",
      "    elif op == '*':",
      "        a *= b",
      "    else:",
      "        a /= b",
      "    return a, a is before",
      "",
      ...classes.map(classSource),
      "",
      ...classes.map((c, i) => `show(lambda: K${i}.label)\ntry:\n    x${i} = K${i}()\nexcept TypeError as e:\n    print("K${i}():", e)\n    x${i} = None`),
      ...ops.map((o) => `show(lambda: ${o})`),
      "",
    ].join("\n"),
  );

/** the recorded programs, as the fixture names them */
export function classFuzzPrograms(): [string, string][] {
  return fc.sample(classProgram, { seed: CLASS_FUZZ_SEED, numRuns: CLASS_FUZZ_RUNS }).map((src, i) => [`p${String(i).padStart(3, "0")}`, src]);
}
