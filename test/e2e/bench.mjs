// Benchmark in real Chromium: time to interactive, and what one step costs while stepping through
// the ~1300-node scalar MLP trace (median and p95 over steps spread evenly through the trace).
// Usage: node test/e2e/bench.mjs [--no-build] [--steps N] [--reduced-motion] [--legacy] [--cpu]
//
// Each sample is one keydown (ArrowRight) sent just after a frame, in blocks of 20 single steps
// (after each jump to a block's start has settled); three figures per step:
//   work        main-thread time the step costs: the keydown's handler and Svelte's flush, plus the
//               next frame's rendering (rAF callbacks, style, layout, paint). Under 16.7 ms, a step
//               fits in one frame: the next frame shows it, whenever the key comes.
//   next paint  keydown -> the end of the frame that shows the step (at least one frame's wait,
//               ~16.7 ms, since the key comes just after a frame).
//   2 rAF       keydown -> the second requestAnimationFrame (the figure this bench reported before;
//               at least two frames' wait, ~33 ms, on an empty page).
// --cpu also records a Chromium trace and reports each step's main-thread CPU time (the main thread's
// CPU clock from the keydown to the end of the frame that shows the step): unlike the wall-clock
// figures it hardly moves when other processes load the machine.
// --legacy measures as this bench did before: one step right after each jump (so the jump's own
// drawing and animation still run), the key sent from a rAF callback.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildApp, launchChromium, root, serveDist } from "./serve.mjs";

const args = process.argv.slice(2);
const stepsArg = args.indexOf("--steps");
const STEPS = stepsArg >= 0 ? Number(args[stepsArg + 1]) : 400;

if (!args.includes("--no-build")) await buildApp();
const server = await serveDist();
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: args.includes("--reduced-motion") ? "reduce" : "no-preference" });
const page = await context.newPage();
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

// blocks of single steps forward, spread evenly through the trace: jump to the block's start
// (unmeasured), let that settle, then step one event at a time as a learner holding → does
const legacy = args.includes("--legacy");
const cpu = args.includes("--cpu");
const tracePath = join(root, "test-results", "bench-trace.json");
if (cpu) await browser.startTracing(page, { path: tracePath, categories: ["devtools.timeline", "blink.user_timing"] });
const BLOCK = legacy ? 1 : 20;
const samples = [];
const blocks = Math.max(1, Math.round(STEPS / BLOCK));
for (let b = 0; b < blocks; b++) {
  const start = await page.evaluate(async ([b, blocks, block, legacy]) => {
    const total = Number(document.querySelector(".timeline input[type=range]")?.getAttribute("max") ?? 0) + 1;
    const key = (k) => window.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    const raf = () => new Promise((r) => requestAnimationFrame(r));
    const target = Math.min(total - block - 1, Math.floor((b / blocks) * total));
    key("Home");
    for (let j = 0; j <= target; j++) key("ArrowRight");
    // the jump draws a lot at once: wait until its animation is over and frames are quick again
    if (!legacy) {
      await new Promise((r) => setTimeout(r, 700));
      for (let quick = 0, i = 0; quick < 3 && i < 120; i++) {
        const t = performance.now();
        await raf();
        quick = performance.now() - t < 20 ? quick + 1 : 0;
      }
    }
    return target;
  }, [b, blocks, BLOCK, legacy]);
  samples.push(
    ...(await page.evaluate(async ([block, start, legacy]) => {
      const key = (k) => window.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      const frame = () => raf().then(raf);
      const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
      // a message posted from a rAF callback is handled once that frame's style, layout and paint are done
      const afterPaint = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); });
      const microtasks = async () => { for (let i = 0; i < 4; i++) await Promise.resolve(); };
      const out = [];
      for (let i = 0; i < block; i++) {
        await frame();
        // the key comes in a task of its own after a frame, as a real key press does (a key sent from
        // a rAF callback's promise would be drawn in that same frame, its rendering unmeasured);
        // --legacy sends it from the rAF callback, as this bench did before
        if (!legacy) await task();
        const a = performance.now();
        performance.mark(`step-start ${start + i + 1}`);
        key("ArrowRight");
        await microtasks();
        const flushed = performance.now();
        const frameStart = await raf().then((ts) => Math.max(ts, flushed));
        const painted = await afterPaint();
        performance.mark(`step-end ${start + i + 1}`);
        await raf();
        const second = performance.now();
        out.push({ step: start + i + 1, work: flushed - a + (painted - frameStart), nextPaint: painted - a, twoRaf: second - a, js: flushed - a });
      }
      return out;
    }, [BLOCK, start, legacy])),
  );
}

if (cpu) {
  await browser.stopTracing();
  const events = JSON.parse(await readFile(tracePath, "utf8")).traceEvents;
  // each mark carries the main thread's CPU clock (tts): the difference is the CPU time of everything
  // the main thread ran between the keydown and the end of the frame that shows the step
  const marks = new Map(events.filter((e) => e.name.startsWith("step-") && e.tts != null).map((e) => [e.name, e.tts]));
  for (const sample of samples) {
    const from = marks.get(`step-start ${sample.step}`);
    const to = marks.get(`step-end ${sample.step}`);
    if (from != null && to != null) sample.cpu = (to - from) / 1000;
  }
}

const stat = (field) => {
  const s = samples.map((x) => x[field]).filter((v) => v != null).sort((a, b) => a - b);
  const pct = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  return `median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${s.at(-1).toFixed(1)} ms`;
};
console.log(`time to interactive: ${tti.toFixed(0)} ms after navigation start (${wall} ms wall, headless Chromium)`);
console.log(`MLP run: ${runMs} ms to run and stream; ${info.where}; ${info.nodes} graph nodes drawn at the end`);
console.log(`per step over ${samples.length} steps (${legacy ? "each right after a jump, keyed from a rAF callback: --legacy" : `${blocks} blocks of ${BLOCK} single steps`})${args.includes("--reduced-motion") ? ", reduced motion" : ""}:`);
console.log(`  work        ${stat("work")}   (of which keydown + Svelte flush: ${stat("js")})`);
if (cpu) console.log(`  main-thread CPU  ${stat("cpu")}`);
console.log(`  next paint  ${stat("nextPaint")}`);
console.log(`  2 rAF       ${stat("twoRaf")}`);
await browser.close();
server.close();
