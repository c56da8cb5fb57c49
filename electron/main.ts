// The Electron main process: one locked-down window serving the built renderer from
// app://gradlens/, native menus, and the few IPC handlers the preload exposes. The decisions
// live in the pure modules beside this file; this one wires them to Electron.

import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type WebContents,
} from "electron";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveAppPath,
} from "./app-protocol.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import {
  APP_SCHEME,
  Invoke,
  Push,
  SendSync,
  type ExportData,
  type ExportKind,
  type MenuCommand,
  type OpenResult,
  type StepsExportStart,
  type WriteResult,
} from "./channels.ts";
import { DocumentPaths } from "./documents.ts";
import { attachEngine, engineProcessWanted, engineRendererArgs, registerEngineHandlers } from "./engine-host.ts";
import {
  EXPORT_EXTENSION,
  EXPORT_FILTER_NAME,
  OPENABLE_EXTENSIONS,
  sanitizeFileName,
  scriptNameFor,
  stepFileNames,
} from "./file-rules.ts";
import { AutosaveStore, readJson, writeJson, writeJsonSync } from "./json-store.ts";
import { fileArgument } from "./launch-args.ts";
import { buildMenuTemplate, type MenuAction, type MenuItemSpec } from "./menu-template.ts";
import { describeFsError, readOpenableFile } from "./open-file.ts";
import { addRecent, parseRecent, removeRecent } from "./recent-files.ts";
import { RecoveryPolicy, UNRESPONSIVE_PROMPT } from "./recovery.ts";
import {
  LIMITS,
  byteLengthOf,
  isSafeExternalUrl,
  isTrustedSenderUrl,
  parseAutosaveLoadArgs,
  parseAutosaveSaveArgs,
  parseExportArgs,
  parseExportStepsBeginArgs,
  parseExportStepsWriteArgs,
  parseNoArgs,
  parseSaveArgs,
} from "./validate.ts";
import { parseWindowState, restoreBounds, type WindowState } from "./window-state.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** Built layout (out/): main/main.js, preload/preload.cjs, renderer/index.html. */
const RENDERER_ROOT = join(here, "..", "renderer");
const PRELOAD_PATH = join(here, "..", "preload", "preload.cjs");
/** The engine's utility process (engine-process.ts), when runs take one (engine-host.ts). */
const ENGINE_ENTRY = join(here, "engine.js");

const dataFile = (name: string) => join(app.getPath("userData"), name);
const documents = new DocumentPaths();
let recent: string[] = [];
let autosave: AutosaveStore;
const launchFile = fileArgument(process.argv, app.isPackaged);
let pendingInitialFile: string | null = launchFile ? resolve(process.cwd(), launchFile) : null;

// Must precede "ready": app:// behaves like https (secure, standard origin, fetch, workers).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", (_event, argv, workingDirectory) => {
    const window = mainWindow() ?? createWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
    const path = fileArgument(argv, app.isPackaged);
    if (path) void openPathInWindow(window, resolve(workingDirectory, path));
  });
  app.on("open-file", (event, path) => {
    event.preventDefault();
    const window = app.isReady() ? mainWindow() : null;
    if (window) void openPathInWindow(window, path);
    else pendingInitialFile = path;
  });
  app.on("web-contents-created", (_event, contents) => lockDown(contents));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  recent = parseRecent(await readJson(dataFile("recent-files.json")), process.platform);
  autosave = new AutosaveStore(dataFile("autosave"));
  serveRenderer();
  restrictSession();
  registerIpcHandlers();
  rebuildMenu();
  createWindow(parseWindowState(await readJson(dataFile("window-state.json"))));
}

/** app://gradlens/<path> -> out/renderer/<path>, never outside it, always with the CSP. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = resolveAppPath(request.url);
    if (relative === null) return new Response("Not found", { status: 404 });
    const path = join(RENDERER_ROOT, ...relative.split("/"));
    if (!path.startsWith(RENDERER_ROOT + sep)) return new Response("Not found", { status: 404 });
    try {
      if (!(await stat(path)).isFile()) return new Response("Not found", { status: 404 });
      return new Response(new Uint8Array(await readFile(path)), {
        headers: {
          "Content-Type": mimeTypeFor(relative),
          "Content-Security-Policy": CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch {
      return new Response("Not found", { status: 404 });
    }
  });
}

/** No permissions (camera, notifications...), no network: the app needs neither. */
function restrictSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest(
    { urls: ["http://*/*", "https://*/*", "ws://*/*", "wss://*/*"] },
    (_details, callback) => callback({ cancel: true }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        "Content-Security-Policy": [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Every web contents: no navigation, no new windows, no webviews; https links go to the browser. */
function lockDown(contents: WebContents): void {
  contents.on("will-navigate", (event) => event.preventDefault());
  contents.on("will-redirect", (event) => event.preventDefault());
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Reviewed for OPEN_EXTERNAL_JS_CHECK: only https links to public names get through (no
    // credentials, port, IP address, loopback or local names, punycode lookalikes).
    if (isSafeExternalUrl(url)) {
      void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    }
    return { action: "deny" };
  });
}

function mainWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

function createWindow(saved: WindowState | null = null): BrowserWindow {
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: "Gradlens",
    backgroundColor: "#ffffff",
    webPreferences: {
      // Reviewed for PRELOAD_JS_CHECK: the preload exposes named functions only (electron/preload.ts).
      preload: PRELOAD_PATH /* eng-disable PRELOAD_JS_CHECK */,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: "Auxclick",
      additionalArguments: engineRendererArgs(),
    },
  });
  if (bounds.maximized) window.maximize();
  window.once("ready-to-show", () => window.show());
  const id = window.id;
  window.on("close", () => saveWindowState(window));
  window.on("closed", () => {
    documents.forget(id);
    stepExports.delete(id);
    notices.delete(id);
  });
  recoverWhenLost(window);
  if (engineProcessWanted()) attachEngine(window, ENGINE_ENTRY);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Messages for the page about what the shell did (a reload), taken once it is back. */
const notices = new Map<number, string>();

/** A dead page is reloaded (the script returns from the autosave) and told why; a hung one is
 *  reloaded if the learner says so. The decisions are recovery.ts's. */
function recoverWhenLost(window: BrowserWindow): void {
  const policy = new RecoveryPolicy();
  const contents = window.webContents;
  let waiting: AbortController | null = null;
  const reload = (notice: string) => {
    notices.set(window.id, notice);
    contents.reload();
  };
  contents.on("render-process-gone", (_event, details) => {
    const recovery = policy.gone(details.reason);
    if (recovery.action === "reload") reload(recovery.notice);
    else if (recovery.action === "ask")
      void dialog
        .showMessageBox(window, { type: "error", message: recovery.message, detail: recovery.detail, buttons: recovery.buttons, defaultId: recovery.reloadButton })
        .then(({ response }) => {
          if (response !== recovery.reloadButton) return window.close();
          policy.reloaded();
          reload(recovery.notice);
        });
  });
  window.on("unresponsive", () => {
    if (waiting) return;
    waiting = new AbortController();
    const p = UNRESPONSIVE_PROMPT;
    void dialog
      .showMessageBox(window, { type: "warning", message: p.message, detail: p.detail, buttons: [...p.buttons], defaultId: p.reloadButton, signal: waiting.signal })
      .then(({ response }) => {
        waiting = null;
        if (response !== p.reloadButton) return;
        // a page busy in a loop never gets to a reload: end its process first
        contents.forcefullyCrashRenderer();
        reload(p.notice);
      });
  });
  window.on("responsive", () => {
    waiting?.abort();
    waiting = null;
  });
}

function saveWindowState(window: BrowserWindow): void {
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  try {
    writeJsonSync(dataFile("window-state.json"), state);
  } catch {
    // A read-only profile: the window opens at the default place next time.
  }
}

// ---- IPC ----

type Handler = (window: BrowserWindow, args: unknown[]) => Promise<unknown>;

/** The window of a message from our own page's main frame, or null for anyone else. */
function trustedSender(event: Pick<IpcMainInvokeEvent, "sender" | "senderFrame">): BrowserWindow | null {
  const window = BrowserWindow.fromWebContents(event.sender);
  const frame = event.senderFrame;
  if (!window || !frame || frame !== event.sender.mainFrame || !isTrustedSenderUrl(frame.url)) return null;
  return window;
}

/** Each handler runs only for our own page's main frame; arguments are validated inside. */
function handle(channel: string, handler: Handler): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const window = trustedSender(event);
    if (!window) throw new Error(`refused ${channel} from an untrusted sender`);
    return handler(window, args);
  });
}

function registerIpcHandlers(): void {
  if (engineProcessWanted()) registerEngineHandlers(trustedSender);
  handle(Invoke.openFile, async (window, args) => {
    parseNoArgs(args, "open");
    const result = await dialog.showOpenDialog(window, {
      title: "Open Script or Lesson",
      defaultPath: documentFolder(window),
      properties: ["openFile"],
      filters: [
        { name: "Scripts and lessons", extensions: OPENABLE_EXTENSIONS.map((e) => e.slice(1)) },
        { name: "All files", extensions: ["*"] },
      ],
    });
    const path = result.filePaths[0];
    if (result.canceled || !path) return { status: "cancelled" } satisfies OpenResult;
    return openPath(window, path);
  });

  handle(Invoke.saveFile, async (window, args) => {
    const { text, suggestedName } = parseSaveArgs(args);
    const path = documents.writePathFor(window.id);
    return path ? writeScript(path, text) : saveScriptAs(window, text, suggestedName);
  });

  handle(Invoke.saveFileAs, async (window, args) => {
    const { text, suggestedName } = parseSaveArgs(args);
    return saveScriptAs(window, text, suggestedName);
  });

  handle(Invoke.exportFile, async (window, args) => {
    const { kind, data, suggestedName } = parseExportArgs(args);
    const path = await askSavePath(window, kind, suggestedName, "Export");
    if (!path) return { status: "cancelled" } satisfies WriteResult;
    return writeOrExplain(path, data);
  });

  handle(Invoke.exportStepsBegin, async (window, args) => {
    const { kind, count, suggestedName } = parseExportStepsBeginArgs(args);
    const chosen = await askSavePath(window, kind, suggestedName, "Export All Steps (one file per step)");
    if (!chosen) return { status: "cancelled" } satisfies StepsExportStart;
    // The folder and the stem come from the dialog; main adds -step-001... to the stem.
    const names = stepFileNames(basename(chosen), count, kind);
    stepExports.set(window.id, { kind, folder: dirname(chosen), names, bytes: 0 });
    return { status: "ready", names } satisfies StepsExportStart;
  });

  handle(Invoke.exportStepsWrite, async (window, args) => {
    const job = stepExports.get(window.id);
    if (!job) throw new Error("no export of steps is under way");
    const { index, data } = parseExportStepsWriteArgs(args, job.kind, job.names.length);
    job.bytes += byteLengthOf(data);
    if (job.bytes > LIMITS.stepsTotalBytes)
      return { status: "failed", reason: `the steps come to more than ${LIMITS.stepsTotalBytes / 1e9} GB` } satisfies WriteResult;
    return writeOrExplain(join(job.folder, job.names[index]!), data);
  });

  handle(Invoke.exportStepsEnd, async (window, args) => {
    parseNoArgs(args, "export steps end");
    stepExports.delete(window.id);
  });

  handle(Invoke.takeNotice, async (window, args) => {
    parseNoArgs(args, "notice");
    const notice = notices.get(window.id) ?? null;
    notices.delete(window.id);
    return notice;
  });

  handle(Invoke.initialFile, async (window, args) => {
    parseNoArgs(args, "initial file");
    const path = pendingInitialFile;
    pendingInitialFile = null;
    return path ? openPath(window, path) : null;
  });

  handle(Invoke.autosaveLoad, async (_window, args) => {
    const { key } = parseAutosaveLoadArgs(args);
    return autosave.load(key);
  });

  handle(Invoke.autosaveSave, async (_window, args) => {
    const { key, text } = parseAutosaveSaveArgs(args);
    await autosave.save(key, text);
  });

  // the last edit as the page unloads: written before the page may go on closing
  ipcMain.on(SendSync.autosaveSaveSync, (event, ...args: unknown[]) => {
    try {
      if (!trustedSender(event)) throw new Error(`refused ${SendSync.autosaveSaveSync} from an untrusted sender`);
      const { key, text } = parseAutosaveSaveArgs(args);
      if (text === null) throw new Error("nothing to save");
      autosave.saveSync(key, text);
      event.returnValue = null;
    } catch (error) {
      event.returnValue = `Autosave failed: ${describeFsError(error)}`;
    }
  });
}

/** An export of many steps under way in a window: where its files go and what they are called. */
const stepExports = new Map<number, { kind: ExportKind; folder: string; names: string[]; bytes: number }>();

function documentFolder(window: BrowserWindow): string {
  const last = documents.dialogDefaultFor(window.id);
  return last ? dirname(last) : app.getPath("documents");
}

async function openPath(window: BrowserWindow, path: string): Promise<OpenResult> {
  const result = await readOpenableFile(path);
  if (result.status === "opened") {
    documents.opened(window.id, path);
    setRecent(addRecent(recent, path, process.platform));
    app.addRecentDocument(path);
  }
  return result;
}

/** Opens a file main chose (Recent, second launch, Finder) and pushes it to the view. */
async function openPathInWindow(window: BrowserWindow, path: string): Promise<void> {
  const result = await openPath(window, path);
  if (result.status === "refused") setRecent(removeRecent(recent, path, process.platform));
  sendWhenLoaded(window, Push.fileOpened, result);
}

async function saveScriptAs(
  window: BrowserWindow,
  text: string,
  suggestedName: string,
): Promise<WriteResult> {
  const name = scriptNameFor(suggestedName);
  const result = await dialog.showSaveDialog(window, {
    title: "Save Script",
    defaultPath: join(documentFolder(window), name),
    properties: ["createDirectory", "showOverwriteConfirmation"],
    filters: [
      { name: "Python script", extensions: ["py"] },
      { name: "Lesson (Markdown)", extensions: ["md"] },
      { name: "All files", extensions: ["*"] },
    ],
  });
  if (result.canceled || !result.filePath) return { status: "cancelled" };
  const outcome = await writeScript(result.filePath, text);
  if (outcome.status === "saved") {
    documents.chosenInSaveDialog(window.id, result.filePath);
    setRecent(addRecent(recent, result.filePath, process.platform));
  }
  return outcome;
}

async function writeScript(path: string, text: string): Promise<WriteResult> {
  return writeOrExplain(path, text);
}

async function writeOrExplain(path: string, data: ExportData): Promise<WriteResult> {
  try {
    await writeFileAtomic(path, data);
    return { status: "saved", name: basename(path) };
  } catch (error) {
    return {
      status: "failed",
      reason: `${basename(path)} could not be saved: ${describeFsError(error)}.`,
    };
  }
}

const lastExportFolder = new Map<number, string>();

async function askSavePath(
  window: BrowserWindow,
  kind: ExportKind,
  suggestedName: string,
  title: string,
): Promise<string | null> {
  const ext = EXPORT_EXTENSION[kind];
  const folder = lastExportFolder.get(window.id) ?? documentFolder(window);
  const result = await dialog.showSaveDialog(window, {
    title,
    defaultPath: join(folder, sanitizeFileName(suggestedName, ext, "gradlens")),
    properties: ["createDirectory", "showOverwriteConfirmation"],
    filters: [{ name: EXPORT_FILTER_NAME[kind], extensions: [ext.slice(1)] }],
  });
  if (result.canceled || !result.filePath) return null;
  lastExportFolder.set(window.id, dirname(result.filePath));
  return result.filePath;
}

// ---- Menu ----

function setRecent(list: string[]): void {
  recent = list;
  void writeJson(dataFile("recent-files.json"), recent).catch(() => undefined);
  rebuildMenu();
}

function rebuildMenu(): void {
  const spec = buildMenuTemplate({
    platform: process.platform,
    appName: app.name,
    recent,
    isPackaged: app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(spec.map(toElectronItem)));
}

function toElectronItem(spec: MenuItemSpec): MenuItemConstructorOptions {
  const { command, action, submenu, ...rest } = spec;
  const options: MenuItemConstructorOptions = { ...rest };
  if (submenu) options.submenu = submenu.map(toElectronItem);
  if (command) options.click = () => sendCommand(command);
  if (action) options.click = () => runMenuAction(action);
  return options;
}

function sendCommand(command: MenuCommand): void {
  sendWhenLoaded(mainWindow() ?? createWindow(), Push.menuCommand, command);
}

/** A window just created (macOS, no window open) gets the message once its page is there. */
function sendWhenLoaded(window: BrowserWindow, channel: string, payload: unknown): void {
  const contents = window.webContents;
  if (contents.isLoading()) contents.once("did-finish-load", () => contents.send(channel, payload));
  else contents.send(channel, payload);
}

function runMenuAction(action: MenuAction): void {
  if (action.kind === "clearRecent") {
    app.clearRecentDocuments();
    setRecent([]);
    return;
  }
  void openPathInWindow(mainWindow() ?? createWindow(), action.path);
}
