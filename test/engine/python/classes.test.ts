// The Python of learner code, checked where a recorded case cannot: parse errors that used to
// escape as JavaScript errors, library modules' frames in tracebacks, hashing and set order.
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";

describe("interpreter robustness", () => {
  it("a parse error whose tokens run past the line is a SyntaxError (found by the fuzz test)", () => {
    const r = runPython("if \n =", { filename: "g.py" });
    expect(r.error?.type).toBe("SyntaxError");
    expect(r.stderr).toBe('  File "g.py", line 1\n    if \n       ^\nSyntaxError: invalid syntax\n');
  });
});
