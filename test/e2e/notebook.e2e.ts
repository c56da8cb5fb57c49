// Opening a notebook makes it a lesson (issue 15): the seed notebook's text and a Jupyter .ipynb
// open in the lessons panel, their code cells to step through, their markdown the text.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, focusTimeline, graphNodes, step } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/notebooks/${name}`, import.meta.url), "utf8");

/** The browser's file picker, answered with this file (the host asks window.showOpenFilePicker). */
async function pickerGives(page: Page, name: string, text: string): Promise<void> {
  // a string, not a function: tsx would wrap a function's body in helpers the page does not have
  await page.addInitScript(
    `window.showOpenFilePicker = async () => [{ name: ${JSON.stringify(name)}, getFile: async () => new File([${JSON.stringify(text)}], ${JSON.stringify(name)}), createWritable: async () => null }];`,
  );
  await page.reload();
  await page.waitForSelector(".cm-content");
}

async function stepToEnd(page: Page): Promise<void> {
  await focusTimeline(page);
  const last = Number((/\/ (\d+)/.exec((await page.locator(".timeline .where").textContent()) ?? "") ?? [])[1]) - 1;
  for (let i = 0; i < 200 && (await step(page)) < last; i++) await page.keyboard.press("Shift+ArrowRight");
}

export const tests = [
  {
    name: "notebook: the seed notebook's text opens as a lesson; Problem 2's backward cell steps to A.grad",
    async run({ page, shot }: Ctx) {
      await pickerGives(page, "autograd-notebook.txt", fixture("autograd-notebook.txt"));
      const before = await page.locator(".cm-content").textContent();
      await page.getByRole("button", { name: "Open a script or lesson" }).click();
      await page.waitForSelector("article.lesson h1:has-text('autograd-notebook')");
      assert(await page.locator(".lessons-pane").isVisible(), "the notebook should open in the lessons panel");
      assert((await page.locator(".cm-content").textContent()) === before, "a notebook must not replace the script in the editor");
      const cells = page.locator("article.lesson figure.cell");
      assert((await cells.count()) === 12, `the seed notebook has 12 code cells, the lesson shows ${await cells.count()}`);
      const prose = await page.locator("article.lesson").innerText();
      assert(prose.includes("Problem 2") && prose.includes("sharing value with x.grad"), "the notebook's markdown should be the lesson's text");
      assert(!prose.includes("grad_fn=<PowBackward0>"), "the notebook's recorded outputs are not shown as text");
      await shot("notebook-seed-opened");

      // cell 6: F.backward(torch.ones_like(F)) then the prints of A.grad and X.grad
      await cells.nth(5).getByRole("button", { name: /Step through/ }).click();
      await page.waitForSelector(".timeline .status:not(.running):not(.idle)");
      await stepToEnd(page);
      const out = (await page.locator(".console .run.stdout pre").allInnerTexts()).join("");
      const rows = out.split("\n").filter((l) => l.includes("[") && l.includes("]"));
      assert(rows.length >= 7, `the cell should print A.grad's 4 rows and X.grad's 3, printed:\n${out}`);
      const ops = (await graphNodes(page)).map((n) => n.name);
      assert(ops.includes("MmBackward0"), `the cell's graph should show MmBackward0, shows ${ops.join(", ")}`);
      await shot("notebook-seed-problem2-backward");
    },
  },
  {
    name: "notebook: a Jupyter .ipynb opens as a lesson titled by its first heading; its cell runs",
    async run({ page, shot }: Ctx) {
      await pickerGives(page, "chain-rule.ipynb", fixture("chain-rule.ipynb"));
      await page.getByRole("button", { name: "Open a script or lesson" }).click();
      await page.waitForSelector("article.lesson h1:has-text('The chain rule, one node at a time')");
      const cells = page.locator("article.lesson figure.cell");
      assert((await cells.count()) === 2, `two code cells, shows ${await cells.count()}`);
      assert((await cells.first().innerText()).includes("# %matplotlib inline  (IPython only: not run)"), "a magic stays visible as a comment");
      await cells.nth(1).getByRole("button", { name: /Step through/ }).click();
      await page.waitForSelector(".timeline .status:not(.running):not(.idle)");
      await stepToEnd(page);
      const out = (await page.locator(".console .run.stdout pre").allInnerTexts()).join("").trim();
      assert(out.endsWith("tensor(36.)"), `the cell prints x.grad = 36, printed ${out}`);
      await shot("notebook-ipynb-cell");
    },
  },
  {
    name: "notebook: a broken .ipynb is refused with its reason, in the banner",
    async run({ page }: Ctx) {
      await pickerGives(page, "broken.ipynb", "{ not json");
      await page.getByRole("button", { name: "Open a script or lesson" }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert(/broken\.ipynb is not a notebook: its JSON does not parse/.test(await alert.innerText()), `banner: ${await alert.innerText()}`);
    },
  },
];
