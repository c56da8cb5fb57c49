// Lesson text and questions that told the learner something untrue or gave the answer away
// (issue 15): lesson 1's first question, lesson 2's padding question, lesson 3's zero_ wording.

import type { Page } from "playwright-core";
import { assert, graphEdges, graphNodes } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

async function openLesson(page: Page, n: number): Promise<void> {
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await page.locator(".sidebar li button").nth(n - 1).click();
  await page.waitForSelector(".lesson h1, article h1");
}

async function waitForRun(page: Page): Promise<void> {
  await page.waitForSelector(".timeline .status:not(.running):not(.idle)", { timeout: 15_000 });
}

/** What the graph, memory and console panes show, as text. */
async function viewsText(page: Page): Promise<string> {
  return (await Promise.all([".graph-pane", ".memory-pane", ".console-pane"].map((s) => page.locator(s).innerText()))).join("\n");
}

async function endOfRun(page: Page): Promise<void> {
  await page.locator(".app > header h1").click();
  await page.keyboard.press("End");
}

export const tests = [
  {
    name: "lesson 1: the first prediction is not answered by what is on screen when it is asked",
    async run({ page, shot }: Ctx) {
      await openLesson(page, 1);
      const card = page.locator(".prediction").first();
      await card.scrollIntoViewIfNeeded();
      const question = await card.locator(".question").innerText();
      const answer = "MeanBackward0";
      assert((await card.innerText()).includes(answer), `the first question should be about f's grad_fn: ${question}`);
      const shown = await viewsText(page);
      assert(!shown.includes(answer), `the views already show the answer while the question is asked:\n${shown.slice(0, 300)}`);
      await shot("lesson-1-first-question");
      await card.getByRole("radio", { name: /SumBackward0/ }).check();
      await card.getByRole("button", { name: "Check my prediction" }).click();
      assert(await card.locator(".verdict.wrong").isVisible(), "SumBackward0 is wrong");
      await card.getByRole("button", { name: /Step through cell/ }).click();
      await waitForRun(page);
      await endOfRun(page);
      assert((await graphNodes(page)).some((n) => n.name === answer && n.names.includes("f")), "after the cell, the graph shows f's MeanBackward0");
    },
  },
  {
    name: "lesson 2: the A.grad[1] prediction does not turn on padding, and the padded answer counts",
    async run({ page }: Ctx) {
      await openLesson(page, 2);
      const card = page.locator(".prediction", { hasText: "Row sums" });
      await card.scrollIntoViewIfNeeded();
      const choices = (await card.locator("label").allInnerTexts()).map((c) => c.trim());
      const squashed = choices.map((c) => c.replace(/\s+/g, ""));
      assert(choices.length >= 3 && new Set(squashed).size === choices.length, `two choices differ only in spacing: ${JSON.stringify(choices)}`);
      await card.getByRole("radio", { name: "tensor([ 0.0000, 2.5000, -1.7500])" }).check();
      await card.getByRole("button", { name: "Check my prediction" }).click();
      assert(await card.locator(".verdict.right, .verdict.correct").isVisible(), "the right answer is graded right");
    },
  },
  {
    name: "lesson 3: zero_() is explained as recorded on top of the graph of 3x², which the graph still draws",
    async run({ page, shot }: Ctx) {
      await openLesson(page, 3);
      const card = page.locator(".prediction", { hasText: "x.grad.zero_()" }).first();
      await card.scrollIntoViewIfNeeded();
      await card.getByRole("button", { name: /I don't know/ }).click();
      const explain = await card.locator(".explain").innerText();
      assert(!/\bgone\b/.test(explain) && /still there/.test(explain), `the explanation says: ${explain}`);
      await card.getByRole("button", { name: /Step through cell/ }).click();
      await waitForRun(page);
      await endOfRun(page);
      const nodes = await graphNodes(page);
      const zero = nodes.find((n) => n.name === "ZeroBackward0" && n.names.includes("f_prime"));
      assert(zero, `no ZeroBackward0 named f_prime: ${JSON.stringify(nodes.map((n) => n.name))}`);
      const copy = nodes.filter((n) => n.name === "CopyBackwards").map((n) => n.id);
      assert((await graphEdges(page)).some((e) => e.target === zero.id && copy.includes(e.source)), "ZeroBackward0 should lead back into CopyBackwards (the graph of 3x² is still there)");
      await shot("lesson-3-zero");
    },
  },
];

async function stepCell(page: Page, n: number): Promise<void> {
  const button = page.locator("figure.cell").nth(n - 1).getByRole("button", { name: /Step through/ });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await waitForRun(page);
  await page.locator(".app > header h1").click();
}

export const cellTests = [
  {
    name: "lesson cell: lesson 3's last cell shows its own graph, earlier cells' graphs hidden and offered back",
    async run({ page, shot }: Ctx) {
      await openLesson(page, 3);
      const cells = await page.locator("figure.cell").count();
      await stepCell(page, cells);
      const note = page.locator(".graph .scope");
      assert(/earlier graphs? from the cells above (is|are) hidden/.test(await note.innerText()), `no note about hidden graphs: ${await note.count()}`);
      await page.keyboard.press("End");
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await page.waitForTimeout(400);
      const own = await graphNodes(page);
      assert(own.filter((n) => n.name === "AccumulateGrad").length === 1, `one leaf x in this cell's graph, saw ${own.filter((n) => n.name === "AccumulateGrad").length}`);
      assert(own.filter((n) => n.name === "PowBackward0").length <= 2, `this cell's graph only: ${own.map((n) => n.name).join(", ")}`);
      await shot("lesson-3-last-cell-own-graph");
      await note.getByRole("button", { name: "Show them" }).click();
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await page.waitForTimeout(400);
      const all = await graphNodes(page);
      assert(all.length > own.length, `Show them brings the earlier graphs back: ${all.length} vs ${own.length}`);
      await note.getByRole("button", { name: "Only this cell's graph" }).click();
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await page.waitForTimeout(400);
      assert((await graphNodes(page)).length === own.length, "and they can be left out again");
    },
  },
  {
    name: "lesson cell: the line the views stand on is marked in the cell, as the statement steps",
    async run({ page }: Ctx) {
      await openLesson(page, 1);
      await stepCell(page, 3);
      const cell = page.locator("figure.cell").nth(2);
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Shift+ArrowRight");
        const marked = cell.locator(".line.current");
        if (!(await marked.count())) continue;
        const text = (await marked.innerText()).trim();
        const caption = (await page.locator(".graph .caption").innerText()).trim();
        if (caption.startsWith("Line ")) assert(caption.endsWith(text), `the marked line "${text}" is not the statement starting: ${caption}`);
        if (!seen.includes(text)) seen.push(text);
      }
      assert(seen.length >= 2, `the mark should move through the cell's lines, saw ${JSON.stringify(seen)}`);
      assert((await page.locator("figure.cell .line.current").count()) <= 1, "one line marked at a time");
    },
  },
  {
    name: "lesson cell: a traceback names the cell's own lines (Cell 2, line 1), not the program's",
    async run({ page, shot }: Ctx) {
      await openLesson(page, 5);
      await stepCell(page, 2);
      await page.keyboard.press("End");
      const consoleText = await page.locator(".console").innerText();
      assert(/Cell 2, line 1, in <module>/.test(consoleText), `the traceback should name cell 2, line 1:\n${consoleText}`);
      assert(!/File "[^"]*", line \d+/.test(consoleText), `no program line numbers left:\n${consoleText}`);
      assert(/Error at cell 2, line 1/.test(consoleText), `the link names the cell's line:\n${consoleText}`);
      assert((await page.locator(".graph .error-banner").innerText()).includes("(cell 2, line 1)"), "the banner names the cell's line");
      const caption = await page.locator(".graph .caption").innerText();
      assert(/\(cell 2, line 1\)/.test(caption) && !/\bline (?!1\b)\d+/.test(caption), `the caption names the cell's line too: ${caption}`);
      let statement = "";
      for (let i = 0; i < 30 && !/^(Cell|Line) /.test(statement); i++) {
        await page.keyboard.press("ArrowLeft");
        statement = await page.locator(".graph .caption").innerText();
      }
      assert(/^Cell \d+, line \d+ starts:/.test(statement), `a statement's caption names the cell's line: ${statement}`);
      await shot("lesson-5-traceback-cell-lines");
    },
  },
];
tests.push(...cellTests);
