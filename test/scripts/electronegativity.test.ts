// scripts/electronegativity.mjs, run as `npm test` runs it.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(root, "scripts", "electronegativity.mjs"), ...args], {
    cwd: root,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

describe("the Electronegativity gate", () => {
  it("passes the shell (electron/ with the built page, as npm test runs it): no HIGH or MEDIUM finding", async () => {
    const { code, stdout } = await run();
    expect(stdout).toMatch(
      /Electronegativity \(Electron 45\.\d+\.\d+\) over electron( \+ out\/renderer\/\*\.html)?: \d+ findings, 0 HIGH or MEDIUM/,
    );
    expect(stdout).not.toContain("could not parse");
    expect(code).toBe(0);
  }, 120_000);

  it("fails an app without isolation, sandbox or web security, naming the findings", async () => {
    const { code, stdout } = await run(join(root, "test", "scripts", "fixtures", "insecure-app"));
    expect(code).toBe(1);
    for (const check of [
      "CONTEXT_ISOLATION_JS_CHECK",
      "SANDBOX_JS_CHECK",
      "WEB_SECURITY_JS_CHECK",
      "LIMIT_NAVIGATION_GLOBAL_CHECK",
    ]) {
      expect(stdout).toContain(check);
    }
  }, 120_000);
});
