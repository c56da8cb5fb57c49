// Fuzz: random class hierarchies and operator dispatch (classfuzz.ts, fast-check from a fixed
// seed) against what CPython 3.13 printed for the same programs (fixtures/class_fuzz.expected.json,
// recorded by record_class_fuzz.py): every line of stdout, each operation's result or exception.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";
import { classFuzzPrograms } from "./classfuzz.ts";

interface Recorded {
  source: string;
  stdout: string;
  error: string | null;
}
const recorded: Record<string, Recorded> = JSON.parse(readFileSync(new URL("./fixtures/class_fuzz.expected.json", import.meta.url), "utf8"));
const programs = classFuzzPrograms();

describe("random class hierarchies and operator dispatch match CPython", () => {
  it("the recorded programs are the generator's (re-record after changing classfuzz.ts)", () => {
    expect(programs.map(([name, src]) => [name, src])).toEqual(Object.entries(recorded).map(([name, r]) => [name, r.source]));
  });

  it.each(programs)("%s", (name, src) => {
    const r = runPython(src, { filename: `/tmp/${name}.py` });
    expect(r.internalFault).toBeNull();
    expect(r.stdout.replace(/0x[0-9a-fA-F]+/g, "0x0")).toBe(recorded[name].stdout);
    expect(r.exitCode).toBe(recorded[name].error === null ? 0 : 1);
  });
});
