// WebAssembly relaxed SIMD (the fused multiply-add that engine/ops/wasm/fused.ts's kernels use)
// ships in Chromium 114+, so in the app's worker, and in Node 22+; Node 20's V8 has it behind a
// flag. Every Node entry point (the CLI, the benchmarks, the tests' setup) calls this before the
// engine builds its kernels; where relaxed SIMD is there already it does nothing.
import { setFlagsFromString } from "node:v8";

const V128_ZERO = [0xfd, 0x0c, ...new Array(16).fill(0)];
// (func (drop (f64x2.relaxed_madd (v128.const 0) (v128.const 0) (v128.const 0))))
const BODY = [0x00, ...V128_ZERO, ...V128_ZERO, ...V128_ZERO, 0xfd, 0x87, 0x02, 0x1a, 0x0b];
const PROBE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00],
  ...[0x03, 0x02, 0x01, 0x00],
  ...[0x0a, BODY.length + 2, 0x01, BODY.length, ...BODY],
]);

/** true when relaxed SIMD validates (after setting Node 20's flag if it was needed) */
export function enableRelaxedSimd() {
  try {
    if (typeof WebAssembly !== "object") return false;
    if (WebAssembly.validate(PROBE)) return true;
    setFlagsFromString("--experimental-wasm-relaxed-simd");
    return WebAssembly.validate(PROBE);
  } catch {
    return false;
  }
}
