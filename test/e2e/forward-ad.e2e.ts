// Forward-mode AD as a learner sees it (issue 14): with nothing requiring grad, the graph pane
// draws the ops on dual tensors as forward nodes (make_dual, sin, mul) with their tangent
// formulas and values, the edges carrying the inputs' tangents; the memory view marks dx and y
// as dual, with a tangent row whose arrow reaches the tangent; stepping back before make_dual's
// tangent takes it away; the dual level's end leaves the tangents gone. Asserted in real
// Chromium; screenshots forward-ad-*.png.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { arrows, assert, focusTimeline, graphNodes, run, setScript, stepToAfterLine } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const script = readFileSync(new URL("./scripts/forward_ad.py", import.meta.url), "utf8");
const caption = async (page: Page) => (await page.locator(".graph .caption").innerText()).trim();
const tangentOf = (page: Page, op: string) => page.locator(`.graph .nodes .node[data-op='${op}'] .tangent-mark`).first().getAttribute("data-tangent");
const dualBoxes = (page: Page) => page.$$eval(".memory .object.dual", (els) => els.map((el) => el.getAttribute("data-values") ?? ""));
const tangentBoxes = (page: Page) => page.$$eval(".memory .object.tangent", (els) => els.map((el) => el.getAttribute("data-values") ?? ""));

export const tests = [
  {
    name: "forward-mode AD: forward nodes with tangents in the graph, dual tensors with tangent arrows in memory",
    async run({ page, shot }: Ctx) {
      await setScript(page, script);
      await run(page);
      await stepToAfterLine(page, 6); // dx = fwAD.make_dual(x, ...)
      let nodes = await graphNodes(page);
      assert(nodes.length === 1 && nodes[0].name === "make_dual" && nodes[0].classes.includes("forward"), `make_dual is a forward node: ${JSON.stringify(nodes)}`);
      assert((await tangentOf(page, "make_dual")) === "[1., 0., 0.]", `make_dual's node carries the tangent: ${await tangentOf(page, "make_dual")}`);
      assert(JSON.stringify(await dualBoxes(page)) === JSON.stringify(["[1., 2., 3.]"]), `dx's box is marked dual: ${await dualBoxes(page)}`);
      assert(JSON.stringify(await tangentBoxes(page)) === JSON.stringify(["[1., 0., 0.]"]), `the tangent's box is marked: ${await tangentBoxes(page)}`);
      const dxBox = page.locator(".memory .object.dual").first();
      assert(((await dxBox.locator(".dual-badge").textContent()) ?? "").trim() === "dual", "the dual badge reads 'dual'");
      assert(((await dxBox.locator("text.tangent-row").textContent()) ?? "").trim() === "tangent", "dx's box has a tangent row");
      const tangentArrows = (await arrows(page)).filter((a) => a.kind === "tangent");
      const tangentId = await page.locator(".memory .object.tangent").first().getAttribute("data-tensor");
      assert(tangentArrows.length === 1 && tangentArrows[0].to === tangentId, `one tangent arrow, to the tangent's box: ${JSON.stringify(tangentArrows)}`);
      // the memory pane scrolled to the tangent's arrow and box
      await page.locator(".memory .object.tangent").first().scrollIntoViewIfNeeded();
      await shot("forward-ad-make-dual");

      await stepToAfterLine(page, 7); // y = dx.sin() * dx
      nodes = await graphNodes(page);
      assert(JSON.stringify(nodes.map((n) => n.name)) === JSON.stringify(["make_dual", "sin", "mul"]), `the forward graph: ${nodes.map((n) => n.name)}`);
      assert(nodes.every((n) => n.classes.includes("forward")), "every node is a forward-mode node (nothing requires grad)");
      assert((await tangentOf(page, "mul")) === "[1.3818, 0., 0.]", `y's tangent on mul: ${await tangentOf(page, "mul")}`);
      const formula = await page.locator(".graph .nodes .node[data-op='sin'] .tangent-mark").getAttribute("data-formula");
      assert(formula === "ẏ = cos(a)·ȧ", `sin's tangent formula: ${formula}`);
      const edgeTangents = await page.$$eval(".graph .edges .edge.forward", (els) => els.map((el) => el.getAttribute("data-tangent")));
      assert(edgeTangents.length === 3 && edgeTangents.includes("[0.5403, 0., 0.]"), `forward edges carry the inputs' tangents: ${edgeTangents}`);
      assert((await page.locator(".graph .edges text.shape.tangent").count()) >= 1, "a tangent label rides on an edge");
      assert((await dualBoxes(page)).includes("[0.8415, 1.8186, 0.4234]"), `y's box is dual: ${await dualBoxes(page)}`);
      await page.locator(".memory .object.dual").last().scrollIntoViewIfNeeded();
      await shot("forward-ad-graph");

      // one step at a time back to before make_dual's tangent: dx's box loses its tangent row
      await focusTimeline(page);
      for (let i = 0; i < 200 && !/make_dual pairs/.test(await caption(page)); i++) await page.keyboard.press("ArrowLeft");
      assert(/make_dual pairs x with a tangent, \[1\., 0\., 0\.\]/.test(await caption(page)), `the caption at the tangent/set: ${await caption(page)}`);
      await page.keyboard.press("ArrowLeft");
      assert((await page.locator(".memory .object.dual").count()) === 0, "before the tangent/set no box is dual");
      assert((await page.locator(".memory text.tangent-row").count()) === 0, "and no box has a tangent row");
      assert((await page.locator(".graph .nodes .node.forward").count()) === 0, "and the graph has no forward node yet");

      // the legend explains the marks
      await page.locator(".graph .legend-button").click();
      for (const mark of ["forward", "tangent", "tangent-edge"]) assert((await page.locator(`#graph-legend li[data-mark='${mark}']`).count()) === 1, `legend entry ${mark}`);
      await page.locator(".graph .legend-button").click();

      // after the with block: the tangents are gone, the forward nodes stay, faded
      await focusTimeline(page);
      await page.keyboard.press("End");
      assert((await page.locator(".memory .object.dual").count()) === 0, "no dual tensor after the dual level");
      assert((await page.locator(".graph .nodes .tangent-mark.ended").count()) === 3, "the forward nodes' tangents are marked ended");
      await shot("forward-ad-level-ended");
    },
  },
];
