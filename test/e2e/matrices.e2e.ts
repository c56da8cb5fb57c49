// Matrices look like matrices (issue 15): the seed's Problem 2, F = A @ X with F.backward(ones):
// A.grad's identical rows and X.grad's identical columns show at a glance as grids, in the graph's
// .grad pills, its gradient pills, the inspector and the memory view.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, focusTimeline, run, setScript } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const problem2 = readFileSync(new URL("../conformance/cases/seed_problem2.py", import.meta.url), "utf8");

/** Steps forward until `pred` holds in the page, at most `max` steps. */
async function stepUntil(page: Page, pred: () => Promise<boolean>, max = 200): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    if (await pred()) return true;
    await page.keyboard.press("ArrowRight");
  }
  return pred();
}

export const tests = [
  {
    name: "matrices: Problem 2's A.grad (identical rows) and X.grad (identical columns) are grids in the graph, the memory view and the inspector",
    async run({ page, shot }: Ctx) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await setScript(page, problem2);
      await run(page);
      await focusTimeline(page);
      await page.keyboard.press("Home");
      // the gradient MmBackward0 sends to A is a 4x3 grid on its edge
      const gradGrid = page.locator(".graph .grads .grad.grid .matrix");
      assert(await stepUntil(page, async () => (await gradGrid.count()) >= 2), "the gradients sent to A and X should be drawn as grids");
      const shapes = await gradGrid.evaluateAll((els) => els.map((el) => `${el.getAttribute("data-rows")}x${el.getAttribute("data-cols")}`));
      assert(shapes.includes("4x3") && shapes.includes("3x2"), `grids of A's and X's shapes, saw ${shapes.join(", ")}`);
      const accA = page.locator(".graph .node[data-names~='A'] .acc .matrix");
      const accX = page.locator(".graph .node[data-names~='X'] .acc .matrix");
      assert(await stepUntil(page, async () => (await accA.count()) === 1 && (await accX.count()) === 1), "A.grad and X.grad should be stored as grids");
      assert((await accA.getAttribute("data-same-rows")) === "true", "A.grad's rows are identical");
      assert((await accX.getAttribute("data-same-cols")) === "true", "X.grad's columns are identical");
      assert((await accA.getAttribute("aria-label"))?.includes("every row the same"), "the grid says so to a screen reader");
      // and in the memory view, the objects of A.grad and X.grad are grids too
      const memA = page.locator(".memory g.object .matrix[data-rows='4'][data-cols='3'][data-same-rows='true']");
      const memX = page.locator(".memory g.object .matrix[data-rows='3'][data-cols='2'][data-same-cols='true']");
      assert((await memA.count()) >= 1 && (await memX.count()) >= 1, "the memory view should draw A.grad (rows alike) and X.grad (columns alike) as grids");
      await page.locator(".memory-pane").screenshot({ path: new URL("../../test-results/screenshots/matrix-memory.png", import.meta.url).pathname });
      await page.getByRole("button", { name: "Fit graph to view" }).click();
      await page.waitForTimeout(400);
      await shot("matrix-grads-graph");
      // the inspector shows A and A.grad as grids
      await page.locator(".graph .node[data-names~='A']").click();
      const inspector = page.getByRole("complementary", { name: "Tensor inspector" });
      assert((await inspector.locator("svg.grid .matrix").count()) === 2, "A's values and A.grad as two grids");
      assert((await inspector.locator("svg.grid .matrix").nth(1).getAttribute("data-same-rows")) === "true", "A.grad's repeated rows in the inspector");
      await shot("matrix-inspector");
    },
  },
];
