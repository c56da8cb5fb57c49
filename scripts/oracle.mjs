#!/usr/bin/env node
// The answer key's python3 (PyTorch 2.6 on Python 3.13, installed by ../shared/oracle/setup.sh).
// shared/ sits beside the repository: ../shared from /work/main, ../../shared from a worktree
// under /work/wt/, so the nearest ancestor holding shared/oracle/python3 is used; ORACLE=/path
// names another python3.
//
// PyTorch runs with one intra-op thread (OMP_NUM_THREADS=1, unless set): ATen splits some kernels
// (softmax over a non-last dim, elementwise math on over 32768 elements) across its threads, and
// where a thread's share starts decides which elements take the vector code and which the scalar
// loop, so the last bits would depend on the recording machine's core count.
//
//   node scripts/oracle.mjs test/fixtures/lessons/record.py     # runs it like python3 would
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function oraclePython() {
  if (process.env.ORACLE) return process.env.ORACLE;
  for (let dir = resolve(import.meta.dirname, "../.."); ; dir = dirname(dir)) {
    const candidate = join(dir, "shared/oracle/python3");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error("no shared/oracle/python3 above the repository: set ORACLE=/path/to/python3");
  }
}

/** the environment the answer key runs in: this process's, with one intra-op thread */
export const oracleEnv = () => ({ OMP_NUM_THREADS: "1", ...process.env });

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const p = spawnSync(oraclePython(), process.argv.slice(2), { stdio: "inherit", env: oracleEnv() });
  if (p.error) throw p.error;
  process.exit(p.status ?? 1);
}
