// Elementwise kernels next to PyTorch (the answer key: PyTorch 2.6, one intra-op thread, timed in
// its own process): add, mul, sum, exp and tanh on 1e3 / 1e5 / 1e6 elements, float32 and float64,
// contiguous, a row broadcast over a batch ([n/100, 100] + [100]), a Python number, and strided
// views (x[::2]). Events off, no grad. Times are CPU time per call (user + system, so the page
// faults of fresh output arrays count), the median of alternating rounds, so load on the machine
// falls on both sides alike; beside each row, what a fresh output array alone costs here.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import * as T from "../../engine/index.ts";
import { fromStorage, makeView } from "../../engine/tensor.ts";
import { elementwiseKernel } from "../../engine/ops/wasm/kernels.ts";
import { fusedKernels } from "../../engine/ops/wasm/fused.ts";
import { oracleEnv, oraclePython } from "../../scripts/oracle.mjs";
import { verdict, type BenchRow } from "./summary.ts";
import { gradlensPerIteration, pytorchPerIteration, type ProgramCase } from "./kernels_program.ts";

type Op = "add" | "mul" | "sum" | "exp" | "tanh";
type Layout = "contiguous" | "broadcast" | "scalar" | "strided";
type DT = "float32" | "float64";
interface Case {
  op: Op;
  dtype: DT;
  n: number;
  layout: Layout;
}

const SIZES = [1e3, 1e5, 1e6];
const LAYOUTS: Record<Op, Layout[]> = {
  add: ["contiguous", "broadcast", "scalar", "strided"],
  mul: ["contiguous", "broadcast", "scalar", "strided"],
  sum: ["contiguous", "strided"],
  exp: ["contiguous", "strided"],
  tanh: ["contiguous", "strided"],
};
const TARGET: Record<Op, number> = { add: 4, mul: 4, sum: 4, exp: 15, tanh: 15 };
const ROUNDS = 3;
/** CPU milliseconds spent on each case per round and side */
const BUDGET_MS = 60;

const CASES: Case[] = (Object.keys(LAYOUTS) as Op[]).flatMap((op) =>
  (["float32", "float64"] as const).flatMap((dtype) =>
    LAYOUTS[op].flatMap((layout) => SIZES.map((n) => ({ op, dtype, n, layout }))),
  ),
);
const key = (c: Case) => `${c.op} ${c.dtype} ${c.layout} ${c.n}`;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms per call: calls repeated until BUDGET_MS of CPU time has gone by */
function perCall(f: () => unknown): number {
  f();
  f();
  let k = 0;
  const t0 = cpuMs();
  let t = t0;
  while (t - t0 < BUDGET_MS || k < 3) {
    f();
    k++;
    t = cpuMs();
  }
  return (t - t0) / k;
}

/** uniform values in [-4, 4) from a fixed LCG */
function values(n: number, dtype: DT, seed: number): Float32Array | Float64Array {
  const out = dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = (s / 2147483648) * 8 - 4;
  }
  return out;
}

function gradlensCase(rt: T.Runtime, c: Case): () => unknown {
  const make = (n: number, seed: number, shape = [n]) => fromStorage(rt, values(n, c.dtype, seed), shape, c.dtype);
  const everyOther = (t: T.Tensor) => makeView(t, [c.n], [2], 0);
  const x = c.layout === "strided" ? everyOther(make(2 * c.n, 1)) : c.layout === "broadcast" ? make(c.n, 1, [c.n / 100, 100]) : make(c.n, 1);
  const y = c.layout === "strided" ? everyOther(make(2 * c.n, 2)) : c.layout === "broadcast" ? make(100, 2) : make(c.n, 2);
  const other = c.layout === "scalar" ? 2.5 : y;
  switch (c.op) {
    case "add":
      return () => T.add(x, other);
    case "mul":
      return () => T.mul(x, other);
    case "sum":
      return () => T.sum(x);
    case "exp":
      return () => T.exp(x);
    case "tanh":
      return () => T.tanh(x);
  }
}

const PYTORCH = String.raw`
import json, sys, time, torch
cases = json.loads(sys.argv[1]); budget = ${BUDGET_MS} / 1000
def per_call(f):
    f(); f(); k = 0; t0 = t = time.process_time()
    while t - t0 < budget or k < 3:
        f(); k += 1; t = time.process_time()
    return (t - t0) / k * 1000
def make(n, shape=None):
    t = torch.rand(n, dtype=dt) * 8 - 4
    return t if shape is None else t.view(*shape)
out = {}
for c in cases:
    dt = torch.float32 if c["dtype"] == "float32" else torch.float64
    n, layout = c["n"], c["layout"]
    if layout == "strided": x, y = make(2 * n)[::2], make(2 * n)[::2]
    elif layout == "broadcast": x, y = make(n, (n // 100, 100)), make(100)
    else: x, y = make(n), make(n)
    other = 2.5 if layout == "scalar" else y
    f = {"add": lambda: x + other, "mul": lambda: x * other, "sum": lambda: x.sum(), "exp": lambda: x.exp(), "tanh": lambda: x.tanh()}[c["op"]]
    out[c["key"]] = per_call(f)
print(json.dumps({"times": out, "threads": torch.get_num_threads()}))
`;

function pytorchRound(): { times: Record<string, number>; threads: number } | null {
  let python: string;
  try {
    python = oraclePython();
  } catch {
    return null;
  }
  const arg = JSON.stringify(CASES.map((c) => ({ ...c, key: key(c) })));
  const p = spawnSync(python, ["-c", PYTORCH, arg], { encoding: "utf8", timeout: 600_000, env: oracleEnv() });
  if (p.status !== 0) return null;
  return JSON.parse(p.stdout.trim().split("\n").at(-1)!);
}

const median = (xs: number[]) => xs.slice().sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
const us = (ms: number) => `${(ms * 1000).toFixed(1)}`.padStart(9);

export async function run(): Promise<BenchRow[]> {
  console.log(`== kernels: elementwise ops, CPU µs per call, median of ${ROUNDS} alternating rounds (Gradlens vs PyTorch 2.6, 1 thread) ==`);
  const load = loadavg()[0]!.toFixed(1);
  const ours = new Map<string, number[]>();
  const torch = new Map<string, number[]>();
  /** the floor under every op that returns a new tensor here: a fresh typed array, written once */
  const fresh = new Map<string, number[]>();
  const freshKey = (c: Case) => `${c.dtype} ${c.n}`;
  let threads = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t = pytorchRound();
    if (t) {
      threads = t.threads;
      for (const [k, v] of Object.entries(t.times)) torch.set(k, [...(torch.get(k) ?? []), v]);
    }
    for (const c of CASES) {
      // a fresh runtime per case: without a program to measure, every allocation counts as held
      const f = gradlensCase(new T.Runtime({ maxBytes: Infinity }), c);
      ours.set(key(c), [...(ours.get(key(c)) ?? []), perCall(f)]);
      if (c.op === "add" && c.layout === "contiguous") {
        const Arr = c.dtype === "float32" ? Float32Array : Float64Array;
        fresh.set(freshKey(c), [...(fresh.get(freshKey(c)) ?? []), perCall(() => new Arr(c.n).fill(1))]);
      }
    }
  }
  console.log(`${"op dtype layout n".padEnd(34)} ${"Gradlens".padStart(9)} ${"PyTorch".padStart(9)}   ratio  target        new array`);
  let met = 0;
  let measured = 0;
  for (const c of CASES) {
    const g = median(ours.get(key(c))!);
    const p = torch.get(key(c));
    const py = p ? median(p) : null;
    const ratio = py ? g / py : null;
    if (ratio !== null) {
      measured++;
      if (ratio <= TARGET[c.op]) met++;
    }
    const verdict = ratio === null ? "" : ratio <= TARGET[c.op] ? "met" : "MISSED";
    const floor = c.op === "sum" ? "" : us(median(fresh.get(freshKey(c))!));
    console.log(
      `${key(c).padEnd(34)} ${us(g)} ${py ? us(py) : "      n/a"}   ${ratio ? ratio.toFixed(2).padStart(5) : "  n/a"}  <= ${TARGET[c.op]}`.padEnd(70) +
        `${verdict.padEnd(7)} ${floor}`,
    );
  }
  console.log(
    "(new array: a fresh typed array of the output's size, allocated and written once, the floor under any op that returns a new tensor:\n" +
      " V8 zero-fills it from memory the allocator took from the system afresh, so at 1e5-1e6 elements its page faults cost more than PyTorch's whole op)",
  );
  programTable();
  console.log(
    `(${met}/${measured} engine-call rows within target; elementwise kernels: ${elementwiseKernel()}; fused multiply-add kernels (exp, float64 tanh): ${fusedKernels() ? "yes" : "no"}; PyTorch used ${threads || "-"} thread(s); load average ${load} on this machine)`,
  );
  if (!measured) console.log("PyTorch (the answer key, scripts/oracle.mjs) is not installed here: no reference figures, no verdicts");
  // the summary: per op and size, the case furthest from its target (of both dtypes and every layout)
  const summary: BenchRow[] = [];
  for (const op of Object.keys(LAYOUTS) as Op[])
    for (const n of SIZES) {
      const cases = CASES.filter((c) => c.op === op && c.n === n).map((c) => {
        const g = median(ours.get(key(c))!);
        const p = torch.get(key(c));
        return { c, g, py: p ? median(p) : null };
      });
      const within = cases.filter((x) => x.py !== null && x.g / x.py <= TARGET[op]).length;
      const worst = cases.reduce((a, b) => (b.py !== null && (a.py === null || b.g / b.py > a.g / a.py) ? b : a));
      summary.push({
        group: "kernels",
        row: `${op} ${n.toExponential().replace("e+", "e")}: worst ${worst.c.dtype} ${worst.c.layout} (${within}/${cases.length} met)`,
        ours: `${(worst.g * 1000).toFixed(1)} µs`,
        reference: worst.py === null ? "PyTorch absent" : `PyTorch ${(worst.py * 1000).toFixed(1)} µs`,
        ratio: worst.py === null ? "" : `${(worst.g / worst.py).toFixed(2)}x`,
        target: `<= ${TARGET[op]}x PyTorch`,
        verdict: worst.py === null ? "" : verdict(within === cases.length),
      });
    }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

/** add, mul and sum as a program runs them (kernels_program.ts), side by side with PyTorch */
function programTable(): void {
  const cases = CASES.filter((c) => c.op === "add" || c.op === "mul" || c.op === "sum").map((c) => ({ key: key(c), c: c as ProgramCase }));
  const ours = new Map<string, number[]>();
  const torch = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const t = pytorchPerIteration(cases, BUDGET_MS);
    if (t) for (const [k, v] of Object.entries(t)) torch.set(k, [...(torch.get(k) ?? []), v]);
    for (const { key: k, c } of cases) ours.set(k, [...(ours.get(k) ?? []), gradlensPerIteration(c, BUDGET_MS)]);
  }
  console.log(`\n-- the same in a program: \`z = x + y\` (x * y, x.sum()) in a loop, Gradlens's interpreter vs CPython, CPU µs per iteration --`);
  let within = 0;
  let compared = 0;
  for (const { key: k, c } of cases) {
    const g = median(ours.get(k)!);
    const p = torch.get(k);
    const py = p ? median(p) : null;
    const r = py ? g / py : null;
    if (r !== null) compared++;
    if (r !== null && r <= TARGET[c.op]) within++;
    const mark = r === null ? "" : r <= TARGET[c.op] ? "met" : "MISSED";
    console.log(`${k.padEnd(34)} ${us(g)} ${py ? us(py) : "      n/a"}   ${r ? r.toFixed(2).padStart(5) : "  n/a"}  <= ${TARGET[c.op]}`.padEnd(70) + mark);
  }
  console.log(`(${within}/${compared} program rows within target)`);
}
