// torch.nn in the graph (issue 13): a model's parameters carry their named_parameters() names
// (fc1.weight) on their leaf and AccumulateGrad node, and .grad too; each module call's ops sit in
// a box named as named_modules() names the module, which folds into one node and back.

import type { Page } from "playwright-core";
import { assert, auditGraphText, focusTimeline, graphNodes, run, setScript } from "./app.ts";

type Ctx = { page: Page; shot: (name: string) => Promise<unknown> };

const MODEL = `import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.act = nn.Tanh()
        self.fc2 = nn.Linear(4, 1)
    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))
torch.manual_seed(0)
model = Net()
x = torch.randn(5, 3)
loss = model(x).pow(2).mean()
loss.backward()
print(loss)
`;

const boxLabels = (page: Page) => page.$$eval(".graph .modules .module-box", (els) => els.map((el) => el.getAttribute("data-module") ?? ""));

export const tests = [
  {
    name: "nn: parameters named fc1.weight on their leaves, module calls boxed and folded",
    async run({ page, shot }: Ctx) {
      await setScript(page, MODEL);
      await run(page);
      await focusTimeline(page);
      await page.keyboard.press("End");
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      const nodes = await graphNodes(page);
      for (const p of ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]) {
        const leaf = nodes.find((n) => n.names.includes(p));
        assert(leaf && leaf.name === "AccumulateGrad", `${p} should name its AccumulateGrad leaf: ${JSON.stringify(nodes.map((n) => [n.name, n.names]))}`);
      }
      const labels = await boxLabels(page);
      for (const want of ["Net", "fc1 (Linear)", "act (Tanh)", "fc2 (Linear)"]) assert(labels.includes(want), `a box named ${want}: ${labels.join(", ")}`);
      await shot("nn-module-boxes");
      // the names are text: hidden with the rest while the whole graph is too small to read
      assert((await page.locator(".graph .module-tab").count()) === 0, "no module names at an unreadable zoom");
      for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Zoom in" }).click();
      await shot("nn-module-boxes-zoomed");
      const tabs = await page.$$eval(".graph .module-tab text", (els) => els.map((el) => el.textContent ?? ""));
      assert(tabs.includes("fc1 (Linear) ▾"), `fc1's name on its box once readable: ${tabs.join(", ")}`);
      const audit = await auditGraphText(page);
      assert(audit.minPx >= 10.95 && audit.overlaps.length === 0, `module names readable and clear of other labels: ${audit.minPx.toFixed(1)} px, ${audit.overlaps.join("; ")}`);
      const before = nodes.length;
      await page.getByRole("button", { name: "Fold fc1 (Linear) into one node" }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      const folded = await graphNodes(page);
      assert(folded.some((n) => n.name === "fc1 (Linear)"), `fc1 folds into a node named for it: ${folded.map((n) => n.name).join(", ")}`);
      assert(!folded.some((n) => n.name === "AddmmBackward0" && n.names.length === 0) || folded.length < before, "fc1's ops are hidden in the folded node");
      assert(!(await boxLabels(page)).includes("fc1 (Linear)"), "the folded module has no box");
      await shot("nn-module-folded");
      await page.locator(".graph .nodes .node", { hasText: "fc1 (Linear)" }).first().click();
      assert((await graphNodes(page)).length === before, "a click on the folded node unfolds it");
    },
  },
];
