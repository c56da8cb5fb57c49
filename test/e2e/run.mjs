// End-to-end tests in real Chromium: builds the renderer with Vite, serves renderer/dist on a
// local port, and drives /usr/bin/chromium (headless) with playwright-core through each
// scenario in test/e2e/*.e2e.ts. Screenshots go to test-results/screenshots/.
// Usage: node test/e2e/run.mjs [--no-build] [name-filter]

import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { buildApp, launchChromium, root, serveDist } from "./serve.mjs";

const shots = join(root, "test-results/screenshots");
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith("--")) ?? "";

if (!args.includes("--no-build")) await buildApp();
const server = await serveDist();
const url = server.url;
const browser = await launchChromium();
await mkdir(shots, { recursive: true });

register();
const files = (await readdir(fileURLToPath(new URL(".", import.meta.url)))).filter((f) => f.endsWith(".e2e.ts")).sort();
let passed = 0;
let failed = 0;
for (const f of files) {
  const mod = await import(pathToFileURL(join(fileURLToPath(new URL(".", import.meta.url)), f)).href);
  for (const t of mod.tests) {
    if (filter && !t.name.includes(filter)) continue;
    if (t.node) {
      const started = Date.now();
      try {
        await t.run();
        passed++;
        console.log(`ok   ${f} > ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${f} > ${t.name}\n     ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n     ")}`);
      }
      continue;
    }
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
