// Programs ending in an uncaught exception print CPython's traceback: every frame with its line,
// chained exceptions ("During handling of the above exception, ..." / "The above exception was
// the direct cause ...") with the caught exception's frames only from where it was caught.
// 3.13's ~~^^ markers under the failing instruction (an operator, an index, a call's brackets, a
// name), over several lines when it spans them. Recorded from CPython 3.13 by fixtures/record_tracebacks.py.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

const recorded: Record<string, { source: string; stdout: string; stderr: string }> = JSON.parse(
  readFileSync(new URL("./fixtures/tracebacks.expected.json", import.meta.url), "utf8"),
);

describe("tracebacks print what CPython prints", () => {
  it.each(Object.entries(recorded))("%s", (_name, rec) => {
    const r = runPython(rec.source, { filename: "<file>" });
    expect(r.stdout).toBe(rec.stdout);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(rec.stderr);
  });
});
