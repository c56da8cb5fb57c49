// Instances of the program's own classes in the memory view, in real Chromium: a box per object
// with its attributes, names pointing at objects, attributes pointing at tensors and objects.
// Expected output recorded with PyTorch 2.6 (test/conformance/record.mjs).

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { arrows, assert, focusTimeline, run, setScript, stepToAfterLine } from "./app.ts";
import { MAX_INSTANCES } from "../../renderer/src/memory/instances.ts";

const script = (name: string) => readFileSync(new URL(`./scripts/${name}`, import.meta.url), "utf8");

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

async function instances(page: Page): Promise<{ id: string; label: string }[]> {
  return page.$$eval(".memory .instance", (els) => els.map((el) => ({ id: el.getAttribute("data-object") ?? "", label: el.getAttribute("aria-label") ?? "" })));
}

export const tests = [
  {
    name: "objects: Value and layer instances are boxes whose attributes point to tensors",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("objects_memory.py"));
      await run(page);
      const out = (await page.locator(".console .run.stdout pre").allInnerTexts()).join("");
      assert(out.trim() === script("objects_memory.expected").trim(), `stdout differs from PyTorch:\n${out}`);

      await stepToAfterLine(page, 29); // c = a * b has run
      const boxes = await instances(page);
      const values = boxes.filter((b) => b.label.startsWith("Value object"));
      assert(values.length === 3, `three Value boxes expected, got ${JSON.stringify(boxes)}`);
      assert(values.some((b) => b.label.includes("data -6.0")), `c's box shows data -6.0: ${JSON.stringify(values)}`);
      const nameArrows = (await arrows(page)).filter((a) => a.kind === "name" && a.from.endsWith("::c"));
      assert(nameArrows.length === 1, "c points to its Value box");

      await stepToAfterLine(page, 31); // y = layer(torch.ones(1, 2)) has run
      const layer = (await instances(page)).find((b) => b.label.startsWith("Linear object"));
      assert(layer, "the layer is a box");
      const attrArrows = (await arrows(page)).filter((a) => a.kind === "attr" && a.from.startsWith(`o${layer.id}.`));
      assert(
        attrArrows.map((a) => a.from.split(".").pop()).sort().join() === "bias,weight",
        `weight and bias point to tensors: ${JSON.stringify(attrArrows)}`,
      );
      const weight = attrArrows.find((a) => a.from.endsWith(".weight"))!;
      assert((await page.locator(`.memory .object[data-tensor='${weight.to}']`).count()) === 1, "the weight tensor is drawn");
      await shot("memory-objects");
    },
  },
];

const conformance = (name: string) => readFileSync(new URL(`../conformance/python/${name}`, import.meta.url), "utf8");

/** every instance box and its attribute rows, as a learner reads them */
async function boxes(page: Page): Promise<{ id: string; heading: string; rows: string[] }[]> {
  return page.$$eval(".memory .instance", (els) =>
    els.map((el) => ({
      id: el.getAttribute("data-object") ?? "",
      heading: el.querySelector(".head")?.textContent ?? "",
      rows: [...el.querySelectorAll("text.row:not(.v)")].map((t) => t.textContent ?? ""),
    })),
  );
}

/** every box of the memory pane, scrolled through from the top (a tall drawing puts in the page
 *  only what is near the screen), then scrolled back to the top */
async function allBoxes(page: Page): Promise<{ id: string; heading: string; rows: string[] }[]> {
  const seen = new Map<string, { id: string; heading: string; rows: string[] }>();
  const pane = page.locator(".memory");
  const { height, view } = await pane.evaluate((el) => ({ height: el.scrollHeight, view: el.clientHeight }));
  for (let top = 0; top <= height; top += Math.max(200, view / 2)) {
    await pane.evaluate((el, y) => el.scrollTo(0, y), top);
    await page.waitForTimeout(30);
    for (const b of await boxes(page)) seen.set(b.id, b);
  }
  await pane.evaluate((el) => el.scrollTo(0, 0));
  return [...seen.values()];
}

/** screenshots at the two window sizes the app is checked at */
async function shots(page: Page, shot: (name: string) => Promise<unknown>, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await shot(`${name}-${w}x${h}`);
  }
}

tests.push(
  {
    name: "objects: an nn.Module shows its submodules and parameters where they live (model -> fc1 -> weight)",
    async run({ page, shot }: Ctx) {
      await setScript(page, script("objects_module.py"));
      await run(page);
      const out = (await page.locator(".console .run.stdout pre").allInnerTexts()).join("");
      assert(out.trim() === script("objects_module.expected").trim(), `stdout differs from PyTorch:\n${out}`);
      await focusTimeline(page);
      await page.keyboard.press("End");

      const all = await boxes(page);
      const model = all.find((b) => b.heading === "TwoLayer");
      assert(model, `the model is a box: ${JSON.stringify(all)}`);
      assert(model.rows.join() === "fc1,act,fc2", `the model's rows are its submodules, not Module's bookkeeping: ${model.rows.join()}`);
      const links = await arrows(page);
      const fc1Arrow = links.find((a) => a.kind === "attr" && a.from === `o${model.id}.fc1`);
      assert(fc1Arrow, "model.fc1 points to a box");
      const fc1 = all.find((b) => b.id === fc1Arrow.to);
      assert(fc1?.heading === "Linear" && fc1.rows.join() === "weight,bias,in_features,out_features", `fc1 is a Linear with its parameters: ${JSON.stringify(fc1)}`);
      const weight = links.find((a) => a.kind === "attr" && a.from === `o${fc1.id}.weight`);
      assert(weight, "fc1.weight points to a tensor");
      const tensor = page.locator(`.memory .object[data-tensor='${weight.to}']`);
      assert((await tensor.count()) === 1, "the weight tensor is drawn");
      const label = (await tensor.getAttribute("aria-label")) ?? "";
      assert(/shape \[3, 2\]/.test(label) && /requires_grad True/.test(label), `the weight is fc1's 3x2 parameter: ${label}`);
      assert(links.some((a) => a.kind === "grad" && a.from === `t${weight.to}`), "after backward the weight's .grad points to its gradient");
      const modelName = (await arrows(page)).filter((a) => a.kind === "name" && a.from === "<module>::model");
      assert(modelName.length === 1 && modelName[0].to === model.id, "the name model points to the model's box");
      await shots(page, shot, "memory-module");
    },
  },
  {
    name: "objects: a scalar MLP's hundreds of Values stay readable (a bounded number of boxes, the rest counted)",
    async run({ page, shot }: Ctx) {
      await setScript(page, conformance("scalar_mlp_training.py"));
      await run(page, 60_000);
      const out = (await page.locator(".console .run.stdout pre").allInnerTexts()).join("");
      assert(out.trim() === conformance("scalar_mlp_training.expected").trim(), `stdout differs from CPython:\n${out.slice(0, 400)}`);
      await focusTimeline(page);
      await page.keyboard.press("End");
      const all = await allBoxes(page);
      assert(all.length >= 20 && all.length <= MAX_INSTANCES, `between 20 and ${MAX_INSTANCES} object boxes: ${all.length}`);
      const model = all.find((b) => b.heading === "MLP");
      assert(model?.rows.join() === "layers", `the MLP box shows its layers: ${JSON.stringify(model)}`);
      const num = all.find((b) => b.heading === "Num");
      assert(num && ["data", "grad", "_parents", "_backward"].every((r) => num.rows.includes(r)), `a Num box shows data, grad, _parents, _backward: ${JSON.stringify(num)}`);
      const note = (await page.locator(".memory .undrawn").textContent()) ?? "";
      assert(/^\s*\d+ more objects? not drawn/.test(note), `the objects not drawn are counted: '${note}'`);
      // stepping back into the loop: the boxes follow the step
      for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowLeft");
      const earlier = await allBoxes(page);
      assert(earlier.length > 0 && earlier.length <= MAX_INSTANCES, `boxes 20 steps earlier: ${earlier.length}`);
      await shots(page, shot, "memory-scalar-mlp");
    },
  },
);

tests.push({
  // before: a name's text was made when it was bound, so `d = {}` then `d["a"] = 1` kept showing
  // `d {}` and a list appended to or sorted kept its first text
  name: "memory view: a dict, list and set changed in place show what they hold now, step by step",
  async run({ page, shot }: Ctx) {
    await setScript(page, 'd = {}\nd["a"] = 1\nl = [3, 1]\nl.append(2)\nl.sort()\ns = set()\ns.add(5)\nprint(len(d))\n');
    await run(page);
    const text = (name: string) => page.locator(`.memory .name[data-name='${name}']`).first().getAttribute("data-values");
    await stepToAfterLine(page, 3);
    assert((await text("d")) === "{'a': 1}", `after d["a"] = 1: d reads ${await text("d")}`);
    await focusTimeline(page);
    await page.keyboard.press("End");
    const now = { d: await text("d"), l: await text("l"), s: await text("s") };
    assert(now.d === "{'a': 1}" && now.l === "[1, 2, 3]" && now.s === "{5}", `at the end: ${JSON.stringify(now)}`);
    await shot("memory-in-place");
  },
});
