import { describe, expect, it } from "vitest";
import { MENU_COMMANDS } from "../../electron/channels.ts";
import { buildMenuTemplate, type MenuItemSpec } from "../../electron/menu-template.ts";
import { parseAccelerator } from "../../renderer/host/shortcuts.ts";

const PLATFORMS = ["darwin", "linux", "win32"] as const;

function flatten(items: MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...(item.submenu ? flatten(item.submenu) : [])]);
}

function menu(platform: string, recent: string[] = [], isPackaged = true) {
  return buildMenuTemplate({ platform, appName: "Gradlens", recent, isPackaged });
}

/** The shortcuts Electron gives these roles by itself, which ours must not collide with. */
const ROLE_ACCELERATORS: Record<string, string[]> = {
  undo: ["CmdOrCtrl+Z"],
  redo: ["CmdOrCtrl+Shift+Z", "CmdOrCtrl+Y"],
  cut: ["CmdOrCtrl+X"],
  copy: ["CmdOrCtrl+C"],
  paste: ["CmdOrCtrl+V"],
  selectAll: ["CmdOrCtrl+A"],
  quit: ["CmdOrCtrl+Q"],
  close: ["CmdOrCtrl+W"],
  minimize: ["CmdOrCtrl+M"],
  hide: ["CmdOrCtrl+H"],
  togglefullscreen: ["F11", "Ctrl+Cmd+F"],
  toggleDevTools: ["CmdOrCtrl+Shift+I"],
};

describe.each(PLATFORMS)("the %s menu", (platform) => {
  const items = flatten(menu(platform));

  it("offers every view command exactly once", () => {
    const commands = items.flatMap((i) => (i.command ? [i.command] : []));
    expect([...commands].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it("gives each shortcut to one item only (including the Edit roles' built-in ones)", () => {
    const taken = new Map<string, string>();
    for (const item of items) {
      const keys = [
        ...(item.accelerator ? [item.accelerator] : []),
        ...(item.role ? (ROLE_ACCELERATORS[item.role] ?? []) : []),
      ];
      for (const key of keys) {
        expect(taken.get(key), `${key} on "${item.label}" and "${taken.get(key)}"`).toBeUndefined();
        taken.set(key, item.label ?? item.role ?? "?");
      }
    }
  });

  it("writes every shortcut in Electron's accelerator syntax", () => {
    for (const item of items)
      if (item.accelerator)
        expect(parseAccelerator(item.accelerator), item.accelerator).not.toBeNull();
  });

  it("has File, Edit, View, Run and Help", () => {
    const labels = menu(platform).map((m) => m.label?.replace("&", ""));
    expect(labels).toEqual(expect.arrayContaining(["File", "Edit", "View", "Run", "Help"]));
  });

  it("has the usual shortcuts", () => {
    const shortcut = (command: string) => items.find((i) => i.command === command)?.accelerator;
    expect(shortcut("file.open")).toBe("CmdOrCtrl+O");
    expect(shortcut("file.save")).toBe("CmdOrCtrl+S");
    expect(shortcut("file.saveAs")).toBe("CmdOrCtrl+Shift+S");
    expect(shortcut("view.zoomIn")).toBe("CmdOrCtrl+=");
    expect(shortcut("view.zoomOut")).toBe("CmdOrCtrl+-");
    expect(shortcut("view.zoomReset")).toBe("CmdOrCtrl+0");
    expect(shortcut("run.run")).toBe("CmdOrCtrl+Enter");
    expect(shortcut("help.lessons")).toBe("F1");
  });

  it("Edit uses the native roles, so copy/paste work in the code editor", () => {
    const roles = items.map((i) => i.role);
    for (const role of ["undo", "redo", "cut", "copy", "paste", "selectAll"])
      expect(roles).toContain(role);
  });
});

describe("keys the view owns are never registered by the menu too", () => {
  const viewKeys = [
    "run.run",
    "run.stepForward",
    "run.stepBack",
    "run.statementForward",
    "run.statementBack",
    "run.playPause",
    "run.toStart",
    "run.toEnd",
  ];

  it.each(["linux", "win32"])("on %s they are shown but not registered", (platform) => {
    const items = flatten(menu(platform));
    for (const command of viewKeys) {
      const item = items.find((i) => i.command === command)!;
      expect(item.accelerator, command).toBeTruthy();
      expect(item.registerAccelerator, command).toBe(false);
    }
  });

  it("on macOS (which cannot show without registering) bare keys such as arrows and Space are left off", () => {
    const items = flatten(menu("darwin"));
    for (const command of viewKeys.filter((c) => c !== "run.run")) {
      expect(items.find((i) => i.command === command)!.accelerator, command).toBeUndefined();
    }
  });

  it("menu-only shortcuts stay registered everywhere", () => {
    for (const platform of PLATFORMS) {
      const save = flatten(menu(platform)).find((i) => i.command === "file.save")!;
      expect(save.registerAccelerator).toBeUndefined();
    }
  });
});

describe("platform conventions", () => {
  it("macOS: the app menu comes first with About and Quit; File closes the window; there is a Window menu", () => {
    const mac = menu("darwin");
    expect(mac[0]!.label).toBe("Gradlens");
    expect(flatten([mac[0]!]).map((i) => i.command ?? i.role)).toEqual(
      expect.arrayContaining(["help.about", "quit"]),
    );
    const file = mac.find((m) => m.label === "&File")!;
    expect(file.submenu!.at(-1)!.role).toBe("close");
    expect(mac.map((m) => m.label)).toContain("Window");
  });

  it.each(["linux", "win32"])("%s: File ends with Quit and Help has About", (platform) => {
    const top = menu(platform);
    expect(top.find((m) => m.label === "&File")!.submenu!.at(-1)!.role).toBe("quit");
    expect(top.find((m) => m.label === "&Help")!.submenu!.map((i) => i.command)).toContain(
      "help.about",
    );
    expect(top.map((m) => m.label)).not.toContain("Window");
  });

  it("developer tools only in unpackaged builds", () => {
    expect(flatten(menu("linux", [], false)).some((i) => i.role === "toggleDevTools")).toBe(true);
    expect(flatten(menu("linux", [], true)).some((i) => i.role === "toggleDevTools")).toBe(false);
  });
});

describe("Open Recent", () => {
  const recentMenu = (recent: string[]) =>
    flatten(menu("linux", recent)).find((i) => i.label === "Open Recent")!.submenu!;

  it("says so, greyed out, when there is nothing yet", () => {
    expect(recentMenu([])).toEqual([{ label: "No Recent Files", enabled: false }]);
  });

  it("lists files by name, each opening its own path, then Clear Recent", () => {
    const sub = recentMenu(["/home/a/problem3.py", "/home/a/lesson.md"]);
    expect(sub.map((i) => i.label ?? i.type)).toEqual([
      "problem3.py",
      "lesson.md",
      "separator",
      "Clear Recent",
    ]);
    expect(sub[0]!.action).toEqual({ kind: "openRecent", path: "/home/a/problem3.py" });
    expect(sub[3]!.action).toEqual({ kind: "clearRecent" });
  });
});
