// Run shows the graph growing (issue 15): after Run the trace plays from the start at the chosen
// speed (or stands at the first step, or the end, as chosen); Ctrl+Enter runs from anywhere in the
// window; Stop keeps the steps recorded so far to step through.

import type { Page } from "playwright-core";
import { assert, focusTimeline, graphNodes, setScript, step } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const SCRIPT = `import torch
x = torch.tensor(2.0, requires_grad=True)
a = x * 3
b = a + x
c = b ** 2
c.backward()
print(x.grad)
`;

async function length(page: Page): Promise<number> {
  const text = (await page.locator(".where").textContent()) ?? "";
  return Number(/\/ (\d+)/.exec(text)?.[1] ?? NaN);
}

/** A learner whose system does not ask for reduced motion (the runner's contexts do). */
async function withMotion(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.reload();
  await page.waitForSelector(".cm-content");
}

export const tests = [
  {
    name: "run: the graph grows after Run at the chosen speed, not a jump to the end",
    async run({ page, shot }: Ctx) {
      await withMotion(page);
      assert((await page.getByRole("combobox", { name: "After Run" }).inputValue()) === "play", "Run should play the trace by default");
      await setScript(page, SCRIPT);
      await page.getByRole("combobox", { name: "Playback speed" }).selectOption("8");
      await page.locator(".cm-content").press("ControlOrMeta+Enter");
      await page.waitForSelector(".timeline .status.done");
      const total = await length(page);
      const seen: { step: number; nodes: number }[] = [];
      for (let i = 0; i < 150; i++) {
        seen.push({ step: await step(page), nodes: (await graphNodes(page)).length });
        if (seen[seen.length - 1].step >= total - 1) break;
        await page.waitForTimeout(50);
      }
      const first = seen[0];
      const last = seen[seen.length - 1];
      assert(first.step < total / 2, `Run should start the views near the beginning, it stood at step ${first.step + 1} of ${total}`);
      assert(last.step === total - 1, `playing should reach the end (${total}), it stopped at ${last.step + 1}`);
      const nodeCounts = [...new Set(seen.map((s) => s.nodes))];
      assert(nodeCounts.length >= 3, `the graph should be seen growing, node counts were ${nodeCounts.join(", ")}`);
      for (let i = 1; i < seen.length; i++) assert(seen[i].step >= seen[i - 1].step, "playing went backwards");
      // at 8x a step is shown for 88 ms: 150 samples 50 ms apart would not see a 1x play (26 s) end
      await shot("run-played-to-end");
    },
  },
  {
    name: "run: 'first step' stands before the first statement; the choice is kept after a reload",
    async run({ page }: Ctx) {
      await withMotion(page);
      await page.getByRole("combobox", { name: "After Run" }).selectOption("start");
      await page.reload();
      await page.waitForSelector(".cm-content");
      assert((await page.getByRole("combobox", { name: "After Run" }).inputValue()) === "start", "the After Run choice was not kept");
      await setScript(page, SCRIPT);
      await page.locator(".cm-content").press("ControlOrMeta+Enter");
      await page.waitForSelector(".timeline .status.done");
      await page.waitForTimeout(300);
      assert((await step(page)) === -1, `the views should stand at the start, they stand at step ${(await step(page)) + 1}`);
      assert((await graphNodes(page)).length === 0, "nothing has run at the start: no graph yet");
      await focusTimeline(page);
      await page.keyboard.press("Shift+ArrowRight");
      await page.keyboard.press("Shift+ArrowRight");
      assert((await graphNodes(page)).length > 0, "stepping two statements should draw x's node");
    },
  },
  {
    name: "run: Ctrl+Enter runs from anywhere in the window (graph pane, lesson text, a field)",
    async run({ page }: Ctx) {
      await setScript(page, "print('first')\n");
      await page.locator(".graph-pane").click({ position: { x: 30, y: 120 } });
      await page.keyboard.press("ControlOrMeta+Enter");
      await page.waitForSelector(".timeline .status.done");
      assert((await page.locator(".console").innerText()).includes("first"), "Ctrl+Enter on the graph pane did not run the script");
      await setScript(page, "print('second')\n");
      await page.getByRole("combobox", { name: "Playback speed" }).focus();
      await page.keyboard.press("ControlOrMeta+Enter");
      await page.waitForFunction(() => document.querySelector(".console")?.textContent?.includes("second"));
      // with the lessons open, it runs the lesson cell on screen
      await page.getByRole("button", { name: "Lessons", exact: true }).click();
      await page.locator(".sidebar li button").first().click();
      await page.waitForSelector(".lesson h1");
      await page.locator("figure.cell").first().getByRole("button", { name: /Step through/ }).click();
      await page.waitForSelector(".timeline .status.done");
      await page.locator(".lesson p").first().click();
      const before = (await page.locator(".timeline .status").textContent()) ?? "";
      await page.keyboard.press("ControlOrMeta+Enter");
      await page.waitForFunction((b) => (document.querySelector(".timeline .status")?.textContent ?? "") !== b, before);
      await page.waitForSelector(".timeline .status.done");
      assert((await page.locator(".timeline .status").textContent())?.includes("Ran in"), "Ctrl+Enter in the lesson text should run its cell");
    },
  },
  {
    name: "run: Stop keeps the steps recorded so far; the learner steps through them",
    async run({ page, shot }: Ctx) {
      await setScript(page, "import torch\nx = torch.ones(3, requires_grad=True)\ny = x\nwhile True:\n    y = (y * 1.0001).tanh()\n");
      await page.locator(".cm-content").press("ControlOrMeta+Enter");
      await page.waitForSelector(".timeline .status.running");
      await page.waitForTimeout(800);
      await page.getByRole("button", { name: /Stop/ }).click();
      await page.waitForSelector(".timeline .status.stopped");
      const total = await length(page);
      assert(total > 10, `the stopped run should keep its events, it has ${total}`);
      assert((await step(page)) === total - 1, "a stopped run stands at its last recorded step");
      await focusTimeline(page);
      await page.keyboard.press("Home");
      for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight");
      const mid = await step(page);
      assert(mid > 0 && mid < total - 1, `stepping from the start should move through the recorded steps, at ${mid}`);
      assert((await graphNodes(page)).some((n) => n.name === "TanhBackward0"), "the stepped graph should show the loop's TanhBackward0");
      // and in the pane, though the run ended thousands of nodes away
      const pane = (await page.locator(".graph svg").boundingBox())!;
      const tanh = (await page.locator(".graph .node[data-op='TanhBackward0']").first().boundingBox())!;
      assert(tanh.y >= pane.y && tanh.y + tanh.height <= pane.y + pane.height && tanh.x >= pane.x && tanh.x + tanh.width <= pane.x + pane.width, `TanhBackward0 is off the pane: ${JSON.stringify(tanh)} in ${JSON.stringify(pane)}`);
      await shot("run-stopped-stepping");
    },
  },
];
