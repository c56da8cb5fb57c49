// Vite build of the renderer: the same bundle for the browser (`npm run web`) and Electron (relative base).

import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";
import { gradlensExportComponents } from "./export/vite-plugin.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "./",
  // the export components compiled for svelte/server, next to their client versions (renderer/export)
  plugins: [svelte(), gradlensExportComponents()],
  worker: { format: "es" },
  // pre-bundled up front, so the dev server does not discover them on first load and reload the page
  optimizeDeps: {
    include: [
      "d3",
      "katex",
      "codemirror",
      "@codemirror/state",
      "@codemirror/view",
      "@codemirror/language",
      "@codemirror/commands",
      "@codemirror/lang-python",
      "@lezer/highlight",
      "@lezer/python",
      // imported by the export's server-compiled components (virtual:gradlens-export-components)
      "svelte/server",
      "svelte/internal/server",
    ],
  },
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
  },
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
});
