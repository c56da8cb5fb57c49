// Programs ending in an uncaught exception print CPython's traceback: every frame with its line,
// chained exceptions ("During handling of the above exception, ..." / "The above exception was
// the direct cause ...") with the caught exception's frames only from where it was caught.
// Recorded from CPython 3.11 by fixtures/record_tracebacks.py. 3.11 also draws ~~^^ markers
// under the failing part of a line; Gradlens does not draw them yet, so those lines are dropped
// from the recording before comparing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

const recorded: Record<string, { source: string; stdout: string; stderr: string }> = JSON.parse(
  readFileSync(new URL("./fixtures/tracebacks.expected.json", import.meta.url), "utf8"),
);
const withoutCarets = (text: string): string =>
  text
    .split("\n")
    .filter((l) => !/^ +[~^ ]*\^[~^ ]*$/.test(l))
    .join("\n");

describe("tracebacks print what CPython prints", () => {
  it.each(Object.entries(recorded))("%s", (_name, rec) => {
    const r = runPython(rec.source, { filename: "<file>" });
    expect(r.stdout).toBe(rec.stdout);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(withoutCarets(rec.stderr));
  });
});
