import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isNotebook, notebookToLesson } from "../../../renderer/lessons/notebook.ts";
import { parseLesson } from "../../../renderer/lessons/parse.ts";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/notebooks/${name}`, import.meta.url), "utf8");

function lessonOf(name: string, text: string) {
  const converted = notebookToLesson(name, text);
  if (!converted.ok) throw new Error(converted.reason);
  const parsed = parseLesson(converted.lesson, name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lesson;
}

describe("isNotebook", () => {
  const cases = [
    { args: ["a.ipynb", "{}"], expected: true },
    { args: ["notes.txt", "In [None]:\nimport torch\n"], expected: true },
    { args: ["notes.txt", "In [3]:\nx = 1\n"], expected: true },
    { args: ["notes.txt", "just some text"], expected: false },
    { args: ["script.py", "import torch\nprint('In [1]:')\n"], expected: false },
    { args: ["lesson.md", "In [None]:\nx\n"], expected: false },
  ] as const;
  for (const c of cases) it(`${c.args[0]}: ${JSON.stringify(c.args[1]).slice(0, 30)}`, () => expect(isNotebook(c.args[0], c.args[1])).toBe(c.expected));
});

describe("notebookToLesson", () => {
  it("the seed notebook's text: its 12 code cells, in order, without the recorded outputs", () => {
    const lesson = lessonOf("autograd-notebook.txt", fixture("autograd-notebook.txt"));
    expect(lesson.title).toBe("autograd-notebook");
    expect(lesson.cells.map((c) => c.code.split("\n")[0])).toEqual([
      "import torch",
      "# n = 10",
      "Ym.backward(retain_graph=True)",
      "X_grad = torch.autograd.grad(Ym,X,create_graph = True,retain_graph = True)[0]",
      "A = torch.randn(4,3,requires_grad=True)",
      "F.backward(torch.ones_like(F),retain_graph=True)",
      "A_grad = torch.autograd.grad(F,A, grad_outputs= torch.ones_like(F),create_graph= True, retain_graph = True)[0]",
      "x = torch.tensor(3.0,requires_grad=True)",
      "f.backward(create_graph=True,retain_graph=True)",
      "f_prime = torch.autograd.grad(f,x,create_graph= True, retain_graph = True)[0]",
      "x = torch.rand(5, requires_grad=True)",
      "print(torch.exp(x))",
    ]);
    // a cell's statements after a blank line stay in the cell (they print what the cell made)
    expect(lesson.cells[4].code).toContain("print(F)");
    const prose = lesson.blocks.filter((b) => b.kind === "markdown").map((b) => (b as { text: string }).text).join("\n");
    expect(prose).toContain("## Problem 2");
    expect(prose).toContain("`f_prime` is **sharing** value with `x.grad`");
    // what the notebook printed is not prose: the lesson runs the code and prints it itself
    expect(prose).not.toMatch(/^\s*tensor\(|^\s*\[|grad_fn=<|run_backward/m);
  });

  it("an .ipynb: markdown and code cells, a title from its first heading, IPython magics kept as comments, raw cells left out", () => {
    const lesson = lessonOf("chain-rule.ipynb", fixture("chain-rule.ipynb"));
    expect(lesson.title).toBe("The chain rule, one node at a time");
    expect(lesson.cells.map((c) => c.code)).toEqual([
      "# %matplotlib inline  (IPython only: not run)\nimport torch\nx = torch.tensor(2.0, requires_grad=True)\na = x * 3\ny = a ** 2\n",
      "y.backward()\nprint(x.grad)\n",
    ]);
    const prose = lesson.blocks.filter((b) => b.kind === "markdown").map((b) => (b as { text: string }).text).join("\n");
    expect(prose).toContain("### Backward");
    expect(prose).not.toContain("not shown");
  });

  const refusals = [
    { args: ["bad.ipynb", "{not json"], expected: /bad\.ipynb is not a notebook: its JSON does not parse/ },
    { args: ["odd.ipynb", '{"nbformat": 4}'], expected: /odd\.ipynb is not a notebook: it has no "cells" list/ },
    { args: ["prose.ipynb", '{"cells": [{"cell_type": "markdown", "source": "# Only words"}]}'], expected: /prose\.ipynb has no code cells/ },
  ] as const;
  for (const c of refusals)
    it(`refuses ${c.args[0]} with a reason`, () => {
      const r = notebookToLesson(c.args[0], c.args[1]);
      expect(r.ok).toBe(false);
      expect(r.ok ? "" : r.reason).toMatch(c.expected);
    });

  it("a fence inside a markdown cell cannot open a lesson cell or a question", () => {
    const nb = JSON.stringify({ cells: [{ cell_type: "markdown", source: "Try:\n```python\nx = 1\n```\n" }, { cell_type: "code", source: "print(2)" }] });
    const lesson = lessonOf("fence.ipynb", nb);
    expect(lesson.cells.map((c) => c.code)).toEqual(["print(2)\n"]);
  });
});
