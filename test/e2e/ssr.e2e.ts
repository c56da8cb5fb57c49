// The graph component renders with svelte/server (no DOM), as SVG export needs: one drawing for
// screen and file. Runs in Node through Vite's SSR loader; no browser page involved.

import { createServer } from "vite";
import { fileURLToPath } from "node:url";
import { assert } from "./app.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

export const tests = [
  {
    name: "GraphSvg renders on the server: a standalone SVG with every node label, no script",
    node: true,
    async run() {
      const vite = await createServer({
        configFile: `${root}renderer/vite.config.ts`,
        server: { middlewareMode: true, hmr: false, ws: false },
        appType: "custom",
        logLevel: "error",
      });
      try {
        const load = (p: string) => vite.ssrLoadModule(p);
        const { render } = await load("svelte/server");
        const { default: GraphSvg } = await load("/src/graph/GraphSvg.svelte");
        const { buildGraph } = await load("/src/graph/graphModel.ts");
        const { layoutOf, place } = await load("/src/graph/graphLayout.ts");
        const { TraceCursor } = await load("/../engine/trace/cursor.ts");
        const { runPython } = await load("/../engine/python/run.ts");
        const events: unknown[] = [];
        runPython("import torch\nx = torch.tensor(3.0, requires_grad=True)\nf = x**3\nf.backward(create_graph=True)\nf_prime = x.grad\n", {
          sink: (e: unknown) => events.push(e),
        });
        const cursor = new TraceCursor(events);
        const state = cursor.at(events.length - 1);
        const model = buildGraph(state);
        const placed = place(model, layoutOf(model));
        const { body } = render(GraphSvg, { props: { model, placed, step: state.step, title: "alias <pitfall>" } });
        assert(body.includes('<svg xmlns="http://www.w3.org/2000/svg"'), "no standalone svg element");
        for (const n of model.nodes as { name: string }[]) assert(body.includes(n.name), `missing node label ${n.name}`);
        assert(body.includes("f_prime"), "missing the variable name f_prime");
        assert(!/<script/i.test(body), "the SVG contains a script");
        assert(body.includes("alias &lt;pitfall>"), "the title is not escaped");
      } finally {
        await vite.close();
      }
    },
  },
];
