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
  await page.locator("header h1").click();
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
      name: el.querySelector("text.name")?.textContent ?? "",
      names: (el.getAttribute("data-names") ?? "").split(" ").filter(Boolean),
      classes: [...el.classList],
    })),
  );
}

/** The edges drawn in the graph pane, from input (source) to consumer (target). */
export async function graphEdges(page: Page): Promise<{ source: number; target: number }[]> {
  return page.$$eval(".graph .edges .edge", (els) => els.map((el) => ({ source: Number(el.getAttribute("data-source")), target: Number(el.getAttribute("data-target")) })));
}
