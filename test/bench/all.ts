// `npm run bench`: every benchmark in one run, each printing its figures and ratios
// (engine and elementwise kernels vs PyTorch, CLI vs python3, layout and export vs Graphviz dot, the app in Chromium).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { run as cli } from "./cli.ts";
import { run as exportBench } from "./export.ts";
import { run as layout } from "./layout.ts";
import { enableRelaxedSimd } from "../../bin/wasm_features.mjs";

// the engine's fused kernels, as the CLI and the app run them (Node 20 needs a V8 flag for them)
enableRelaxedSimd();

/** a bench that runs the engine as the app and the CLI run it, from one esbuild bundle: through
 *  tsx's loader every call into another module goes through a getter, which doubles the scalar
 *  MLP's time */
async function bundled(file: string): Promise<void> {
  const { build } = await import("esbuild");
  const here = fileURLToPath(new URL(".", import.meta.url));
  const out = join(here, `../../node_modules/.cache/gradlens-bench/${file.replace(/\.ts$/, ".mjs")}`);
  await build({ entryPoints: [join(here, file)], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "warning" });
  const { run } = (await import(pathToFileURL(out).href)) as { run: () => Promise<void> };
  await run();
}

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ["engine", () => bundled("engine.ts")],
  ["kernels", () => bundled("kernels.ts")],
  ["cli", cli],
  ["layout", () => layout()],
  ["export", () => exportBench()],
  [
    "app",
    async () => {
      console.log("== app in Chromium at ~500/2000/5000/20000 graph nodes: run -> first graph paint, heap, per-step frame time from a trace, held-key steps/s ==");
      spawnSync("node", ["test/e2e/bench.mjs"], { stdio: "inherit" });
    },
  ],
];
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  await bench();
  console.log();
}
