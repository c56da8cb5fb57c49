// Every recorded conformance case, run in-process through runPython (the CLI path minus
// process startup): stdout, then the last stderr line when the script raised, must match
// what real PyTorch printed (test/conformance/*/*.expected).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";
import { conformanceCases } from "../../conformance/folders.ts";

const cases = conformanceCases();

export function conformanceOutput(source: string, filename: string): string {
  const r = runPython(source, { filename });
  let got = r.stdout;
  if (r.exitCode !== 0) {
    const lines = r.stderr.split("\n").filter((l) => l.trim());
    got += (lines.at(-1) ?? "") + "\n";
  }
  return got.replace(/0x[0-9a-fA-F]+/g, "0x0");
}

describe("conformance cases, in process", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const source = readFileSync(c.path, "utf8");
    expect(conformanceOutput(source, c.path)).toBe(readFileSync(c.expected, "utf8"));
  });
});
