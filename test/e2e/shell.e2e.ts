// The app shell's pure helpers, run in Node by the e2e runner (node: true): where a lesson cell's
// run stands when it ends, and what the status line says after an export.

import { runPython } from "../../engine/python/run.ts";
import { TraceCursor } from "../../engine/trace/cursor.ts";
import type { TraceEvent } from "../../engine/events.ts";
import { stepBeforeLine } from "../../renderer/src/state/cellStart.ts";
import { exportChoiceOf, exportOutcome } from "../../renderer/src/state/exports.ts";
import type { WriteManyResult, WriteResult } from "../../renderer/host/host.ts";
import { assert } from "./app.ts";

function trace(source: string): TraceCursor {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e) });
  return new TraceCursor(events);
}

// a lesson program: cell 1 on lines 1-3, the "# --- cell 2 ---" marker on 4, cell 2 on 5-6
const PROGRAM = "import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x * x\n# --- cell 2 ---\ny.backward()\nprint(x.grad)\n";

export const tests = [
  {
    name: "a lesson cell's run stands just before the cell's first statement",
    node: true,
    async run() {
      const cursor = trace(PROGRAM);
      for (const [line, expectLine] of [
        [1, 1],
        [4, 5], // the marker comment is no statement: the cell starts at its first statement
        [5, 5],
        [6, 6],
      ] as const) {
        const k = stepBeforeLine(cursor, line);
        const next = cursor.events[k + 1];
        assert(next?.kind === "statement" && next.span.line === expectLine, `fromLine ${line}: the next event is ${JSON.stringify(next)}`);
        // nothing of the cell has run yet: no gradient before line 5, no output before line 6
        const state = cursor.at(k);
        assert(state.console.every((c) => !JSON.stringify(c).includes("tensor(6.)")), `fromLine ${line}: the cell's output shows already`);
      }
      assert(JSON.stringify(cursor.at(cursor.length - 1).console).includes("tensor(6.)"), "the program prints x.grad = 2x = 6 at its end");
      assert(stepBeforeLine(cursor, 99) === cursor.length - 1, "a line past the end stands at the end");
    },
  },
  {
    name: "export results read as the student needs them",
    node: true,
    async run() {
      const cases: [WriteResult | WriteManyResult, string, boolean][] = [
        [{ status: "failed", reason: "No space left on device." }, "Export failed: No space left on device.", true],
        [{ status: "cancelled" }, "Export cancelled.", false],
        [{ status: "saved", name: "p3-step-12.svg" }, "Exported p3-step-12.svg.", false],
        [{ status: "saved", names: ["a-step-001.svg", "a-step-002.svg", "a-step-003.svg"] }, "Exported 3 files: a-step-001.svg … a-step-003.svg.", false],
        [{ status: "saved", names: ["a-step-001.svg"] }, "Exported 1 file: a-step-001.svg.", false],
      ];
      for (const [result, text, failed] of cases) {
        const got = exportOutcome(result);
        assert(got.text === text && got.failed === failed, `${JSON.stringify(result)} -> ${JSON.stringify(got)}`);
      }
      assert(exportChoiceOf("file.exportPng") === "png" && exportChoiceOf("file.exportAllSteps") === "all", "menu commands map to exports");
      assert(exportChoiceOf("file.save") === null, "file.save is no export");
    },
  },
];
