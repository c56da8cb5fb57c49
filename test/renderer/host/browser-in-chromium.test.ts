// The browser host's DOM side (browser-env.ts) in real Chromium, on the paths browsers without
// the File System Access API take: the file input, download links, localStorage, and the
// menu's shortcuts on key presses.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const CHROMIUM = "/usr/bin/chromium";
let outDir: string;
let bundle: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "gradlens-host-"));
  await build({
    configFile: false,
    logLevel: "silent",
    build: {
      outDir,
      lib: { entry: join(root, "renderer", "host", "index.ts"), formats: ["es"], fileName: "host" },
      minify: false,
    },
  });
  bundle = await readFile(join(outDir, "host.js"), "utf8");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

afterEach(async () => {
  await page?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ acceptDownloads: true });
  // As in Firefox and Safari: no File System Access API, so the fallbacks are used.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showOpenFilePicker;
    delete w.showSaveFilePicker;
    delete w.showDirectoryPicker;
  });
  await page.route("http://gradlens.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: "<!doctype html><title>host</title><body></body>",
    }),
  );
  await page.goto("http://gradlens.test/");
  await page.addScriptTag({ type: "module", content: `${bundle}\nwindow.__host = getHost();` });
  await page.waitForFunction(() => "__host" in window);
}, 60_000);

describe.skipIf(!existsSync(CHROMIUM))("the browser host in Chromium", () => {
  it("is the browser host when there is no preload bridge", async () => {
    expect(await page.evaluate(() => (window as any).__host.kind)).toBe("browser");
  });

  it("opens a script picked in the file input", async () => {
    const chooser = page.waitForEvent("filechooser");
    const opened = page.evaluate(() => (window as any).__host.openFile());
    await (
      await chooser
    ).setFiles({
      name: "problem3.py",
      mimeType: "text/x-python",
      buffer: Buffer.from("x = 1 # ∂\n"),
    });
    expect(await opened).toEqual({ name: "problem3.py", text: "x = 1 # ∂\n" });
  });

  it("refuses a Latin-1 file with the reason", async () => {
    const chooser = page.waitForEvent("filechooser");
    const opened = page.evaluate(() =>
      (window as any).__host.openFile().then(
        () => "opened",
        (e: { name: string; reason: string }) => `${e.name}: ${e.reason}`,
      ),
    );
    await (
      await chooser
    ).setFiles({ name: "old.py", mimeType: "text/plain", buffer: Buffer.from([0x23, 0x20, 0xe9]) });
    expect(await opened).toMatch(
      /^FileRefusedError: old\.py is not UTF-8 text \(byte 0xe9 at offset 2\)/,
    );
  });

  it("Save downloads the script under a clean name", async () => {
    const download = page.waitForEvent("download");
    const result = await page.evaluate(() =>
      (window as any).__host.saveFile("x = 1\n", "../lessons/problem3"),
    );
    expect(result).toEqual({ status: "saved", name: "problem3.py" });
    const file = await download;
    expect(file.suggestedFilename()).toBe("problem3.py");
    expect(await readFile((await file.path())!, "utf8")).toBe("x = 1\n");
  });

  it("PNG export downloads the bytes unchanged", async () => {
    const download = page.waitForEvent("download");
    await page.evaluate(() =>
      (window as any).__host.exportFile(
        "png",
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]),
        "step 3",
      ),
    );
    const file = await download;
    expect(file.suggestedFilename()).toBe("step 3.png");
    expect([...(await readFile((await file.path())!))]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
  });

  it("autosave survives a reload (localStorage)", async () => {
    await page.evaluate(() => (window as any).__host.storage.save("editor", "y = x ** 2"));
    await page.reload();
    await page.addScriptTag({ type: "module", content: `${bundle}\nwindow.__host = getHost();` });
    await page.waitForFunction(() => "__host" in window);
    expect(await page.evaluate(() => (window as any).__host.storage.load("editor"))).toBe(
      "y = x ** 2",
    );
  });

  it("Ctrl+S is the menu's Save, not the browser's Save Page", async () => {
    await page.evaluate(() => {
      (window as any).__commands = [];
      (window as any).__host.onMenuCommand((c: string) => (window as any).__commands.push(c));
      (window as any).__prevented = [];
      window.addEventListener("keydown", (e) => {
        if (e.key !== "Control" && e.key !== "Shift") {
          (window as any).__prevented.push(`${e.code}:${e.defaultPrevented}`);
        }
      });
    });
    await page.keyboard.press("Control+S");
    await page.keyboard.press("Control+Shift+S");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => (window as any).__commands)).toEqual([
      "file.save",
      "file.saveAs",
    ]);
    expect(await page.evaluate(() => (window as any).__prevented)).toEqual([
      "KeyS:true",
      "KeyS:true",
      "ArrowRight:false",
    ]);
  });
});
