// IPC channel names and message types shared by the main process, the preload and the renderer.
// Pure types and constants: importing this file never pulls in electron or node.

/** Renderer -> main requests (ipcRenderer.invoke / ipcMain.handle). */
export const Invoke = {
  openFile: "gradlens:file/open",
  saveFile: "gradlens:file/save",
  saveFileAs: "gradlens:file/save-as",
  exportFile: "gradlens:file/export",
  exportStepsBegin: "gradlens:file/export-steps/begin",
  exportStepsWrite: "gradlens:file/export-steps/write",
  exportStepsEnd: "gradlens:file/export-steps/end",
  initialFile: "gradlens:file/initial",
  takeNotice: "gradlens:notice/take",
  autosaveLoad: "gradlens:autosave/load",
  autosaveSave: "gradlens:autosave/save",
} as const;
export type InvokeChannel = (typeof Invoke)[keyof typeof Invoke];

/** Renderer -> main requests answered before the renderer goes on (ipcRenderer.sendSync): only
 *  the last autosave as the page unloads, when an asynchronous request may never be answered. */
export const SendSync = {
  autosaveSaveSync: "gradlens:autosave/save-sync",
} as const;

/** Renderer -> main messages that need no answer (ipcRenderer.send): the engine process of a run
 *  (electron/engine-host.ts) is asked for and ended. */
export const Send = {
  engineBegin: "gradlens:engine/begin",
  engineEnd: "gradlens:engine/end",
} as const;

/** Main -> renderer pushes (webContents.send / ipcRenderer.on). */
export const Push = {
  menuCommand: "gradlens:menu/command",
  fileOpened: "gradlens:file/opened",
  /** a run's MessagePort to its engine process (webContents.postMessage, the port transferred);
   *  the preload hands it to the page as a window message (ENGINE_PORT_MESSAGE) */
  enginePort: "gradlens:engine/port",
  /** a run's engine process died (EngineGone) */
  engineGone: "gradlens:engine/gone",
} as const;
export type PushChannel = (typeof Push)[keyof typeof Push];

/** Every command a menu item can send to the view. The view decides what each one does. */
export const MENU_COMMANDS = [
  "file.open",
  "file.save",
  "file.saveAs",
  "file.exportSvg",
  "file.exportPng",
  "file.exportDot",
  "file.exportAllSteps",
  "view.zoomIn",
  "view.zoomOut",
  "view.zoomReset",
  "view.fit",
  "view.theme.system",
  "view.theme.light",
  "view.theme.dark",
  "view.toggleEditor",
  "view.toggleConsole",
  "view.toggleMemory",
  "view.toggleTimeline",
  "run.run",
  "run.stop",
  "run.stepForward",
  "run.stepBack",
  "run.statementForward",
  "run.statementBack",
  "run.playPause",
  "run.toStart",
  "run.toEnd",
  "help.lessons",
  "help.about",
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === "string" && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** What can be exported; PNG travels as bytes, SVG and DOT as text. */
export type ExportKind = "svg" | "png" | "dot";
export const EXPORT_KINDS: readonly ExportKind[] = ["svg", "png", "dot"];
export type ExportData = string | Uint8Array;

/** A script or lesson the user opened: its file name (never its path) and its text. */
export interface OpenedFile {
  name: string;
  text: string;
}

export type OpenResult =
  | { status: "opened"; file: OpenedFile }
  | { status: "refused"; name: string; reason: string }
  | { status: "cancelled" };

export type WriteResult =
  | { status: "saved"; name: string }
  | { status: "cancelled" }
  | { status: "failed"; reason: string };

/** Export of many steps: one file per step, named by main from the name the user chose.
 *  `names` on a cancelled or failed export are the files written before it stopped. */
export type WriteManyResult =
  | { status: "saved"; names: string[] }
  | { status: "cancelled"; names?: string[] }
  | { status: "failed"; reason: string; names?: string[] };

/** The start of an export of many steps: the user chose where (main keeps the folder) and
 *  these are the names the steps will get, in order. */
export type StepsExportStart = { status: "ready"; names: string[] } | { status: "cancelled" };

/** Pushed when main opened a file itself (Recent menu, a second launch, macOS "Open With"). */
export type FileOpenedMessage = OpenResult;

/**
 * The API the preload exposes as `window.gradlens`. Named functions only; no channel names
 * and no ipcRenderer cross the bridge. The renderer reaches it through renderer/host/.
 */
export interface GradlensBridge {
  readonly platform: string;
  openFile(): Promise<OpenResult>;
  saveFile(text: string, suggestedName: string): Promise<WriteResult>;
  saveFileAs(text: string, suggestedName: string): Promise<WriteResult>;
  exportFile(kind: ExportKind, data: ExportData, suggestedName: string): Promise<WriteResult>;
  /** Asks where to export `count` steps; then each step is written by exportStepsWrite as the
   *  page makes it (never all in memory at once), and exportStepsEnd closes the export. */
  exportStepsBegin(kind: ExportKind, count: number, suggestedName: string): Promise<StepsExportStart>;
  exportStepsWrite(index: number, data: ExportData): Promise<WriteResult>;
  exportStepsEnd(): Promise<void>;
  initialFile(): Promise<OpenResult | null>;
  /** A message for the learner from the shell (why the window was reloaded), once; else null. */
  takeNotice(): Promise<string | null>;
  autosaveLoad(key: string): Promise<string | null>;
  autosaveSave(key: string, text: string | null): Promise<void>;
  /** Saves before returning; null, or why it could not be saved. */
  autosaveSaveSync(key: string, text: string): string | null;
  /** Returns a function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onFileOpened(listener: (message: FileOpenedMessage) => void): () => void;
  /** Present when main runs the engine in a process of its own (ENGINE_PROCESS_ARG): each run's
   *  port then comes as a window message `{ [ENGINE_PORT_MESSAGE]: run }` carrying the port. */
  engine?: EngineBridge;
}

/** A run's engine process, as the page asks for it (renderer/src/worker/link.ts portLink). */
export interface EngineBridge {
  /** asks for run `run`'s engine process (run: a positive integer, increasing in a page) */
  begin(run: number): void;
  /** ends run `run`'s engine process */
  end(run: number): void;
  /** run `run`'s engine process died; `message` says why, for the status line */
  onGone(listener: (gone: { run: number; message: string }) => void): () => void;
}

/** The key of the window message by which the preload hands the page a run's engine port (ports
 *  cannot cross contextBridge; this is Electron's documented way to the page's main world). */
export const ENGINE_PORT_MESSAGE = "gradlensEnginePort";

/** The argument main gives the window's renderer (webPreferences.additionalArguments) when it runs
 *  the engine in a process of its own; the preload then exposes `engine`. */
export const ENGINE_PROCESS_ARG = "--gradlens-engine-process";

/** The origin the app's own pages are served from (see electron/app-protocol.ts). */
export const APP_SCHEME = "app";
export const APP_HOST = "gradlens";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
