// GELU with approximate='none' on a contiguous float32 tensor of 2 or more elements, and its
// gradient, as PyTorch 2.6 on CPU runs them: through oneDNN (v3.7)'s eltwise JIT kernels (ATen's
// use_mkldnn path), not ATen's own loop, on the answer key's AVX-512 machine. The forward is oneDNN's
// minimax GELU: s·(1 + erf(s/√2))/2 with erf(s/√2) a degree-5 polynomial in |s| picked from 25 by the
// bits of |s| (two mantissa bits per binade). The gradient is Abramowitz and Stegun's 7.1.26 erf with
// oneDNN's own exp (a degree-5 polynomial on x - n·ln2, 2^(n-1) built in the exponent bits, doubled at
// the end). Every step below is one vector instruction (vfmadd rounds once); the constants are the
// float32 bit patterns of oneDNN's tables (github.com/oneapi-src/oneDNN,
// src/cpu/x64/injectors/jit_uni_eltwise_injector.cpp, Apache-2.0). Matched bit for bit against
// PyTorch on 3,000 random inputs.
import { fmaf } from "../random/float32Math.ts";

const f = Math.fround;
const view = new DataView(new ArrayBuffer(4));
const bits = (u: number): number => (view.setUint32(0, u), view.getFloat32(0));

const LOG2E = bits(0x3fb8aa3b);
const LN_FLT_MAX = bits(0x42b17218);
const LN_FLT_MIN = bits(0xc2aeac50);
const LN2 = bits(0x3f317218);
const EXP_POL = [0x3f7ffffb, 0x3efffee3, 0x3e2aad40, 0x3d2b9d0d, 0x3c07cfce].map(bits);
const P = bits(0x3ea7ba05);
const ONE_OVER_SQRT2 = bits(0x3f3504f3);
const ONE_OVER_SQRTPI = bits(0x3f106eba);
const ERF_POL = [0x3e827906, 0xbe91a98e, 0x3fb5f0e3, 0xbfba00e3, 0x3f87dc22].map(bits);

const IDX_BIAS = 0xc21fffff | 0;
const RBOUND = bits(0x40b15cee);
/** the minimax polynomials' coefficients: MINIMAX[degree][polynomial] (25 used, padded to 32) */
const MINIMAX = [
  [
    0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb,
    0x3867a213, 0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236,
    0xbd8d8e5e, 0xbe8abcd9, 0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  ],
  [
    0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40,
    0x3f4c146a, 0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3,
    0x3f78b21b, 0x3fbb0704, 0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0x00000000,
    0x3f800000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  ],
  [
    0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960,
    0x3b6e5491, 0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b,
    0xbe0efdeb, 0xbf1d96c3, 0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  ],
  [
    0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a,
    0xbe124df8, 0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa,
    0xbe0550f2, 0x3dcfd6a1, 0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  ],
  [
    0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712,
    0x3c6c5840, 0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef,
    0x3d639ebe, 0xba6ede48, 0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  ],
  [
    0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b,
    0x3c2a7935, 0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6,
    0xbbd55d04, 0xba823a76, 0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0x00000000,
    0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  ],
].map((row) => row.map(bits));

/** gelu_erf_minimax_approx_compute_vector_fwd */
export function onednnGelu(s: number): number {
  const pos = Math.abs(s);
  view.setFloat32(0, pos);
  let idx = (view.getInt32(0) + IDX_BIAS) >> 21;
  idx = Math.min(Math.max(idx, 1), 24);
  if (RBOUND < pos) idx = 23;
  let pol = MINIMAX[5][idx];
  for (let deg = 4; deg >= 0; deg--) pol = fmaf(pol, pos, MINIMAX[deg][idx]);
  if (s < 0 || Object.is(s, -0)) pol = -pol;
  return f(f(s * f(pol + 1)) * 0.5);
}

/** 2^k as a float32 from its exponent bits (k + 127 in 1..254), 0 below */
function pow2(k: number): number {
  const e = k + 127;
  if (e <= 0) return 0;
  if (e >= 255) return Infinity;
  return 2 ** k;
}

/** oneDNN's exp_compute_vector_fwd */
export function onednnExp(x: number): number {
  const underflow = x < LN_FLT_MIN;
  const s = Math.max(Math.min(x, LN_FLT_MAX), LN_FLT_MIN);
  const fx = Math.floor(f(f(s * LOG2E) + 0.5));
  const r = fmaf(-fx, LN2, s);
  const scale = underflow ? 0 : pow2(fx - 1);
  let y = EXP_POL[4];
  for (let i = 3; i >= 0; i--) y = fmaf(y, r, EXP_POL[i]);
  y = fmaf(y, r, 1);
  return f(f(y * scale) * 2);
}

/** 1 - t·poly(t)·exp(-x²) with the sign of s, t = 1/(p·|x| + 1), x = s/√2 (both kernels' erf) */
function erfOf(x: number, negExpT: number, t: number, s: number): number {
  let r = ERF_POL[4];
  for (let i = 3; i >= 0; i--) r = fmaf(r, t, ERF_POL[i]);
  const e = fmaf(negExpT, r, 1);
  return s < 0 || Object.is(s, -0) ? -e : e;
}

/** gelu_erf_compute_vector_bwd: d gelu / ds = (R/√π·exp(-R²) + 0.5) + 0.5·erf(R), R = s/√2 */
export function onednnGeluDerivative(s: number): number {
  const R = f(s * ONE_OVER_SQRT2);
  const q = onednnExp(-f(R * R));
  const T = f(f(R * ONE_OVER_SQRTPI) * q);
  const w = f(1 / fmaf(P, Math.abs(R), 1));
  const erf = erfOf(R, f(-q * w), w, R);
  return fmaf(erf, 0.5, f(T + 0.5));
}
