// Programs CPython rejects before running (SyntaxError, IndentationError, TabError): Gradlens must
// reject them too, print the same stderr (file line, source line, caret range, message; recorded
// from CPython 3.13 by fixtures/record_syntax_errors.py) and print nothing on stdout.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

const recorded: Record<string, { source: string; stderr: string }> = JSON.parse(
  readFileSync(new URL("./fixtures/syntax_errors.expected.json", import.meta.url), "utf8"),
);

describe("syntax errors print what CPython prints", () => {
  it.each(Object.entries(recorded))("%s", (_name, rec) => {
    const r = runPython(rec.source, { filename: "<file>" });
    expect(r.stdout).toBe("");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(rec.stderr);
  });
});
