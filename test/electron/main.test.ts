// The main process, run against a stand-in for the parts of electron it uses: the window's
// security settings, the sender checks and argument validation of every IPC handler, the
// save-dialog-only write paths, navigation and permission blocking, and the menu's commands.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Invoke, Push, SendSync } from "../../electron/channels.ts";

type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  const state = {
    userData: "",
    appListeners: new Map<string, Listener>(),
    ipc: new Map<string, Listener>(),
    ipcOn: new Map<string, Listener>(),
    messageBox: vi.fn(),
    protocolHandler: null as Listener | null,
    privileged: [] as unknown[],
    sandboxEnabled: false,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as { filter: { urls: string[] }; fn: Listener } | null,
    headersReceived: null as Listener | null,
    menuTemplate: [] as any[],
    windows: [] as any[],
    openDialog: vi.fn(),
    saveDialog: vi.fn(),
    openExternal: vi.fn(),
  };
  class FakeWebContents {
    mainFrame = { url: "app://gradlens/index.html" };
    send = vi.fn();
    isLoading = () => false;
    reload = vi.fn();
    forcefullyCrashRenderer = vi.fn();
    listeners = new Map<string, Listener>();
    on(event: string, fn: Listener) {
      this.listeners.set(event, fn);
    }
  }
  class FakeBrowserWindow {
    static nextId = 1;
    id = FakeBrowserWindow.nextId++;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    listeners = new Map<string, Listener>();
    constructor(public options: any) {
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
    static getFocusedWindow = () => state.windows[0] ?? null;
    static fromWebContents = (wc: unknown) =>
      state.windows.find((w) => w.webContents === wc) ?? null;
    once() {}
    on(event: string, fn: Listener) {
      this.listeners.set(event, fn);
    }
    maximize() {}
    isMinimized = () => false;
    focus() {}
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1100, height: 700 });
  }
  return { state, FakeBrowserWindow, FakeWebContents };
});

vi.mock("electron", () => ({
  app: {
    name: "Gradlens",
    isPackaged: false,
    on: (event: string, fn: Listener) => fake.state.appListeners.set(event, fn),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getPath: (name: string) => join(fake.state.userData, name),
    enableSandbox: () => {
      fake.state.sandboxEnabled = true;
    },
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.state.privileged.push(...schemes),
    handle: (_scheme: string, fn: Listener) => {
      fake.state.protocolHandler = fn;
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => (fake.state.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (fake.state.permissionCheck = fn),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, fn: Listener) =>
          (fake.state.beforeRequest = { filter, fn }),
        onHeadersReceived: (fn: Listener) => (fake.state.headersReceived = fn),
      },
    },
  },
  ipcMain: {
    handle: (channel: string, fn: Listener) => fake.state.ipc.set(channel, fn),
    on: (channel: string, fn: Listener) => fake.state.ipcOn.set(channel, fn),
  },
  Menu: {
    buildFromTemplate: (template: any[]) => ({ template }),
    setApplicationMenu: (menu: { template: any[] }) => (fake.state.menuTemplate = menu.template),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: { showOpenDialog: fake.state.openDialog, showSaveDialog: fake.state.saveDialog, showMessageBox: fake.state.messageBox },
  shell: { openExternal: fake.state.openExternal },
  BrowserWindow: fake.FakeBrowserWindow,
}));

let work: string;
let window: any;

/** Calls an IPC handler the way Electron would for a message from `frame` of `window`. */
function invoke(channel: string, args: unknown[], frame?: { url: string }) {
  const handler = fake.state.ipc.get(channel)!;
  const sender = window.webContents;
  return handler({ sender, senderFrame: frame ?? sender.mainFrame }, ...args);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "gradlens-main-"));
  fake.state.userData = join(work, "userData");
  // Launched as `electron . <relative path>` from the current folder.
  const launchFile = join(work, "launch.py");
  writeFileSync(launchFile, "print('hi')\n");
  const argv = process.argv;
  process.argv = ["/usr/bin/electron", ".", relative(process.cwd(), launchFile)];
  try {
    await import("../../electron/main.ts");
  } finally {
    process.argv = argv;
  }
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
  window = fake.state.windows[0];
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  fake.state.openDialog.mockReset();
  fake.state.saveDialog.mockReset();
  fake.state.openExternal.mockReset();
});

describe("the window", () => {
  it("is isolated, sandboxed and without Node, loading the app from app://", () => {
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload[\\/]preload\.cjs$/);
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith("app://gradlens/index.html");
  });

  it("registers app:// as a secure standard scheme (so workers and storage behave like https)", () => {
    expect(fake.state.privileged).toEqual([
      { scheme: "app", privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it("opens at the default size on first launch", () => {
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
  });
});

describe("launching with a file", () => {
  it("hands the file named on the command line to the page, once", async () => {
    await expect(invoke(Invoke.initialFile, [])).resolves.toEqual({
      status: "opened",
      file: { name: "launch.py", text: "print('hi')\n" },
    });
    await expect(invoke(Invoke.initialFile, [])).resolves.toBeNull();
  });
});

describe("window state", () => {
  it("is written when the window closes, before the app can quit", () => {
    window.listeners.get("close")!();
    const saved = JSON.parse(
      readFileSync(join(fake.state.userData, "userData", "window-state.json"), "utf8"),
    );
    expect(saved).toEqual({ bounds: { x: 40, y: 30, width: 1100, height: 700 }, maximized: false });
  });
});

describe("serving app://", () => {
  it("serves files from the renderer folder with the CSP", async () => {
    const response: Response = await fake.state.protocolHandler!({
      url: "app://gradlens/host/host.ts",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    expect(await response.text()).toContain("interface Host");
  });

  it.each([
    "app://gradlens/../package.json",
    "app://gradlens/%2e%2e/electron/main.ts",
    "app://evil/host/host.ts",
    "app://gradlens/host",
  ])("answers 404 for %s", async (url) => {
    const response: Response = await fake.state.protocolHandler!({ url });
    expect(response.status).toBe(404);
  });
});

describe("every IPC handler", () => {
  it("exists for each channel the preload uses", () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual(Object.values(Invoke).sort());
  });

  it.each(Object.values(Invoke))(
    "%s refuses a page from another origin and never opens a dialog",
    async (channel) => {
      await expect(invoke(channel, [], { url: "https://evil.example/" })).rejects.toThrow(
        /untrusted sender/,
      );
      expect(fake.state.openDialog).not.toHaveBeenCalled();
      expect(fake.state.saveDialog).not.toHaveBeenCalled();
    },
  );

  it.each(Object.values(Invoke))(
    "%s refuses a subframe, even of our own origin",
    async (channel) => {
      await expect(invoke(channel, [], { url: "app://gradlens/index.html" })).rejects.toThrow(
        /untrusted sender/,
      );
    },
  );

  it.each([
    { channel: Invoke.saveFileAs, args: [{ path: "/etc/passwd" }, "x.py"] },
    { channel: Invoke.saveFile, args: ["x", "x.py", "/tmp/evil.py"] },
    { channel: Invoke.exportFile, args: ["exe", "MZ", "x"] },
    { channel: Invoke.exportStepsBegin, args: ["svg", [], "x"] },
    { channel: Invoke.exportStepsBegin, args: ["svg", 0, "x"] },
    { channel: Invoke.openFile, args: ["/etc/passwd"] },
    { channel: Invoke.autosaveSave, args: ["../../.bashrc", "rm -rf"] },
    { channel: Invoke.autosaveLoad, args: ["../window-state"] },
  ])(
    "$channel refuses bad arguments before any dialog or disk access",
    async ({ channel, args }) => {
      await expect(invoke(channel, args)).rejects.toThrow();
      expect(fake.state.saveDialog).not.toHaveBeenCalled();
      expect(fake.state.openDialog).not.toHaveBeenCalled();
    },
  );
});

describe("saving: paths come only from the save dialog", () => {
  it("the first Save asks; later Saves write there; opening another file makes Save ask again", async () => {
    const target = join(work, "mine.py");
    fake.state.saveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(invoke(Invoke.saveFile, ["x = 1\n", "problem3.py"])).resolves.toEqual({
      status: "saved",
      name: "mine.py",
    });
    expect(fake.state.saveDialog.mock.calls[0]![1].defaultPath).toMatch(/problem3\.py$/);
    expect(await readFile(target, "utf8")).toBe("x = 1\n");

    await invoke(Invoke.saveFile, ["x = 2\n", "ignored.py"]);
    expect(fake.state.saveDialog).toHaveBeenCalledTimes(1);
    expect(await readFile(target, "utf8")).toBe("x = 2\n");

    const other = join(work, "mine.py"); // opening the very file just saved still withdraws the grant
    fake.state.openDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    await expect(invoke(Invoke.openFile, [])).resolves.toEqual({
      status: "opened",
      file: { name: "mine.py", text: "x = 2\n" },
    });
    fake.state.saveDialog.mockResolvedValueOnce({ canceled: true, filePath: "" });
    await expect(invoke(Invoke.saveFile, ["x = 3\n", "mine.py"])).resolves.toEqual({
      status: "cancelled",
    });
    expect(await readFile(target, "utf8")).toBe("x = 2\n");
  });

  it("a suggested name with a path in it only seeds the dialog's file name", async () => {
    fake.state.saveDialog.mockResolvedValueOnce({ canceled: true, filePath: "" });
    await invoke(Invoke.exportFile, ["svg", "<svg/>", "../../../../etc/cron.d/evil"]);
    const defaultPath: string = fake.state.saveDialog.mock.calls[0]![1].defaultPath;
    expect(defaultPath.endsWith("evil.svg")).toBe(true);
    expect(defaultPath).not.toContain("..");
  });

  // before: every step's file crossed IPC in one message, all held in memory at once
  it("export all steps: the dialog once, then one file per step as each arrives, beside the chosen name", async () => {
    const folder = await mkdtemp(join(work, "steps-"));
    fake.state.saveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(folder, "graph.svg"),
    });
    const start = await invoke(Invoke.exportStepsBegin, ["svg", 3, "problem3"]);
    expect(start).toEqual({ status: "ready", names: ["graph-step-001.svg", "graph-step-002.svg", "graph-step-003.svg"] });
    expect(await invoke(Invoke.exportStepsWrite, [0, "<svg>1</svg>"])).toEqual({ status: "saved", name: "graph-step-001.svg" });
    expect(await readdir(folder)).toEqual(["graph-step-001.svg"]);
    await invoke(Invoke.exportStepsWrite, [1, "<svg>2</svg>"]);
    await invoke(Invoke.exportStepsWrite, [2, "<svg>3</svg>"]);
    await expect(invoke(Invoke.exportStepsWrite, [3, "<svg>4</svg>"])).rejects.toThrow(/index/);
    await invoke(Invoke.exportStepsEnd, []);
    expect((await readdir(folder)).sort()).toEqual(start.names);
    expect(await readFile(join(folder, "graph-step-002.svg"), "utf8")).toBe("<svg>2</svg>");
    // after the end (or without a beginning) no step is written anywhere
    await expect(invoke(Invoke.exportStepsWrite, [0, "<svg>x</svg>"])).rejects.toThrow(/no export of steps/);
    expect(fake.state.saveDialog).toHaveBeenCalledTimes(1);
  });

  it("a failed write is reported with a reason, not thrown", async () => {
    fake.state.saveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(work, "no-such-folder", "g.png"),
    });
    const result = await invoke(Invoke.exportFile, ["png", new Uint8Array([1, 2]), "g"]);
    expect(result).toEqual({
      status: "failed",
      reason: "g.png could not be saved: it no longer exists.",
    });
  });

  // before: the last edit went out asynchronously as the page unloaded, and could be lost
  it("the synchronous autosave writes before it answers, and only for our own page", () => {
    const listener = fake.state.ipcOn.get(SendSync.autosaveSaveSync)!;
    const event: any = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    listener(event, "editor", "typed just before quitting");
    expect(event.returnValue).toBeNull();
    expect(readFileSync(join(fake.state.userData, "userData", "autosave", "editor.txt"), "utf8")).toBe("typed just before quitting");
    const stranger: any = { sender: window.webContents, senderFrame: { url: "https://evil.example/" } };
    listener(stranger, "editor", "overwritten?");
    expect(stranger.returnValue).toMatch(/untrusted sender/);
    const bad: any = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    listener(bad, "../../.bashrc", "rm -rf");
    expect(bad.returnValue).toMatch(/Autosave failed/);
    expect(readFileSync(join(fake.state.userData, "userData", "autosave", "editor.txt"), "utf8")).toBe("typed just before quitting");
  });

  it("autosave round-trips through the app's data folder", async () => {
    await invoke(Invoke.autosaveSave, ["editor", "x = 1"]);
    await expect(invoke(Invoke.autosaveLoad, ["editor"])).resolves.toBe("x = 1");
    expect(
      await readFile(join(fake.state.userData, "userData", "autosave", "editor.txt"), "utf8"),
    ).toBe("x = 1");
  });
});

describe("navigation, new windows, permissions and network", () => {
  function contentsWithListeners() {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = {
      on: (event: string, fn: Listener) => listeners.set(event, fn),
      setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
    };
    fake.state.appListeners.get("web-contents-created")!({}, contents);
    return { listeners, open: (url: string) => openHandler!({ url }) };
  }

  it.each(["will-navigate", "will-redirect", "will-attach-webview"])("%s is prevented", (event) => {
    const { listeners } = contentsWithListeners();
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault }, "https://evil.example/");
    expect(preventDefault).toHaveBeenCalled();
  });

  it("window.open is denied; only https links to public names go to the system browser", () => {
    const { open } = contentsWithListeners();
    for (const url of [
      "https://pytorch.org/docs/",
      "http://x.example/",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "https://localhost:8888/?token=x",
      "https://127.0.0.1/",
      "https://2130706433/",
      "https://аpple.com/",
    ]) {
      expect(open(url)).toEqual({ action: "deny" });
    }
    expect(fake.state.openExternal.mock.calls).toEqual([["https://pytorch.org/docs/"]]);
  });

  it("every permission request is refused", () => {
    const callback = vi.fn();
    fake.state.permissionRequest!({}, "media", callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck!({}, "notifications")).toBe(false);
  });

  it("remote http(s) and websocket requests are cancelled", () => {
    const callback = vi.fn();
    fake.state.beforeRequest!.fn({ url: "https://evil.example/x.js" }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(fake.state.beforeRequest!.filter.urls).toEqual(
      expect.arrayContaining(["http://*/*", "https://*/*", "ws://*/*", "wss://*/*"]),
    );
  });
});

describe("the menu", () => {
  const find = (label: string, items: any[] = fake.state.menuTemplate): any =>
    items
      .flatMap((i) => [i, ...(i.submenu ? [find(label, i.submenu)] : [])])
      .find((i) => i?.label === label);

  it("sends its command to the page when clicked", () => {
    window.webContents.send.mockClear();
    find("Export SVG…").click();
    find("Step Forward").click();
    expect(window.webContents.send.mock.calls).toEqual([
      [Push.menuCommand, "file.exportSvg"],
      [Push.menuCommand, "run.stepForward"],
    ]);
  });

  it("lists a saved file under Open Recent, and opening it pushes the file to the page", async () => {
    const recent = find("Open Recent").submenu;
    expect(recent[0].label).toBe("mine.py");
    window.webContents.send.mockClear();
    recent[0].click();
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalled());
    expect(window.webContents.send.mock.calls[0]).toEqual([
      Push.fileOpened,
      { status: "opened", file: { name: "mine.py", text: "x = 2\n" } },
    ]);
  });
});

describe("a page that dies or hangs", () => {
  // before: nothing listened; a renderer that ran out of memory left a blank window
  it("render-process-gone reloads the page and tells it why once it is back", async () => {
    const contents = window.webContents;
    contents.reload.mockClear();
    contents.listeners.get("render-process-gone")!({}, { reason: "oom", exitCode: 133 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    const notice = await invoke(Invoke.takeNotice, []);
    expect(notice).toMatch(/^Gradlens reloaded the window: it ran out of memory.*Your script is back from the autosave\.$/);
    await expect(invoke(Invoke.takeNotice, [])).resolves.toBeNull();
    contents.listeners.get("render-process-gone")!({}, { reason: "clean-exit", exitCode: 0 });
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it("after repeated deaths it asks before reloading again", async () => {
    const contents = window.webContents;
    contents.reload.mockClear();
    fake.state.messageBox.mockResolvedValueOnce({ response: 0 });
    for (let i = 0; i < 3; i++) contents.listeners.get("render-process-gone")!({}, { reason: "crashed", exitCode: 1 });
    expect(fake.state.messageBox).toHaveBeenCalledTimes(1);
    expect(fake.state.messageBox.mock.calls[0]![1]).toMatchObject({ message: expect.stringMatching(/failed 4 times in a row: it crashed/) });
    await vi.waitFor(() => expect(contents.reload).toHaveBeenCalledTimes(3));
  });

  it("unresponsive asks; Reload ends the hung page's process and reloads it", async () => {
    const contents = window.webContents;
    contents.reload.mockClear();
    fake.state.messageBox.mockReset();
    fake.state.messageBox.mockResolvedValueOnce({ response: 0 });
    window.listeners.get("unresponsive")!();
    window.listeners.get("unresponsive")!(); // one question at a time
    expect(fake.state.messageBox).toHaveBeenCalledTimes(1);
    expect(fake.state.messageBox.mock.calls[0]![1]).toMatchObject({ buttons: ["Reload", "Keep Waiting"], signal: expect.any(AbortSignal) });
    await vi.waitFor(() => expect(contents.reload).toHaveBeenCalledTimes(1));
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalled();
    await expect(invoke(Invoke.takeNotice, [])).resolves.toMatch(/stopped responding/);
  });

  it("a page that answers again withdraws the question; Keep Waiting reloads nothing", async () => {
    const contents = window.webContents;
    contents.reload.mockClear();
    fake.state.messageBox.mockReset();
    let signal: AbortSignal | undefined;
    fake.state.messageBox.mockImplementationOnce((_w: unknown, options: { signal: AbortSignal }) => {
      signal = options.signal;
      return Promise.resolve({ response: 1 });
    });
    window.listeners.get("unresponsive")!();
    window.listeners.get("responsive")!();
    expect(signal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(contents.reload).not.toHaveBeenCalled();
  });
});
