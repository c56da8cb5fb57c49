// Arithmetic: add, sub, rsub, mul, div, neg, pow, reciprocal — each with its backward
// formula (as derivatives.yaml writes it) and PyTorch's grad_fn name.
import { isFloating, scalarDType, scalarToNumber, type DType, type Scalar } from "../dtype.ts";
import { fromStorage, fromValues, numelOf } from "../tensor.ts";
import { powFloat32, powFloat64 } from "./sleef/index.ts";
import { pow as pow64 } from "./sleef/float64_log.ts";
import { libmPow } from "../random/libmPow.ts";
import { libmPowf } from "../random/libmPowf.ts";
import { fmaf, powf } from "./sleef/float32.ts";
import { fma } from "../random/fma.ts";
import { created } from "./create.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { wrappedNumbers } from "../autograd/node.ts";
import type { Tensor } from "../tensor.ts";
import { binaryMap, broadcastShapes, isTensor, promote, unaryMap, type Operand } from "./kernel.ts";
import { log, zerosLikeT } from "./unary.ts";
import { eq, ge, logicalAnd, where } from "./compare.ts";
import { copiedOut, dense, tangentSum, term } from "./tangent_sum.ts";
/** what a formula term reads of an operand, for the zero term's node (a Python number: nothing) */
const reads = (x: Operand): Tensor[] => (isTensor(x) ? [x] : []);

const fr = (d: DType) => (d === "float32" ? Math.fround : (x: number) => x);
const tensors = (...xs: Operand[]): (Tensor | null)[] => xs.map((x) => (isTensor(x) ? x : null));

function intDivCheck(d: DType, y: number): void {
  if (!isFloating(d) && y === 0) throw runtimeError("ZeroDivisionError");
}

/** x + alpha*y as ATen's add kernel computes it: one fused multiply-add for floats (vec::fmadd,
 *  and GCC fuses the scalar tail too), alpha cast to the tensor's dtype first */
export function addAlpha(d: DType, al: number): (x: number, y: number) => number {
  if (d === "float32") {
    const a32 = Math.fround(al);
    return (x, y) => fmaf(a32, y, x);
  }
  if (d === "float64") return (x, y) => fma(al, y, x);
  return (x, y) => x + al * y;
}

export function add(a: Operand, b: Operand, alpha: Scalar = 1): Tensor {
  const d = promote([a, b]);
  const al = Number(alpha);
  const out = binaryMap(a, b, d, d, d === "bool" ? (x, y) => (x || y ? 1 : 0) : al === 1 ? (x, y) => x + y : addAlpha(d, al), al === 1 ? "add" : undefined);
  return record(out, {
    op: "add",
    gradFn: "AddBackward0",
    inputs: tensors(a, b),
    backward: ([g]) => [g, maybeMultiply(g!, alpha)],
    jvp: ([ta, tb]) => tangentSum(out.shape, [term(ta, (t) => t), term(tb, (t) => maybeMultiply(t, alpha))]),
  });
}

const isBoolOperand = (o: Operand): boolean => (isTensor(o) ? o.dtype === "bool" : typeof o === "boolean");

/** ATen's sub_check: subtraction refuses bool operands (a Python bool is a bool tensor here too) */
export function subCheck(a: Operand, b: Operand): void {
  const boolA = isBoolOperand(a);
  const boolB = isBoolOperand(b);
  if (boolA && boolB)
    throw runtimeError(
      "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
    );
  if (boolA || boolB)
    throw runtimeError(
      "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
}

export function sub(a: Operand, b: Operand, alpha: Scalar = 1): Tensor {
  subCheck(a, b);
  return subPromoted(a, b, alpha);
}

/** a - b in their promoted dtype without sub's bool check: for kernels that subtract inside
 *  (mse_loss's forward promotes a bool target as TensorIterator does) */
export function subPromoted(a: Operand, b: Operand, alpha: Scalar = 1): Tensor {
  const d = promote([a, b]);
  const al = Number(alpha);
  const out = binaryMap(a, b, d, d, al === 1 ? (x, y) => x - y : addAlpha(d, -al), al === 1 ? "sub" : undefined);
  return record(out, {
    op: "sub",
    gradFn: "SubBackward0",
    inputs: tensors(a, b),
    backward: ([g]) => [g, maybeMultiply(neg(g!), alpha)],
    jvp: ([ta, tb]) =>
      ta && tb ? sub(ta, maybeMultiply(tb, alpha)) : ta ? copiedOut(ta, out.shape, []) : copiedOut(neg(maybeMultiply(tb!, alpha)), out.shape, [], "SubBackward0"),
  });
}

/** other - self*alpha with a Python scalar on the left: `1 - x` is RsubBackward1 */
export function rsub(self: Tensor, other: Operand, alpha: Scalar = 1): Tensor {
  subCheck(self, other);
  const d = promote([self, other]);
  const al = Number(alpha);
  // sub(other, self, alpha): other + (-alpha)·self, fused as ATen's add kernel does
  const minus = addAlpha(d, -al);
  const out = binaryMap(self, other, d, d, al === 1 ? (x, y) => y - x : (x, y) => minus(y, x));
  const isScalar = !isTensor(other);
  return record(out, {
    op: "rsub",
    gradFn: isScalar ? "RsubBackward1" : "RsubBackward0",
    inputs: isScalar ? [self] : [self, other as Tensor],
    backward: ([g]) => (isScalar ? [maybeMultiply(neg(g!), alpha)] : [maybeMultiply(neg(g!), alpha), g]),
    jvp: ([ts, to]) => tangentSum(out.shape, [term(ts, (t) => neg(maybeMultiply(t, alpha))), term(to ?? null, (t) => t)]),
  });
}

export function mul(a: Operand, b: Operand): Tensor {
  const d = promote([a, b]);
  const out = binaryMap(a, b, d, d, d === "bool" ? (x, y) => (x && y ? 1 : 0) : (x, y) => x * y, "mul");
  const save: Record<string, Tensor | null> = {};
  if (out.rt.gradEnabled) {
    save.other = isTensor(a) && a.requiresGrad ? wrapped(out, b) : null;
    save.self = isTensor(b) && b.requiresGrad ? wrapped(out, a) : null;
  }
  return record(out, {
    op: "mul",
    gradFn: "MulBackward0",
    inputs: tensors(a, b),
    save,
    backward: ([g], node) => [
      node.needs(0) ? mul(g!, node.unpack("other")) : null,
      node.needs(1) ? mul(g!, node.unpack("self")) : null,
    ],
    // other_t * self_p + self_t * other_p
    jvp: ([ta, tb]) =>
      tangentSum(out.shape, [term(tb, (t) => mul(t, a), ...reads(a)), term(ta, (t) => mul(t, b), ...reads(b))]),
  });
}

/** Tensor * C++ Scalar, as derivative formulas write it (`2 * result`): MulBackward1, saves nothing */
export function mulScalar(t: Tensor, s: Scalar): Tensor {
  const d = promote([t, s]);
  const out = binaryMap(t, s, d, d, (x, y) => x * y, "mul");
  return record(out, { op: "mul", gradFn: "MulBackward1", inputs: [t], backward: ([g]) => [mulScalar(g!, s)], jvp: ([tt]) => mulScalar(tt!, s) });
}

/** derivatives.yaml's maybe_multiply(grad, alpha): the gradient itself when alpha is 1, else
 *  grad * alpha with alpha a Scalar (MulBackward1) */
export function maybeMultiply(t: Tensor, alpha: Scalar): Tensor {
  return Number(alpha) === 1 ? t : mulScalar(t, alpha);
}

/** Tensor + C++ Scalar, as derivative formulas write it (`self + 1` in log1p's): AddBackward1 */
export function addScalar(t: Tensor, s: Scalar): Tensor {
  const d = promote([t, s]);
  const out = binaryMap(t, s, d, d, (x, y) => x + y, "add");
  return record(out, { op: "add", gradFn: "AddBackward1", inputs: [t], backward: ([g]) => [g], jvp: ([tt]) => copiedOut(tt!, out.shape, []) });
}

/** Tensor / C++ Scalar (`grad / numel` in mean's formula): DivBackward1 */
export function divScalar(t: Tensor, s: Scalar): Tensor {
  let d = promote([t, s]);
  if (!isFloating(d)) d = "float32";
  const out = binaryMap(t, s, d, d, (x, y) => x / y, "div");
  return record(out, { op: "div", gradFn: "DivBackward1", inputs: [t], backward: ([g]) => [divScalar(g!, s)], jvp: ([tt]) => divScalar(tt!, s) });
}

/** a Python scalar operand as the 0-d "wrapped number" tensor PyTorch saves for backward */
export function wrapped(like: Tensor, x: Operand): Tensor {
  if (isTensor(x)) return x;
  const w = created(fromValues(like.rt, [scalarToNumber(x)], [], scalarDType(x)), "wrapped number");
  wrappedNumbers.add(w);
  return w;
}

export function div(a: Operand, b: Operand): Tensor {
  let d = promote([a, b]);
  if (!isFloating(d)) d = "float32";
  const out = binaryMap(a, b, d, d, (x, y) => x / y, "div");
  const save: Record<string, Tensor | null> = {};
  if (out.rt.gradEnabled) {
    save.other = wrapped(out, b);
    save.self = isTensor(b) && b.requiresGrad ? wrapped(out, a) : null;
  }
  return record(out, {
    op: "div",
    gradFn: "DivBackward0",
    inputs: tensors(a, b),
    save,
    backward: ([g], node) => {
      const other = node.unpack("other");
      const gs = node.needs(0) ? div(g!, other) : null;
      let go: Tensor | null = null;
      if (node.needs(1)) go = mul(neg(g!), div(div(node.unpack("self"), other), other));
      return [gs, go];
    },
    // (self_t - other_t * result) / other_p
    jvp: ([ta, tb]) => {
      const numerator =
        ta && tb ? sub(ta, mul(tb, out)) : ta ? copiedOut(ta, out.shape, reads(out)) : copiedOut(neg(mul(tb!, out)), out.shape, [], "SubBackward0");
      return div(numerator, b);
    },
  });
}

/** ATen's div_floor_floating, each step rounded to the dtype as its float kernel computes it */
function floorDivFloat(a: number, b: number, r: (x: number) => number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let q = r(r(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) q = r(q - 1);
  if (q === 0) {
    const s = a / b;
    return s < 0 || Object.is(s, -0) ? -0 : 0;
  }
  let f = Math.floor(q);
  if (r(q - f) > 0.5) f = r(f + 1);
  return f;
}

/** PyTorch's autograd node for an op without a derivative formula: backward through it raises */
function notImplemented(out: Tensor, op: string, operands: Operand[]): Tensor {
  // its edges are only the inputs that require grad
  const inputs = operands.filter((o): o is Tensor => isTensor(o) && o.requiresGrad);
  return record(out, {
    op,
    gradFn: "NotImplemented",
    inputs,
    eventInputs: operands.filter(isTensor),
    backward: () => {
      throw runtimeError(`derivative for aten::${op} is not implemented`);
    },
  });
}

/** `a // b`: a float result records NotImplemented, as floor_divide has no derivative */
export function floorDivide(a: Operand, b: Operand): Tensor {
  const d = promote([a, b]);
  const r = fr(d);
  const out = binaryMap(a, b, d, d, isFloating(d) ? (x, y) => floorDivFloat(x, y, r) : (x, y) => {
    intDivCheck(d, y);
    return Math.floor(x / y);
  });
  return notImplemented(out, "floor_divide", [a, b]);
}

/** `a % b`: RemainderBackward0 (tensor % number), RemainderBackward1 (tensor % tensor);
 *  number % tensor has no derivative (NotImplemented) */
export function remainder(a: Operand, b: Operand): Tensor {
  const d = promote([a, b]);
  const out = binaryMap(a, b, d, d, (x, y) => {
    intDivCheck(d, y);
    const r = x % y;
    return r !== 0 && r < 0 !== y < 0 ? r + y : r;
  });
  if (!isTensor(a)) return notImplemented(out, "remainder", [a, b]);
  if (!isTensor(b)) return record(out, { op: "remainder", gradFn: "RemainderBackward0", inputs: [a], backward: ([g]) => [g], jvp: ([t]) => t });
  return record(out, {
    op: "remainder",
    gradFn: "RemainderBackward1",
    inputs: [a, b],
    save: out.rt.gradEnabled && b.requiresGrad ? { self: a, other: b } : undefined,
    backward: ([g], node) => [g, node.next[1] ? mul(neg(g!), floorDivide(node.unpack("self"), node.unpack("other"))) : null],
    // self_t - other_t * self_p.div(other_p, rounding_mode="floor")
    jvp: ([ta, tb]) => tangentSum(out.shape, [term(ta, (t) => t), term(tb, (t) => neg(mul(t, floorDivide(a, b))), a, b)]),
  });
}

export function neg(x: Tensor): Tensor {
  if (x.dtype === "bool")
    throw runtimeError(
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
  return record(
    unaryMap(x, x.dtype, (v) => -v),
    { op: "neg", gradFn: "NegBackward0", inputs: [x], backward: ([g]) => [neg(g!)], jvp: ([t]) => neg(t!) },
  );
}

export function reciprocal(x: Tensor): Tensor {
  const d = isFloating(x.dtype) ? x.dtype : "float32";
  const out = unaryMap(x, d, (v) => 1 / v);
  return record(out, {
    op: "reciprocal",
    gradFn: "ReciprocalBackward0",
    inputs: [x],
    save: { result: out },
    backward: ([g], node) => {
      const r = node.unpack("result");
      return [mul(neg(g!), mul(r, r))];
    },
    jvp: ([t]) => mul(neg(t!), mul(out, out)),
  });
}

/**
 * pow's value for a tensor exponent or a number base, as pow_tensor_tensor's cpu_kernel_vec loop gives
 * it: SLEEF's pow (powf with float32) on whole blocks of two vectors (16 floats, 8 doubles) and libm's
 * on the rest. `tailFrom` is where the rest starts when the operands make one contiguous run (the
 * caller counts positions in call order); a run that needs a dtype cast goes through libm throughout.
 */
function powValue(d: DType, isVec: (i: number) => boolean = () => true) {
  let at = 0;
  return (x: number, y: number): number => {
    const i = at++;
    if (d === "float64") return isVec(i) ? pow64(x, y) : libmPow(x, y);
    if (d === "float32") return isVec(i) ? powf(x, y) : libmPowf(x, y);
    if (!isFloating(d)) {
      if (y < 0) {
        if (x === 1) return 1;
        if (x === -1) return Math.abs(y) % 2 === 0 ? 1 : -1;
        throw runtimeError("Integers to negative integer powers are not allowed.");
      }
    }
    return Math.pow(x, y);
  };
}

/** which output positions pow_tensor_tensor's loop runs in whole vectors: TensorIterator's inner
 *  runs (the whole output when every operand is contiguous over it or a single value, else runs of
 *  the last dim), blocks of two vectors from each run's start; strided operands take the scalar loop */
function powVectorAt(base: Operand, exponent: Operand, d: DType): (i: number) => boolean {
  const tensors = [base, exponent].filter(isTensor);
  const shape = tensors.reduce((s: number[], t) => broadcastShapes(s, t.shape), []);
  const n = numelOf(shape);
  const block = d === "float32" ? 16 : 8;
  const single = (t: Tensor): boolean => t.numel === 1;
  if (tensors.every((t) => single(t) || (t.numel === n && t.isContiguous()))) {
    const end = n - (n % block);
    return (i) => i < end;
  }
  if (tensors.some((t) => !single(t) && !t.isContiguous())) return () => false;
  const inner = shape.at(-1) ?? 1;
  const end = inner - (inner % block);
  return (i) => i % inner < end;
}

/** ATen's pow with a Python-number exponent on a floating tensor: 2, 3, -2 as products, 0.5,
 *  -0.5, -1 as sqrt/rsqrt/reciprocal kernels, else SLEEF's powf/pow as Vectorized::pow */
function powByScalar(base: Tensor, e: number, d: DType): Tensor | null {
  if (base.dtype !== d || !isFloating(d)) return null;
  const r = fr(d);
  const special: Record<number, (x: number) => number> = {
    2: (x) => r(x * x),
    3: (x) => r(r(x * x) * x),
    [-2]: (x) => r(1 / r(x * x)),
    0.5: (x) => r(Math.sqrt(x)),
    [-0.5]: (x) => r(1 / r(Math.sqrt(x))),
    [-1]: (x) => r(1 / x),
  };
  if (special[e]) return unaryMap(base, d, special[e]);
  if (d === "float64") {
    const out = new Float64Array(base.numel);
    powFloat64(base.contiguousData(), e, out);
    return fromStorage(base.rt, out, base.shape.slice(), d);
  }
  if (d !== "float32") return null;
  const out = new Float32Array(base.numel);
  powFloat32(base.contiguousData(), e, out);
  return fromStorage(base.rt, out, base.shape.slice(), d);
}

export function pow(base: Operand, exponent: Operand): Tensor {
  const d = promote([base, exponent]);
  const out =
    (isTensor(base) && !isTensor(exponent) ? powByScalar(base, Number(exponent), d) : null) ??
    binaryMap(base, exponent, d, d, powValue(d, powVectorAt(base, exponent, d)));
  if (!isTensor(exponent)) {
    const e = Number(exponent);
    const self = base as Tensor;
    return record(out, {
      op: "pow",
      gradFn: "PowBackward0",
      inputs: [self],
      save: { self },
      args: { exponent: typeof exponent === "boolean" ? BigInt(exponent) : exponent },
      backward: ([g], node) => {
        if (e === 0) return [zerosLikeT(self)];
        const s = node.unpack("self");
        return [mul(g!, mulScalar(pow(s, e - 1), e))];
      },
      jvp: ([t]) => (e === 0 ? zerosLikeT(self) : mul(t!, mulScalar(pow(self, e - 1), e))),
    });
  }
  const exp = exponent;
  return record(out, {
    op: "pow",
    // pow.Tensor_Tensor is PowBackward1; pow.Scalar (a number base, 2 ** x) is PowBackward2 since 2.0
    gradFn: isTensor(base) ? "PowBackward1" : "PowBackward2",
    inputs: [isTensor(base) ? base : null, exp],
    save: { ...(isTensor(base) ? { self: base } : {}), exponent: exp, result: out },
    backward: ([g], node) => {
      const e = node.unpack("exponent");
      const self = isTensor(base) ? node.unpack("self") : base;
      let gs: Tensor | null = null;
      if (node.needs(0)) {
        gs = where(eq(e, 0), 0, mul(g!, mul(e, pow(self, sub(e, 1)))));
      }
      let ge_: Tensor | null = null;
      if (node.needs(1)) {
        const result = node.unpack("result");
        const logSelf = isTensor(self) ? log(self) : Math.log(Number(self));
        const cond = isTensor(self) ? logicalAnd(eq(self, 0), ge(e, 0)) : Number(self) === 0 ? ge(e, 0) : null;
        const prod = mul(result, logSelf);
        ge_ = mul(g!, cond ? where(cond, 0, prod) : prod);
      }
      return [gs, ge_];
    },
    jvp: ([tb, te]) => {
      const self = isTensor(base) ? base : null;
      const bySelf = (t: Tensor): Tensor => where(eq(exp, 0), 0, mul(t, mul(exp, pow(self!, sub(exp, 1)))));
      const byExponent = (t: Tensor): Tensor => {
        const logSelf = self ? log(self) : Math.log(Number(base));
        const cond = self ? logicalAnd(eq(self, 0), ge(exp, 0)) : Number(base) === 0 ? ge(exp, 0) : null;
        const prod = mul(out, logSelf);
        return mul(t, cond ? where(cond, 0, prod) : prod);
      };
      // where() has no ZeroTensor kernel: a missing tangent's term is computed on zeros
      return tangentSum(out.shape, [...(self ? [dense(tb, self, bySelf)] : []), dense(te, exp, byExponent)]);
    },
  });
}
