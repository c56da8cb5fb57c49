// PyTorch 2.6's float64 erf on x86-64 CPUs, bit for bit: ATen's AVX2 Vectorized<double>::erf calls
// Sleef_erfd4_u10, built with fused multiply-adds. Derived from SLEEF (src/libm/sleefsimddp.c: xerf_u1,
// poly4dd, ddmla), Copyright Naoki Shibata and contributors 2010 - 2020, Boost Software License 1.0 (see
// ./THIRD_PARTY_NOTICES.md). Altered: one lane, TypeScript.
import { type DD, ddadd, ddadd2_dd_d, ddadd_d_dd, ddmul_d, ddrec, ddsqu, estrin, mulsign } from "./dd64.ts";
import { expk } from "./float64_log.ts";

/** the polynomial for |x| <= 2.5 (Abramowitz and Stegun) and for 2.5 < |x| < 6 */
const NEAR = [
  -0.2083271002525222097e-14, 0.7151909970790897009e-13, -0.1162238220110999364e-11, 0.1186474230821585259e-10,
  -0.849997317835461344e-10, 0.4507647462598841629e-9, -0.1808044474288848915e-8, 0.5435081826716212389e-8,
  -0.1143939895758628484e-7, 0.1215442362680889243e-7, 0.1669878756181250355e-7, -0.9808074602255194288e-7,
  0.1389000557865837204e-6, 0.2945514529987331866e-6, -0.1842918273003998283e-5, 0.3417987836115362136e-5,
  0.3860236356493129101e-5, -0.3309403072749947546e-4, 0.1060862922597579532e-3, 0.2323253155213076174e-3,
  0.1490149719145544729e-3,
];
const FAR = [
  -0.4024015130752621932e-18, 0.3847193332817048172e-16, -0.1749316241455644088e-14, 0.5029618322872872715e-13,
  -0.1025221466851463164e-11, 0.1573695559331945583e-10, -0.1884658558040203709e-9, 0.1798167853032159309e-8,
  -0.1380745342355033142e-7, 0.8525705726469103499e-7, -0.4160448058101303405e-6, 0.1517272660008588485e-5,
  -0.3341634127317201697e-5, -0.2515023395879724513e-5, 0.6539731269664907554e-4, -0.3551065097428388658e-3,
  0.1210736097958368864e-2, -0.260556691257999868e-2, 0.1252823202436093193e-2, 0.1820191395263313222e-1,
  -0.1021557155453465954,
];
const NEAR_DD: DD[] = [
  { x: 0.0092877958392275604405, y: 7.928755946396111e-19 },
  { x: 0.042275531758784692937, y: 1.3785226620501015e-19 },
  { x: 0.07052369794346953491, y: 9.58466280707921e-19 },
];
const FAR_DD: DD[] = [
  { x: -0.63691044383641748361, y: -2.4249477526539433e-17 },
  { x: -1.1282926061803961737, y: -6.2970338860411e-17 },
  { x: -1.2261313785184804967e-5, y: -5.532970751449011e-22 },
];

/** ddmla_vd2_vd_vd2_vd2: z + y * x */
const ddmla = (x: number, y: DD, z: DD): DD => ddadd(z, ddmul_d(y, x));

/** Sleef_erfd4_u10 (xerf_u1) */
export function erf(a: number): number {
  const x = Math.abs(a);
  const x2 = x * x;
  const x4 = x2 * x2;
  const x8 = x4 * x4;
  const near = x <= 2.5;
  const t = estrin([x, x2, x4, x8, x8 * x8], near ? NEAR : FAR);
  const [c2, c1, c0] = near ? NEAR_DD : FAR_DD;
  let t2 = ddmla(x * x, ddmla(x, { x: t, y: 0 }, c2!), ddmla(x, c1!, c0!));
  if (near) {
    t2 = ddadd_d_dd(1, ddmul_d(t2, x));
    for (let i = 0; i < 4; i++) t2 = ddsqu(t2);
    t2 = ddrec(t2);
  } else {
    t2 = { x: expk(t2), y: 0 };
  }
  t2 = ddadd2_dd_d(t2, -1);
  let z = -(t2.x + t2.y);
  if (x < 1e-8) z = x * 1.1283791670955126;
  if (x >= 6) z = 1;
  if (x === Infinity) z = 1;
  if (a === 0) z = 0;
  return Number.isNaN(a) ? NaN : mulsign(z, a);
}
