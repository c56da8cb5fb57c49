// CLI benchmark: wall time, end to end (process start to exit), of `gradlens run` and of
// `python3` + PyTorch on the seed lesson scripts (test/conformance/cases/seed_*.py), side by
// side with the ratio. Each is the median of REPEATS runs. Target: Gradlens >= 5x faster.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const REPEATS = 5;
const root = new URL("../../", import.meta.url).pathname;
const casesDir = join(root, "test/conformance/cases");
const PYTHON = "/usr/bin/python3";

function wall(cmd: string, args: string[]): { ms: number; ok: boolean } {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 120_000, env: { PATH: "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp" } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, ok: p.status === 0 || (p.stderr ?? "").includes("Error:") };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const scripts = readdirSync(casesDir)
    .filter((f) => f.startsWith("seed_") && f.endsWith(".py"))
    .sort();
  const havePython = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import torch"], { env: { PATH: "/usr/bin:/bin" } }).status === 0;
  console.log(`== gradlens run vs python3 + PyTorch: wall time per script, median of ${REPEATS} ==`);
  console.log(`${"script".padEnd(36)} ${"gradlens".padStart(10)} ${"python3".padStart(10)}  ratio (python3 / gradlens)`);
  let totalG = 0;
  let totalP = 0;
  for (const s of scripts) {
    const file = join(casesDir, s);
    // one warm-up each, so tsx's transform cache and the OS file cache are filled for both
    wall(process.execPath, [join(root, "bin/gradlens.js"), "run", file]);
    const g = median(Array.from({ length: REPEATS }, () => wall(process.execPath, [join(root, "bin/gradlens.js"), "run", file]).ms));
    let p: number | null = null;
    if (havePython) {
      wall(PYTHON, [file]);
      p = median(Array.from({ length: REPEATS }, () => wall(PYTHON, [file]).ms));
    }
    totalG += g;
    totalP += p ?? 0;
    const ratio = p ? `${(p / g).toFixed(1)}x faster` : "python3 + torch not available";
    console.log(`${s.padEnd(36)} ${g.toFixed(0).padStart(7)} ms ${p ? p.toFixed(0).padStart(7) + " ms" : "       n/a"}  ${ratio}`);
  }
  if (havePython)
    console.log(`${"total".padEnd(36)} ${totalG.toFixed(0).padStart(7)} ms ${totalP.toFixed(0).padStart(7)} ms  ${(totalP / totalG).toFixed(1)}x faster (target >= 5x)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
