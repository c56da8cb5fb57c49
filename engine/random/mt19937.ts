// The 32-bit Mersenne Twister (mt19937) as ATen's CPUGeneratorImpl runs it: seeded from the low 32 bits.
// Origin: Matsumoto and Nishimura's algorithm (1998) as ATen's MT19937RNGEngine.h implements it (PyTorch,
// BSD-3-Clause licence, notice in ./THIRD_PARTY_NOTICES.md); written afresh in TypeScript.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  private readonly state = new Uint32Array(N);
  private index = N;

  constructor(seed32 = 5489) {
    this.seed(seed32);
  }

  /** ATen keeps only `seed & 0xffffffff`, so seeds 0 and 2**32 give the same stream. */
  seed(seed32: number): void {
    const s = this.state;
    s[0] = seed32 >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = s[i - 1]! ^ (s[i - 1]! >>> 30);
      // 1812433253 * prev needs 64-bit precision; split the multiplier to stay exact in doubles.
      s[i] =
        (((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) +
          (prev & 0x0000ffff) * 1812433253 +
          i) >>>
        0;
    }
    this.index = N;
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const s = this.state;
    for (let i = 0; i < N; i++) {
      const y = (s[i]! & UPPER_MASK) | (s[(i + 1) % N]! & LOWER_MASK);
      s[i] = s[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}
