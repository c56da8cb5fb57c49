import { mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import type { ExportComponents } from "../../../renderer/export/components.ts";
import { loadExportComponents } from "../../../renderer/export/node-components.ts";
import { stepSvg } from "../../../renderer/export/svg.ts";
import { VIRTUAL_ID, gradlensExportComponents, rewriteImports } from "../../../renderer/export/vite-plugin.ts";
import { PROBLEMS, caseSource, stepOf, traceOf } from "./helpers.ts";

describe("the app's build of the export components (Vite plugin)", () => {
  it("rewrites a component's relative imports to absolute ones, .svelte to their server build", () => {
    const code = `import * as $ from "svelte/internal/server";\nimport GraphEdge from "./GraphEdge.svelte";\nimport { formatShape } from "../lib/format.ts";`;
    const out = rewriteImports(code, "/r/renderer/src/graph/GraphScene.svelte");
    expect(out).toContain(`from "svelte/internal/server"`);
    expect(out).toContain(`from "\0gradlens-ssr:/r/renderer/src/graph/GraphEdge.svelte.ssrcomponent"`);
    expect(out).toContain(`from "/r/renderer/src/lib/format.ts"`);
  });

  it("a Vite build through the plugin, beside the app's vite-plugin-svelte, draws the same bytes as the CLI's components", async () => {
    const result = await build({
      // the app's own config (with vite-plugin-svelte compiling the client components), plus ours
      configFile: new URL("../../../renderer/vite.config.ts", import.meta.url).pathname,
      logLevel: "silent",
      plugins: [gradlensExportComponents()],
      build: {
        write: false,
        minify: false,
        target: "es2022",
        rollupOptions: {
          input: VIRTUAL_ID,
          preserveEntrySignatures: "strict",
          output: { format: "es" },
          // one svelte runtime: the one svelte/server's render() in this test uses
          external: (id) => /^(svelte|d3)(\/|$)/.test(id),
        },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
    const chunk = outputs.find((o) => o.type === "chunk");
    expect(chunk).toBeDefined();
    const dir = join(process.cwd(), "node_modules", ".cache", "gradlens");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `vite-test-${process.pid}.mjs`);
    writeFileSync(file, (chunk as { code: string }).code);
    const fromVite = (await import(pathToFileURL(file).href)) as ExportComponents;
    unlinkSync(file);
    const fromCli = await loadExportComponents();
    for (const name of PROBLEMS) {
      const cursor = traceOf(caseSource(name));
      for (const step of [stepOf(cursor, "node/executed", 1), cursor.length - 1])
        expect(stepSvg(fromVite, cursor, step, { view: "both" })).toBe(stepSvg(fromCli, cursor, step, { view: "both" }));
    }
  });
});
