// `npm run bench`: every benchmark in one run, each printing its figures and ratios (engine and
// elementwise kernels vs PyTorch, CLI vs python3, layout and export vs Graphviz dot, the app in
// Chromium), then one table of every row beside its reference, ratio, target and verdict.
// `npm run bench -- export` (or engine, kernels, cli, layout, app; several joined by commas) runs some;
// `--sizes 500,2000` sets the graph sizes of the layout, export and app benches (default 500,2000,5000,20000).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { run as cli } from "./cli.ts";
import { run as exportBench } from "./export.ts";
import { run as layout } from "./layout.ts";
import { formatTable, type BenchRow } from "./summary.ts";
import { enableRelaxedSimd } from "../../bin/wasm_features.mjs";

// the engine's fused kernels, as the CLI and the app run them (Node 20 needs a V8 flag for them)
enableRelaxedSimd();

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "../..");

/** a bench that runs the engine as the app and the CLI run it, from one esbuild bundle: through
 *  tsx's loader every call into another module goes through a getter, which doubles the scalar
 *  MLP's time */
async function bundled(file: string): Promise<BenchRow[]> {
  const { build } = await import("esbuild");
  const out = join(root, `node_modules/.cache/gradlens-bench/${file.replace(/\.ts$/, ".mjs")}`);
  await build({ entryPoints: [join(here, file)], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "warning" });
  const { run } = (await import(pathToFileURL(out).href)) as { run: () => Promise<BenchRow[]> };
  return run();
}

/** The app in Chromium is a process of its own (test/e2e/bench.mjs); its rows come back as JSON. */
async function app(): Promise<BenchRow[]> {
  console.log(`== app in Chromium at ~${(sizes ?? [500, 2000, 5000, 10000, 20000]).join("/")} graph nodes: run -> first graph paint, heap, per-step frame time from a trace, held-key steps/s (10000: run, paint and heap only) ==`);
  const dir = mkdtempSync(join(tmpdir(), "gradlens-bench-app-"));
  const file = join(dir, "rows.json");
  try {
    const p = spawnSync(process.execPath, [join(root, "test/e2e/bench.mjs"), "--rows", file, ...(sizes ? ["--sizes", sizes.join(",")] : [])], { stdio: "inherit", cwd: root });
    if (p.status !== 0 || !existsSync(file)) {
      console.log(`the app bench failed (exit status ${p.status ?? p.signal})`);
      return [{ group: "app", row: "the app bench in Chromium", ours: `failed (${p.status ?? p.signal})`, reference: "", ratio: "", target: "runs", verdict: "MISSED" }];
    }
    return JSON.parse(readFileSync(file, "utf8")) as BenchRow[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
const sizesAt = argv.indexOf("--sizes");
const sizes = sizesAt >= 0 ? argv.splice(sizesAt, 2)[1].split(",").map(Number) : undefined;
const benches: [string, () => Promise<BenchRow[]>][] = [
  ["engine", () => bundled("engine.ts")],
  ["kernels", () => bundled("kernels.ts")],
  ["cli", cli],
  ["layout", () => layout(sizes)],
  ["export", () => exportBench(sizes)],
  ["app", app],
];
const only = argv[0]?.split(",");
const unknown = only?.filter((name) => !benches.some(([n]) => n === name)) ?? [];
if (unknown.length) {
  console.error(`npm run bench: no bench called ${unknown.join(", ")}; choose from ${benches.map(([n]) => n).join(", ")}`);
  process.exit(2);
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
const startLoad = load();
const started = performance.now();
const rows: BenchRow[] = [];
const took: string[] = [];
for (const [name, bench] of benches) {
  if (only && !only.includes(name)) continue;
  const t0 = performance.now();
  try {
    rows.push(...(await bench()));
  } catch (error) {
    // one broken bench does not hide the others' figures
    console.log(`the ${name} bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    rows.push({ group: name, row: `the ${name} bench`, ours: "failed", reference: "", ratio: "", target: "runs", verdict: "MISSED" });
  }
  took.push(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log();
}
console.log(`== summary: every row beside its reference, measured in this run (${cpus().length} cores; load average ${startLoad} at start, ${load()} at end) ==`);
console.log(formatTable(rows));
console.log(`(took ${((performance.now() - started) / 60_000).toFixed(1)} min: ${took.join(", ")}; ratios are ours / reference, except "faster")`);
