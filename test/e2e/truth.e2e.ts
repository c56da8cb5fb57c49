// The view tells the truth at every step (issue 15, "misleading today"): a failing backward outlines
// the node that failed and its saved tensor; autograd.grad returns its gradient without touching .grad;
// graphs nothing references fade as freed. Asserted as a learner would see them, in real Chromium.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, focusTimeline, run, setScript, stepToAfterLine } from "./app.ts";

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
  const names = await page.$$eval(".graph .node.error", (els) => els.map((el) => el.querySelector("text.name")?.textContent ?? ""));
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
      assert((await page.locator(".graph .node.error", { hasText: "SumBackward0" }).count()) === 0, "SumBackward0 ran fine: not outlined");
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
];
