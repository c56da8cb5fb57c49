// The learner's path through the app in real Chromium: the alias pitfall, a backward step by step,
// errors, and a runaway loop. Expected outputs in scripts/*.expected were recorded with PyTorch 2.6 (test/conformance/record.mjs).

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { arrows, assert, consoleText, focusTimeline, names, run, setScript, step, stepToAfterLine } from "./app.ts";

const script = (name: string) => readFileSync(new URL(`./scripts/${name}`, import.meta.url), "utf8");

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

async function stdout(page: Page): Promise<string> {
  return (await page.locator(".console .run.stdout pre").allInnerTexts()).join("");
}

export const tests = [
  {
    name: "the script is autosaved and survives a reload",
    async run({ page }: Ctx) {
      await setScript(page, "print('kept')\n");
      await page.waitForTimeout(600);
      await page.reload();
      const text = await page.locator(".cm-content").innerText();
      assert(text.includes("print('kept')"), `after reload the editor holds: ${text}`);
    },
  },
  {
    name: "problem 3: f_prime = x.grad aliases, zero_() zeroes both, stepping back restores",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("problem3_alias.py"));
      await run(page);
      const out = await stdout(page);
      assert(out.trim() === script("problem3_alias.expected").trim(), `stdout differs from PyTorch:\n${out}`);

      await stepToAfterLine(page, 9); // f_prime = x.grad
      const fPrime = (await names(page)).find((n) => n.name === "f_prime");
      assert(fPrime, "no f_prime in the memory view");
      const into = (await arrows(page)).filter((a) => a.to === fPrime.tensors && a.kind !== "storage");
      assert(into.length === 2, `expected two arrows into f_prime's tensor, got ${JSON.stringify(into)}`);
      assert(into.some((a) => a.kind === "grad") && into.some((a) => a.kind === "name"), "one arrow should be x's .grad, one the name f_prime");
      assert(fPrime.values === "27.", `f_prime should read 27. before zero_, reads ${fPrime.values}`);
      const gradNode = page.locator(".graph .node[data-names~='f_prime']");
      assert((await gradNode.getAttribute("data-names"))?.includes("x.grad"), "the graph should name x.grad and f_prime on one node");
      await shot("alias");

      await stepToAfterLine(page, 10); // x.grad.zero_()
      const after = (await names(page)).find((n) => n.name === "f_prime")!;
      assert(after.values === "0.", `f_prime should read 0. after zero_, reads ${after.values}`);
      const gradObj = page.locator(`.memory .object[data-tensor='${after.tensors}']`);
      assert((await gradObj.getAttribute("data-values")) === "0.", "x.grad's object should read 0.");
      assert((await page.locator(".memory .storage.flash").count()) === 1, "the shared storage should flash on zero_()");
      assert(await page.locator(".graph .version.now").count(), "the version badge v0→v1 should show");
      await shot("alias-zero");
      // the same moment in the dark theme (Theme: auto -> light -> dark)
      await page.getByRole("button", { name: /Switch theme/ }).click();
      await page.getByRole("button", { name: /Switch theme/ }).click();
      assert((await page.evaluate(() => document.documentElement.dataset.theme)) === "dark", "the theme button did not reach dark");
      await shot("alias-zero-dark");
      await focusTimeline(page);

      await page.keyboard.press("Shift+ArrowLeft");
      const back = (await names(page)).find((n) => n.name === "f_prime")!;
      assert(back.values === "27.", `stepping back should show 27. again, shows ${back.values}`);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("End");
      assert((await step(page)) > 0, "End should go to the last step");
    },
  },
  {
    name: "backward step by step: node lights up, gradient on edges, .grad accumulates",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("problem2_accumulate.py"));
      await run(page);
      assert((await stdout(page)).trim() === script("problem2_accumulate.expected").trim(), "stdout differs from PyTorch");
      await focusTimeline(page);
      await page.keyboard.press("Home");
      let sawExecuting = false;
      let sawAccumulate = false;
      let sawInplaceAdd = false;
      for (let i = 0; i < 400 && !sawInplaceAdd; i++) {
        await page.keyboard.press("ArrowRight");
        if (!sawExecuting && (await page.locator(".graph .node.status-executing").count()) && (await page.locator(".graph .grads .grad").count()) >= 2) {
          sawExecuting = true;
          await shot("graph-mid-backward");
        }
        if (!sawAccumulate && (await page.locator(".graph .acc").count())) {
          sawAccumulate = true;
          await shot("accumulation");
        }
        if (sawAccumulate && (await page.locator(".graph .acc .how", { hasText: "added in place" }).count())) {
          sawInplaceAdd = true;
          await shot("accumulation-second");
        }
      }
      assert(sawExecuting, "never saw a node executing with gradients on its edges");
      assert(sawAccumulate, "never saw .grad accumulate");
      assert(sawInplaceAdd, "the second backward should add into .grad in place");
    },
  },
  {
    name: "a runtime error marks the line and shows PyTorch's message",
    async run({ page, shot }: Ctx) {
      await setScript(page, "import torch\n\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\ny.backward()\n");
      await run(page);
      const text = await consoleText(page);
      assert(/RuntimeError: Trying to backward through the graph a second time/.test(text), `console: ${text}`);
      assert(await page.locator(".cm-gl-error").count(), "the error is not underlined in the editor");
      const banner = (await page.locator(".graph .error-banner").textContent()) ?? "";
      assert(banner.includes("line 6"), `graph banner should name line 6: ${banner}`);
      await shot("error");
    },
  },
  {
    name: "a syntax error shows its line and message",
    async run({ page, shot }: Ctx) {
      await setScript(page, "import torch\nx = torch.tensor(3.0\ny = 2\n");
      await run(page);
      const text = await consoleText(page);
      assert(/SyntaxError/.test(text), `console: ${text}`);
      const underlined = await page.locator(".cm-line:has(.cm-gl-error)").count();
      assert(underlined >= 1, "the syntax error is not underlined");
      const banner = (await page.locator(".graph .error-banner").textContent()) ?? "";
      assert(/SyntaxError: .* \(line \d\)/.test(banner), `banner: ${banner}`);
      await shot("syntax-error");
    },
  },
  {
    name: "while True: pass is stopped with a message and the UI stays responsive",
    async run({ page }: Ctx) {
      await setScript(page, "while True:\n    pass\n");
      await page.locator(".cm-content").press("ControlOrMeta+Enter");
      await page.waitForSelector(".status.running");
      // the page answers while the loop spins in the worker
      const button = page.getByRole("button", { name: /Switch theme/ });
      const box = (await button.boundingBox())!;
      const before = await page.evaluate(() => document.documentElement.dataset.theme ?? "auto");
      // a raw click (no waiting for animation frames): how long the page takes to answer it
      const t0 = Date.now();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const themeNow = await page.evaluate(() => document.documentElement.dataset.theme ?? "auto");
      const took = Date.now() - t0;
      assert(themeNow !== before && took < 750, `the UI did not respond while the script ran: theme ${before} -> ${themeNow} in ${took} ms`);
      console.log(`     (a click while the loop ran was answered in ${took} ms)`);
      // the interpreter's budget ends it; if it has not within 5 s, the Stop button must
      const ended = await page.waitForSelector(".status:not(.running)", { timeout: 5000 }).catch(() => null);
      if (!ended) {
        await page.getByRole("button", { name: /Stop/ }).click();
        await page.waitForSelector(".status.stopped", { timeout: 2000 });
      }
      const status = (await page.locator(".status").textContent()) ?? "";
      const text = await consoleText(page);
      assert(/stop|budget|limit|took/i.test(status + text), `no stop message: status "${status}", console "${text}"`);
      // and the app still runs scripts afterwards
      await setScript(page, "print(1 + 1)\n");
      await run(page);
      assert((await stdout(page)).trim() === "2", "a run after the stop did not work");
    },
  },
];
