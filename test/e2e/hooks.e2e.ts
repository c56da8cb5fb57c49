// Custom Functions and backward hooks as a learner sees them (issue 14): stepping into a custom
// Function's backward shows the program's own backward lines with its FBackward node lit; a hook
// is marked where it sits, its call shows the gradient in and the one flowing on, and remove()
// takes the mark away. Asserted in real Chromium; screenshots hook-*.png / custom-backward-*.png.

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assert, currentLine, run, setScript, stepToAfterLine } from "./app.ts";

const script = (name: string) => readFileSync(new URL(`./scripts/${name}`, import.meta.url), "utf8");

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const caption = async (page: Page) => (await page.locator(".graph .caption").innerText()).trim();

/** Steps one event at a time (from where the timeline stands) until the caption matches. */
async function stepUntilCaption(page: Page, re: RegExp, max = 200): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("ArrowRight");
    const text = await caption(page);
    if (re.test(text)) return text;
  }
  throw new Error(`no step's caption matched ${re}; the last: ${await caption(page)}`);
}

const nodeClasses = (page: Page, op: string) => page.locator(`.graph .nodes .node[data-op='${op}']`).first().getAttribute("class");
const statementLine = async (page: Page) => ((await page.locator(".cm-gl-statement").first().textContent()) ?? "").trim();

export const tests = [
  {
    name: "custom Function: its backward is stepped line by line with CubeBackward lit",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("custom_backward.py"));
      await run(page);
      await stepToAfterLine(page, 16); // y = Cube.apply(x): forward's lines follow
      await stepUntilCaption(page, /Cube\.apply gives .* records CubeBackward/);
      assert((await page.locator(".graph .nodes .node[data-op='CubeBackward']").count()) === 1, "the custom node is drawn as PyTorch names it: CubeBackward");
      const entered = await stepUntilCaption(page, /CubeBackward \(y\) runs your backward/);
      assert(/∂ \[1\., 1\.\]/.test(entered), `the caption gives the gradient it gets: ${entered}`);
      assert(/status-executing/.test((await nodeClasses(page, "CubeBackward")) ?? ""), "CubeBackward is the node running");
      // the backward's own lines, one after the other, with the node still lit
      for (const [line, text] of [[11, "x, = ctx.saved_tensors"], [12, "local = 3 * x ** 2"], [13, "return grad_output * local"]] as const) {
        const cap = await stepUntilCaption(page, new RegExp(`^Line ${line} starts`));
        assert(cap.startsWith(`Line ${line} starts (inside CubeBackward's backward, which is running): ${text}`), `the caption says whose backward line ${line} is in: ${cap}`);
        assert((await currentLine(page)) === line, `the timeline stands at line ${line}`);
        assert((await statementLine(page)).startsWith(text), `the editor marks the backward's line ${line}: ${await statementLine(page)}`);
        assert(/status-executing/.test((await nodeClasses(page, "CubeBackward")) ?? ""), `CubeBackward stays lit at line ${line}`);
        if (line === 12) await shot("custom-backward-stepped");
      }
      const done = await stepUntilCaption(page, /CubeBackward \(y\) runs: it gets ∂ \[1\., 1\.\] and sends ∂ \[ ?3\., 12\.\]/);
      assert(done.length > 0, "the node's run ends by sending 3x² to x");
      await stepUntilCaption(page, /AccumulateGrad \(x\) runs/);
      assert(/status-executed/.test((await nodeClasses(page, "CubeBackward")) ?? ""), "once the next node runs, CubeBackward is drawn as done");
    },
  },
  {
    name: "hooks: a mark where register_hook put it, its call shows ∂ in → out, remove() takes it away",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("hook_doubles.py"));
      await run(page);
      const mark = page.locator(".graph .nodes .node[data-op='MulBackward0'] .hook-mark");
      await stepToAfterLine(page, 7); // y = x * x
      assert((await mark.count()) === 0, "no hook mark before register_hook");
      const registered = await stepUntilCaption(page, /y\.register_hook\(double\): a hook now sits here/);
      assert(/marked on MulBackward0 \(y\)/.test(registered), `the caption says where the mark is: ${registered}`);
      assert((await mark.count()) === 1, "y's node carries the hook mark");
      assert((await mark.getAttribute("data-hooks")) === "tensor:double", `the mark is the tensor hook double: ${await mark.getAttribute("data-hooks")}`);
      await shot("hook-registered");
      const called = await stepUntilCaption(page, /The hook y\.register_hook\(double\) runs/);
      assert(/∂ \[1\., 1\.\]: it returns \[2\., 2\.\], which replaces the gradient/.test(called), `the caption gives the gradient in and out: ${called}`);
      const pill = page.locator(".graph .hook-call.replaced");
      assert((await pill.count()) === 1, "a pill beside the node shows the call");
      const pillText = (await pill.textContent())?.trim();
      assert(pillText === "double: ∂ [1., 1.] → [2., 2.]", `the pill reads in → out: ${pillText}`);
      assert((await page.locator(".graph .hook-mark.now").count()) === 1, "the mark is lit while the hook runs");
      await shot("hook-fires");
      const after = await stepUntilCaption(page, /MulBackward0 \(y\) runs/);
      assert(/it gets ∂ \[2\., 2\.\]/.test(after), `the node gets the hook's gradient: ${after}`);
      assert((await page.locator(".graph .hook-call").count()) === 0, "the pill goes once the hook returned");
      assert((await mark.count()) === 1, "the hook stays registered after it ran");
      await stepUntilCaption(page, /remove\(\) takes y\.register_hook\(double\) away/);
      assert((await mark.count()) === 0, "remove() takes the mark away");
      await page.getByRole("button", { name: "Legend" }).click();
      const legend = page.getByRole("dialog", { name: /Legend/ });
      const marks = await legend.locator("li").evaluateAll((els) => els.map((el) => el.getAttribute("data-mark")));
      assert(marks.includes("hook") && marks.includes("hook-call"), `the legend explains the hook marks: ${marks.join(" ")}`);
      await legend.locator("li[data-mark='hook-call']").scrollIntoViewIfNeeded();
      await shot("hook-legend");
    },
  },
  {
    name: "module hooks: the badge names the module, the call says whose hook runs",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("module_hooks.py"));
      await run(page);
      await stepToAfterLine(page, 21); // net = Net()
      const registered = await stepUntilCaption(page, /^fc1\.register_backward_hook\(report\): a hook now sits here/);
      assert(/the last op fc1 \(Linear\) ran/.test(registered), `the caption says which module's last op holds it: ${registered}`);
      const addmm = page.locator(".graph .nodes .node[data-op='AddmmBackward0'] .hook-mark");
      assert((await addmm.count()) === 1, "fc1's AddmmBackward0 carries the hook mark");
      const badge = (await addmm.locator("text").textContent())?.trim();
      assert(badge === "fc1 hook", `the badge names the module: ${badge}`);
      await shot("module-hook-registered");
      // act's hooks run from its BackwardHookFunctionBackward nodes: lit, and named
      await stepUntilCaption(page, /^The hook act\.register_full_backward_hook\(report\) runs on ∂/);
      const lit = page.locator(".graph .nodes .node[data-op='BackwardHookFunctionBackward'] .hook-mark.now text");
      assert((await lit.count()) === 1, "the mark of the node running act's hook is lit");
      assert((await lit.textContent())?.trim() === "act hook", `its badge names act: ${await lit.textContent()}`);
      await shot("module-full-hook-fires");
      const called = await stepUntilCaption(page, /^The hook fc1\.register_backward_hook\(report\) runs on ∂/);
      assert(called.length > 0, "the call's caption names fc1's hook");
      const pill = ((await page.locator(".graph .hook-call").textContent()) ?? "").trim();
      assert(pill.startsWith("report (fc1): ∂ "), `the pill names the hook and its module: ${pill}`);
      await shot("module-hook-fires");
    },
  },
];
