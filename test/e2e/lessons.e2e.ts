// The lessons inside the app in real Chromium: a prediction answered wrongly, the truth revealed, the
// cell stepped through in the graph, memory and console, and a screenshot of each lesson's key moment.
// The answers are the lesson files' own (checked against PyTorch by test/renderer/lessons).

import type { Locator, Page } from "playwright-core";
import { assert, names } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

async function stdoutLines(page: Page): Promise<string[]> {
  const text = (await page.locator(".console .run.stdout pre").allInnerTexts()).join("");
  return text.split("\n").filter((l) => l.trim() !== "");
}

async function openLessons(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Lessons", exact: true }).click();
  await page.waitForSelector(".sidebar li button");
}

async function openLesson(page: Page, n: number): Promise<void> {
  await page.locator(".sidebar li button").nth(n - 1).click();
  await page.waitForSelector(".lesson h1, article h1");
}

// the lessons' sidebar has its own .status and <header><h1>: these helpers look only at the app's
async function waitForRun(page: Page): Promise<void> {
  await page.waitForSelector(".timeline .status:not(.running):not(.idle)", { timeout: 15_000 });
}

async function step(page: Page): Promise<number> {
  return Number(await page.locator(".timeline .where").getAttribute("data-step"));
}

async function focusTimeline(page: Page): Promise<void> {
  await page.locator(".app > header h1").click();
}

/** Shift+Right until the run's end (the lesson's program ends with the cell). */
async function stepThroughCell(page: Page): Promise<number> {
  await focusTimeline(page);
  const last = Number((/\/ (\d+)/.exec((await page.locator(".timeline .where").textContent()) ?? "") ?? [])[1]) - 1;
  let presses = 0;
  while ((await step(page)) < last && presses < 200) {
    await page.keyboard.press("Shift+ArrowRight");
    presses++;
  }
  return presses;
}

/** Both panes are on screen side by side, inside the 1280x800 window. */
async function sideBySide(a: Locator, b: Locator): Promise<void> {
  const ra = (await a.boundingBox())!;
  const rb = (await b.boundingBox())!;
  assert(ra && rb && ra.width > 300 && rb.width > 300, `panes too narrow: ${JSON.stringify([ra, rb])}`);
  assert(ra.x + ra.width <= rb.x + 1, "the lesson and the graph overlap");
  assert(rb.x + rb.width <= 1281 && ra.y + ra.height <= 801 && rb.y + rb.height <= 801, "a pane runs out of the window");
}

export const tests = [
  {
    name: "lesson 3: wrong f_prime prediction, step on, the engine prints the revealed value",
    async run({ page, shot }: Ctx) {
      await openLessons(page);
      await openLesson(page, 3);
      await sideBySide(page.locator(".lessons-pane"), page.locator(".graph-pane"));
      const card = page.locator(".prediction", { hasText: "We call f_prime.backward()" });
      await card.scrollIntoViewIfNeeded();
      await card.getByRole("radio", { name: /tensor\(18\.\)/ }).check();
      await card.getByRole("button", { name: "Check my prediction" }).click();
      assert(await card.locator(".verdict.wrong").isVisible(), "a wrong answer should say so");
      const truth = (await card.locator(".truth code").innerText()).trim();
      assert(truth === "tensor(45., grad_fn=<CopyBackwards>)", `the revealed value is ${truth}`);
      const explain = await card.locator(".explain").innerText();
      assert(explain.includes("adds into") && explain.includes("overwritten"), `the explanation is missing: ${explain}`);

      await card.getByRole("button", { name: /Step through cell/ }).click();
      await waitForRun(page);
      // the views stand just before the cell: the earlier cells have run, this one has not
      const before = await stdoutLines(page);
      assert(!before.includes(truth), `the cell's output shows before stepping: ${before.join(" | ")}`);
      const fPrime = (await names(page)).find((n) => n.name === "f_prime");
      assert(fPrime?.values === "27.", `before the cell f_prime should read 27., reads ${fPrime?.values}`);
      assert((await page.locator(".graph .node").count()) > 0, "the graph should show the earlier cells' graph");

      const presses = await stepThroughCell(page);
      assert(presses >= 3, `the cell has three statements to step through, took ${presses}`);
      const after = await stdoutLines(page);
      assert(after.at(-2) === truth, `the engine printed ${after.at(-2)}, the lesson revealed ${truth}`);
      assert(after.at(-1) === truth, `f_prime is x.grad, so it prints the same: ${after.at(-1)}`);
      const aliased = (await names(page)).find((n) => n.name === "f_prime");
      assert(aliased?.values === "45.", `after the cell f_prime should read 45., reads ${aliased?.values}`);
      assert(await page.locator(".graph .node[data-names~='f_prime']").count(), "the graph should name f_prime on x.grad's node");
      await card.scrollIntoViewIfNeeded();
      await shot("lesson-3");
    },
  },
  {
    name: "lessons: each lesson's first prediction revealed and its cell stepped (screenshots)",
    async run({ page, shot }: Ctx) {
      await openLessons(page);
      const count = await page.locator(".sidebar li button").count();
      assert(count >= 7, `expected the 7 shipped lessons, found ${count}`);
      for (let n = 1; n <= count; n++) {
        if (n === 3) continue; // lesson-3.png comes from the test above
        await openLesson(page, n);
        const card = page.locator(".prediction").first();
        if (await card.count()) {
          await card.scrollIntoViewIfNeeded();
          await card.getByRole("button", { name: /I don't know/ }).click();
          await card.getByRole("button", { name: /Step through cell/ }).click();
        } else {
          await page.locator(".cell").first().getByRole("button", { name: /Step through/ }).click();
        }
        await waitForRun(page);
        await stepThroughCell(page);
        assert((await page.locator(".timeline .status.done").count()) === 1, `lesson ${n}: the run did not finish cleanly`);
        await card.scrollIntoViewIfNeeded().catch(() => undefined);
        await shot(`lesson-${n}`);
      }
    },
  },
  {
    name: "lessons: open in editor puts the cell with the cells above it in the editor",
    async run({ page }: Ctx) {
      await openLessons(page);
      await openLesson(page, 3);
      await page.locator(".cell").nth(1).getByRole("button", { name: "Open in editor" }).click();
      assert(await page.locator(".editor-pane").isVisible(), "the editor should be shown");
      const text = await page.locator(".cm-content").innerText();
      assert(text.includes("f_prime = x.grad") && text.includes("# --- cell 2 ---"), `the editor holds: ${text.slice(0, 200)}`);
    },
  },
  {
    name: "export: a failed write shows its reason",
    async run({ page }: Ctx) {
      // the desktop bridge, faked: the write fails the way a full disk would
      // (a string, not a function: tsx's helpers would not exist in the page)
      await page.addInitScript(`
        window.gradlens = {
          platform: "linux",
          openFile: async () => ({ status: "cancelled" }),
          saveFile: async () => ({ status: "cancelled" }),
          saveFileAs: async () => ({ status: "cancelled" }),
          exportFile: async () => ({ status: "failed", reason: "No space left on device." }),
          exportStepsBegin: async () => ({ status: "ready", names: ["g-step-001.svg"] }),
          exportStepsWrite: async () => ({ status: "failed", reason: "No space left on device." }),
          exportStepsEnd: async () => undefined,
          initialFile: async () => null,
          takeNotice: async () => null,
          autosaveLoad: async () => "x = 1\\nprint(x)\\n",
          autosaveSave: async () => undefined,
          autosaveSaveSync: () => null,
          onMenuCommand: () => () => undefined,
          onFileOpened: () => () => undefined,
        };
      `);
      await page.reload();
      await page.locator(".cm-content").press("ControlOrMeta+Enter");
      await waitForRun(page);
      await page.getByRole("button", { name: /Export/ }).click();
      await page.getByRole("menuitem", { name: /SVG \(this step\)/ }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor({ timeout: 10_000 });
      const text = await alert.innerText();
      assert(text.includes("No space left on device."), `the alert reads: ${text}`);
    },
  },
  {
    name: "export: the toolbar's Export menu hands the browser DOT, a standalone SVG and a 2x PNG",
    async run({ page, shot }: Ctx) {
      // without the File System Access pickers (Firefox, Safari) the browser host downloads
      await page.addInitScript("delete window.showSaveFilePicker; delete window.showDirectoryPicker;");
      await page.reload();
      await page.locator(".cm-content").click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText("import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\n");
      await page.locator(".cm-content").press("ControlOrMeta+Enter");
      await waitForRun(page);
      const { readFileSync } = await import("node:fs");
      const exported = async (item: RegExp) => {
        const download = page.waitForEvent("download", { timeout: 15_000 });
        await page.getByRole("button", { name: /Export/ }).click();
        await page.getByRole("menuitem", { name: item }).click();
        const file = await download;
        return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
      };
      await page.getByRole("button", { name: /Export/ }).click();
      await shot("export-menu");
      await page.keyboard.press("Escape");
      assert((await page.getByRole("menu").count()) === 0, "Escape closes the Export menu");
      const dot = await exported(/DOT/);
      const dotText = dot.bytes.toString("utf8");
      assert(/^(strict )?digraph/m.test(dotText) && dotText.includes("MulBackward0"), `not a graph of y = x * x: ${dotText.slice(0, 200)}`);
      assert(dot.name.endsWith(".dot"), `file name ${dot.name}`);

      const svg = await exported(/SVG \(this step\)/);
      const svgText = svg.bytes.toString("utf8");
      assert(svg.name.endsWith(".svg") && /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/.test(svgText), `not a standalone SVG: ${svgText.slice(0, 200)}`);
      assert(svgText.includes("MulBackward0") && svgText.includes("AccumulateGrad"), "the SVG should draw the graph's nodes");
      assert(!/<script|javascript:|\son\w+=/i.test(svgText), "the SVG must hold nothing executable");

      const png = await exported(/PNG/);
      assert(png.name.endsWith(".png") && png.bytes.subarray(1, 4).toString("latin1") === "PNG", `not a PNG: ${png.name}`);
      // 2x: the PNG is twice the SVG's size
      const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)/.exec(svgText)?.[1]);
      const pngWidth = png.bytes.readUInt32BE(16);
      assert(Math.abs(pngWidth - 2 * svgWidth) <= 2, `PNG width ${pngWidth}, SVG width ${svgWidth}`);
      const { writeFileSync } = await import("node:fs");
      writeFileSync(new URL("../../test-results/screenshots/export-from-app.png", import.meta.url), png.bytes);
    },
  },
  {
    name: "desktop: File > Open of a .md file adds the lesson; menu commands open lessons and export",
    async run({ page }: Ctx) {
      // the desktop bridge, faked: Open returns a teacher's lesson, menu commands are sent by the test
      await page.addInitScript(`
        window.__calls = [];
        window.__menu = [];
        const lesson = "# Doubling a leaf\\n\\nA tiny lesson of our own.\\n\\n\\u0060\\u0060\\u0060python\\nimport torch\\nx = torch.tensor(2.0, requires_grad=True)\\ny = x * 2\\ny.backward()\\nprint(x.grad)\\n\\u0060\\u0060\\u0060\\n";
        window.gradlens = {
          platform: "linux",
          openFile: async () => ({ status: "opened", file: { name: "doubling.md", text: lesson } }),
          saveFile: async () => ({ status: "cancelled" }),
          saveFileAs: async () => ({ status: "cancelled" }),
          exportFile: async (kind, data, name) => (window.__calls.push([kind, name, String(data).slice(0, 40)]), { status: "saved", name }),
          exportStepsBegin: async (kind, count, name) => ({ status: "ready", names: Array.from({ length: count }, (_, i) => name + i) }),
          exportStepsWrite: async (i) => ({ status: "saved", name: "step" + i }),
          exportStepsEnd: async () => undefined,
          initialFile: async () => null,
          takeNotice: async () => null,
          autosaveLoad: async () => null,
          autosaveSave: async () => undefined,
          autosaveSaveSync: () => null,
          onMenuCommand: (f) => (window.__menu.push(f), () => undefined),
          onFileOpened: () => () => undefined,
        };
      `);
      await page.reload();
      const menu = (command: string) => page.evaluate((c) => (window as unknown as { __menu: ((c: string) => void)[] }).__menu.forEach((f) => f(c)), command);

      await page.getByRole("button", { name: "Open a script or lesson" }).click();
      await page.waitForSelector("article.lesson h1:has-text('Doubling a leaf')");
      assert(await page.locator(".lessons-pane").isVisible(), "the lesson should open in the lessons panel");
      const text = await page.locator(".cm-content").evaluate((el) => el.textContent ?? "");
      assert(!text.includes("Doubling"), "a lesson file must not replace the script in the editor");
      await page.locator(".cell").first().getByRole("button", { name: /Step through/ }).click();
      await waitForRun(page);
      await stepThroughCell(page);
      assert((await stdoutLines(page)).at(-1) === "tensor(2.)", `the cell printed ${(await stdoutLines(page)).join(" | ")}`);

      await menu("help.lessons");
      assert(await page.locator(".editor-pane").isVisible(), "Help > Lessons toggles back to the editor");
      await menu("help.lessons");
      assert(await page.locator(".lessons-pane").isVisible(), "Help > Lessons toggles the lessons");

      await menu("file.exportDot");
      await page.waitForFunction(() => (window as unknown as { __calls: unknown[] }).__calls.length === 1);
      const calls = await page.evaluate(() => (window as unknown as { __calls: string[][] }).__calls);
      assert(calls[0][0] === "dot" && calls[0][1].endsWith(".dot") && calls[0][2].includes("digraph"), `File > Export DOT wrote ${JSON.stringify(calls)}`);
      assert(/Exported .*\.dot/.test(await page.locator(".timeline .status").innerText()), "the status line should name the exported file");
    },
  },
  {
    name: "F1 opens and closes the lessons",
    async run({ page }: Ctx) {
      await page.locator(".app > header h1").click();
      await page.keyboard.press("F1");
      await page.waitForSelector(".lessons-pane .sidebar li button");
      await page.keyboard.press("F1");
      assert(await page.locator(".lessons-pane").isHidden(), "F1 again should hide the lessons");
    },
  },
];
