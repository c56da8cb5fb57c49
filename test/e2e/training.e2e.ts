// A training loop seen as it runs (issue 13), in real Chromium: optimizer.step() narrates one
// step per parameter whose version badge bumps (v1→v2...) with a caption naming the update, the
// optimizer's momentum buffers appear in the memory view, zero_grad() says .grad becomes None,
// and rebinding loss fades the previous iteration's graph as freed.

import type { Page } from "playwright-core";
import { assert, focusTimeline, graphNodes, names, run, setScript } from "./app.ts";

interface Ctx {
  page: Page;
  shot: (name: string) => Promise<unknown>;
}

const SCRIPT = `import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
x = torch.randn(4, 2)
y = torch.randn(4, 1)
for step in range(3):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
print(loss.item())
`;

const caption = async (page: Page) => (await page.locator(".graph .caption").innerText()).trim();

export const tests = [
  {
    name: "training loop: step() bumps each parameter's version, zero_grad() drops .grad, the previous graph is freed",
    async run({ page, shot }: Ctx) {
      await setScript(page, SCRIPT);
      await run(page, 30_000);
      await focusTimeline(page);
      await page.keyboard.press("Home");
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      await focusTimeline(page);
      // parameter name -> the versions its steps went through, in order
      const bumps = new Map<string, [number, number][]>();
      let zeroGrads = 0;
      // captions saying an old loss's graph is freed by line 10 (loss = ...)
      let freedCaptions = 0;
      let firstMean: number | null = null;
      let freedAt = -1;
      let shotStep = false;
      let shotZero = false;
      // every loss's MeanBackward0 seen while stepping, and those seen faded as freed
      const meanIds = new Set<number>();
      const freedMeans = new Set<number>();
      for (let i = 0; i < 1500; i++) {
        const before = await page.locator(".where").getAttribute("data-step");
        await page.keyboard.press("ArrowRight");
        if ((await page.locator(".where").getAttribute("data-step")) === before) break;
        const text = await caption(page);
        if (/^Nothing refers to .*MeanBackward0.* \(line 10 dropped the last reference\)/.test(text)) freedCaptions++;
        const stepped = /^SGD\.step\(\) updates (\S+) in place under no_grad .* version (\d+) → (\d+)\./.exec(text);
        if (stepped) {
          const list = bumps.get(stepped[1]) ?? [];
          list.push([Number(stepped[2]), Number(stepped[3])]);
          bumps.set(stepped[1], list);
          const badge = page.locator(".graph .node .version.now text");
          assert((await badge.count()) >= 1, `the updated parameter's node shows its version bump at: ${text}`);
          assert((await badge.first().textContent()) === `v${stepped[2]}→v${stepped[3]}`, `badge ${await badge.first().textContent()} vs caption ${text}`);
          assert(/The optimizer keeps momentum_buffer = /.test(text), `the caption shows the momentum buffer: ${text}`);
          if (!shotStep && list.length === 2) {
            const rows = await names(page);
            assert(rows.some((r) => /\] momentum_buffer$/.test(r.name)), `the memory view lists the momentum buffers: ${rows.map((r) => r.name).join(", ")}`);
            await shot("training-step-param");
            shotStep = true;
          }
        }
        if (/^zero_grad\(\) sets (\S+)\.grad to None/.test(text)) {
          zeroGrads++;
          if (!shotZero) {
            await shot("training-zero-grad");
            shotZero = true;
          }
        }
        const nodes = await graphNodes(page);
        const means = nodes.filter((n) => n.name === "MeanBackward0");
        for (const m of means) {
          meanIds.add(m.id);
          if (m.classes.includes("freed-graph")) freedMeans.add(m.id);
        }
        if (firstMean == null && means.length) firstMean = means[0].id;
        if (freedAt < 0 && firstMean != null && nodes.find((n) => n.id === firstMean)?.classes.includes("freed-graph")) {
          freedAt = i;
          await shot("training-previous-graph-freed");
        }
      }
      assert(bumps.size === 4, `four parameters are stepped: ${[...bumps.keys()].join(", ")}`);
      for (const [name, list] of bumps) {
        assert(list.length === 3, `${name} is stepped once per iteration: ${JSON.stringify(list)}`);
        list.forEach(([from, to], k) => {
          assert(to === from + 1, `${name}: each step bumps the version by one: ${JSON.stringify(list)}`);
          if (k > 0) assert(from === list[k - 1][1], `${name}: nothing else writes it between steps: ${JSON.stringify(list)}`);
        });
      }
      assert(zeroGrads === 8, `zero_grad() drops the four .grads in iterations 2 and 3 (the first has none): ${zeroGrads}`);
      assert(freedAt > 0, "the first iteration's graph is marked freed");
      assert(freedCaptions === 2, `the caption says twice that rebinding loss on line 10 frees the old graph: ${freedCaptions}`);
      assert(meanIds.size === 3 && freedMeans.size === 2, `three losses' graphs, the two earlier ones freed: ${[...meanIds]} freed ${[...freedMeans]}`);
      const last = Math.max(...meanIds);
      assert(!freedMeans.has(last), "the last loss's graph stays alive (loss still names it)");
      await shot("training-end");
    },
  },
];
