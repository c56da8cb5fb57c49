// Benchmark in real Chromium: time to interactive, and the frame time of each step while
// stepping through the ~2000-node scalar MLP trace (median and p95).
// Usage: node test/e2e/bench.mjs [--no-build] [--steps N]

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildApp, launchChromium, root, serveDist } from "./serve.mjs";

const args = process.argv.slice(2);
const stepsArg = args.indexOf("--steps");
const STEPS = stepsArg >= 0 ? Number(args[stepsArg + 1]) : 400;

if (!args.includes("--no-build")) await buildApp();
const server = await serveDist();
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on("crash", () => console.error("the page crashed"));
page.on("pageerror", (e) => console.error("page error:", String(e)));

const t0 = Date.now();
await page.goto(server.url);
await page.waitForSelector(".cm-content");
await page.waitForSelector(".timeline button");
const tti = await page.evaluate(() => performance.now());
const wall = Date.now() - t0;

const script = await readFile(join(root, "test/e2e/scripts/mlp_2000.py"), "utf8");
await page.locator(".cm-content").click();
await page.keyboard.press("ControlOrMeta+A");
await page.keyboard.press("Delete");
await page.keyboard.insertText(script);
const runStart = Date.now();
await page.locator(".cm-content").press("ControlOrMeta+Enter");
await page.waitForSelector(".status.done", { timeout: 60_000 });
const runMs = Date.now() - runStart;
const info = await page.evaluate(() => ({
  where: document.querySelector(".where[data-step]")?.textContent ?? "",
  nodes: document.querySelectorAll(".graph .node").length,
}));
await page.locator("header h1").first().click();

// step from the start through the trace, spread evenly; each sample is keydown -> the next painted frame
const frames = await page.evaluate(async (steps) => {
  const total = Number(document.querySelector(".where[data-step]")?.getAttribute("data-step") ?? 0) + 1;
  const key = (k, shift = false) => window.dispatchEvent(new KeyboardEvent("keydown", { key: k, shiftKey: shift, bubbles: true }));
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  key("Home");
  await frame();
  const stride = Math.max(1, Math.floor(total / steps));
  const times = [];
  for (let i = 0; i < steps; i++) {
    // jump ahead without measuring, then measure one single step forward
    for (let j = 1; j < stride; j++) key("ArrowRight");
    await frame();
    const a = performance.now();
    key("ArrowRight");
    await frame();
    times.push(performance.now() - a);
  }
  return times;
}, STEPS);

const sorted = frames.slice().sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
console.log(`time to interactive: ${tti.toFixed(0)} ms after navigation start (${wall} ms wall, headless Chromium)`);
console.log(`MLP run: ${runMs} ms to run and stream; ${info.where}; ${info.nodes} graph nodes drawn at the end`);
console.log(`per-step frame time over ${frames.length} steps: median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
await browser.close();
server.close();
