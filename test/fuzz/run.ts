// The differential fuzzer, benchmark-style: every program of the recorded corpus (>= 5,000) on
// the engine, judged against PyTorch's recorded outcome. Prints the counts — agreements,
// documented gaps, disagreements, JavaScript errors, hangs — and every disagreement, JS error
// and hang with its program. Exit status 1 when any of the last three is not 0.
//
//   npm run fuzz                     # the whole corpus
//   npm run fuzz -- --limit 500      # the first 500
//   npm run fuzz -- --show-gaps      # also list the programs in documented gaps
import { judge, loadCorpus, runOurs, type Verdict } from "./compare.ts";
import { GAPS } from "./gaps.ts";
import { CORPUS } from "./paths.ts";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const showGaps = args.includes("--show-gaps");

const corpus = loadCorpus(CORPUS).slice(0, limit);
const counts = { programs: 0, agree: 0, gap: 0, disagree: 0, "js-error": 0, hang: 0 };
let stdoutDiffers = 0;
const gapCounts = new Map<string, number>();
const report: string[] = [];
const started = performance.now();
for (const rec of corpus) {
  const v: Verdict = judge(rec, runOurs(rec.source));
  counts.programs++;
  counts[v.kind]++;
  if ("stdoutDiffers" in v && v.stdoutDiffers) stdoutDiffers++;
  if (v.kind === "gap") gapCounts.set(v.gap, (gapCounts.get(v.gap) ?? 0) + 1);
  const detail =
    v.kind === "disagree" ? `${v.what}:\n    PyTorch: ${v.theirs}\n    Gradlens: ${v.ours}` : v.kind === "js-error" || v.kind === "hang" ? v.message : null;
  if (detail || (showGaps && v.kind === "gap"))
    report.push(`--- ${rec.id} ${v.kind} ${detail ?? (v.kind === "gap" ? v.gap : "")}\n${rec.source}`);
}
const seconds = (performance.now() - started) / 1000;

for (const r of report) console.log(r);
console.log(`\nfuzz: ${counts.programs} programs from ${CORPUS.replace(/.*\/test\//, "test/")} in ${seconds.toFixed(1)} s`);
console.log(`  agree (exception type and final line)  ${counts.agree}`);
console.log(`  documented gaps                         ${counts.gap}`);
for (const g of GAPS) if (gapCounts.get(g.id)) console.log(`    ${String(gapCounts.get(g.id)).padStart(5)}  ${g.id}: ${g.why}`);
console.log(`  disagreements                           ${counts.disagree}`);
console.log(`  JavaScript errors                       ${counts["js-error"]}`);
console.log(`  hangs (stopped by a budget)             ${counts.hang}`);
console.log(`  (whole stdout differs, final line agrees or gap: ${stdoutDiffers})`);
process.exitCode = counts.disagree || counts["js-error"] || counts.hang ? 1 : 0;
