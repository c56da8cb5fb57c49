// The menu's keyboard shortcuts for the browser, where there is no native menu: the same
// accelerators as the desktop menu (electron/menu-template.ts), matched against key events.

import type { MenuCommand } from "../../electron/channels.ts";
import { buildMenuTemplate, type MenuItemSpec } from "../../electron/menu-template.ts";

export interface Accelerator {
  /** Cmd on macOS, Ctrl elsewhere (Electron's CmdOrCtrl). */
  cmdOrCtrl: boolean;
  shift: boolean;
  alt: boolean;
  /** KeyboardEvent.code values that count as the key (layout-independent, unaffected by Shift). */
  codes: string[];
}

export interface KeyLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const NAMED_CODES: Record<string, string[]> = {
  "=": ["Equal", "NumpadAdd"],
  "-": ["Minus", "NumpadSubtract"],
  ".": ["Period"],
  ",": ["Comma"],
  "/": ["Slash"],
  Enter: ["Enter", "NumpadEnter"],
  Return: ["Enter", "NumpadEnter"],
  Space: ["Space"],
  Right: ["ArrowRight"],
  Left: ["ArrowLeft"],
  Up: ["ArrowUp"],
  Down: ["ArrowDown"],
  Home: ["Home"],
  End: ["End"],
};

/** Parses Electron accelerator syntax ("CmdOrCtrl+Shift+S"); null for what it does not know. */
export function parseAccelerator(accelerator: string): Accelerator | null {
  const parts = accelerator.split("+");
  const key = parts.pop();
  if (!key) return null;
  const result: Accelerator = { cmdOrCtrl: false, shift: false, alt: false, codes: [] };
  for (const modifier of parts) {
    if (modifier === "CmdOrCtrl" || modifier === "CommandOrControl") result.cmdOrCtrl = true;
    else if (modifier === "Shift") result.shift = true;
    else if (modifier === "Alt" || modifier === "Option") result.alt = true;
    else return null;
  }
  if (/^[A-Z]$/i.test(key)) result.codes = [`Key${key.toUpperCase()}`];
  else if (/^[0-9]$/.test(key)) result.codes = [`Digit${key}`, `Numpad${key}`];
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(key)) result.codes = [key];
  else if (NAMED_CODES[key]) result.codes = NAMED_CODES[key];
  else return null;
  return result;
}

export function matchesAccelerator(
  accelerator: Accelerator,
  event: KeyLike,
  isMac: boolean,
): boolean {
  const cmdOrCtrl = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  const noCmdOrCtrl = !event.metaKey && !event.ctrlKey;
  return (
    (accelerator.cmdOrCtrl ? cmdOrCtrl : noCmdOrCtrl) &&
    accelerator.shift === event.shiftKey &&
    accelerator.alt === event.altKey &&
    accelerator.codes.includes(event.code)
  );
}

/**
 * The shortcuts the menu registers, for a browser tab. Keys the view handles itself (arrows,
 * Space, Ctrl+Enter) are left out, exactly as the desktop menu only displays them.
 */
export function menuShortcuts(): { command: MenuCommand; accelerator: Accelerator }[] {
  const found: { command: MenuCommand; accelerator: Accelerator }[] = [];
  const walk = (items: MenuItemSpec[]) => {
    for (const item of items) {
      if (item.submenu) walk(item.submenu);
      if (!item.command || !item.accelerator || item.registerAccelerator === false) continue;
      const accelerator = parseAccelerator(item.accelerator);
      if (accelerator) found.push({ command: item.command, accelerator });
    }
  };
  // "linux" selects the template in which view-owned keys are display-only.
  walk(buildMenuTemplate({ platform: "linux", appName: "Gradlens", recent: [], isPackaged: true }));
  return found;
}

export function commandForKey(
  shortcuts: readonly { command: MenuCommand; accelerator: Accelerator }[],
  event: KeyLike,
  isMac: boolean,
): MenuCommand | null {
  return shortcuts.find((s) => matchesAccelerator(s.accelerator, event, isMac))?.command ?? null;
}
