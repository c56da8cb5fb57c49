// Text a learner can read (issue 15), through every cell of every lesson at 1440×900: nothing on the
// graph under 11 px, no label over another or cut by the pane's edge, memory values inside their
// cells, the console wrapping a tensor as a terminal of its width would. Screenshots of each
// lesson's last cell at 1440×900 and 1024×700.

import type { Page } from "playwright-core";
import { assert, auditGraphText } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

async function lessonCount(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await page.waitForSelector(".sidebar li button");
  return page.locator(".sidebar li button").count();
}

/** Steps through cell `i` of the open lesson and stands at its end. */
async function cellEnd(page: Page, i: number): Promise<void> {
  await page.locator("article.lesson figure.cell").nth(i).getByRole("button", { name: /Step through/ }).click();
  await page.waitForSelector(".timeline .status:not(.running):not(.idle)");
  await page.locator(".app > header h1").click();
  await page.keyboard.press("End");
  await page.waitForTimeout(60);
}

/** Memory values wider than their cell, and memory texts drawn over each other. */
async function memoryCollisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const g of Array.from(document.querySelectorAll(".memory g.storage"))) {
      const cells = Array.from(g.querySelectorAll("rect.cell")).map((r) => r.getBoundingClientRect());
      Array.from(g.querySelectorAll("text.cellv")).forEach((t, i) => {
        const r = t.getBoundingClientRect();
        const c = cells[i];
        if (c && (r.left < c.left - 0.5 || r.right > c.right + 0.5)) out.push(`${t.textContent} is wider than its cell (${r.width.toFixed(0)} > ${c.width.toFixed(0)} px)`);
      });
    }
    for (const g of Array.from(document.querySelectorAll(".memory g.object"))) {
      const texts = Array.from(g.querySelectorAll("text")).map((t) => ({ t: t.textContent ?? "", r: t.getBoundingClientRect() }));
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const [a, b] = [texts[i].r, texts[j].r];
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) out.push(`${texts[i].t} × ${texts[j].t}`);
        }
    }
    return out;
  });
}

interface Finding {
  where: string;
  what: string;
}

async function audit(page: Page, where: string, findings: Finding[]): Promise<void> {
  if ((await page.locator(".graph svg").count()) === 0 || (await page.locator(".graph").getAttribute("data-canvas")) === "true") return;
  const a = await auditGraphText(page);
  if (a.count && a.minPx < 10.95) findings.push({ where, what: `graph text at ${a.minPx.toFixed(1)} px: "${a.smallest}"` });
  for (const o of a.overlaps) findings.push({ where, what: `graph labels overlap: ${o}` });
  // a graph taller than the pane at a readable zoom has nodes past its edge (the learner pans); what
  // the step touches is framed, so none of its labels may be cut
  for (const c of a.cutInFocus) findings.push({ where, what: `a label of the step's nodes cut by the pane's edge: ${c}` });
  for (const m of await memoryCollisions(page)) findings.push({ where, what: `memory: ${m}` });
}

export const tests = [
  {
    name: "readable: every lesson cell at 1440×900 — graph text ≥ 11 px, no overlapping or cut labels, memory values in their cells",
    async run({ page, shot }: Ctx) {
      await page.setViewportSize({ width: 1440, height: 900 });
      const lessons = await lessonCount(page);
      const findings: Finding[] = [];
      let cellsSeen = 0;
      for (let l = 0; l < lessons; l++) {
        await page.locator(".sidebar li button").nth(l).click();
        await page.waitForSelector("article.lesson h1");
        const cells = await page.locator("article.lesson figure.cell").count();
        for (let i = 0; i < cells; i++) {
          await cellEnd(page, i);
          await audit(page, `lesson ${l + 1} cell ${i + 1}`, findings);
          cellsSeen++;
        }
        await shot(`readable-1440-lesson${l + 1}-last-cell`);
      }
      assert(cellsSeen >= 40, `every lesson's cells should be stepped, saw ${cellsSeen}`);
      assert(findings.length === 0, `${findings.length} readability problems:\n${findings.map((f) => `${f.where}: ${f.what}`).join("\n")}`);
    },
  },
  {
    name: "readable: each lesson's last cell at 1024×700 (screenshots), the graph's text still ≥ 11 px",
    async run({ page, shot }: Ctx) {
      await page.setViewportSize({ width: 1024, height: 700 });
      const lessons = await lessonCount(page);
      const findings: Finding[] = [];
      for (let l = 0; l < lessons; l++) {
        await page.locator(".sidebar li button").nth(l).click();
        await page.waitForSelector("article.lesson h1");
        const cells = await page.locator("article.lesson figure.cell").count();
        await cellEnd(page, cells - 1);
        await audit(page, `lesson ${l + 1} last cell`, findings);
        await shot(`readable-1024-lesson${l + 1}-last-cell`);
      }
      const small = findings.filter((f) => /px:/.test(f.what));
      assert(small.length === 0, small.map((f) => `${f.where}: ${f.what}`).join("\n"));
    },
  },
  {
    name: "readable: the console wraps a long tensor line at its width, as a terminal does (no sideways scrolling)",
    async run({ page, shot }: Ctx) {
      await page.setViewportSize({ width: 1024, height: 700 });
      const { setScript, run } = await import("./app.ts");
      await setScript(page, "import torch\nprint(torch.arange(60.).reshape(3, 20) * 1.5)\n");
      await run(page);
      const m = await page.locator(".console .run.stdout pre").evaluate((pre) => {
        const text = pre.textContent ?? "";
        const style = getComputedStyle(pre);
        const probe = document.createElement("span");
        probe.textContent = "0".repeat(100);
        probe.style.font = style.font;
        probe.style.whiteSpace = "pre";
        document.body.append(probe);
        const charW = probe.getBoundingClientRect().width / 100;
        probe.remove();
        const cols = Math.floor(pre.clientWidth / charW);
        const lineH = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
        const logical = text.replace(/\n$/, "").split("\n");
        const expected = logical.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / cols)), 0);
        const console = pre.closest(".console") as HTMLElement;
        // where each long line wraps: a terminal puts exactly `cols` characters on its first row
        // (no named functions in here: tsx would wrap them in a helper the page does not have)
        const node = pre.firstChild as Text;
        const range = document.createRange();
        const firstRows: number[] = [];
        let start = 0;
        for (const line of logical) {
          if (line.length > cols) {
            const tops: number[] = [];
            for (let i = 0; i < line.length; i++) {
              range.setStart(node, start + i);
              range.setEnd(node, start + i + 1);
              tops.push(range.getClientRects()[0]?.top ?? NaN);
            }
            let row = 0;
            while (row < tops.length && Math.abs(tops[row] - tops[0]) < 1) row++;
            firstRows.push(row);
          }
          start += line.length + 1;
        }
        return { cols, firstRows, longest: Math.max(...logical.map((l) => l.length)), visual: Math.round(pre.getBoundingClientRect().height / lineH), expected, sideways: console.scrollWidth - console.clientWidth };
      });
      await shot("readable-console-wrap");
      assert(m.longest > m.cols, `the test needs a line longer than the console (${m.longest} vs ${m.cols} columns)`);
      assert(m.sideways <= 0, `the console scrolls sideways by ${m.sideways} px`);
      assert(m.visual === m.expected, `a terminal of ${m.cols} columns shows ${m.expected} lines; the console shows ${m.visual}`);
      assert(m.firstRows.length >= 2 && m.firstRows.every((r) => r === m.cols), `a long line's first row should hold the console's ${m.cols} columns, they hold ${m.firstRows.join(", ")} characters`);
    },
  },
];

const boxesMeet = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;

tests.push(
  {
    name: "readable: the error banner sits below the graph, never over it",
    async run({ page, shot }: Ctx) {
      await page.setViewportSize({ width: 1024, height: 700 });
      const { setScript, run } = await import("./app.ts");
      await setScript(page, "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\ny.backward()\n");
      await run(page);
      const banner = (await page.locator(".graph .error-banner").boundingBox())!;
      const graph = (await page.locator(".graph svg").first().boundingBox())!;
      assert(banner && graph, "the error banner and the graph should both be on screen");
      assert(!boxesMeet(banner, graph), `the banner ${JSON.stringify(banner)} covers the graph ${JSON.stringify(graph)}`);
      await shot("readable-error-banner");
    },
  },
  {
    name: "readable: the minimap never covers the nodes the step touches, and can be hidden",
    async run({ page }: Ctx) {
      await page.setViewportSize({ width: 1440, height: 900 });
      const { setScript, run } = await import("./app.ts");
      await setScript(page, "import torch\nx = torch.ones(3, requires_grad=True)\ny = x\nfor i in range(25):\n    y = y * 1.01 + 0.1\nloss = y.sum()\nloss.backward()\n");
      await run(page);
      await page.locator(".app > header h1").click();
      const minimap = page.locator(".graph .minimap");
      assert((await minimap.count()) === 1, "a graph of this size shows a minimap");
      let checked = 0;
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("ArrowLeft");
        const focus = ((await page.locator(".graph").getAttribute("data-focus")) ?? "").split(" ").filter(Boolean);
        if (!focus.length || (await minimap.count()) === 0) continue;
        const mm = (await minimap.boundingBox())!;
        for (const id of focus) {
          const node = await page.locator(`.graph .node[data-node-id='${id}'] rect.box`).first().boundingBox();
          if (node) {
            checked++;
            assert(!boxesMeet(mm, node), `step ${i}: the minimap covers node ${id}`);
          }
        }
      }
      assert(checked > 20, `the test should check the step's nodes on many steps, checked ${checked}`);
      await page.keyboard.press("End");
      await page.waitForTimeout(300);
      assert((await minimap.count()) === 1, "at the end (nothing touched) the minimap is back");
      await page.getByRole("button", { name: "Minimap" }).click();
      assert((await minimap.count()) === 0, "the Minimap button hides it");
    },
  },
);
