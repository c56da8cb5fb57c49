// What each host menu command does in the view (commands the view does not own, like exports, return null).

import type { MenuCommand } from "../../host/index.ts";

export type MenuAction =
  | { kind: "session"; name: "forward" | "back" | "nextStatement" | "prevStatement" | "togglePlay" | "home" | "end" }
  | { kind: "run" }
  | { kind: "stop" }
  | { kind: "theme"; theme: "auto" | "light" | "dark" }
  | { kind: "fit" }
  | { kind: "open" }
  | { kind: "save"; as: boolean };

const TABLE: Partial<Record<MenuCommand, MenuAction>> = {
  "run.run": { kind: "run" },
  "run.stop": { kind: "stop" },
  "run.stepForward": { kind: "session", name: "forward" },
  "run.stepBack": { kind: "session", name: "back" },
  "run.statementForward": { kind: "session", name: "nextStatement" },
  "run.statementBack": { kind: "session", name: "prevStatement" },
  "run.playPause": { kind: "session", name: "togglePlay" },
  "run.toStart": { kind: "session", name: "home" },
  "run.toEnd": { kind: "session", name: "end" },
  "view.theme.system": { kind: "theme", theme: "auto" },
  "view.theme.light": { kind: "theme", theme: "light" },
  "view.theme.dark": { kind: "theme", theme: "dark" },
  "view.fit": { kind: "fit" },
  "file.open": { kind: "open" },
  "file.save": { kind: "save", as: false },
  "file.saveAs": { kind: "save", as: true },
};

export function menuAction(command: MenuCommand): MenuAction | null {
  return TABLE[command] ?? null;
}
