// `npm run bench`: every benchmark in one run, each printing its figures and ratios
// (engine vs PyTorch, CLI vs python3, layout vs Graphviz dot, the app in Chromium).
import { spawnSync } from "node:child_process";
import { run as engine } from "./engine.ts";
import { run as cli } from "./cli.ts";
import { run as layout } from "./layout.ts";

const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ["engine", engine],
  ["cli", cli],
  ["layout", layout],
  [
    "app",
    async () => {
      console.log("== app in Chromium: time to interactive, per-step frame time ==");
      spawnSync("node", ["test/e2e/bench.mjs"], { stdio: "inherit" });
    },
  ],
];
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  await bench();
  console.log();
}
