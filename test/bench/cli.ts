// CLI benchmark: wall time, end to end (process start to exit), of `gradlens run` and of
// `python3` + PyTorch (the answer key, shared/oracle/python3: its chroot adds a few ms to each
// start) on the seed lesson scripts (test/conformance/cases/seed_*.py), side by side with the ratio. Each is the best (least) of REPEATS runs, the figure least disturbed by
// other load on the machine; the median is shown too. Target: Gradlens >= 5x faster.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { oraclePython } from "../../scripts/oracle.mjs";
import { time as duration, verdict, type BenchRow } from "./summary.ts";

const REPEATS = 3;
const root = new URL("../../", import.meta.url).pathname;
const casesDir = join(root, "test/conformance/cases");
const PYTHON = (() => {
  try {
    return oraclePython();
  } catch {
    return null;
  }
})();

function wall(cmd: string, args: string[]): { ms: number; ok: boolean } {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 120_000, env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: process.env.HOME ?? "/tmp" } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, ok: p.status === 0 || (p.stderr ?? "").includes("Error:") };
}

interface Timing {
  best: number;
  median: number;
}

function time(cmd: string, args: string[]): Timing {
  wall(cmd, args); // warm-up: tsx/esbuild caches and the OS file cache filled for both
  const xs = Array.from({ length: REPEATS }, () => wall(cmd, args).ms).sort((a, b) => a - b);
  return { best: xs[0], median: xs[Math.floor(xs.length / 2)] };
}

const ms = (t: Timing): string => `${t.best.toFixed(0).padStart(6)} ms (${t.median.toFixed(0).padStart(6)})`;

export async function run(): Promise<BenchRow[]> {
  const scripts = readdirSync(casesDir)
    .filter((f) => f.startsWith("seed_") && f.endsWith(".py"))
    .sort();
  const havePython = PYTHON !== null && spawnSync(PYTHON, ["-c", "import torch"], { env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" } }).status === 0;
  console.log(`== gradlens run vs python3 + PyTorch: wall time per script, best (median) of ${REPEATS} ==`);
  console.log(`${"script".padEnd(34)} ${"gradlens".padStart(18)} ${"python3".padStart(18)}  ratio (python3 / gradlens, best)`);
  let totalG = 0;
  let totalP = 0;
  for (const s of scripts) {
    const file = join(casesDir, s);
    const g = time(process.execPath, [join(root, "bin/gradlens.js"), "run", file]);
    const p = havePython ? time(PYTHON, [file]) : null;
    totalG += g.best;
    totalP += p?.best ?? 0;
    const ratio = p ? `${(p.best / g.best).toFixed(1)}x faster` : "python3 + torch not available";
    console.log(`${s.padEnd(34)} ${ms(g)} ${p ? ms(p) : "n/a".padStart(18)}  ${ratio}`);
  }
  if (havePython)
    console.log(
      `${"total".padEnd(34)} ${totalG.toFixed(0).padStart(9)} ms ${" ".repeat(8)}${totalP.toFixed(0).padStart(9)} ms ${" ".repeat(8)} ${(totalP / totalG).toFixed(1)}x faster (target >= 5x)`,
    );
  else console.log("python3 with PyTorch (the answer key, scripts/oracle.mjs) is not installed here: no reference figures, no verdict");
  return [
    {
      group: "cli",
      row: `gradlens run, ${scripts.length} seed scripts, wall (best of ${REPEATS})`,
      ours: duration(totalG),
      reference: havePython ? `python3 ${duration(totalP)}` : "python3 + torch absent",
      ratio: havePython ? `${(totalP / totalG).toFixed(1)}x faster` : "",
      target: ">= 5x faster",
      verdict: havePython ? verdict(totalP / totalG >= 5) : "",
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
