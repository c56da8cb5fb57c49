// The differential fuzzer in the suite: a fixed subset of the recorded corpus (every 12th of
// its >= 5,000 programs) must agree with PyTorch on the exception type and the final line, with
// no JavaScript error and no run stopped by a budget, outside the documented gaps (gaps.ts).
// The whole corpus runs with `npm run fuzz`, which prints the counts.
import { describe, expect, it } from "vitest";
import { judge, loadCorpus, runOurs, type Verdict } from "./compare.ts";
import { samplePrograms } from "./generate.ts";
import { CORPUS } from "./paths.ts";

const corpus = loadCorpus(CORPUS);
const SUBSET_EVERY = 12;

describe("the fuzzer's corpus", () => {
  it("holds at least 5,000 programs, most running to their gradients, some of each kind of error", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(5000);
    const ran = corpus.filter((r) => r.error === null && r.stdout.includes("grads")).length;
    expect(ran / corpus.length).toBeGreaterThan(0.6);
    const types = new Set(corpus.map((r) => r.error?.type).filter(Boolean));
    for (const t of ["RuntimeError", "TypeError", "AttributeError", "IndexError"]) expect(types).toContain(t);
  });

  it("was made by generate.ts as it is now (re-record with test/fuzz/record.ts after changing it)", () => {
    const seed = Number(/^s(\d+)-/.exec(corpus[0].id)![1]);
    expect(samplePrograms(20, seed)).toEqual(corpus.slice(0, 20).map((r) => r.source));
  });
});

describe("fuzzed programs agree with PyTorch", () => {
  it(`every ${SUBSET_EVERY}th program: exception type and final line, no JS error, no hang`, () => {
    const problems: string[] = [];
    for (let i = 0; i < corpus.length; i += SUBSET_EVERY) {
      const rec = corpus[i];
      const v: Verdict = judge(rec, runOurs(rec.source));
      if (v.kind === "agree" || v.kind === "gap") continue;
      const detail = v.kind === "disagree" ? `${v.what}: PyTorch "${v.theirs}", Gradlens "${v.ours}"` : v.message;
      problems.push(`${rec.id} ${v.kind}: ${detail}\n${rec.source}`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
