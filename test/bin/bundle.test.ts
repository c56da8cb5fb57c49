import { spawnSync } from "node:child_process";
import { isBuiltin } from "node:module";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript module without types
import { buildBundle, cliBundle, freshBundle, root } from "../../bin/bundle.mjs";
import { buildCliBundle } from "../../bin/cli/build.ts";
import { main } from "../../bin/cli/main.ts";

const bin = fileURLToPath(new URL("../../bin/gradlens.js", import.meta.url));
const hook = fileURLToPath(new URL("./record-loads.mjs", import.meta.url));
const SCRIPT = fileURLToPath(new URL("../conformance/cases/seed_problem2.py", import.meta.url));

let cacheDir = "";
let bundleMain = "";
beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), "gradlens-bundle-"));
  bundleMain = (await buildBundle(cacheDir)) as string;
}, 120_000);
const made: string[] = [];
afterAll(() => {
  for (const dir of [cacheDir, ...made]) rmSync(dir, { recursive: true, force: true });
});

const bundleFiles = (): string[] =>
  readdirSync(dirname(bundleMain)).map((f) => join(dirname(bundleMain), f));

describe("the command line's bundle", () => {
  it("holds no path of this checkout, and imports only Node's own modules and resvg", async () => {
    for (const file of bundleFiles())
      expect(readFileSync(file, "utf8").includes(root), `${file} names ${root}`).toBe(false);
    const { externals } = await buildCliBundle(root);
    expect(externals.filter((name) => !isBuiltin(name))).toEqual(["@resvg/resvg-js"]);
  }, 120_000);

  it("stays fresh when a copied checkout gives its files new mtimes, and not when one changes", () => {
    const stampPath = join(cacheDir, "bundle.json");
    const stamp = JSON.parse(readFileSync(stampPath, "utf8"));
    // as if copied from elsewhere: another root, other mtimes, same contents
    for (const entry of Object.values(stamp.inputs) as number[][]) entry[0] = 1;
    writeFileSync(stampPath, JSON.stringify({ ...stamp, root: "/somewhere/else" }));
    expect(freshBundle(cacheDir)).toBe(bundleMain);
    const restamped = JSON.parse(readFileSync(stampPath, "utf8"));
    expect(restamped.root).toBe(root);
    expect(Object.values(restamped.inputs).every((e) => (e as number[])[0] !== 1)).toBe(true);
    // one file's contents differ from what it was built from: stale
    const [first] = Object.keys(restamped.inputs);
    restamped.inputs[first] = [1, restamped.inputs[first][1], "0".repeat(40)];
    writeFileSync(stampPath, JSON.stringify(restamped));
    expect(freshBundle(cacheDir)).toBe(null);
  });

  it("export draws the in-process export's bytes and loads no compiler, tsx, esbuild or resvg", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gradlens-bundle-export-"));
    made.push(dir);
    copyFileSync(SCRIPT, join(dir, "p.py"));
    const loads = join(dir, "loads.txt");
    // the checkout's own bundle, fresh (building it is the one time a compiler loads)
    expect(await cliBundle()).toMatch(
      /\/node_modules\/\.cache\/gradlens-cli\/bundle-\w+\/main\.mjs$/,
    );
    const r = spawnSync(
      process.execPath,
      ["--import", hook, bin, "export", "p.py", "-o", "cli.svg"],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, LOADS_FILE: loads },
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
    expect(await main(["export", "p.py", "-o", "inproc.svg"], io)).toBe(0);
    expect(readFileSync(join(dir, "cli.svg"), "utf8")).toBe(
      readFileSync(join(dir, "inproc.svg"), "utf8"),
    );
    const loaded = readFileSync(loads, "utf8").trim().split("\n");
    expect(loaded.some((u) => u.includes("/node_modules/.cache/gradlens-cli/bundle-"))).toBe(true);
    const heavy = loaded.filter(
      (u) =>
        /\/(tsx|esbuild|@resvg|svelte\/src\/compiler)\//.test(u) ||
        u.endsWith(".ts") ||
        u.endsWith(".svelte"),
    );
    expect(heavy).toEqual([]);
  }, 120_000);
});
