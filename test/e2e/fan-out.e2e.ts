// Graphs where one node feeds every layer, in real Chromium: Python's sum() over a long tensor and a
// recurrent loop used to freeze the page (a layout dummy per crossed layer per edge: quadratic).
// Each must run, lay out and draw its whole graph with the page still answering.

import type { Page } from "playwright-core";
import { assert, focusTimeline, run, setScript } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const programs = [
  {
    name: "y = sum(x) over 2,000 elements",
    shot: "fan-out-sum-2000",
    source:
      "import torch\nx = torch.randn(2000, requires_grad=True)\ny = sum(x)\ny.backward()\nprint(x.grad.sum())\n",
    nodes: 2000,
  },
  {
    name: "y = sum(x) over 5,000 elements",
    shot: "fan-out-sum-5000",
    source:
      "import torch\nx = torch.randn(5000, requires_grad=True)\ny = sum(x)\ny.backward()\nprint(x.grad.sum())\n",
    nodes: 5000,
  },
  {
    name: "h = torch.tanh(W @ h + 1), 600 steps",
    shot: "fan-out-recurrent-600",
    source:
      "import torch\ntorch.manual_seed(0)\nW = torch.randn(4, 4, requires_grad=True)\nh = torch.zeros(4)\nfor i in range(600):\n    h = torch.tanh(W @ h + 1)\nh.sum().backward()\nprint(W.grad.shape)\n",
    nodes: 1800,
  },
];

/** ms the page takes to answer a trivial script: long while a synchronous layout blocks it. */
async function answerTime(page: Page): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - started;
}

export const tests = programs.map((p) => ({
  name: `fan-out: ${p.name} lays out and draws, the page answering`,
  async run({ page, shot }: Ctx) {
    await setScript(page, p.source);
    const started = Date.now();
    await run(page, 120_000);
    await focusTimeline(page);
    await page.keyboard.press("End");
    // the whole graph (Fit frames what the last step touched, at a readable zoom); zoomed out, a big
    // graph's boxes are on the canvas (the pane says how many), a small one's in SVG
    await page.getByRole("button", { name: "Show the whole graph" }).click();
    await page.waitForFunction(
      (n) => {
        const g = document.querySelector(".graph");
        const drawn = g?.getAttribute("data-canvas") === "true" ? Number(g.getAttribute("data-nodes")) : document.querySelectorAll(".graph .nodes .node").length;
        return drawn >= n;
      },
      p.nodes,
      {
        timeout: 120_000,
      },
    );
    const drawnAfter = Date.now() - started;
    const answer = await answerTime(page);
    const heap = await page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0,
    );
    console.log(
      `     ${p.name}: whole graph drawn ${drawnAfter} ms after Run, page answers in ${answer} ms, JS heap ${(heap / 1e6).toFixed(0)} MB`,
    );
    assert(answer < 2000, `the page took ${answer} ms to answer after drawing`);
    assert(heap < 1e9, `the page's heap is ${(heap / 1e6).toFixed(0)} MB`);
    assert(
      (await page.locator(".console").innerText()).trim().length > 0,
      "the script's print should show",
    );
    // the fitted graph is a thin line: zoom into its middle to see the bundled edges
    for (let i = 0; i < 14; i++) await page.getByRole("button", { name: "Zoom in" }).click();
    await page.waitForTimeout(200);
    await shot(p.shot);
  },
}));
