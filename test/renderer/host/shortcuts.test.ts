import { describe, expect, it } from "vitest";
import {
  commandForKey,
  matchesAccelerator,
  menuShortcuts,
  parseAccelerator,
} from "../../../renderer/host/shortcuts.ts";

const key = (
  code: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  code,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe("parseAccelerator", () => {
  it.each([
    {
      accelerator: "CmdOrCtrl+O",
      expected: { cmdOrCtrl: true, shift: false, alt: false, codes: ["KeyO"] },
    },
    {
      accelerator: "CmdOrCtrl+Shift+S",
      expected: { cmdOrCtrl: true, shift: true, alt: false, codes: ["KeyS"] },
    },
    {
      accelerator: "CmdOrCtrl+Alt+E",
      expected: { cmdOrCtrl: true, shift: false, alt: true, codes: ["KeyE"] },
    },
    {
      accelerator: "CmdOrCtrl+=",
      expected: { cmdOrCtrl: true, shift: false, alt: false, codes: ["Equal", "NumpadAdd"] },
    },
    {
      accelerator: "CmdOrCtrl+0",
      expected: { cmdOrCtrl: true, shift: false, alt: false, codes: ["Digit0", "Numpad0"] },
    },
    { accelerator: "F1", expected: { cmdOrCtrl: false, shift: false, alt: false, codes: ["F1"] } },
    {
      accelerator: "Shift+Right",
      expected: { cmdOrCtrl: false, shift: true, alt: false, codes: ["ArrowRight"] },
    },
    { accelerator: "Super+X", expected: null },
    { accelerator: "CmdOrCtrl+Banana", expected: null },
    { accelerator: "", expected: null },
  ])("$accelerator", ({ accelerator, expected }) => {
    expect(parseAccelerator(accelerator)).toEqual(expected);
  });
});

describe("matchesAccelerator: Cmd on macOS, Ctrl elsewhere", () => {
  const save = parseAccelerator("CmdOrCtrl+S")!;
  it.each([
    { event: key("KeyS", { ctrl: true }), mac: false, match: true },
    { event: key("KeyS", { meta: true }), mac: false, match: false },
    { event: key("KeyS", { meta: true }), mac: true, match: true },
    { event: key("KeyS", { ctrl: true }), mac: true, match: false },
    { event: key("KeyS", { ctrl: true, shift: true }), mac: false, match: false },
    { event: key("KeyS"), mac: false, match: false },
    { event: key("KeyA", { ctrl: true }), mac: false, match: false },
  ])(
    "$event.code ctrl=$event.ctrlKey meta=$event.metaKey shift=$event.shiftKey on mac=$mac -> $match",
    ({ event, mac, match }) => {
      expect(matchesAccelerator(save, event, mac)).toBe(match);
    },
  );
});

describe("the browser gets the desktop menu's shortcuts", () => {
  const shortcuts = menuShortcuts();
  it.each([
    { event: key("KeyO", { ctrl: true }), command: "file.open" },
    { event: key("KeyS", { ctrl: true }), command: "file.save" },
    { event: key("KeyS", { ctrl: true, shift: true }), command: "file.saveAs" },
    { event: key("KeyE", { ctrl: true }), command: "file.exportSvg" },
    { event: key("Equal", { ctrl: true }), command: "view.zoomIn" },
    { event: key("NumpadAdd", { ctrl: true }), command: "view.zoomIn" },
    { event: key("F1"), command: "help.lessons" },
    // keys the view owns itself are not taken by the host
    { event: key("ArrowRight"), command: null },
    { event: key("Space"), command: null },
    { event: key("Enter", { ctrl: true }), command: null },
    { event: key("KeyZ", { ctrl: true }), command: null },
  ])("$event.code -> $command", ({ event, command }) => {
    expect(commandForKey(shortcuts, event, false)).toBe(command);
  });
});
