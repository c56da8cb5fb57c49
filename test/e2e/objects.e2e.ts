// Instances of the program's own classes in the memory view, in real Chromium: a box per object
// with its attributes, names pointing at objects, attributes pointing at tensors and objects.
// Expected output recorded with PyTorch 2.6 (test/conformance/record.mjs).

import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { arrows, assert, run, setScript, stepToAfterLine } from "./app.ts";

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
