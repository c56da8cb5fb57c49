// End-to-end tests in real Chromium: builds the renderer with Vite, serves renderer/dist on a
// local port, and drives /usr/bin/chromium (headless) with playwright-core through each
// scenario in test/e2e/*.e2e.ts. Screenshots go to test-results/screenshots/.
// Usage: node test/e2e/run.mjs [--no-build] [name-filter]

import { createServer } from "node:http";
import { readFile, mkdir, readdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const dist = join(root, "renderer/dist");
const shots = join(root, "test-results/screenshots");
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith("--")) ?? "";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

if (!args.includes("--no-build")) {
  const { build } = await import("vite");
  await build({ configFile: join(root, "renderer/vite.config.ts"), logLevel: "warn" });
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  const file = normalize(join(dist, path === "/" ? "index.html" : path));
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
await mkdir(shots, { recursive: true });

register();
const files = (await readdir(fileURLToPath(new URL(".", import.meta.url)))).filter((f) => f.endsWith(".e2e.ts")).sort();
let passed = 0;
let failed = 0;
for (const f of files) {
  const mod = await import(pathToFileURL(join(fileURLToPath(new URL(".", import.meta.url)), f)).href);
  for (const t of mod.tests) {
    if (filter && !t.name.includes(filter)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const started = Date.now();
    try {
      await page.goto(url);
      await t.run({ page, shot: (name) => page.screenshot({ path: join(shots, `${name}.png`) }) });
      if (errors.length) throw new Error(`page errors: ${errors.join(" | ")}`);
      passed++;
      console.log(`ok   ${f} > ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${f} > ${t.name}\n     ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n     ")}`);
      await page.screenshot({ path: join(shots, `FAILED-${t.name.replace(/\W+/g, "-")}.png`) }).catch(() => {});
    }
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
