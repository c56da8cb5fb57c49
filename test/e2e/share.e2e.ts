// Share (issue 15): a link that opens the same script at the same step in the browser build, the
// script inside the link (compressed), and an iframe snippet for a course page.

import type { Locator, Page } from "playwright-core";
import { assert, focusTimeline, run, setScript, step } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const SCRIPT = `import torch
x = torch.tensor(3.0, requires_grad=True)
f = x ** 3
f.backward(create_graph=True)
f_prime = x.grad
print(f_prime)
`;

/** The panel compresses the script asynchronously: its fields fill a moment after it opens. */
async function filled(field: Locator): Promise<string> {
  await field.page().waitForFunction((el) => (el as HTMLInputElement).value !== "", await field.elementHandle(), { timeout: 10_000 });
  return field.inputValue();
}

async function shareDialog(page: Page) {
  await page.getByRole("button", { name: "Share" }).click();
  return page.getByRole("dialog", { name: /Share this script/ });
}

export const tests = [
  {
    name: "share: the link opens the same script at the same step; the learner's own script is kept",
    async run({ page, shot }: Ctx) {
      await setScript(page, SCRIPT);
      await run(page);
      await focusTimeline(page);
      await page.keyboard.press("Home");
      for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowRight");
      const at = await step(page);
      const where = await page.locator(".where").textContent();
      const graphSize0 = [await page.locator(".graph").getAttribute("data-graph-nodes"), await page.locator(".graph").getAttribute("data-nodes")];
      const caption = await page.locator(".graph .caption").textContent();

      const dialog = await shareDialog(page);
      const link = await filled(dialog.getByLabel("Link"));
      assert(link.startsWith(page.url().replace(/#.*$/, "") + "#s="), `the link should be this page's address with the script in the fragment: ${link}`);
      assert(!link.includes("torch.tensor"), "the script should be compressed, not spelled out in the link");
      const embed = await filled(dialog.getByLabel("Embed in a course page"));
      assert(embed.startsWith("<iframe src=\"") && embed.includes(link.replace(/&/g, "&amp;")), `the embed should frame the link: ${embed}`);
      await dialog.getByRole("button", { name: "Copy link" }).click();
      await dialog.getByRole("button", { name: "Copied" }).waitFor();
      await shot("share-dialog");

      // a student opens the link in a fresh browser tab
      const other = await page.context().newPage();
      await other.goto(link);
      await other.waitForSelector(".timeline .status.done");
      assert((await other.locator(".cm-content").innerText()).trim() === SCRIPT.trim(), "the shared script should be in the editor");
      assert((await step(other)) === at, `the link should open at step ${at + 1}, it opened at ${(await step(other)) + 1}`);
      assert((await other.locator(".where").textContent()) === where, "the timeline should read the same");
      const graphSize = async (p: Page) => [await p.locator(".graph").getAttribute("data-graph-nodes"), await p.locator(".graph").getAttribute("data-nodes")];
      assert(JSON.stringify(await graphSize(other)) === JSON.stringify(graphSize0), `the graph should hold the same nodes: ${graphSize0} vs ${await graphSize(other)}`);
      assert((await other.locator(".graph .caption").textContent()) === caption, "the caption should be the same");
      assert((await other.getByRole("status").filter({ hasText: "Opened a shared script" }).count()) === 1, "a notice should say a shared script was opened");
      await other.screenshot({ path: new URL("../../test-results/screenshots/share-opened.png", import.meta.url).pathname });
      // the learner's own script (autosaved in this browser) is back without the link
      await other.goto(link.replace(/#.*$/, ""));
      await other.waitForSelector(".cm-content");
      assert((await other.locator(".cm-content").innerText()).trim() === SCRIPT.trim(), "the page's own autosave held the script typed before sharing");
      await other.close();
    },
  },
  {
    name: "share: Copy link clicked the moment the panel opens never copies an empty link",
    async run({ page }: Ctx) {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await setScript(page, SCRIPT);
      await run(page);
      // In one task: open the panel, and click "Copy link" in the microtask where it appears,
      // before the link (compressed asynchronously) can be ready. The click copied "" before.
      const early = await page.evaluate(async () => {
        await navigator.clipboard.writeText("clipboard before");
        const appeared = new Promise<HTMLButtonElement>((resolve) => {
          // (no named functions in here: tsx's __name helper does not exist in the page)
          const seen = new MutationObserver(() => {
            const button = [...document.querySelectorAll<HTMLButtonElement>(".share button")].find((b) => b.textContent?.trim() === "Copy link");
            if (button) {
              seen.disconnect();
              resolve(button);
            }
          });
          seen.observe(document.body, { childList: true, subtree: true });
        });
        [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent?.trim() === "Share")!.click();
        const button = await appeared;
        const field = document.querySelector<HTMLInputElement>("#share-link")!;
        const state = { disabled: button.disabled, field: field.value };
        button.click();
        await new Promise((r) => setTimeout(r, 300));
        return { ...state, clipboard: await navigator.clipboard.readText() };
      });
      assert(early.field === "", `the test should click before the link is made (the field held ${early.field.length} characters)`);
      assert(early.clipboard === "clipboard before", `a click before the link is ready should copy nothing, the clipboard holds ${JSON.stringify(early.clipboard)}`);
      assert(early.disabled, "Copy link should be disabled until the link is made");
      const dialog = page.getByRole("dialog", { name: /Share this script/ });
      const link = await filled(dialog.getByLabel("Link"));
      await dialog.getByRole("button", { name: "Copy link" }).click();
      await dialog.getByRole("button", { name: "Copied" }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert(copied === link && link.includes("#s="), `Copy link should copy the link once it is ready: ${JSON.stringify(copied.slice(0, 80))}`);
    },
  },
  {
    name: "share: an embed shows the script in an iframe on a course page",
    async run({ page }: Ctx) {
      await setScript(page, "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\nprint(x.grad)\n");
      await run(page);
      const embed = await filled((await shareDialog(page)).getByLabel("Embed in a course page"));
      await page.setContent(`<h1>Week 3</h1>${embed}`);
      const frame = page.frameLocator("iframe");
      await frame.locator(".timeline .status.done").waitFor({ timeout: 15_000 });
      assert((await frame.locator(".console").innerText()).includes("tensor([2., 2.])"), "the embedded app should run the shared script");
    },
  },
  {
    name: "share: a link cut short says it is damaged instead of running something else",
    async run({ page }: Ctx) {
      await setScript(page, "print('mine')\n");
      await page.waitForTimeout(400);
      await page.goto(page.url().replace(/#.*$/, "") + "#s=q1YqzkvXQ&step=3");
      await page.reload();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert(/share link is damaged/.test(await alert.innerText()), `banner: ${await alert.innerText()}`);
      assert((await page.locator(".cm-content").innerText()).includes("print('mine')"), "the learner's own script stays in the editor");
    },
  },
];
