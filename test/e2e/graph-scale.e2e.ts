// The graph view at scale in real Chromium: the ~2000-node MLP collapsed and expanded, the
// minimap, search with focus-on-node, pan/zoom frame times, and problem 2's labels mid-backward.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, focusTimeline, run, setScript } from "./app.ts";

const script = (name: string) => readFileSync(new URL(`./scripts/${name}`, import.meta.url), "utf8");

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const nodeCount = (page: Page) => page.locator(".graph .nodes .node").count();

/** Median and p95 of rAF-to-rAF intervals while the page pans and zooms the graph with d3-zoom. */
async function panZoomFrames(page: Page): Promise<{ median: number; p95: number; frames: number }> {
  const box = (await page.locator(".graph svg").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // a string, not a function: tsx would wrap a named inner function in a helper the page lacks
  await page.evaluate(`(() => {
    window.__glFrameLog = [];
    window.__glFrameOn = true;
    let last = performance.now();
    function tick(t) {
      window.__glFrameLog.push(t - last);
      last = t;
      if (window.__glFrameOn) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 30; i++) await page.mouse.move(cx + i * 8, cy + i * 4);
  await page.mouse.up();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -120 : 120);
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __glFrameLog: number[]; __glFrameOn: boolean };
    w.__glFrameOn = false;
    return w.__glFrameLog.slice(1);
  });
  const sorted = frames.slice().sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], frames: frames.length };
}

export const tests = [
  {
    name: "2000-node MLP: collapse, expand, minimap, search focuses a hit, pan/zoom frame time",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("mlp_2000.py"));
      await run(page, 90_000);
      await focusTimeline(page);
      await page.keyboard.press("End");
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await page.waitForTimeout(400);
      // the whole big graph's boxes are on the canvas (labels are hidden at this scale anyway)
      const expanded = Number(await page.locator(".graph").getAttribute("data-nodes"));
      assert(expanded > 1000, `the whole MLP should be drawn when fitted, saw ${expanded} nodes`);
      assert((await page.locator(".graph").getAttribute("data-canvas")) === "true", "a fitted big graph should be drawn on the canvas");
      const inked = await page.locator(".graph .canvas > canvas").evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
      });
      assert(inked > 5000, `the canvas should show the graph, ${inked} pixels are drawn`);
      assert(await page.locator(".graph .minimap canvas").count(), "a minimap should show for a big graph");
      await shot("graph-2000-expanded");

      const pz = await panZoomFrames(page);
      console.log(`     pan/zoom over ${expanded} nodes: ${pz.frames} frames, median ${pz.median.toFixed(1)} ms, p95 ${pz.p95.toFixed(1)} ms`);

      await page.getByRole("button", { name: "Collapse all" }).click();
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await page.waitForTimeout(400);
      const collapsed = await nodeCount(page);
      const groups = await page.locator(".graph .node.group").count();
      // 33 neurons: each chain of adds with its products and weights becomes one group node
      assert(groups === 33, `expected one group per neuron (33), saw ${groups}`);
      assert(collapsed < expanded / 5, `collapsing should leave far fewer nodes: ${collapsed} of ${expanded}`);
      await shot("graph-2000-collapsed");

      // a group expands by keyboard
      const group = page.locator(".graph .node.group").first();
      await group.focus();
      await page.keyboard.press("Enter");
      assert((await page.locator(".graph .node.group").count()) === groups - 1, "Enter on a group should expand it");
      await page.getByRole("button", { name: "Collapse all" }).click();
      await page.getByRole("button", { name: "Expand all" }).click();

      // search: the loss's op, Enter focuses it in the middle of the view, highlighted
      const search = page.getByRole("searchbox", { name: /Find a node/ });
      await search.fill("loss");
      await search.press("Enter");
      await page.waitForTimeout(500);
      const hit = page.locator(".graph .node.hit");
      assert((await hit.count()) === 1, "the focused hit should be highlighted");
      assert((await hit.getAttribute("data-names"))?.split(" ").includes("loss"), "the hit should be the node named loss");
      const hb = (await hit.boundingBox())!;
      const gb = (await page.locator(".graph svg").boundingBox())!;
      const dx = hb.x + hb.width / 2 - (gb.x + gb.width / 2);
      const dy = hb.y + hb.height / 2 - (gb.y + gb.height / 2);
      assert(Math.hypot(dx, dy) < 40, `the hit should be centred, it is ${dx.toFixed(0)}, ${dy.toFixed(0)} px off`);
      assert(hb.height >= 30, `the hit should be zoomed to a readable size, it is ${hb.height.toFixed(0)} px tall`);
      await shot("graph-search-hit");

      // the minimap: a click on the wide band of the middle layer moves the view there
      const mm = (await page.locator(".graph .minimap").boundingBox())!;
      const before = await page.locator(".graph svg > g").getAttribute("transform");
      await page.mouse.click(mm.x + mm.width * 0.4, mm.y + mm.height * 0.55);
      await page.waitForTimeout(100);
      assert((await page.locator(".graph svg > g").getAttribute("transform")) !== before, "a click on the minimap should pan");
      await shot("graph-minimap");
    },
  },
  {
    name: "problem 2 mid-backward: shape labels not repeated, gradient pills apart",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("problem2_accumulate.py"));
      await run(page);
      await focusTimeline(page);
      await page.keyboard.press("Home");
      let found = false;
      for (let i = 0; i < 200 && !found; i++) {
        await page.keyboard.press("ArrowRight");
        found = (await page.locator(".graph .grads .grad").count()) >= 3;
      }
      assert(found, "never saw three gradients on edges");
      await shot("graph-problem2-mid-backward");
      const pills = await page.locator(".graph .grads .grad rect").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]));
      for (let i = 0; i < pills.length; i++)
        for (let j = i + 1; j < pills.length; j++) {
          const [a, b] = [pills[i], pills[j]];
          const overlap = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
          assert(overlap < 20, `gradient pills ${i} and ${j} overlap by ${overlap.toFixed(0)} px²`);
        }
      const shapes = await page.locator(".graph .edge text.shape").evaluateAll((els) => els.map((e) => [e.closest(".edge")?.getAttribute("data-source"), e.textContent]));
      const sources = shapes.map((s) => s[0]);
      assert(new Set(sources).size === sources.length, `a tensor's shape should be labelled once, got ${JSON.stringify(shapes)}`);
    },
  },
];
