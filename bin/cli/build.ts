// Builds the command line into one folder of ES modules (esbuild, code splitting): `main.mjs` for
// run and trace, and a chunk that only `export` loads, with the screen's Svelte components compiled
// for svelte/server right here, svelte's runtime, d3's shapes and the renderer inlined. At run time
// nothing is compiled and nothing outside the folder is imported but Node's own modules (and
// resvg, for PNG only), so the folder works from any checkout it is copied or moved to.
// Run at build time only (by bin/bundle.mjs through tsx): it needs esbuild and svelte/compiler.

import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build, type Plugin } from "esbuild";
import { compileServerComponent } from "../../renderer/export/compile-server.ts";

/** Native, and needed for PNG only: loaded from node_modules when a PNG is asked for. */
const RUNTIME_PACKAGES = ["@resvg/resvg-js"];

export interface BuiltBundle {
  /** output file name (relative to the folder) -> contents */
  files: Map<string, Uint8Array>;
  /** every file the bundle was built from, relative to `root` */
  inputs: string[];
  /** what the bundle imports from outside itself at run time */
  externals: string[];
}

export async function buildCliBundle(root: string): Promise<BuiltBundle> {
  const result = await build({
    entryPoints: { main: join(root, "bin/cli/main.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: "/bundle",
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: root,
    external: RUNTIME_PACKAGES,
    plugins: [bundledComponents(root), svelteForServer(root)],
  });
  const files = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) files.set(relative("/bundle", file.path), file.contents);
  const externals = new Set<string>();
  for (const output of Object.values(result.metafile.outputs))
    for (const imported of output.imports) if (imported.external) externals.add(imported.path);
  // node_modules' files too: upgrading svelte or d3 rebuilds the bundle
  return { files, inputs: Object.keys(result.metafile.inputs), externals: [...externals].sort() };
}

/** .svelte files compiled for svelte/server with the app's export options (compile-server.ts). */
function svelteForServer(root: string): Plugin {
  return {
    name: "gradlens-svelte-server",
    setup(b) {
      b.onLoad({ filter: /\.svelte$/ }, (args) => ({
        contents: compileServerComponent(
          readFileSync(args.path, "utf8"),
          relative(root, args.path),
        ),
        loader: "js",
        resolveDir: dirname(args.path),
      }));
    },
  };
}

/** Inside the bundle the export components are compiled in: node-components.ts (which compiles
 *  them at first use, for tests and for running from sources) gives way to bundled-components.ts. */
function bundledComponents(root: string): Plugin {
  return {
    name: "gradlens-bundled-components",
    setup(b) {
      b.onResolve({ filter: /\/node-components\.ts$/ }, () => ({
        path: join(root, "renderer/export/bundled-components.ts"),
      }));
    },
  };
}
