// Every test worker turns on WebAssembly relaxed SIMD as the CLI does (bin/wasm_features.mjs), so
// the engine's fused kernels run in tests as they do in the app and the CLI.
import { enableRelaxedSimd } from "../bin/wasm_features.mjs";

enableRelaxedSimd();
