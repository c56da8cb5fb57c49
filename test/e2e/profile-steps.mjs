// A Chromium CPU profile of the app stepping through a scalar MLP of ~N graph nodes (bench.mjs's
// scripts): the functions where stepping spends its time, by self time and by total time.
// Usage: node test/e2e/profile-steps.mjs [--no-build] [--size 2000] [--steps 40] [--held] [--run] [--out profile.cpuprofile]
//   --run: profile the run instead, from the Run click to the end of the run's final graph's frame
//   --held: steps in every animation frame (the held key) instead of single steps after a settled frame

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium, root, serveDist } from "./serve.mjs";
import { mlpSource, MLPS } from "./bench-scripts.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SIZE = Number(arg("--size", 2000));
/** where on the timeline the steps start (0..1) */
const AT = Number(arg("--at", 0.3));
const STEPS = Number(arg("--steps", 40));
const HELD = args.includes("--held");
const OUT = arg("--out", null);

// unminified, so the profile names our functions
if (!args.includes("--no-build")) {
  const { build } = await import("vite");
  await build({ configFile: join(root, "renderer/vite.config.ts"), logLevel: "warn", build: { minify: false } });
}
const server = await serveDist();
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addInitScript(() => localStorage.setItem("gradlens.afterRun", "end"));
const page = await context.newPage();
page.on("pageerror", (e) => console.error("page error:", String(e)));
await page.goto(server.url);
await page.waitForSelector(".cm-content");
await page.locator(".cm-content").click();
await page.keyboard.press("ControlOrMeta+A");
await page.keyboard.press("Delete");
await page.keyboard.insertText(mlpSource(...MLPS[SIZE]));
await page.locator("header h1").first().click();
const RUN = args.includes("--run");
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
if (RUN) await cdp.send("Profiler.start");
const t0 = Date.now();
await page.locator(".timeline button.run").click();
await page.waitForSelector(".status:not(.running):not(.idle)", { timeout: 60_000 });
if (RUN) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const { profile } = await cdp.send("Profiler.stop");
  if (OUT) await writeFile(OUT, JSON.stringify(profile));
  console.log(`run of size ${SIZE}: ${Date.now() - t0} ms to the final graph (the page's main thread profiled)`);
  await browser.close();
  server.close();
  process.exit(0);
}
await page.waitForTimeout(1000);
// stand a third of the way in (the forward pass), settle
await page.evaluate(async (at) => {
  const range = document.querySelector(".timeline input[type=range]");
  range.value = String(Math.floor(Number(range.max) * at));
  range.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => setTimeout(r, 700));
}, AT);
await cdp.send("Profiler.start");
const { wall, slow } = await page.evaluate(async ([steps, held]) => {
  const key = (k) => window.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const t0 = performance.now();
  const each = [];
  // SVG items the scene adds and removes (a pan brings new ones in)
  let added = 0;
  let removed = 0;
  let changes = 0;
  const seen = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type !== "childList") changes++;
      else if (r.target.matches("g.nodes, g.edges, g.grads")) {
        added += r.addedNodes.length;
        removed += r.removedNodes.length;
      } else changes += r.addedNodes.length + r.removedNodes.length;
    }
  });
  // items added and removed; every other change inside them (attributes, texts, elements within an item)
  for (const g of document.querySelectorAll(".graph svg g.nodes, .graph svg g.edges, .graph svg g.grads")) seen.observe(g, { childList: true, subtree: true, attributes: true, characterData: true });
  // elements made (Svelte clones its templates), anywhere in the page
  let made = 0;
  const clone = Node.prototype.cloneNode;
  const adopt = Document.prototype.importNode;
  const count = (n) => (n.nodeType === 1 ? 1 : 0) + (n.querySelectorAll ? n.querySelectorAll("*").length : 0);
  Node.prototype.cloneNode = function (...a) {
    const n = clone.apply(this, a);
    made += count(n);
    return n;
  };
  Document.prototype.importNode = function (...a) {
    const n = adopt.apply(this, a);
    made += count(n);
    return n;
  };
  for (let i = 0; i < steps; i++) {
    if (!held) { await raf(); await raf(); await task(); }
    const t = performance.now();
    key("ArrowRight");
    await raf();
    if (!held) await task();
    each.push({ ms: performance.now() - t, caption: document.querySelector(".graph .caption")?.textContent?.slice(0, 90) ?? "" });
  }
  seen.disconnect();
  Node.prototype.cloneNode = clone;
  Document.prototype.importNode = adopt;
  window.__churn = { added, removed, changes, made, mounted: document.querySelectorAll(".graph svg g.nodes > *, .graph svg g.edges > *").length };
  return { wall: performance.now() - t0, slow: each.map((e, i) => ({ ...e, i })).sort((a, b) => b.ms - a.ms).slice(0, 6) };
}, [STEPS, HELD]);
const { profile } = await cdp.send("Profiler.stop");
if (OUT) await writeFile(OUT, JSON.stringify(profile));
const churn = await page.evaluate(() => window.__churn);

// self and total time per function (name, file:line)
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = profile.timeDeltas;
const hits = new Map();
profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (dt[i + 1] ?? 0) / 1000));
const label = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
const total = new Map();
for (const [id, ms] of hits) {
  const n = byId.get(id);
  self.set(label(n), (self.get(label(n)) ?? 0) + ms);
  const seen = new Set();
  for (let p = id; p != null; p = parent.get(p)) {
    const l = label(byId.get(p));
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + ms);
  }
}
const all = [...hits.values()].reduce((a, b) => a + b, 0);
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log(`size ${SIZE}: ${STEPS} ${HELD ? "held-key" : "single"} steps in ${wall.toFixed(0)} ms wall; ${all.toFixed(0)} ms sampled (idle included)`);
console.log(`${churn.made} elements made in the page; SVG items added ${churn.added}, removed ${churn.removed} (a move is both), ${churn.changes} other changes inside them (attributes, texts, elements) over the steps; ${churn.mounted} node and edge items in the page at the end`);
console.log("slowest steps (key to the end of the next frame, wall ms):");
for (const e of slow) console.log(`  #${e.i} ${e.ms.toFixed(1)} ms  ${e.caption}`);
console.log("\nself ms per step:");
for (const [l, ms] of top(self, 35)) console.log(`${(ms / STEPS).toFixed(2).padStart(8)}  ${l}`);
console.log("\ntotal ms per step:");
for (const [l, ms] of top(total, 45)) console.log(`${(ms / STEPS).toFixed(2).padStart(8)}  ${l}`);
await browser.close();
server.close();
