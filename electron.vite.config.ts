// electron-vite builds the main process and the preload into out/main and out/preload.
// The renderer is built by its own Vite config (renderer/vite.config.ts) into out/renderer;
// scripts/start.mjs runs both.

import { resolve } from "node:path";
import { defineConfig } from "electron-vite";

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, "out/main"),
      // the engine process runs the interpreter: its npm dependencies are bundled (out/ ships alone)
      externalizeDeps: false,
      rollupOptions: {
        input: { main: resolve(root, "electron/main.ts"), engine: resolve(root, "electron/engine-process.ts") },
        output: { format: "es", entryFileNames: "[name].js" },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, "out/preload"),
      // A sandboxed preload cannot load other files: bundle everything, as one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, "electron/preload.ts") },
        external: ["electron"],
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
});
