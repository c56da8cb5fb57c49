// The warnings PyTorch prints on stderr, where the conformance harness (stdout and the last
// stderr line) cannot see them: anomaly mode's forward tracebacks and the parent chain of a
// create_graph node, detect_anomaly's warning at the user's line, the engine's own warnings at
// torch's line that calls it, each once. Recorded from PyTorch 2.6 by fixtures/record_warnings.py.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

const recorded: Record<string, string> = JSON.parse(readFileSync(new URL("./fixtures/warnings.expected.json", import.meta.url), "utf8"));

describe("warnings on stderr are PyTorch's", () => {
  it.each(Object.entries(recorded))("%s", (path, stderr) => {
    const source = readFileSync(new URL(`../../conformance/${path}`, import.meta.url), "utf8");
    const r = runPython(source, { filename: "<file>" });
    expect(r.stderr.split("Traceback (most recent call last):\n")[0]).toBe(stderr);
  });
});
