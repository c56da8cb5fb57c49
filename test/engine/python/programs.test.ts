// Table-driven: each program of fixtures/programs.txt runs through the interpreter and must
// print what CPython 3.13 printed (recorded in fixtures/programs.expected.json by
// record_programs.py): stdout byte for byte, and the final "Type: message" line on error.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

interface Recorded {
  source: string;
  stdout: string;
  error: string | null;
}
const recorded: Record<string, Recorded> = JSON.parse(
  readFileSync(new URL("./fixtures/programs.expected.json", import.meta.url), "utf8"),
);

describe("Python subset programs match CPython", () => {
  it.each(Object.entries(recorded))("%s", (name, rec) => {
    const r = runPython(rec.source, { filename: `/tmp/${name}.py` });
    expect(r.internalFault).toBeNull();
    expect(r.stdout).toBe(rec.stdout);
    if (rec.error === null) {
      expect(r.error).toBeNull();
      expect(r.exitCode).toBe(0);
    } else {
      expect(r.exitCode).toBe(1);
      const last = r.stderr.split("\n").filter((l) => l.trim()).at(-1);
      expect(last).toBe(rec.error);
    }
  });
});
