import { Resvg } from "@resvg/resvg-js";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExportComponents } from "../../../renderer/export/components.ts";
import { loadExportComponents } from "../../../renderer/export/node-components.ts";
import { stepSvg } from "../../../renderer/export/svg.ts";
import { buildGraph } from "../../../renderer/src/graph/graphModel.ts";
import { buildMemory } from "../../../renderer/src/memory/memoryModel.ts";
import { WINDOW_FROM_PX } from "../../../renderer/src/memory/memoryWindow.ts";
import { PROBLEMS, caseSource, drawnTexts, executableParts, rootOf, stepOf, traceOf } from "./helpers.ts";

let components: ExportComponents;
beforeAll(async () => {
  components = await loadExportComponents();
});

describe("step SVG of the notebook's problems", () => {
  for (const name of PROBLEMS) {
    const cursor = traceOf(caseSource(name));
    const steps = {
      start: -1,
      "first op": stepOf(cursor, "op/applied"),
      "mid-backward": stepOf(cursor, "node/executed", 1),
      end: cursor.length - 1,
    };
    for (const [when, step] of Object.entries(steps)) {
      it(`${name} at ${when}: well-formed, inert, every node label drawn`, () => {
        const svg = stepSvg(components, cursor, step);
        const root = rootOf(svg);
        expect(root.name).toBe("svg");
        expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
        expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);
        expect(executableParts(svg)).toEqual([]);
        const texts = drawnTexts(svg);
        const model = buildGraph(cursor.at(step));
        for (const node of model.nodes) {
          expect(texts).toContain(node.name);
          if (node.names.length) expect(texts).toContain(node.names.join(", "));
        }
        expect(texts[0]).toMatch(new RegExp(`^step ${step + 1} / ${cursor.length}`));
      });
    }
  }

  it("shows PyTorch's grad_fn names (recorded from PyTorch 2.6) at the end of each problem", () => {
    const expected: Record<string, string[]> = {
      "seed_problem1.py": ["PowBackward0", "MeanBackward0", "MulBackward0", "AccumulateGrad", "X", "Ym"],
      "seed_problem2.py": ["MmBackward0", "AccumulateGrad", "A", "X", "F"],
      "seed_problem3_backward.py": ["PowBackward0", "ZeroBackward0", "AccumulateGrad", "x", "f", "f_prime"],
    };
    for (const [name, labels] of Object.entries(expected)) {
      const cursor = traceOf(caseSource(name));
      const texts = drawnTexts(stepSvg(components, cursor, cursor.length - 1));
      for (const label of labels) expect(texts.some((t) => t === label || t.split(", ").includes(label)), `${name}: ${label}`).toBe(true);
    }
  });

  it("nothing is cut off: resvg's own bounding box of the drawing lies inside the viewBox", () => {
    for (const name of PROBLEMS) {
      const cursor = traceOf(caseSource(name));
      for (const step of [stepOf(cursor, "node/executed", 1), cursor.length - 1]) {
        for (const view of ["graph", "both"] as const) {
          const svg = stepSvg(components, cursor, step, { view });
          const root = rootOf(svg);
          const noBackground = svg.replace(/<rect class="gl-background"[^>]*\/>/, "");
          const box = new Resvg(noBackground, { font: { loadSystemFonts: true } }).getBBox();
          expect(box, `${name} step ${step} ${view}`).toBeDefined();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.y).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(Number(root.attrs.width));
          expect(box!.y + box!.height).toBeLessThanOrEqual(Number(root.attrs.height));
        }
      }
    }
  });

  it("user text that looks like markup is escaped, in the caption and the memory view", () => {
    const source = [
      "import torch",
      "x = torch.tensor(2.0, requires_grad=True)",
      'label = "<script>alert(1)</script> a&b"',
      "y = x * 3",
      'raise ValueError("<script>evil()</script> & \\"quotes\\"")',
    ].join("\n");
    const cursor = traceOf(source);
    const end = cursor.length - 1;
    const svg = stepSvg(components, cursor, end, { view: "both", title: "<title> & </svg>" });
    expect(executableParts(svg)).toEqual([]);
    const root = rootOf(svg);
    const texts = drawnTexts(svg);
    expect(texts[0]).toContain('ValueError: <script>evil()</script> & "quotes"');
    expect(texts.some((t) => t.startsWith("'<script>"))).toBe(true);
    expect(root.children.some((c) => typeof c !== "string" && c.name === "title" && c.children.join("") === "<title> & </svg>")).toBe(true);
    // the statement that binds the string, as a caption
    const bind = cursor.statementEnds()[2];
    expect(drawnTexts(stepSvg(components, cursor, bind))[0]).toContain('label = "<script>alert(1)</script> a&b"');
  });

  it("the dark theme paints the dark background and light text; no CSS variables are left", () => {
    const cursor = traceOf(caseSource("seed_problem3_backward.py"));
    const svg = stepSvg(components, cursor, cursor.length - 1, { theme: "dark" });
    expect(svg).toContain(`<rect class="gl-background" x="0" y="0" width="`);
    expect(svg).toMatch(/class="gl-background"[^>]*fill="#15181d"/);
    expect(svg).toContain("fill:#e6e9ee");
    expect(svg).not.toMatch(/var\(--|color-mix|:where/);
  });

  it("the memory view draws every name; an empty step says so instead of drawing nothing", () => {
    const cursor = traceOf(caseSource("seed_problem2.py"));
    const texts = drawnTexts(stepSvg(components, cursor, cursor.length - 1, { view: "memory" }));
    for (const name of ["A", "X", "F", "A_grad", "X_grad"]) expect(texts).toContain(name);
    const empty = drawnTexts(stepSvg(components, cursor, -1));
    expect(empty[0]).toBe(`step 0 / ${cursor.length} · before the first statement`);
    expect(empty[1]).toMatch(/^No autograd graph yet/);
  });

  it("a memory drawing taller than the screen is exported whole (the app draws only what is near the screen)", () => {
    const source = [
      "class Node:",
      "    def __init__(self, v, nxt=None):",
      "        self.v = v",
      "        self.nxt = nxt",
      ...Array.from({ length: 50 }, (_, i) => `n${i} = Node(${i})`),
    ].join("\n");
    const cursor = traceOf(source);
    const model = buildMemory(cursor.at(cursor.length - 1));
    expect(model.height).toBeGreaterThan(WINDOW_FROM_PX);
    const texts = drawnTexts(stepSvg(components, cursor, cursor.length - 1, { view: "memory" }));
    // the class bound to the name Node, and its 50 objects
    expect(texts.filter((t) => t === "Node")).toHaveLength(51);
    expect(texts).toContain("n49");
  });

  it("the same step gives the same bytes every time", () => {
    const cursor = traceOf(caseSource("seed_problem1.py"));
    const k = stepOf(cursor, "node/executed", 1);
    const a = stepSvg(components, cursor, k, { view: "both" });
    cursor.at(cursor.length - 1);
    expect(stepSvg(components, cursor, k, { view: "both" })).toBe(a);
  });
});

describe("the inertness check itself", () => {
  it.each([
    `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
    `<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()"/></svg>`,
    `<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/a.png"/></svg>`,
    `<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://example.com/#p)"/></svg>`,
    `<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>`,
  ])("flags %s", (svg) => {
    expect(executableParts(svg)).not.toEqual([]);
  });
});
