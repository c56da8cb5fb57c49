// Bench: `gradlens export` SVG next to Graphviz `dot -Tsvg` on the same graph, measured in the same
// run. The graph is the layout bench's MLP (a micrograd-style scalar MLP run by our interpreter) at
// ~500 / 2000 / 5000 / 20000 nodes; dot draws the DOT file `gradlens export --format dot` writes for
// the same step (what a torchviz user renders). Both are whole processes timed by /usr/bin/time:
// wall, CPU (user + system) and peak resident memory. Then the same export from a copied and from
// a moved checkout, next to the one in place.
// Usage: node --import tsx test/bench/export.ts [--sizes 500,2000,5000,20000]

import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mlpGraphOfSize } from "../renderer/layout/graphs.ts";
import { mlpScript } from "../renderer/layout/mlp-script.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const TIME = "/usr/bin/time";
const DOT = "/usr/bin/dot";
/** ratio of our CPU time to dot's at each size; 20000 nodes has absolute targets instead */
const TARGET_RATIO: Record<number, number> = { 2000: 0.4, 5000: 0.1 };
const TARGET_20000 = { seconds: 3, megabytes: 600 };

interface Measured {
  wall: number;
  cpu: number;
  /** peak resident set, MB */
  rss: number;
}

/** One process under /usr/bin/time; the least of `repeats` runs by CPU time. */
function measure(cmd: string, args: string[], cwd: string, repeats: number): Measured {
  let best: Measured | null = null;
  for (let i = 0; i < repeats; i++) {
    const r = spawnSync(TIME, ["-f", "@@ %e %U %S %M", cmd, ...args], {
      cwd,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    const line = r.stderr.split("\n").find((l) => l.startsWith("@@ "));
    if (r.status !== 0 || !line)
      throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr.slice(-500)}`);
    const [wall, user, sys, kb] = line.slice(3).split(" ").map(Number);
    const m = { wall: wall * 1000, cpu: (user + sys) * 1000, rss: kb / 1024 };
    if (!best || m.cpu < best.cpu) best = m;
  }
  return best!;
}

const gradlens = (dir: string, checkout = root) => [join(checkout, "bin/gradlens.js")];

export async function run(sizes = [500, 2000, 5000, 20000]): Promise<void> {
  if (!existsSync(TIME) || !existsSync(DOT)) {
    console.log(`export bench: needs ${TIME} and ${DOT}; skipped`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "gradlens-export-bench-"));
  console.log(
    "== gradlens export SVG vs dot -Tsvg on the same graph (the DOT file gradlens export writes) ==",
  );
  console.log(
    `machine load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; least CPU of 3 runs (1 at 20000 nodes); ratios are CPU time`,
  );
  console.log(
    `${"size".padEnd(6)} ${"nodes".padStart(6)} | ${"gradlens wall / CPU / peak".padStart(28)} | ${"dot -Tsvg wall / CPU / peak".padStart(28)} | CPU ratio  target`,
  );
  // a first export builds or checks the bundle, so the timed ones measure exporting alone
  for (const size of sizes) {
    const script = join(dir, `mlp${size}.py`);
    writeFileSync(script, mlpScript(3, 8, mlpGraphOfSize(size).hiddenLayers));
    const repeats = size >= 20000 ? 1 : 3;
    spawnSync(
      process.execPath,
      [...gradlens(dir), "export", script, "-o", join(dir, `mlp${size}.dot`)],
      { cwd: dir },
    );
    const ours = measure(
      process.execPath,
      [...gradlens(dir), "export", script, "-o", join(dir, `mlp${size}.svg`)],
      dir,
      repeats,
    );
    const dot = measure(
      DOT,
      ["-Tsvg", join(dir, `mlp${size}.dot`), "-o", join(dir, `dot${size}.svg`)],
      dir,
      repeats,
    );
    const nodes = String(
      readFileSync(join(dir, `mlp${size}.svg`), "utf8").split('<g class="node ').length - 1,
    );
    const ratio = ours.cpu / dot.cpu;
    const target =
      size >= 20000
        ? `≤ ${TARGET_20000.seconds} s and ≤ ${TARGET_20000.megabytes} MB: ${ours.wall <= TARGET_20000.seconds * 1000 && ours.cpu <= TARGET_20000.seconds * 1000 && ours.rss <= TARGET_20000.megabytes ? "met" : "MISSED"}`
        : TARGET_RATIO[size]
          ? `≤ ${TARGET_RATIO[size]}x: ${ratio <= TARGET_RATIO[size] ? "met" : "MISSED"}`
          : "";
    const fmt = (m: Measured) =>
      `${(m.wall / 1000).toFixed(2)} s / ${(m.cpu / 1000).toFixed(2)} s / ${m.rss.toFixed(0)} MB`.padStart(
        28,
      );
    console.log(
      `${String(size).padEnd(6)} ${nodes.padStart(6)} | ${fmt(ours)} | ${fmt(dot)} | ${ratio.toFixed(3).padStart(6)}x  ${target}`,
    );
  }
  checkouts(dir, join(dir, `mlp${sizes.includes(2000) ? 2000 : sizes[0]}.py`));
  rmSync(dir, { recursive: true, force: true });
}

/** The same export from this checkout, a copy (new mtimes, another path) and the copy moved. */
function checkouts(dir: string, script: string): void {
  const copy = join(dir, "copied-checkout");
  mkdirSync(copy);
  // sources copied (new files, new mtimes), node_modules linked file by file (cache included)
  for (const name of readdirSync(root)) {
    if ([".git", "test-results", "out", "dist"].includes(name)) continue;
    if (name === "node_modules") spawnSync("cp", ["-al", join(root, name), join(copy, name)]);
    else cpSync(join(root, name), join(copy, name), { recursive: true });
  }
  const time = (checkout: string) =>
    measure(
      process.execPath,
      [...gradlens(dir, checkout), "export", script, "-o", join(dir, "c.svg")],
      dir,
      1,
    );
  const inPlace = [time(root), time(root)];
  const copied = [time(copy), time(copy)];
  const moved = join(dir, "moved-checkout");
  renameSync(copy, moved);
  const movedRuns = [time(moved), time(moved)];
  const line = (name: string, runs: Measured[]) =>
    `  ${name.padEnd(20)} first ${(runs[0].cpu / 1000).toFixed(2)} s CPU (${(runs[0].wall / 1000).toFixed(2)} s wall), then ${(runs[1].cpu / 1000).toFixed(2)} s CPU: ${(runs[0].cpu / inPlace[1].cpu).toFixed(2)}x / ${(runs[1].cpu / inPlace[1].cpu).toFixed(2)}x in place`;
  console.log("");
  console.log(
    `export from a copied or moved checkout (${script.split("/").pop()}), next to the one in place:`,
  );
  console.log(line("in place", inPlace));
  console.log(line("copied checkout", copied));
  console.log(line("moved checkout", movedRuns));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--sizes");
  await run(at > 0 ? process.argv[at + 1].split(",").map(Number) : undefined);
}
