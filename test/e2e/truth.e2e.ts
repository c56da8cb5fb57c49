// The view tells the truth at every step (issue 15, "misleading today"): a failing backward outlines
// the node that failed and its saved tensor; autograd.grad returns its gradient without touching .grad;
// graphs nothing references fade as freed. Asserted as a learner would see them, in real Chromium.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, focusTimeline, graphNodes, run, setScript, stepToAfterLine } from "./app.ts";

const script = (name: string) => readFileSync(new URL(`./scripts/${name}`, import.meta.url), "utf8");

/** Exports through the toolbar's menu (the browser host downloads) and returns the file's text. */
async function exported(page: Page, item: RegExp): Promise<string> {
  const download = page.waitForEvent("download", { timeout: 15_000 });
  await page.getByRole("button", { name: /Export/ }).click();
  await page.getByRole("menuitem", { name: item }).click();
  return readFileSync(await (await download).path(), "utf8");
}

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

/** The op names of the nodes drawn with the error outline, and the slots of their blamed saved tensors. */
async function blamed(page: Page): Promise<{ names: string[]; slots: string[] }> {
  const names = await page.$$eval(".graph .node.error", (els) => els.map((el) => el.getAttribute("data-op") ?? ""));
  const slots = await page.$$eval(".graph .node.error .saved.blamed", (els) => els.map((el) => el.getAttribute("data-slot") ?? ""));
  return { names, slots };
}

export const tests = [
  {
    name: "blame: a second backward outlines MulBackward0 (whose saved tensor was freed), not SumBackward0",
    async run({ page, shot }: Ctx) {
      await setScript(page, "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\nz = y.sum()\nz.backward()\nz.backward()\n");
      await run(page);
      const b = await blamed(page);
      assert(b.names.length === 1 && b.names[0] === "MulBackward0", `outlined: ${JSON.stringify(b.names)}`);
      assert(b.slots.length === 1, `one saved tensor of MulBackward0 should be marked: ${JSON.stringify(b.slots)}`);
      const freed = await page.locator(".graph .node.error .saved.blamed.freed").count();
      assert(freed === 1, "the blamed saved tensor is drawn freed (struck through) as well");
      assert((await page.locator(".graph .node.error[data-op='SumBackward0']").count()) === 0, "SumBackward0 ran fine: not outlined");
      await shot("blame-backward-twice");
    },
  },
  {
    name: "blame: an in-place change to a saved tensor outlines the node that saved it",
    async run({ page, shot }: Ctx) {
      await setScript(page, "import torch\na = torch.tensor([1.0, 2.0], requires_grad=True)\nb = a * 2\nc = b * b\nb.add_(1)\nc.sum().backward()\n");
      await run(page);
      const b = await blamed(page);
      assert(b.names.length === 1 && b.names[0] === "MulBackward0", `outlined: ${JSON.stringify(b.names)}`);
      const outlined = page.locator(".graph .node.error");
      assert(((await outlined.getAttribute("data-names")) ?? "").split(" ").includes("c"), "the outlined node is c's MulBackward0 (b * b), not b's");
      assert(b.slots.length === 1 && (await page.locator(".graph .node.error .saved.blamed:not(.freed)").count()) === 1, `the stale saved tensor is marked: ${JSON.stringify(b.slots)}`);
      await shot("blame-inplace");
    },
  },
  {
    name: "export: problem 3 after x.grad.zero_() gives x.grad one incoming edge, from ZeroBackward0 (DOT and SVG)",
    async run({ page }: Ctx) {
      await page.addInitScript("delete window.showSaveFilePicker; delete window.showDirectoryPicker;");
      await page.reload();
      await setScript(page, script("problem3_alias.py"));
      await run(page);
      await stepToAfterLine(page, 10); // x.grad.zero_()
      const dot = await exported(page, /DOT/);
      const outId = /\t(out\d+) \[label="f_prime, x\.grad/.exec(dot)?.[1];
      assert(outId, `no output box for x.grad in:\n${dot}`);
      const into = dot.split("\n").filter((l) => l.trim().endsWith(`-> ${outId}`));
      assert(into.length === 1, `x.grad has ${into.length} incoming edges:\n${into.join("\n")}`);
      const from = /\t(fn\d+) ->/.exec(into[0])?.[1];
      assert(new RegExp(`\\t${from} \\[label="ZeroBackward0"`).test(dot), `x.grad's edge comes from ${from}, not ZeroBackward0`);
      // the SVG names x.grad on ZeroBackward0 alone; CopyBackwards is the graph x.grad came from
      const svg = await exported(page, /SVG \(this step\)/);
      const named = [...svg.matchAll(/<text[^>]*class="name[^"]*"[^>]*>(\w+)<\/text>\s*<text[^>]*class="names[^"]*"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
      const withGrad = named.filter(([, n]) => n.includes("x.grad"));
      assert(withGrad.length === 1 && withGrad[0][0] === "ZeroBackward0", `nodes named x.grad in the SVG: ${JSON.stringify(withGrad)}`);
    },
  },
  {
    name: "autograd.grad: the gradient leaves the graph as the call's result pill, .grad stays None",
    async run({ page, shot }: Ctx) {
      await setScript(page, "import torch\nx = torch.tensor(3.0, requires_grad=True)\nf = x ** 3\ng = torch.autograd.grad(f, x)\nprint(g)\nprint(x.grad)\n");
      await run(page);
      await focusTimeline(page);
      await page.keyboard.press("Home");
      const leaf = page.locator(".graph .node.leaf");
      let sawReturned = false;
      let sawBound = false;
      for (let i = 0; i < 60 && !sawBound; i++) {
        await page.keyboard.press("ArrowRight");
        assert((await page.locator(".graph .acc").count()) === 0, "autograd.grad must not show an accumulation into .grad");
        const pill = leaf.locator(".result");
        if (!(await pill.count())) continue;
        const text = (await pill.textContent()) ?? "";
        const slot = (await leaf.locator(".slot").textContent()) ?? "";
        assert(slot.includes(".grad None") && (await leaf.locator(".slot.untouched").count()) === 1, `x's .grad slot should read None, untouched: ${slot}`);
        assert(!(await leaf.getAttribute("class"))?.includes("status-executed"), "AccumulateGrad does not run under autograd.grad");
        if (!sawReturned && /returned 27\./.test(text)) {
          sawReturned = true;
          await shot("autograd-grad-returned");
        }
        if (/g\[0\] = 27\./.test(text)) sawBound = true;
      }
      assert(sawReturned, "never saw the pill 'returned 27.' when the gradient was captured");
      assert(sawBound, "the pill never became the returned tensor g[0]");
      await shot("autograd-grad-bound");
    },
  },
  {
    name: "freed graphs: rebinding loss fades the previous iteration's graph at that step; Hide freed hides it",
    async run({ page, shot }: Ctx) {
      await setScript(
        page,
        "import torch\nxs = torch.tensor([0.0, 1.0, 2.0, 3.0])\nys = torch.tensor([1.0, 3.0, 5.0, 7.0])\nw = torch.tensor(0.0, requires_grad=True)\nfor step in range(3):\n    loss = ((w * xs - ys) ** 2).mean()\n    loss.backward()\n    with torch.no_grad():\n        w -= 0.05 * w.grad\n    w.grad.zero_()\nprint(loss)\n",
      );
      await run(page);
      await focusTimeline(page);
      await page.keyboard.press("Home");
      // the whole graph in view, so every node is drawn whatever the step touches
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await focusTimeline(page);
      // step event by event; the first MeanBackward0 (iteration 0's loss) must fade exactly when loss is rebound
      let firstMean: number | null = null;
      let fadedAt = -1;
      let secondLossBound = -1;
      for (let i = 0; i < 400 && fadedAt < 0; i++) {
        await page.keyboard.press("ArrowRight");
        const nodes = await graphNodes(page);
        const means = nodes.filter((n) => n.name === "MeanBackward0");
        if (firstMean == null && means.length) firstMean = means[0].id;
        if (firstMean != null && means.length >= 2 && means.some((n) => n.id !== firstMean && n.names.includes("loss")) && secondLossBound < 0) secondLossBound = i;
        const first = nodes.find((n) => n.id === firstMean);
        if (first?.classes.includes("freed-graph")) {
          fadedAt = i;
          assert(first.classes.includes("freed-now"), "the step that frees it marks it as freed now");
          const caption = (await page.locator(".graph .caption").innerText()).trim();
          assert(/Nothing refers to .*MeanBackward0/.test(caption) && /line 6/.test(caption), `the caption should say what was freed and which line dropped it: ${caption}`);
          await shot("freed-graph-now");
        }
      }
      assert(secondLossBound >= 0, "never saw the second iteration's loss bound");
      assert(fadedAt === secondLossBound + 1, `iteration 0's graph faded at step ${fadedAt}, loss was rebound at ${secondLossBound}`);
      await page.keyboard.press("End");
      // End moves the view to the step's nodes: read the graph once it stands still
      await page.waitForTimeout(400);
      const all = await graphNodes(page);
      const live = all.filter((n) => !n.classes.includes("freed-graph"));
      assert(live.some((n) => n.name === "MeanBackward0" && n.names.includes("loss")), "the last loss's graph is alive, not faded");
      assert(all.filter((n) => n.name === "MeanBackward0" && n.classes.includes("freed-graph")).length === 2, "the two earlier iterations' graphs are faded");
      await page.getByRole("button", { name: "Hide freed" }).click();
      const shown = await graphNodes(page);
      assert(shown.length === live.length && !shown.some((n) => n.classes.includes("freed-graph")), `Hide freed should leave the ${live.length} live nodes, shows ${shown.length}`);
      await shot("freed-hidden");
    },
  },
  {
    name: "captions: every step says in plain words what happened, above the graph, for screen readers too",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("problem3_alias.py"));
      await run(page);
      const caption = page.locator(".graph .caption");
      assert((await caption.getAttribute("aria-live")) === "polite", "the caption is a live region");
      await focusTimeline(page);
      await page.keyboard.press("Home");
      const seen: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("ArrowRight");
        const text = (await caption.innerText()).trim();
        assert(text.length > 10, `step ${i + 1} has no caption`);
        seen.push(text);
        if (/PowBackward0 \(f\) runs/.test(text)) {
          assert(/∂ 27\. to AccumulateGrad \(x\)/.test(text) && /n·x/.test(text), `the backward step says why and where 27. goes: ${text}`);
          await shot("caption-backward");
        }
      }
      assert(seen.some((t) => /PowBackward0 \(f\) runs/.test(t)), "no caption for PowBackward0 running");
      assert(seen.some((t) => /f_prime now refers to the same tensor as x\.grad/.test(t)), "f_prime = x.grad is explained as the same tensor");
      assert(seen.some((t) => /zero_\(\) writes 0\. .*f_prime .*reads 0\. too/.test(t)), `x.grad.zero_() is explained through f_prime: ${seen.filter((t) => t.includes("zero_")).join(" | ")}`);
    },
  },
  {
    name: "legend: one click away, it explains every mark the graph uses",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("problem3_alias.py"));
      await run(page);
      await page.getByRole("button", { name: "Legend" }).click();
      const legend = page.getByRole("dialog", { name: /Legend/ });
      assert(await legend.isVisible(), "the legend opens");
      const marks = await legend.locator("li").evaluateAll((els) => els.map((el) => el.getAttribute("data-mark")));
      for (const m of ["op", "leaf", "names", "shape", "saved", "saved-freed", "saved-blamed", "version", "order", "seed", "executing", "grad", "sum", "acc", "result", "error", "freed", "module", "hook", "hook-call"])
        assert(marks.includes(m), `the legend has no entry for ${m}`);
      await shot("legend");
      await page.getByRole("button", { name: "Close the legend" }).click();
      assert((await legend.count()) === 0, "the legend closes");
    },
  },
];
