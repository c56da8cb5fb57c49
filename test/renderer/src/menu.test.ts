import { describe, expect, it } from "vitest";
import { menuAction } from "../../../renderer/src/lib/menu.ts";

describe("menuAction: the desktop menu drives the same timeline as the keys", () => {
  const cases = [
    { command: "run.run", expected: { kind: "run" } },
    { command: "run.stop", expected: { kind: "stop" } },
    { command: "run.statementForward", expected: { kind: "session", name: "nextStatement" } },
    { command: "run.toStart", expected: { kind: "session", name: "home" } },
    { command: "view.theme.dark", expected: { kind: "theme", theme: "dark" } },
    { command: "file.saveAs", expected: { kind: "save", as: true } },
    { command: "file.exportSvg", expected: null },
  ] as const;
  for (const c of cases) it(c.command, () => expect(menuAction(c.command)).toEqual(c.expected));
});
