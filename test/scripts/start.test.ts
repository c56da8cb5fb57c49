// scripts/start.mjs (`npm start`): finding Electron, the one-message browser fallback, and
// the build-then-launch path with a stand-in Electron.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { fallbackMessage, findElectronBinary, parseArgs } from "../../scripts/start.mjs";

const root = join(import.meta.dirname, "..", "..");
const temps: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), "gradlens-start-"));
  temps.push(dir);
  return dir;
}

describe("findElectronBinary: never requires electron (that would start a download)", () => {
  it("null when node_modules/electron has no path.txt (the binary never downloaded)", async () => {
    const fakeRoot = await tempDir();
    await mkdir(join(fakeRoot, "node_modules", "electron"), { recursive: true });
    expect(findElectronBinary(fakeRoot, {})).toBeNull();
  });

  it("null when path.txt names a binary that is not in dist/", async () => {
    const fakeRoot = await tempDir();
    await mkdir(join(fakeRoot, "node_modules", "electron"), { recursive: true });
    await writeFile(join(fakeRoot, "node_modules", "electron", "path.txt"), "electron");
    expect(findElectronBinary(fakeRoot, {})).toBeNull();
  });

  it("the binary when it is there", async () => {
    const fakeRoot = await tempDir();
    await mkdir(join(fakeRoot, "node_modules", "electron", "dist"), { recursive: true });
    await writeFile(join(fakeRoot, "node_modules", "electron", "path.txt"), "electron");
    await writeFile(join(fakeRoot, "node_modules", "electron", "dist", "electron"), "");
    expect(findElectronBinary(fakeRoot, {})).toBe(
      join(fakeRoot, "node_modules", "electron", "dist", "electron"),
    );
  });

  it("honours ELECTRON_OVERRIDE_DIST_PATH like electron's own launcher", async () => {
    const dist = await tempDir();
    await writeFile(join(dist, "electron"), "");
    expect(findElectronBinary(await tempDir(), { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(
      join(dist, "electron"),
    );
    expect(
      findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(dist, "nope") }),
    ).toBeNull();
  });
});

describe("parseArgs", () => {
  it.each([
    { argv: [], expected: { browser: false, port: 5173, buildOnly: false } },
    { argv: ["--browser", "--port", "0"], expected: { browser: true, port: 0, buildOnly: false } },
    { argv: ["--build-only"], expected: { browser: false, port: 5173, buildOnly: true } },
  ])("$argv", ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
  it.each([["--port", "http"], ["--port", "70000"], ["--verbose"]])("refuses %s %s", (...argv) => {
    expect(() => parseArgs(argv)).toThrow();
  });
});

function startScript(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, "scripts", "start.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  return { child, out: () => stdout, err: () => stderr };
}

async function until<T>(
  probe: () => T | null | undefined,
  ms: number,
  what: () => string,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("npm start without Electron's binary", () => {
  it("says so in one message and serves the app in the browser", async () => {
    // A dist path that does not exist: "no binary" whatever this machine has installed.
    const run = startScript(["--port", "0"], {
      ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), "gradlens-no-electron"),
    });
    const url = await until(
      () =>
        /serving the same app in your browser at (http:\/\/localhost:\d+) instead/.exec(
          run.out(),
        )?.[1],
      90_000,
      () => run.out() + run.err(),
    );
    const lines = run
      .out()
      .split("\n")
      .filter((l) => l.trim() !== "");
    expect(lines).toEqual([fallbackMessage(url)]);
    expect(lines[0]).toMatch(
      /^Electron's binary is not installed \(it downloads on first run, and this machine is offline\); serving the same app in your browser at http:\/\/localhost:\d+ instead$/,
    );

    const page = await (await fetch(url)).text();
    expect(page).toContain("<title>Gradlens</title>");
    expect(page).toContain('<div id="app"></div>');
    const entry = await fetch(new URL("/src/main.ts", url));
    expect(entry.status).toBe(200);

    // Ctrl+C stops the server promptly (Vite's own handler may exit first, with 130/143).
    const started = Date.now();
    run.child.kill("SIGINT");
    await new Promise((resolve) => run.child.on("exit", resolve));
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 120_000);

  it("uses the same message text the README quotes", () => {
    expect(fallbackMessage("http://localhost:5173")).toBe(
      "Electron's binary is not installed (it downloads on first run, and this machine is offline); serving the same app in your browser at http://localhost:5173 instead",
    );
  });
});

describe("npm start with Electron present", () => {
  it("builds renderer, main and preload into out/, then launches Electron on the project", async () => {
    const dist = await tempDir();
    const record = join(dist, "launched.json");
    const fakeElectron = join(dist, "electron");
    await writeFile(
      fakeElectron,
      `#!/usr/bin/env node\nrequire("node:fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n`,
    );
    await chmod(fakeElectron, 0o755);
    const run = startScript([], { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: "1" });
    const code = await new Promise((resolve) => run.child.on("exit", resolve));
    expect(code, run.out() + run.err()).toBe(0);
    expect(JSON.parse(await readFile(record, "utf8"))).toEqual({ args: [root], runAsNode: null });
    for (const built of [
      "out/main/main.js",
      "out/preload/preload.cjs",
      "out/renderer/index.html",
    ]) {
      expect((await stat(join(root, built))).isFile(), built).toBe(true);
    }
    // The sandboxed preload must be one self-contained CommonJS file: it may require only electron.
    const preload = await readFile(join(root, "out/preload/preload.cjs"), "utf8");
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual([
      "electron",
    ]);
    expect(preload).not.toMatch(/^\s*import\s/m);
    // The main process loads the renderer relative to itself: out/main -> out/renderer.
    expect(await readFile(join(root, "out/renderer/index.html"), "utf8")).toContain(
      "<title>Gradlens</title>",
    );
  }, 180_000);
});
