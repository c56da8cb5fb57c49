// SLEEF's kernels as ATen 2.6 runs them on an x86-64 CPU with FMA (sleef/float64.ts's exp and tanh,
// sleef/float32.ts's expf), step for step as WebAssembly SIMD with real fused multiply-adds
// (relaxed_madd, used only where fused.ts has seen it fuse): every lane takes the very operations
// of the scalar reference, each rounded once, so the bits are the reference's, with no emulated fma.
import { GET, SET, simd } from "./encode.ts";
import { ABS, ADD, AND, BITSELECT, DIV, F64_GT, F64_LT, F64_NE, FLOOR, MUL, NEAREST, OR, SUB, ZERO, pow2 } from "./pairs.ts";
import { F32X4, MADD32, MADD64, XOR, i32x4Const, k32x4, k64x2 as k, vectorKernel, type VectorFrame } from "./fused_frame.ts";
import type { FuncDef } from "./encode.ts";

/** vectors interleaved per loop step */
export const FUSED_GROUPS = 4;

type Code = number[];
const madd = (a: Code, b: Code, c: Code): Code => [...a, ...b, ...c, ...MADD64];
const mul = (a: Code, b: Code): Code => [...a, ...b, ...MUL];
const add = (a: Code, b: Code): Code => [...a, ...b, ...ADD];
const sub = (a: Code, b: Code): Code => [...a, ...b, ...SUB];
const neg = (a: Code): Code => [...a, ...simd(237) /* f64x2.neg */];

const R_LN2 = 1.4426950408889634;
const L2U = 0.693147180559663;
const L2L = 2.8235290563031577e-13;

/** SLEEF's POLY10 (estrin.h) of c = [c9, ..., c0] in x, with x2, x4, x8 its powers */
function poly10(x: Code, x2: Code, x4: Code, x8: Code, c: readonly number[]): Code {
  const poly4 = (i: number) => madd(x2, madd(x, k(c[i]!), k(c[i + 1]!)), madd(x, k(c[i + 2]!), k(c[i + 3]!)));
  return madd(x8, madd(x, k(c[0]!), k(c[1]!)), madd(x4, poly4(2), poly4(6)));
}

/** u · 2^(q>>1) · 2^(q - (q>>1)) for q a whole float64 (SLEEF's vldexp2), with `half` a local for q>>1 */
const ldexp2 = (u: Code, q: Code, half: number, g: number): Code => [
  ...q, ...k(0.5), ...MUL, ...FLOOR, SET, half + g,
  ...u, ...pow2([GET, half + g]), ...MUL, ...pow2(sub(q, [GET, half + g])), ...MUL,
];

const EXP_POLY = [
  0.2081276378237164457e-8, 0.2511210703042288022e-7, 0.2755762628169491192e-6, 0.2755723402025388239e-5,
  0.2480158687479686264e-4, 0.198412698985586585e-3, 0.1388888888914497797e-2, 0.833333333331493821e-2,
  0.4166666666666602598e-1, 0.1666666666666669072,
];

/** `exp_f64(src, dst, vectors)`: float64.ts's exp */
export function expKernel(): FuncDef {
  return vectorKernel("exp_f64", FUSED_GROUPS, ({ x: D, result: U, local }: VectorFrame) => {
    const [Q, S, S2, S4, H] = [local(), local(), local(), local(), local()];
    const get = (v: number, g: number): Code => [GET, v + g];
    return [
      (g) => [...mul(get(D, g), k(R_LN2)), ...NEAREST, SET, Q + g],
      (g) => [...madd(get(Q, g), k(-L2U), get(D, g)), SET, S + g],
      (g) => [...madd(get(Q, g), k(-L2L), get(S, g)), SET, S + g],
      (g) => [...mul(get(S, g), get(S, g)), SET, S2 + g],
      (g) => [...mul(get(S2, g), get(S2, g)), SET, S4 + g],
      (g) => [...poly10(get(S, g), get(S2, g), get(S4, g), mul(get(S4, g), get(S4, g)), EXP_POLY), SET, U + g],
      (g) => [...madd(get(U, g), get(S, g), k(0.5)), SET, U + g],
      (g) => [...madd(get(U, g), get(S, g), k(1)), SET, U + g],
      (g) => [...madd(get(U, g), get(S, g), k(1)), SET, U + g],
      (g) => [...ldexp2(get(U, g), get(Q, g), H, g), SET, U + g],
      // d > 709.78...: inf; d < -1000: 0; NaN: d
      (g) => [...k(Infinity), ...get(U, g), ...get(D, g), ...k(709.7827111495575), ...F64_GT, ...BITSELECT, SET, U + g],
      (g) => [...ZERO, ...get(U, g), ...get(D, g), ...k(-1000), ...F64_LT, ...BITSELECT, SET, U + g],
      (g) => [...get(D, g), ...get(U, g), ...get(D, g), ...get(D, g), ...F64_NE, ...BITSELECT, SET, U + g],
    ];
  });
}

const EXPK2_POLY = [
  0.1602472219709932072e-9, 0.2092255183563157007e-8, 0.2505230023782644465e-7, 0.2755724800902135303e-6,
  0.2755731892386044373e-5, 0.2480158735605815065e-4, 0.1984126984148071858e-3, 0.1388888888886763255e-2,
  0.8333333333333347095e-2, 0.4166666666666669905e-1,
];

/** `tanh_f64(src, dst, vectors)`: float64.ts's tanh (expk2, ddrec, dddiv in double-double) */
export function tanhKernel(): FuncDef {
  return vectorKernel("tanh_f64", FUSED_GROUPS, ({ x: X, result: OUT, local }: VectorFrame) => {
    const [A, Q, H, SX, SY, S2X, S2Y, S4X, S4Y, U, TX, TY, PX, PY, EX, EY, NX, NY, V] = Array.from({ length: 19 }, local);
    const get = (v: number, g: number): Code => [GET, v + g];
    /** s = ddadd2_dd_d(s, b): x = s.x + b; v = x - s.x; y = s.x - (x - v) + (b - v) + s.y */
    const ddadd2ddd = (b: Code, g: number): Code => [
      ...b, SET, PX + g,
      ...add(get(SX, g), get(PX, g)), SET, TX + g,
      ...sub(get(TX, g), get(SX, g)), SET, V + g,
      ...add(add(sub(get(SX, g), sub(get(TX, g), get(V, g))), sub(get(PX, g), get(V, g))), get(SY, g)), SET, SY + g,
      ...get(TX, g), SET, SX + g,
    ];
    /** (rx, ry) = ddsqu(ax, ay): x = ax·ax; y = fma(ax + ax, ay, fma(ax, ax, -x)) */
    const ddsqu = (ax: number, ay: number, rx: number, ry: number, g: number): Code => [
      ...mul(get(ax, g), get(ax, g)), SET, rx + g,
      ...madd(add(get(ax, g), get(ax, g)), get(ay, g), madd(get(ax, g), get(ax, g), neg(get(rx, g)))), SET, ry + g,
    ];
    /** (PX, PY) = ddmul(T, S): x = t.x·s.x; y = fma(t.x, s.y, fma(t.y, s.x, fma(t.x, s.x, -x))) */
    const ddmulTS = (g: number): Code => [
      ...mul(get(TX, g), get(SX, g)), SET, PX + g,
      ...madd(get(TX, g), get(SY, g), madd(get(TY, g), get(SX, g), madd(get(TX, g), get(SX, g), neg(get(PX, g))))), SET, PY + g,
    ];
    /** T = ddadd_d_dd(c, P): x = c + p.x; y = c - x + p.x + p.y */
    const ddaddDP = (c: number, g: number): Code => [
      ...add(k(c), get(PX, g)), SET, TX + g,
      ...add(add(sub(k(c), get(TX, g)), get(PX, g)), get(PY, g)), SET, TY + g,
    ];
    /** (rx, ry) = ddadd2(a, b): x = a.x + b.x; v = x - a.x; y = a.x - (x - v) + (b.x - v) + (a.y + b.y) */
    const ddadd2 = (ax: Code, ay: Code, bx: Code, by: Code, rx: number, ry: number, g: number): Code => [
      ...add(ax, bx), SET, rx + g,
      ...sub(get(rx, g), ax), SET, V + g,
      ...add(add(sub(ax, sub(get(rx, g), get(V, g))), sub(bx, get(V, g))), add(ay, by)), SET, ry + g,
    ];
    return [
      (g) => [...get(X, g), ...ABS, SET, A + g],
      // expk2((a, 0))
      (g) => [...mul(add(get(A, g), k(0)), k(R_LN2)), ...NEAREST, SET, Q + g],
      (g) => [...get(A, g), SET, SX + g, ...k(0), SET, SY + g],
      (g) => ddadd2ddd(mul(get(Q, g), k(-L2U)), g),
      (g) => ddadd2ddd(mul(get(Q, g), k(-L2L)), g),
      (g) => ddsqu(SX, SY, S2X, S2Y, g),
      (g) => ddsqu(S2X, S2Y, S4X, S4Y, g),
      (g) => [...poly10(get(SX, g), get(S2X, g), get(S4X, g), mul(get(S4X, g), get(S4X, g)), EXPK2_POLY), SET, U + g],
      // t = ddadd_d_dd(0.5, ddmul_d(s, 1/6)): ddmul_d(a, b) = (a.x·b, fma(a.y, b, fma(a.x, b, -x)))
      (g) => [
        ...mul(get(SX, g), k(0.1666666666666666574)), SET, PX + g,
        ...madd(get(SY, g), k(0.1666666666666666574), madd(get(SX, g), k(0.1666666666666666574), neg(get(PX, g)))), SET, PY + g,
        ...ddaddDP(0.5, g),
      ],
      (g) => [...ddmulTS(g), ...ddaddDP(1, g)],
      (g) => [...ddmulTS(g), ...ddaddDP(1, g)],
      // t = ddadd(t, ddmul_d(s4, u)); ddadd: x = a.x + b.x; y = a.x - x + b.x + a.y + b.y
      (g) => [
        ...mul(get(S4X, g), get(U, g)), SET, PX + g,
        ...madd(get(S4Y, g), get(U, g), madd(get(S4X, g), get(U, g), neg(get(PX, g)))), SET, PY + g,
        ...add(get(TX, g), get(PX, g)), SET, NX + g,
        ...add(add(add(sub(get(TX, g), get(NX, g)), get(PX, g)), get(TY, g)), get(PY, g)), SET, TY + g,
        ...get(NX, g), SET, TX + g,
      ],
      // d = (ldexp2(t.x, q), ldexp2(t.y, q))
      (g) => [...ldexp2(get(TX, g), get(Q, g), H, g), SET, TX + g, ...ldexp2(get(TY, g), get(Q, g), H, g), SET, TY + g],
      // e = ddrec(d): x = 1/d.x; y = x · fma(-d.y, x, fma(-d.x, x, 1))
      (g) => [
        ...k(1), ...get(TX, g), ...DIV, SET, EX + g,
        ...mul(get(EX, g), madd(neg(get(TY, g)), get(EX, g), madd(neg(get(TX, g)), get(EX, g), k(1)))), SET, EY + g,
      ],
      // n = ddadd2(d, -e), m = ddadd2(d, e) (m in P)
      (g) => ddadd2(get(TX, g), get(TY, g), neg(get(EX, g)), neg(get(EY, g)), NX, NY, g),
      (g) => ddadd2(get(TX, g), get(TY, g), get(EX, g), get(EY, g), PX, PY, g),
      // dddiv(n, m): t = 1/m.x; x = n.x·t; u = fma(t, n.x, -x); y = fma(-m.y, t, fma(-m.x, t, 1));
      // result (x, fma(x, y, fma(n.y, t, u))); here t in TX, x in TY, u in V, y in EX
      (g) => [
        ...k(1), ...get(PX, g), ...DIV, SET, TX + g,
        ...mul(get(NX, g), get(TX, g)), SET, TY + g,
        ...madd(get(TX, g), get(NX, g), neg(get(TY, g))), SET, V + g,
        ...madd(neg(get(PY, g)), get(TX, g), madd(neg(get(PX, g)), get(TX, g), k(1))), SET, EX + g,
        ...add(get(TY, g), madd(get(TY, g), get(EX, g), madd(get(NY, g), get(TX, g), get(V, g)))), SET, OUT + g,
      ],
      // a > 18.714973875 or NaN: 1; then the sign of x (SLEEF's mulsign: an xor of sign bits); NaN x: x
      (g) => [...k(1), ...get(OUT, g), ...get(A, g), ...k(18.714973875), ...F64_GT, ...get(OUT, g), ...get(OUT, g), ...F64_NE, ...OR, ...BITSELECT, SET, OUT + g],
      (g) => [...get(OUT, g), ...get(X, g), ...k(-0), ...AND, ...XOR, SET, OUT + g],
      (g) => [...get(X, g), ...get(OUT, g), ...get(X, g), ...get(X, g), ...F64_NE, ...BITSELECT, SET, OUT + g],
    ];
  });
}

const R_LN2F = Math.fround(1.4426950408889634);

/** `expf_fused_f32(src, dst, vectors)`: float32.ts's expf, four floats a vector */
export function expfFusedKernel(): FuncDef {
  const f = F32X4;
  const m = (a: Code, b: Code, c: Code): Code => [...a, ...b, ...c, ...MADD32];
  const c = (v: number) => k32x4(Math.fround(v));
  return vectorKernel("expf_fused_f32", FUSED_GROUPS, ({ x: D, result: U, local }: VectorFrame) => {
    const [QF, QI, S, H] = [local(), local(), local(), local()];
    const get = (v: number, g: number): Code => [GET, v + g];
    /** 2^k as the float32 bit pattern (k + 127) << 23, k an int32 on the stack */
    const pow2i = (kk: Code): Code => [...kk, ...i32x4Const(127), ...f.I32_ADD, ...[0x41, 23], ...f.I32_SHL];
    return [
      (g) => [...get(D, g), ...k32x4(R_LN2F), ...f.MUL, ...f.NEAREST, SET, QF + g],
      (g) => [...get(QF, g), ...f.TO_I32, SET, QI + g],
      (g) => [...m(get(QF, g), c(-0.693145751953125), get(D, g)), SET, S + g],
      (g) => [...m(get(QF, g), c(-1.428606765330187e-6), get(S, g)), SET, S + g],
      (g) => [...m(c(0.00019852761761285365), get(S, g), c(0.0013930435525253415)), SET, U + g],
      (g) => [...m(get(U, g), get(S, g), c(0.008333360776305199)), SET, U + g],
      (g) => [...m(get(U, g), get(S, g), c(0.041666485369205475)), SET, U + g],
      (g) => [...m(get(U, g), get(S, g), c(0.1666666716337204)), SET, U + g],
      (g) => [...m(get(U, g), get(S, g), c(0.5)), SET, U + g],
      // u = 1 + fma(s·s, u, s)
      (g) => [...c(1), ...m([...get(S, g), ...get(S, g), ...f.MUL], get(U, g), get(S, g)), ...f.ADD, SET, U + g],
      // ldexp2: u · 2^(q>>1) · 2^(q - (q>>1))
      (g) => [...get(QI, g), ...[0x41, 1], ...f.I32_SHR_S, SET, H + g],
      (g) => [...get(U, g), ...pow2i(get(H, g)), ...f.MUL, ...pow2i([...get(QI, g), ...get(H, g), ...f.I32_SUB]), ...f.MUL, SET, U + g],
      // d < -104: 0; d > 100: inf; NaN: d
      (g) => [...ZERO, ...get(U, g), ...get(D, g), ...c(-104), ...f.LT, ...BITSELECT, SET, U + g],
      (g) => [...k32x4(Infinity), ...get(U, g), ...get(D, g), ...c(100), ...f.GT, ...BITSELECT, SET, U + g],
      (g) => [...get(D, g), ...get(U, g), ...get(D, g), ...get(D, g), ...f.NE, ...BITSELECT, SET, U + g],
    ];
  });
}
