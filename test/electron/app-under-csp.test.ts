// The built renderer under the desktop app's exact Content-Security-Policy and headers
// (electron/app-protocol.ts), in real Chromium: it must load, start its Web Worker and run a
// script with no CSP violation. Electron's binary cannot be installed here; this is the part
// of "does the app work in the shell" that Chromium can answer.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_HOST, APP_SCHEME } from "../../electron/channels.ts";
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveAppPath,
} from "../../electron/app-protocol.ts";

const root = join(import.meta.dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
let outDir: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "gradlens-csp-"));
  await build({
    configFile: join(root, "renderer", "vite.config.ts"),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true },
  });
  // Same mapping and headers as the app:// handler in electron/main.ts.
  server = createServer(async (req, res) => {
    const relative = resolveAppPath(`${APP_SCHEME}://${APP_HOST}${req.url ?? "/"}`);
    const path = relative === null ? null : join(outDir, ...relative.split("/"));
    if (!path || !(await stat(path).catch(() => null))?.isFile()) {
      res.writeHead(404).end("Not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": mimeTypeFor(relative!),
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
    });
    res.end(await readFile(path));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
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
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CHROMIUM))("the app under the desktop CSP", () => {
  it("loads, runs a script in its worker, and violates nothing", async () => {
    // reduced motion: Run stands at the end (else it plays the trace from the start)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await page.goto(base + "/index.html");
    await page.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(
      "import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x ** 2\ny.backward()\nprint(x.grad)\n",
    );
    await page.locator(".cm-content").press("ControlOrMeta+Enter");
    await page.waitForSelector(".status:not(.running):not(.idle)", { timeout: 30_000 });
    expect((await page.locator(".console").innerText()).trim()).toContain("tensor(6.)");
    await mkdir(join(root, "test-results", "electron"), { recursive: true });
    await page.screenshot({
      path: join(root, "test-results", "electron", "app-under-desktop-csp.png"),
    });
    // the engine's SIMD matrix kernel needs WebAssembly compilation, which the policy allows
    const wasm = await page.evaluate(() => {
      try {
        new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        return "compiles";
      } catch (error) {
        return String(error);
      }
    });
    expect(wasm).toBe("compiles");
    expect(problems).toEqual([]);
  }, 120_000);
});
