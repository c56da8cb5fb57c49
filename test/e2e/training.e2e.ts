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
          // the test showed the whole graph ("Show the whole graph"), which stepping keeps; once the graph has
          // grown past a readable size there, badges are hidden by the zoom (textScale.ts) and Fit frames the
          // step readably, as a learner would press it (the view used to re-frame whenever the caption
          // changed its number of lines, jumping at such steps)
          if ((await badge.count()) === 0) await page.getByRole("button", { name: "Fit graph to view" }).click();
          await badge.first().waitFor({ state: "attached", timeout: 2000 }).catch(() => {});
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
  {
    name: "lessons 8 and 9 in the app: step() bumps fc1.weight v1→v2, zero_grad() drops .grad, the loop frees each old graph, momentum and Adam state in memory",
    async run({ page, shot }: Ctx) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole("button", { name: "Lessons", exact: true }).click();
      await page.locator(".sidebar li button", { hasText: "Inside a training loop" }).click();
      await page.waitForSelector("article.lesson h1");
      /** steps through cell i from its first step, calling `at` with each step's caption until it returns true (null: to its end) */
      const stepCell = async (i: number, at: ((text: string) => Promise<boolean> | boolean) | null): Promise<boolean> => {
        await page.locator("article.lesson figure.cell").nth(i).getByRole("button", { name: /Step through/ }).click();
        await page.waitForSelector(".timeline .status:not(.running):not(.idle)");
        await page.locator(".app > header h1").click();
        await page.keyboard.press(at ? "Home" : "End");
        if (!at) return true;
        for (let k = 0; k < 3000; k++) {
          const before = await page.locator(".timeline .where").getAttribute("data-step");
          await page.keyboard.press("ArrowRight");
          if ((await page.locator(".timeline .where").getAttribute("data-step")) === before) return false;
          if (await at(await caption(page))) return true;
        }
        return false;
      };
      // cell 3: opt.step() writes fc1.weight in place, its version badge v1→v2
      const stepped = await stepCell(2, async (text) => {
        if (!/^SGD\.step\(\) updates fc1\.weight in place under no_grad .* version 1 → 2\./.test(text)) return false;
        const badge = page.locator(".graph .node .version.now text");
        assert((await badge.count()) >= 1 && (await badge.first().textContent()) === "v1→v2", `fc1.weight's node shows v1→v2: ${await badge.allTextContents()}`);
        await shot("lesson8-step-bumps-version");
        return true;
      });
      assert(stepped, "the lesson's opt.step() is narrated for fc1.weight with its version 1 → 2");
      // cell 4: zero_grad() says .grad becomes None (the Sequential test above counts them per parameter)
      const zeroed = await stepCell(3, async (text) => {
        if (!/^zero_grad\(\) sets \S+\.grad to None/.test(text)) return false;
        await shot("lesson8-zero-grad-none");
        return true;
      });
      assert(zeroed, "the lesson's opt.zero_grad() says .grad becomes None");
      // cell 5: each iteration's loss = ... frees the previous graph, except the one `first` holds
      let freed = 0;
      await stepCell(4, (text) => {
        if (/^Nothing refers to .*MseLossBackward0.* dropped the last reference/.test(text)) freed++;
        return false;
      });
      await page.getByRole("button", { name: "Show the whole graph" }).click();
      const losses = (await graphNodes(page)).filter((n) => n.name === "MseLossBackward0");
      const alive = losses.filter((n) => !n.classes.includes("freed-graph"));
      assert(freed >= 5, `the loop's five rebinds of loss each free a graph: ${freed} captions`);
      // seven losses' graphs: the one `first` still holds and the last stay alive, the five between are freed
      assert(losses.length === 7 && alive.length === 2, `two loss graphs alive (first's and loss's), the others faded: ${losses.length} drawn, ${alive.length} alive`);
      await shot("lesson8-old-graphs-freed");

      // lesson 9: the momentum buffer and Adam's state are tensors under the optimizer's state
      await page.locator(".sidebar li button", { hasText: "Momentum and Adam are state" }).click();
      await page.waitForSelector("article.lesson h1");
      await stepCell(1, null);
      const sgd = (await names(page)).map((r) => r.name);
      assert(sgd.some((n) => /\] momentum_buffer$/.test(n)), `the memory view lists w's momentum_buffer: ${sgd.join(", ")}`);
      await shot("lesson9-momentum-buffer");
      await stepCell(4, null);
      const adam = (await names(page)).map((r) => r.name);
      for (const key of ["step", "exp_avg", "exp_avg_sq"]) assert(adam.some((n) => n.endsWith(`] ${key}`)), `the memory view lists Adam's ${key}: ${adam.join(", ")}`);
      await shot("lesson9-adam-state");
    },
  },
];
