// Every recorded conformance case, run in-process through runPython (the CLI path minus
// process startup): stdout, then the last stderr line when the script raised, must match
// what real PyTorch printed (test/conformance/cases/*.expected).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

const dir = new URL("../../conformance/cases/", import.meta.url).pathname;
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".py") && existsSync(join(dir, f.replace(/\.py$/, ".expected"))))
  .sort();

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
  it.each(cases)("%s", (name) => {
    const source = readFileSync(join(dir, name), "utf8");
    const expected = readFileSync(join(dir, name.replace(/\.py$/, ".expected")), "utf8");
    expect(conformanceOutput(source, join(dir, name))).toBe(expected);
  });
});
