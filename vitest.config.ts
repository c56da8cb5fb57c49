import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
    // relaxed SIMD for the engine's fused kernels, as the CLI and the app have it
    setupFiles: ["test/wasm_features.setup.ts"],
  },
});
