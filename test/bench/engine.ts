// Engine benchmark: forward+backward of a micrograd-style scalar MLP (~2000 grad_fn nodes,
// every weight a 0-d tensor) and of a small tensor MLP (batch 64, two layers of 128), next to
// real PyTorch (the answer key: PyTorch 2.6, shared/oracle/python3) timed inside its own process, startup excluded.
import { spawnSync } from "node:child_process";
import * as T from "../../engine/index.ts";
import { gemmKernel } from "../../engine/ops/gemm.ts";
import { oraclePython } from "../../scripts/oracle.mjs";
import { ratio, time, verdict, type BenchRow } from "./summary.ts";

const SCALAR = { nin: 16, layers: [32, 16, 1] };
const TENSOR = { batch: 64, width: 128 };
const REPEATS = { scalar: 30, tensor: 30 };

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

function scalarMlp(rt: T.Runtime): () => number {
  const rand = lcg(1);
  const x = Array.from({ length: SCALAR.nin }, () => T.tensor(rt, rand()));
  const sizes = [SCALAR.nin, ...SCALAR.layers];
  const params = SCALAR.layers.map((nout, l) =>
    Array.from({ length: nout }, () => ({
      w: Array.from({ length: sizes[l] }, () => T.tensor(rt, rand(), { requiresGrad: true })),
      b: T.tensor(rt, rand(), { requiresGrad: true }),
    })),
  );
  let nodes = 0;
  // the graph's size is counted once, on the untimed first run: PyTorch's side counts nothing
  return () => {
    let acts = x;
    for (const layer of params) {
      acts = layer.map(({ w, b }) => {
        let act = b;
        w.forEach((wi, i) => (act = T.add(act, T.mul(wi, acts[i]))));
        return T.tanh(act);
      });
    }
    const loss = T.pow(acts[0], 2n);
    T.backward(loss);
    if (nodes === 0) nodes = countNodes(loss);
    return nodes;
  };
}

function countNodes(t: T.Tensor): number {
  const seen = new Set<T.GradNode>();
  const stack = t.gradFn ? [t.gradFn] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const e of n.next) if (e) stack.push(e.node);
  }
  return seen.size;
}

function tensorMlp(rt: T.Runtime): () => number {
  const { batch, width } = TENSOR;
  rt.generator.manualSeed(0);
  const x = T.randn(rt, [batch, width]);
  const w1 = T.requiresGrad_(T.mul(T.randn(rt, [width, width]), 0.1));
  const b1 = T.zeros(rt, [width], { requiresGrad: true });
  const w2 = T.requiresGrad_(T.mul(T.randn(rt, [width, width]), 0.1));
  const b2 = T.zeros(rt, [width], { requiresGrad: true });
  let nodes = 0;
  return () => {
    const h = T.tanh(T.add(T.matmul(x, w1), b1));
    const out = T.tanh(T.add(T.matmul(h, w2), b2));
    const loss = T.mean(T.pow(out, 2n));
    T.backward(loss);
    if (nodes === 0) nodes = countNodes(loss);
    return nodes;
  };
}

/** median ms of `repeats` runs of each step, the steps interleaved after a warm-up so the JIT
 *  and the machine's load treat them alike */
function timeBoth(steps: (() => number)[], repeats: number): { median: number; nodes: number }[] {
  const nodes = steps.map((s) => s());
  for (let w = 0; w < 5; w++) steps.forEach((s) => s());
  const times: number[][] = steps.map(() => []);
  for (let i = 0; i < repeats; i++)
    steps.forEach((s, k) => {
      const t0 = performance.now();
      s();
      times[k].push(performance.now() - t0);
    });
  return times.map((t, k) => {
    t.sort((a, b) => a - b);
    return { median: t[Math.floor(t.length / 2)], nodes: nodes[k] };
  });
}

const PYTORCH = String.raw`
import time, torch, random, json
random.seed(1)
def med(f, n):
    f(); ts = []
    for _ in range(n):
        t0 = time.perf_counter(); f(); ts.append((time.perf_counter() - t0) * 1000)
    ts.sort(); return ts[len(ts) // 2]
nin, layers = ${SCALAR.nin}, ${JSON.stringify(SCALAR.layers)}
x = [torch.tensor(random.random() - 0.5) for _ in range(nin)]
sizes = [nin] + layers
params = [[([torch.tensor(random.random() - 0.5, requires_grad=True) for _ in range(sizes[l])], torch.tensor(random.random() - 0.5, requires_grad=True)) for _ in range(n)] for l, n in enumerate(layers)]
def scalar():
    acts = x
    for layer in params:
        new = []
        for w, b in layer:
            act = b
            for wi, xi in zip(w, acts):
                act = act + wi * xi
            new.append(act.tanh())
        acts = new
    (acts[0] ** 2).backward()
torch.manual_seed(0)
B, W = ${TENSOR.batch}, ${TENSOR.width}
xt = torch.randn(B, W)
w1 = (torch.randn(W, W) * 0.1).requires_grad_(); b1 = torch.zeros(W, requires_grad=True)
w2 = (torch.randn(W, W) * 0.1).requires_grad_(); b2 = torch.zeros(W, requires_grad=True)
def tensor():
    h = torch.tanh(xt @ w1 + b1)
    out = torch.tanh(h @ w2 + b2)
    (out ** 2).mean().backward()
print(json.dumps({"scalar": med(scalar, ${REPEATS.scalar}), "tensor": med(tensor, ${REPEATS.tensor}), "threads": torch.get_num_threads()}))
`;

function pytorchTimes(): { scalar: number; tensor: number; threads: number } | null {
  let python: string;
  try {
    python = oraclePython();
  } catch {
    return null;
  }
  const p = spawnSync(python, ["-c", PYTORCH], { encoding: "utf8", timeout: 300_000 });
  if (p.status !== 0) return null;
  return JSON.parse(p.stdout.trim().split("\n").at(-1)!);
}

const fmt = (ms: number) => `${ms.toFixed(2).padStart(9)} ms`;

/** PyTorch and Gradlens take turns for this many rounds and each figure is the median over
 *  rounds, so a burst of load on the machine does not land on one side only */
const ROUNDS = 3;
const median = (xs: number[]) => xs.slice().sort((p, q) => p - q)[Math.floor(xs.length / 2)];

export async function run(): Promise<BenchRow[]> {
  console.log(`== engine: forward+backward, median of repeats, ${ROUNDS} alternating rounds (Gradlens vs PyTorch 2.6 CPU) ==`);
  const torchRounds: { scalar: number; tensor: number; threads: number }[] = [];
  const ours = new Map<string, { off: number[]; on: number[]; nodes: number; events: number }>();
  for (let round = 0; round < ROUNDS; round++) {
    const t = pytorchTimes();
    if (t) torchRounds.push(t);
    for (const [name, build, repeats] of [
      ["scalar MLP", scalarMlp, REPEATS.scalar],
      ["tensor MLP", tensorMlp, REPEATS.tensor],
    ] as const) {
      let events = 0;
      const [off, on] = timeBoth([build(new T.Runtime()), build(new T.Runtime({ sink: () => void events++ }))], repeats);
      const r = ours.get(name) ?? { off: [], on: [], nodes: off.nodes, events: Math.round(events / (repeats + 6)) };
      r.off.push(off.median);
      r.on.push(on.median);
      ours.set(name, r);
    }
  }
  const torch = torchRounds.length
    ? { scalar: median(torchRounds.map((t) => t.scalar)), tensor: median(torchRounds.map((t) => t.tensor)), threads: torchRounds[0].threads }
    : null;
  const rows: [string, number, number | null, number][] = [];
  for (const [name, key] of [
    ["scalar MLP", "scalar"],
    ["tensor MLP", "tensor"],
  ] as const) {
    const r = ours.get(name)!;
    const off = median(r.off);
    const on = median(r.on);
    rows.push([`${name} (${r.nodes} nodes), events off`, off, torch ? torch[key] : null, 0]);
    rows.push([`${name}, events on (${r.events}/run)`, on, torch ? torch[key] : null, on / off]);
  }
  for (const [label, ms, py, overhead] of rows) {
    const ratio = py ? `ratio ${(ms / py).toFixed(2)}` : "PyTorch not installed";
    const extra = overhead ? `, events cost ${overhead.toFixed(2)}x` : "";
    console.log(`${label.padEnd(48)} Gradlens ${fmt(ms)}   PyTorch ${py ? fmt(py) : "       n/a"}   ${ratio}${extra}`);
  }
  console.log(`(matrix kernel: ${gemmKernel()}; PyTorch used ${torch ? torch.threads : "-"} threads; targets: scalar ratio <= 1.0, tensor ratio <= 5, events <= 2x)`);
  if (!torch) console.log("PyTorch (the answer key, scripts/oracle.mjs) is not installed here: no reference figures, no verdicts");
  const summary: BenchRow[] = [];
  for (const [k, [label, ms, py, overhead]] of rows.entries()) {
    const limit = k < 2 ? 1 : 5;
    const name = k % 2 === 0 ? label.replace(", events off", "") : "";
    if (k % 2 === 0)
      summary.push({ group: "engine", row: `${name}, fwd+bwd, events off`, ours: time(ms), reference: py ? `PyTorch ${time(py)}` : "PyTorch absent", ratio: ratio(ms, py), target: `<= ${limit}x PyTorch`, verdict: py ? verdict(ms / py <= limit) : "" });
    else
      summary.push({ group: "engine", row: `${label.split(",")[0]}, events on (${label.match(/\((\d+)\/run/)?.[1]}/run)`, ours: time(ms), reference: `events off ${time(ms / overhead)}`, ratio: `${overhead.toFixed(2)}x`, target: "<= 2x events off", verdict: verdict(overhead <= 2) });
  }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
