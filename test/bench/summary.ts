// The one table `npm run bench` ends with: each row of issue 16 (and the other targets the benches
// check) next to its reference measured in the same run, the ratio, the target and whether it was met.
// Each bench's run() returns its rows; the app bench (a separate process) writes them as JSON.

/** CPU seconds Graphviz dot may take on a graph of `nodes` nodes (GRADLENS_BENCH_DOT_LIMIT sets one
 *  limit for every size). dot takes ~6 s at 2000 nodes and ~48 s at 5000 (CPU, this machine); at
 *  20000 it runs for many minutes (it had not finished after 240 s), so there it is stopped after
 *  30 s: the reference is then "dot > 30 s", a lower bound of its time, with no drawing. */
export function dotCpuLimit(nodes: number): number {
  const fixed = process.env.GRADLENS_BENCH_DOT_LIMIT;
  if (fixed) return Number(fixed);
  return nodes >= 10_000 ? 30 : 120;
}

export type Verdict = "met" | "MISSED" | "";

export interface BenchRow {
  /** the bench that measured it: engine, kernels, cli, layout, export, app */
  group: string;
  /** what was measured, e.g. "export SVG, 2000 nodes: CPU" */
  row: string;
  /** our figure with its unit */
  ours: string;
  /** the reference's figure (dot, PyTorch, python3, an idle frame...), or "" when there is none */
  reference: string;
  /** ours / reference as the target states it, or "" */
  ratio: string;
  target: string;
  verdict: Verdict;
}

export const verdict = (ok: boolean): Verdict => (ok ? "met" : "MISSED");

/** "12.3 ms", "1.20 s": milliseconds shown with a unit that keeps them short */
export function time(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "n/a";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function ratio(ours: number | null | undefined, reference: number | null | undefined, suffix = "x"): string {
  if (ours == null || reference == null || !Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return "";
  const r = ours / reference;
  return `${r.toFixed(r < 0.1 ? 3 : 2)}${suffix}`;
}

/** The rows as one table, each column as wide as its longest cell; a bench's name on its first row. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = (r: BenchRow) => [r.group, r.row, r.ours, r.reference, r.ratio, r.target, r.verdict];
  const head = ["bench", "row", "ours", "reference", "ratio", "target", "met?"];
  const all = [head, ...rows.map(cells)];
  const widths = head.map((_, c) => Math.max(...all.map((cols) => cols[c].length)));
  const right = new Set([2, 3, 4]);
  const line = (cols: string[]) => cols.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  ")];
  let group = "";
  for (const cols of all.slice(1)) {
    out.push(line([cols[0] === group ? "" : cols[0], ...cols.slice(1)]));
    group = cols[0];
  }
  const met = rows.filter((r) => r.verdict === "met").length;
  const missed = rows.filter((r) => r.verdict === "MISSED").length;
  out.push(`${met} met, ${missed} missed, ${rows.length - met - missed} without a target`);
  return out.join("\n");
}
