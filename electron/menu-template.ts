// The native menu as plain data: which items, in which order, with which shortcuts and
// commands. main.ts turns it into an Electron Menu; keeping it pure makes it testable.

import type { MenuCommand } from "./channels.ts";
import { recentLabels } from "./recent-files.ts";

/** The Electron roles this menu uses (their names are Electron's). */
export type MenuRole =
  | "undo"
  | "redo"
  | "cut"
  | "copy"
  | "paste"
  | "delete"
  | "selectAll"
  | "togglefullscreen"
  | "toggleDevTools"
  | "services"
  | "hide"
  | "hideOthers"
  | "unhide"
  | "quit"
  | "close"
  | "minimize"
  | "zoom"
  | "front";

export type MenuAction = { kind: "openRecent"; path: string } | { kind: "clearRecent" };

export interface MenuItemSpec {
  label?: string;
  type?: "separator";
  role?: MenuRole;
  accelerator?: string;
  /** false: the shortcut is shown but the view handles the key itself (Linux and Windows). */
  registerAccelerator?: boolean;
  enabled?: boolean;
  command?: MenuCommand;
  action?: MenuAction;
  submenu?: MenuItemSpec[];
}

export interface MenuOptions {
  platform: string;
  appName: string;
  recent: readonly string[];
  /** Developer tools only in unpackaged builds. */
  isPackaged: boolean;
}

const separator: MenuItemSpec = { type: "separator" };

function item(label: string, command: MenuCommand, accelerator?: string): MenuItemSpec {
  return accelerator ? { label, command, accelerator } : { label, command };
}

/**
 * Keys the view owns (arrows, Space, Ctrl+Enter in the editor): the menu only displays them,
 * so one key press never triggers the view and the menu twice. macOS cannot display a
 * shortcut without registering it, so there bare keys are left off and modified ones rely on
 * the view calling preventDefault() (which stops the menu from firing).
 */
function viewKey(spec: MenuItemSpec, accelerator: string, platform: string): MenuItemSpec {
  if (platform !== "darwin") return { ...spec, accelerator, registerAccelerator: false };
  return accelerator.includes("+") && !accelerator.startsWith("Shift+")
    ? { ...spec, accelerator }
    : spec;
}

function recentSubmenu(recent: readonly string[]): MenuItemSpec[] {
  if (recent.length === 0) return [{ label: "No Recent Files", enabled: false }];
  const labels = recentLabels(recent);
  return [
    ...recent.map(
      (path, i) => ({ label: labels[i], action: { kind: "openRecent", path } }) as MenuItemSpec,
    ),
    separator,
    { label: "Clear Recent", action: { kind: "clearRecent" } },
  ];
}

export function buildMenuTemplate({
  platform,
  appName,
  recent,
  isPackaged,
}: MenuOptions): MenuItemSpec[] {
  const mac = platform === "darwin";
  const about = item(`About ${appName}`, "help.about");

  const appMenu: MenuItemSpec = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: "services", label: "Services" },
      separator,
      { role: "hide", label: `Hide ${appName}` },
      { role: "hideOthers", label: "Hide Others" },
      { role: "unhide", label: "Show All" },
      separator,
      { role: "quit", label: `Quit ${appName}` },
    ],
  };

  const fileMenu: MenuItemSpec = {
    label: "&File",
    submenu: [
      item("Open Script or Lesson…", "file.open", "CmdOrCtrl+O"),
      { label: "Open Recent", submenu: recentSubmenu(recent) },
      separator,
      item("Save", "file.save", "CmdOrCtrl+S"),
      item("Save As…", "file.saveAs", "CmdOrCtrl+Shift+S"),
      separator,
      item("Export SVG…", "file.exportSvg", "CmdOrCtrl+E"),
      item("Export PNG…", "file.exportPng", "CmdOrCtrl+Shift+E"),
      item("Export Graphviz DOT…", "file.exportDot"),
      item("Export All Steps…", "file.exportAllSteps", "CmdOrCtrl+Alt+E"),
      separator,
      mac ? { role: "close", label: "Close Window" } : { role: "quit", label: "Quit" },
    ],
  };

  const editMenu: MenuItemSpec = {
    label: "&Edit",
    submenu: [
      { role: "undo", label: "Undo" },
      { role: "redo", label: "Redo" },
      separator,
      { role: "cut", label: "Cut" },
      { role: "copy", label: "Copy" },
      { role: "paste", label: "Paste" },
      { role: "delete", label: "Delete" },
      separator,
      { role: "selectAll", label: "Select All" },
    ],
  };

  const viewMenu: MenuItemSpec = {
    label: "&View",
    submenu: [
      item("Zoom In", "view.zoomIn", "CmdOrCtrl+="),
      item("Zoom Out", "view.zoomOut", "CmdOrCtrl+-"),
      item("Actual Size", "view.zoomReset", "CmdOrCtrl+0"),
      item("Fit Graph to Window", "view.fit", "CmdOrCtrl+9"),
      separator,
      {
        label: "Theme",
        submenu: [
          item("Follow System", "view.theme.system"),
          item("Light", "view.theme.light"),
          item("Dark", "view.theme.dark"),
        ],
      },
      separator,
      item("Show/Hide Editor", "view.toggleEditor", "CmdOrCtrl+1"),
      item("Show/Hide Console", "view.toggleConsole", "CmdOrCtrl+2"),
      item("Show/Hide Memory", "view.toggleMemory", "CmdOrCtrl+3"),
      item("Show/Hide Timeline", "view.toggleTimeline", "CmdOrCtrl+4"),
      separator,
      { role: "togglefullscreen", label: "Toggle Full Screen" },
      ...(isPackaged
        ? []
        : [{ role: "toggleDevTools", label: "Toggle Developer Tools" } as MenuItemSpec]),
    ],
  };

  const runMenu: MenuItemSpec = {
    label: "&Run",
    submenu: [
      viewKey(item("Run", "run.run"), "CmdOrCtrl+Enter", platform),
      item("Stop", "run.stop", "CmdOrCtrl+."),
      separator,
      viewKey(item("Step Forward", "run.stepForward"), "Right", platform),
      viewKey(item("Step Back", "run.stepBack"), "Left", platform),
      viewKey(item("Next Statement", "run.statementForward"), "Shift+Right", platform),
      viewKey(item("Previous Statement", "run.statementBack"), "Shift+Left", platform),
      viewKey(item("Play/Pause", "run.playPause"), "Space", platform),
      separator,
      viewKey(item("Go to Start", "run.toStart"), "Home", platform),
      viewKey(item("Go to End", "run.toEnd"), "End", platform),
    ],
  };

  const windowMenu: MenuItemSpec = {
    label: "Window",
    submenu: [
      { role: "minimize", label: "Minimize" },
      { role: "zoom", label: "Zoom" },
      separator,
      { role: "front", label: "Bring All to Front" },
    ],
  };

  const helpMenu: MenuItemSpec = {
    label: "&Help",
    submenu: [item("Lessons", "help.lessons", "F1"), ...(mac ? [] : [separator, about])],
  };

  return mac
    ? [appMenu, fileMenu, editMenu, viewMenu, runMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, runMenu, helpMenu];
}
