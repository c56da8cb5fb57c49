// The same elementwise ops as kernels.ts, written as a program runs them: `z = x + y` in a loop,
// through the interpreter (`gradlens run`'s path, events off), next to PyTorch running the same
// loop in Python. Here, as in CPython, the interpreter knows when z's old tensor is dead (the name
// is rebound and nothing else read it), so the next output reuses its memory (engine/buffer_pool.ts);
// kernels.ts calls the engine directly, where nothing tells it. CPU time per iteration: a run of
// K iterations minus a run of none, divided by K (the loop's own cost stays in, as on PyTorch's side).
import { spawnSync } from "node:child_process";
import { runPython } from "../../engine/python/run.ts";
import { oracleEnv, oraclePython } from "../../scripts/oracle.mjs";

export type ProgramOp = "add" | "mul" | "sum";
export type ProgramLayout = "contiguous" | "broadcast" | "scalar" | "strided";
export interface ProgramCase {
  op: ProgramOp;
  dtype: "float32" | "float64";
  n: number;
  layout: ProgramLayout;
}

/** the program: the same text for both sides */
export function programOf(c: ProgramCase, k: number): string {
  const dt = `dtype=torch.${c.dtype}`;
  const make = (m: string) => `(torch.rand(${m}, ${dt}) * 8 - 4)`;
  const x =
    c.layout === "strided" ? `${make(`${2 * c.n}`)}[::2]` : c.layout === "broadcast" ? `${make(`${c.n}`)}.view(${c.n / 100}, 100)` : make(`${c.n}`);
  const y = c.layout === "strided" ? `${make(`${2 * c.n}`)}[::2]` : c.layout === "broadcast" ? make("100") : c.layout === "scalar" ? "2.5" : make(`${c.n}`);
  const body = c.op === "add" ? "z = x + y" : c.op === "mul" ? "z = x * y" : "z = x.sum()";
  return `import torch\nx = ${x}\ny = ${y}\nfor _ in range(${k}):\n    ${body}\n`;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function runOnce(src: string): number {
  const t0 = cpuMs();
  const out = runPython(src, { onStdout: () => undefined, onStderr: (s) => process.stderr.write(s) });
  if (out.exitCode !== 0) throw new Error(`kernels program bench: the program failed\n${src}`);
  return cpuMs() - t0;
}

/** CPU ms per iteration in Gradlens: iterations doubled until the loop takes budgetMs */
export function gradlensPerIteration(c: ProgramCase, budgetMs: number): number {
  const empty = Math.min(runOnce(programOf(c, 0)), runOnce(programOf(c, 0)));
  let k = 4;
  for (;;) {
    const t = runOnce(programOf(c, k)) - empty;
    if (t >= budgetMs || k >= 1 << 20) return Math.max(t, 0) / k;
    k *= Math.max(2, Math.min(16, Math.ceil(budgetMs / Math.max(t, 0.5))));
  }
}

const PYTORCH = String.raw`
import json, sys, time, torch
cases = json.loads(sys.argv[1]); budget = float(sys.argv[2]) / 1000
def run(src):
    t0 = time.process_time(); exec(src, {}); return time.process_time() - t0
out = {}
for c in cases:
    empty = min(run(c["src0"]), run(c["src0"]))
    k = 4
    while True:
        t = run(c["src"].replace("range(K)", "range(%d)" % k)) - empty
        if t >= budget or k >= 1 << 20: break
        k *= max(2, min(16, -(-budget // max(t, 0.0005))))
        k = int(k)
    out[c["key"]] = max(t, 0) / k * 1000
print(json.dumps(out))
`;

/** CPU ms per iteration in PyTorch (its own process, one thread), by key; null without the answer key */
export function pytorchPerIteration(cases: { key: string; c: ProgramCase }[], budgetMs: number): Record<string, number> | null {
  let python: string;
  try {
    python = oraclePython();
  } catch {
    return null;
  }
  const arg = JSON.stringify(cases.map(({ key, c }) => ({ key, src0: programOf(c, 0), src: programOf(c, 0).replace("range(0)", "range(K)") })));
  const p = spawnSync(python, ["-c", PYTORCH, arg, String(budgetMs)], { encoding: "utf8", timeout: 600_000, env: oracleEnv() });
  if (p.status !== 0) return null;
  return JSON.parse(p.stdout.trim().split("\n").at(-1)!);
}
