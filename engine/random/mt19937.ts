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

  /** init_by_array (Matsumoto and Nishimura's 2002 seeding, which CPython's random.seed uses) */
  seedByArray(key: readonly number[]): void {
    const s = this.state;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = s[i - 1]! ^ (s[i - 1]! >>> 30);
      s[i] = ((s[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        s[0] = s[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = s[i - 1]! ^ (s[i - 1]! >>> 30);
      s[i] = ((s[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        s[0] = s[N - 1]!;
        i = 1;
      }
    }
    s[0] = 0x80000000;
    this.index = N;
  }

  /** the 624 state words and the position in them (for get_state / getstate) */
  snapshot(): { words: Uint32Array; index: number } {
    return { words: this.state.slice(), index: this.index };
  }

  restore(words: ArrayLike<number>, index: number): void {
    this.state.set(words);
    this.index = index;
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
