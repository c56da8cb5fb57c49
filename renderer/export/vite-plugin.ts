// A Vite plugin for the app's build: `import components from "virtual:gradlens-export-components"`
// gives the screen's graph and memory components compiled for svelte/server (with the options
// the CLI uses), next to their client versions, so the app's Export renders them with render().
// Add to renderer/vite.config.ts: plugins: [svelte(), gradlensExportComponents()].

import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { compileServerComponent } from "./compile-server.ts";

export const VIRTUAL_ID = "virtual:gradlens-export-components";
const RESOLVED = "\0gradlens-export-components";
// not ending in ".svelte" (nor ".svelte.js"), so vite-plugin-svelte leaves these modules alone
const PREFIX = "\0gradlens-ssr:";
const SUFFIX = ".ssrcomponent";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

/** Rewrites a server-compiled component's relative imports: .svelte ones to their server build,
 *  others to absolute paths (a virtual module has no folder to resolve against). */
export function rewriteImports(code: string, file: string): string {
  return code.replace(/(\bfrom\s*|\bimport\s*)(["'])(\.{1,2}\/[^"']+)\2/g, (_m, lead: string, q: string, spec: string) => {
    const abs = resolve(dirname(file), spec);
    return `${lead}${q}${abs.endsWith(".svelte") ? PREFIX + abs + SUFFIX : abs}${q}`;
  });
}

export function gradlensExportComponents(): Plugin {
  return {
    name: "gradlens-export-components",
    enforce: "pre",
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED;
      if (id.startsWith(PREFIX)) return id;
      return null;
    },
    load(id) {
      if (id === RESOLVED) {
        const component = (rel: string) => JSON.stringify(PREFIX + resolve(here, rel) + SUFFIX);
        return [
          `export { default as GraphScene } from ${component("../src/graph/GraphScene.svelte")};`,
          `export { default as MemoryView } from ${component("../src/memory/MemoryView.svelte")};`,
        ].join("\n");
      }
      if (id.startsWith(PREFIX) && id.endsWith(SUFFIX)) {
        const file = id.slice(PREFIX.length, -SUFFIX.length);
        this.addWatchFile(file);
        return rewriteImports(compileServerComponent(readFileSync(file, "utf8"), relative(root, file)), file);
      }
      return null;
    },
  };
}
