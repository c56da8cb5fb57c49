// Helpers for driving the Gradlens page in e2e tests: set the script, run, step, read the views.

import type { Page } from "playwright-core";

export async function setScript(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

/** Runs the script and waits until the run is over (done, error, stopped). */
export async function run(page: Page, timeout = 15_000): Promise<void> {
  await page.locator(".cm-content").press("ControlOrMeta+Enter");
  await page.waitForSelector(".status:not(.running):not(.idle)", { timeout });
}

/** Moves focus out of the editor so the timeline keys apply. */
export async function focusTimeline(page: Page): Promise<void> {
  await page.locator(".app > header h1").click();
}

export async function currentLine(page: Page): Promise<number | null> {
  const text = (await page.locator(".where").textContent()) ?? "";
  const m = /line (\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Steps by statement from the start until the statement on `line` has run. */
export async function stepToAfterLine(page: Page, line: number): Promise<void> {
  await focusTimeline(page);
  await page.keyboard.press("Home");
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Shift+ArrowRight");
    if ((await currentLine(page)) === line) return;
  }
  throw new Error(`never reached line ${line}`);
}

export async function step(page: Page): Promise<number> {
  return Number(await page.locator(".where").getAttribute("data-step"));
}

export interface NameRow {
  name: string;
  tensors: string;
  values: string;
}

export async function names(page: Page): Promise<NameRow[]> {
  return page.$$eval(".memory .name", (els) =>
    els.map((el) => ({
      name: el.getAttribute("data-name") ?? "",
      tensors: el.getAttribute("data-tensor") ?? "",
      values: el.getAttribute("data-values") ?? "",
    })),
  );
}

export async function arrows(page: Page): Promise<{ kind: string; from: string; to: string }[]> {
  return page.$$eval(".memory path.arrow", (els) =>
    els.map((el) => ({ kind: el.getAttribute("data-kind") ?? "", from: el.getAttribute("data-from") ?? "", to: el.getAttribute("data-to") ?? "" })),
  );
}

export async function consoleText(page: Page): Promise<string> {
  return (await page.locator(".console").innerText()).trim();
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export interface GraphNodeRow {
  id: number;
  name: string;
  names: string[];
  classes: string[];
}

/** The nodes drawn in the graph pane: id, op name, the Python names on it, its classes. */
export async function graphNodes(page: Page): Promise<GraphNodeRow[]> {
  return page.$$eval(".graph .nodes .node", (els) =>
    els.map((el) => ({
      id: Number(el.getAttribute("data-node-id")),
      name: el.getAttribute("data-op") ?? "",
      names: (el.getAttribute("data-names") ?? "").split(" ").filter(Boolean),
      classes: [...el.classList],
    })),
  );
}

/** The edges drawn in the graph pane, from input (source) to consumer (target). */
export async function graphEdges(page: Page): Promise<{ source: number; target: number }[]> {
  return page.$$eval(".graph .edges .edge", (els) => els.map((el) => ({ source: Number(el.getAttribute("data-source")), target: Number(el.getAttribute("data-target")) })));
}

export interface TextAudit {
  /** smallest text drawn on the graph, in screen px */
  minPx: number;
  smallest: string;
  /** pairs of label boxes that overlap (texts, with their pill or badge when they have one) */
  overlaps: string[];
  /** labels cut by the graph pane's edge */
  cut: string[];
  /** of those, labels of the nodes the step touches (what Fit frames and stepping keeps in view) */
  cutInFocus: string[];
  count: number;
}

/** Measures every text drawn in the graph pane as the learner sees it. */
export async function auditGraphText(page: Page): Promise<TextAudit> {
  return page.evaluate(() => {
    const svg = document.querySelector(".graph svg") as SVGSVGElement;
    const pane = svg.getBoundingClientRect();
    const boxes: { r: DOMRect; label: string; owner: Element | null }[] = [];
    const focus = new Set((document.querySelector(".graph")?.getAttribute("data-focus") ?? "").split(" ").filter(Boolean));
    let minPx = Infinity;
    let smallest = "";
    for (const t of Array.from(svg.querySelectorAll("text"))) {
      const text = t.textContent?.trim() ?? "";
      const r = t.getBoundingClientRect();
      if (!text || r.width === 0 || getComputedStyle(t).display === "none") continue;
      if (r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
      if (px < minPx) {
        minPx = px;
        smallest = text;
      }
      // a text in a pill or badge is labelled by its whole shape
      const pill = t.closest("g.grad, g.seed, g.sum, g.acc, g.result, g.version, g.tag, g.saved, g.slot");
      const shape = pill?.querySelector("rect");
      const box = shape && pill?.querySelector("text") === t ? shape.getBoundingClientRect() : r;
      if (pill && pill.querySelector("text") !== t) continue;
      boxes.push({ r: box, label: text, owner: t.closest("g.node") });
    }
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) overlaps.push(`${boxes[i].label} × ${boxes[j].label}`);
      }
    const cutBoxes = boxes.filter(({ r }) => r.left < pane.left - 0.5 || r.right > pane.right + 0.5 || r.top < pane.top - 0.5 || r.bottom > pane.bottom + 0.5);
    const cut = cutBoxes.map((b) => b.label);
    const cutInFocus = cutBoxes.filter((b) => focus.has(b.owner?.getAttribute("data-node-id") ?? "")).map((b) => `${b.label} (node ${b.owner?.getAttribute("data-node-id")})`);
    return { minPx, smallest, overlaps, cut, cutInFocus, count: boxes.length };
  });
}
