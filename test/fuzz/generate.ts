// Programs for the differential fuzzer: short PyTorch scripts a learner might write — leaves
// with requires_grad, elementwise ops, reductions, matrix products, views, in-place ops,
// indexing, no_grad blocks, backward / autograd.grad (also create_graph and retain_graph),
// .grad handling, caught and uncaught errors — ending in one line that prints every leaf's
// gradient. fast-check supplies a list of numbers; `programFrom` reads its decisions from it,
// so fast-check's shrinking shortens a failing program. Shapes are tracked so that most
// programs run far enough to reach a backward pass; a few ops are meant to fail.
import fc from "fast-check";

type DType = "float32" | "float64";

interface Var {
  name: string;
  shape: number[];
  dtype: DType;
  requiresGrad: boolean;
  leaf: boolean;
  /** a view of a leaf that requires grad (in-place on it raises) */
  leafView?: boolean;
  /** made before a backward that freed the graph it belongs to */
  freed?: boolean;
  /** a leaf whose .grad has been filled */
  hasGrad?: boolean;
}

/** numbers whose sums and products float32 holds exactly, zero and negatives included */
const NICE = ["-2.", "-1.5", "-1.", "-0.5", "-0.25", "0.", "0.25", "0.5", "1.", "1.5", "2.", "3."];
const SHAPES: number[][] = [[], [3], [4], [2, 3], [3, 2], [2, 2], [2, 1], [1, 3]];

/** decisions read from fast-check's numbers; past their end, from a generator seeded by them */
class Decisions {
  private i = 0;
  private state: number;
  constructor(private readonly seq: readonly number[]) {
    this.state = seq.reduce((h, x) => (h * 31 + x) >>> 0, 7) || 1;
  }
  int(n: number): number {
    if (this.i < this.seq.length) return this.seq[this.i++] % n;
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return (this.state >>> 8) % n;
  }
  chance(percent: number): boolean {
    return this.int(100) < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const numel = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

class Builder {
  readonly lines: string[] = [];
  readonly vars: Var[] = [];
  readonly leaves: Var[] = [];
  private count = 0;
  private indent = "";

  constructor(private readonly d: Decisions) {}

  emit(line: string): void {
    this.lines.push(this.indent + line);
  }

  fresh(): string {
    return `v${this.count++}`;
  }

  literal(shape: readonly number[]): string {
    if (shape.length === 0) return this.d.pick(NICE);
    const [n, ...rest] = shape;
    return `[${Array.from({ length: n }, () => this.literal(rest)).join(", ")}]`;
  }

  leaf(name: string): Var {
    const shape = this.d.pick(SHAPES);
    const dtype: DType = this.d.chance(15) ? "float64" : "float32";
    const requiresGrad = this.d.chance(85);
    const dt = dtype === "float64" ? ", dtype=torch.float64" : "";
    const rg = requiresGrad ? ", requires_grad=True" : "";
    const how = this.d.int(10);
    const dims = shape.join(", ");
    if (how < 6 || shape.length === 0) this.emit(`${name} = torch.tensor(${this.literal(shape)}${dt}${rg})`);
    else if (how < 8) this.emit(`${name} = torch.randn(${dims}${dt}${rg})`);
    else if (how < 9) this.emit(`${name} = torch.arange(${numel(shape)}${dtype === "float64" ? ", dtype=torch.float64" : "."}).reshape(${dims})${requiresGrad ? ".requires_grad_()" : ""}`);
    else this.emit(`${name} = torch.full((${dims}${shape.length === 1 ? "," : ""}), ${this.d.pick(NICE)}${dt}${rg})`);
    const v: Var = { name, shape, dtype, requiresGrad, leaf: true };
    this.vars.push(v);
    if (requiresGrad) this.leaves.push(v);
    return v;
  }

  pickVar(filter: (v: Var) => boolean = () => true): Var | null {
    const ok = this.vars.filter(filter);
    return ok.length ? this.d.pick(ok) : null;
  }

  derived(expr: string, like: Var, shape: number[], requiresGrad = like.requiresGrad, dtype = like.dtype, view = false): Var {
    const v: Var = { name: this.fresh(), shape, dtype, requiresGrad, leaf: !requiresGrad, leafView: view && (like.leafView || (like.leaf && like.requiresGrad)) };
    this.emit(`${v.name} = ${expr}`);
    this.vars.push(v);
    return v;
  }

  // ---- statements ----

  unary(): void {
    const x = this.pickVar();
    if (!x) return;
    const op = this.d.pick([
      "torch.exp(X)", "torch.tanh(X)", "torch.sigmoid(X)", "torch.relu(X)", "torch.sin(X)", "torch.cos(X)",
      "X.abs()", "-X", "X.neg()", "torch.log(X.abs() + 1)", "torch.sqrt(X.abs())", "X ** 2", "X ** 3", "X.pow(0.5)",
      "X.clamp(min=-0.5, max=1)", "X.clamp(min=0)", "torch.square(X)", "1 / (X.abs() + 1)", "X.exp().log()",
      "X.sign()", "X.floor()", "torch.erf(X)", "torch.log1p(X.abs())", "X.reciprocal()", "torch.rsqrt(X.abs() + 1)",
      "torch.log(X)", "torch.sqrt(X)", "X.mul(2).sub(1)", "X.detach()", "X.clone()", "X.double()", "X.float()",
    ]);
    const expr = op.replaceAll("X", x.name);
    const dtype = op.includes(".double()") ? "float64" : op.includes(".float()") ? "float32" : x.dtype;
    this.derived(expr, x, x.shape.slice(), op.includes("detach") ? false : x.requiresGrad, dtype);
  }

  binary(): void {
    const a = this.pickVar();
    if (!a) return;
    const wrong = this.d.chance(5);
    const b = wrong ? this.pickVar() : this.pickVar((v) => broadcast(a.shape, v.shape) !== null);
    const op = this.d.pick(["+", "-", "*", "/", "max", "min", "pow", "where", "lerp", "scalar"]);
    if (!b || op === "scalar") {
      const k = this.d.pick(NICE);
      const form = this.d.pick([`${a.name} * ${k}`, `${k} - ${a.name}`, `${a.name} + ${k}`, `${a.name} / 2`, `2 ** ${a.name}`, `${a.name}.add(${k}, alpha=2)`]);
      this.derived(form, a, a.shape.slice());
      return;
    }
    const shape = broadcast(a.shape, b.shape) ?? a.shape.slice();
    const rg = a.requiresGrad || b.requiresGrad;
    const dtype = a.dtype === "float64" || b.dtype === "float64" ? "float64" : "float32";
    const expr =
      op === "max" ? `torch.maximum(${a.name}, ${b.name})`
      : op === "min" ? `torch.minimum(${a.name}, ${b.name})`
      : op === "pow" ? `${a.name}.abs() ** ${b.name}`
      : op === "where" ? `torch.where(${a.name} > ${b.name}, ${a.name}, ${b.name} * 2)`
      : op === "lerp" ? `torch.lerp(${a.name}, ${b.name}, 0.25)`
      : `${a.name} ${op} ${b.name}`;
    this.derived(expr, a, shape, rg, dtype);
  }

  reduce(): void {
    const x = this.pickVar((v) => v.shape.length > 0) ?? this.pickVar();
    if (!x) return;
    if (x.shape.length === 0 || this.d.chance(40)) {
      const op = this.d.pick(["sum()", "mean()", "prod()", "max()", "min()", "norm()", "std()", "var()", "logsumexp(0)", "abs().sum()"]);
      const shape = op === "logsumexp(0)" && x.shape.length > 1 ? x.shape.slice(1) : [];
      this.derived(`${x.name}.${op}`, x, shape);
      return;
    }
    const dim = this.d.int(x.shape.length) - (this.d.chance(30) ? x.shape.length : 0);
    const at = dim < 0 ? dim + x.shape.length : dim;
    const keep = this.d.chance(30);
    const op = this.d.pick(["sum", "mean", "prod", "max", "min", "softmax", "log_softmax", "cumsum", "std", "logsumexp", "norm", "argmax"]);
    const kept = keep ? x.shape.map((s, i) => (i === at ? 1 : s)) : x.shape.filter((_, i) => i !== at);
    if (op === "softmax" || op === "log_softmax" || op === "cumsum") {
      this.derived(`${op === "cumsum" ? `${x.name}.cumsum` : `torch.${op}`}(${op === "cumsum" ? "" : `${x.name}, `}dim=${dim})`, x, x.shape.slice());
    } else if (op === "max" || op === "min") {
      this.derived(`${x.name}.${op}(dim=${dim}${keep ? ", keepdim=True" : ""}).values`, x, kept);
    } else if (op === "argmax") {
      this.derived(`${x.name}.argmax(dim=${dim})`, x, x.shape.filter((_, i) => i !== at), false);
    } else if (op === "norm") {
      this.derived(`${x.name}.norm(dim=${dim}${keep ? ", keepdim=True" : ""})`, x, kept);
    } else {
      this.derived(`${x.name}.${op}(${dim}${keep ? ", keepdim=True" : ""})`, x, kept);
    }
  }

  matmul(): void {
    const a = this.pickVar((v) => v.shape.length >= 1 && v.shape.length <= 2);
    if (!a) return;
    const inner = a.shape[a.shape.length - 1];
    const sameDType = !this.d.chance(10);
    const b = this.pickVar((v) => ((v.shape.length === 1 && v.shape[0] === inner) || (v.shape.length === 2 && v.shape[0] === inner)) && (!sameDType || v.dtype === a.dtype));
    if (!b || this.d.chance(3)) {
      const other = this.pickVar((v) => v.shape.length >= 1 && v.shape.length <= 2);
      if (other) this.derived(`${a.name} @ ${other.name}.t()`, a, a.shape.slice(0, -1).concat(other.shape.length === 2 ? [other.shape[0]] : []), a.requiresGrad || other.requiresGrad);
      return;
    }
    const shape = [...a.shape.slice(0, -1), ...b.shape.slice(1)];
    const form = this.d.pick(a.shape.length === 2 && b.shape.length === 2 ? ["@", "matmul", "mm"] : ["@", "matmul", "@"]);
    const dtype = a.dtype === "float64" || b.dtype === "float64" ? "float64" : "float32";
    const expr = form === "@" ? `${a.name} @ ${b.name}` : form === "matmul" ? `torch.matmul(${a.name}, ${b.name})` : `${a.name}.mm(${b.name})`;
    this.derived(expr, a, shape, a.requiresGrad || b.requiresGrad, dtype);
  }

  view(): void {
    const x = this.pickVar();
    if (!x) return;
    const s = x.shape;
    const options: [string, number[]][] = [[`${x.name}.reshape(-1)`, [numel(s)]], [`${x.name}.unsqueeze(0)`, [1, ...s]], [`${x.name}.view(${numel(s)})`, [numel(s)]]];
    if (s.length === 2) options.push([`${x.name}.t()`, [s[1], s[0]]], [`${x.name}.transpose(0, 1)`, [s[1], s[0]]], [`${x.name}[0]`, [s[1]]], [`${x.name}[:, 0]`, [s[0]]], [`${x.name}[1:]`, [s[0] - 1, s[1]]], [`${x.name}.permute(1, 0)`, [s[1], s[0]]], [`${x.name}.flatten()`, [numel(s)]], [`${x.name}.t().contiguous().view(-1)`, [numel(s)]], [`${x.name}.unbind(0)[0]`, [s[1]]], [`${x.name}.chunk(2, 0)[0]`, [Math.ceil(s[0] / 2), s[1]]]);
    if (s.length === 1) options.push([`${x.name}[1:]`, [s[0] - 1]], [`${x.name}[::2]`, [Math.ceil(s[0] / 2)]], [`${x.name}[-1]`, []], [`${x.name}.unsqueeze(1).expand(${s[0]}, 2)`, [s[0], 2]], [`${x.name}.flip(0)`, s.slice()]);
    if (s.includes(1)) options.push([`${x.name}.squeeze()`, s.filter((d) => d !== 1)]);
    if (s.length === 0) options.push([`${x.name}.expand(3)`, [3]], [`${x.name}.reshape(1, 1)`, [1, 1]]);
    if (this.d.chance(4)) options.push([`${x.name}.view(5, -1)`, [5]], [`${x.name}[7]`, []]);
    const [expr, shape] = this.d.pick(options);
    this.derived(expr, x, shape, x.requiresGrad, x.dtype, !/contiguous|flip|expand/.test(expr));
  }

  inplace(): void {
    const allowed = (v: Var) => !(v.leaf && v.requiresGrad) && !v.leafView;
    const x = this.d.chance(10) ? this.pickVar() : this.pickVar(allowed);
    if (!x) return;
    const b = this.pickVar((v) => v !== x && broadcast(x.shape, v.shape) !== null && sameShape(broadcast(x.shape, v.shape)!, x.shape));
    const k = this.d.pick(NICE);
    const ops = [`${x.name}.add_(${k})`, `${x.name}.mul_(${k})`, `${x.name}.zero_()`, `${x.name}.clamp_(min=0)`, `${x.name}.fill_(${k})`, `${x.name}.sub_(1)`, `${x.name}.div_(2)`, `${x.name} += ${k}`, `${x.name} *= 2`];
    if (b) ops.push(`${x.name}.add_(${b.name})`, `${x.name}.mul_(${b.name})`, `${x.name}.copy_(${b.name})`, `${x.name} += ${b.name}`, `${x.name}.sub_(${b.name}, alpha=0.5)`);
    if (x.shape.length > 0) ops.push(`${x.name}[0] = ${k}`, `${x.name}[0] = ${x.name}[-1] * 2`);
    if (x.shape.length > 0 && b && b.shape.length === 0) ops.push(`${x.name}[0] = ${b.name}`);
    this.emit(this.d.pick(ops));
    if (b?.requiresGrad) x.requiresGrad = true;
  }

  backward(): void {
    const x = this.d.chance(5) ? this.pickVar((v) => v.requiresGrad) : this.pickVar((v) => v.requiresGrad && !v.freed);
    if (!x) return;
    const root = x.shape.length === 0 && this.d.chance(50) ? x.name : `${x.name}.${this.d.pick(["sum()", "mean()", "pow(2).sum()", "exp().sum()"])}`;
    const kind = this.d.int(10);
    const frees = kind < 5 || kind === 8 || (kind === 9 && false);
    for (const l of this.leaves) l.hasGrad = l.hasGrad || kind < 9;
    if (frees) for (const v of this.vars) if (!v.leaf) v.freed = true;
    if (kind < 5) this.emit(`${root}.backward()`);
    else if (kind < 7) this.emit(`${root}.backward(retain_graph=True)`);
    else if (kind < 8) this.emit(`${root}.backward(create_graph=True)`);
    else if (kind < 9 && x.shape.length > 0) this.emit(`${x.name}.backward(torch.ones_like(${x.name}))`);
    else {
      const leaves = this.leaves.filter(() => this.d.chance(60));
      if (leaves.length === 0) return;
      const create = this.d.chance(40);
      const unused = this.d.chance(40);
      const g = this.fresh();
      this.emit(`${g} = torch.autograd.grad(${root}, [${leaves.map((l) => l.name).join(", ")}]${create ? ", create_graph=True" : ""}${unused ? ", allow_unused=True" : ""})`);
      this.emit(`print(${g})`);
      if (create && !unused && this.d.chance(60)) {
        const first = leaves[0];
        this.emit(`${g}[0].sum().backward()`);
        this.emit(`print(${first.name}.grad)`);
      }
    }
  }

  grads(): void {
    const withGrad = this.leaves.filter((v) => v.hasGrad);
    const l = withGrad.length && !this.d.chance(10) ? this.d.pick(withGrad) : this.leaves.length ? this.d.pick(this.leaves) : null;
    if (!l) return;
    this.emit(this.d.pick([`${l.name}.grad.zero_()`, `${l.name}.grad = None`, `print(${l.name}.grad)`, `print(${l.name}.grad is None, ${l.name}.is_leaf, ${l.name}.requires_grad)`, `${l.name}.grad += 1`]));
  }

  misc(): void {
    const x = this.pickVar();
    if (!x) return;
    const choice = this.d.int(8);
    if (choice === 0) this.emit(`print(${x.name})`);
    else if (choice === 1) this.emit(`print(${x.name}.grad_fn.name() if ${x.name}.grad_fn is not None else None, ${x.name}.requires_grad, ${x.name}.is_leaf)`);
    else if (choice === 2) this.emit(`print(${x.name}.shape, ${x.name}.dtype, ${x.name}._version)`);
    else if (choice === 3 && x.requiresGrad) this.emit(`${x.name}.retain_grad()`);
    else if (choice === 4 && x.leaf && !x.requiresGrad && !this.d.chance(10)) {
      this.emit(`${x.name}.requires_grad_()`);
      x.requiresGrad = true;
      x.leaf = true;
      this.leaves.push(x);
    }
    else if (choice === 5) this.derived(`${x.name}.detach()`, x, x.shape.slice(), false);
    else if (choice === 6 && x.shape.length > 0) {
      const y = this.pickVar((v) => sameShape(v.shape, x.shape) && v !== x);
      const join = this.d.pick(["stack", "cat"]);
      if (y) this.derived(`torch.${join}([${x.name}, ${y.name}])`, x, join === "stack" ? [2, ...x.shape] : [x.shape[0] * 2, ...x.shape.slice(1)], x.requiresGrad || y.requiresGrad);
    } else this.emit(`print(${x.name}.tolist() if ${x.name}.dim() < 2 else ${x.name}.sum().item())`);
  }

  statement(depth = 0): void {
    const k = this.d.int(100);
    if (k < 18) this.unary();
    else if (k < 36) this.binary();
    else if (k < 48) this.reduce();
    else if (k < 56) this.matmul();
    else if (k < 66) this.view();
    else if (k < 74) this.inplace();
    else if (k < 84) this.backward();
    else if (k < 88) this.grads();
    else if (k < 94) this.misc();
    else if (depth === 0 && k < 97) this.block("with torch.no_grad():", depth);
    else if (depth === 0) this.block("try:", depth, "except Exception as e:\n    print(type(e).__name__)");
    else this.unary();
  }

  block(header: string, depth: number, after?: string): void {
    const outer = this.indent;
    this.emit(header);
    const before = this.lines.length;
    const saved = this.vars.map((v) => ({ ...v }));
    this.indent = outer + "    ";
    const n = 1 + this.d.int(2);
    for (let i = 0; i < n; i++) this.statement(depth + 1);
    if (this.lines.length === before) this.emit("pass");
    this.indent = outer;
    if (header.startsWith("with torch.no_grad"))
      for (const v of this.vars.slice(saved.length)) {
        v.requiresGrad = false;
        v.leaf = true;
      }
    if (after) for (const l of after.split("\n")) this.emit(l);
  }
}

/** One program from a list of decisions. */
export function programFrom(decisions: readonly number[]): string {
  const d = new Decisions(decisions);
  const b = new Builder(d);
  b.emit("import torch");
  b.emit(`torch.manual_seed(${d.int(1000)})`);
  const leaves = 1 + d.int(3);
  for (let i = 0; i < leaves; i++) b.leaf("abc"[i]);
  const n = 3 + d.int(9);
  for (let i = 0; i < n; i++) b.statement();
  // most programs end with a backward through several results, so gradients get compared
  const results = b.vars.filter((v) => v.requiresGrad && !v.leaf && !v.freed);
  if (results.length && d.chance(75)) {
    const used = results.filter(() => d.chance(50)).slice(0, 3);
    const terms = (used.length ? used : [results[results.length - 1]]).map((v) => `${v.name}.${d.pick(["sum()", "mean()", "pow(2).sum()", "sin().sum()"])}`);
    b.emit(`(${terms.join(" + ")}).backward()`);
  }
  const shown = b.leaves.map((l) => l.name);
  if (shown.length) b.emit(`print('grads', *[None if t.grad is None else [round(v, 4) for v in t.grad.flatten().tolist()] for t in (${shown.join(", ")}${shown.length === 1 ? "," : ""})])`);
  else b.emit("print('done')");
  return b.lines.join("\n") + "\n";
}

export const programArb: fc.Arbitrary<string> = fc.array(fc.nat({ max: 1 << 20 }), { minLength: 10, maxLength: 80 }).map(programFrom);

/** `count` programs, the same ones for the same seed (and fast-check version) */
export function samplePrograms(count: number, seed: number): string[] {
  return fc.sample(programArb, { seed, numRuns: count });
}
