// The preload, run against a stand-in for electron's ipcRenderer and contextBridge.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Invoke, Push, SendSync } from "../../electron/channels.ts";

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
  invoke: vi.fn(async (..._args: unknown[]) => "reply"),
  sendSync: vi.fn((..._args: unknown[]) => null),
}));

vi.mock("electron", () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    sendSync: electron.sendSync,
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      electron.listeners.set(channel, [...(electron.listeners.get(channel) ?? []), fn]);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
      electron.listeners.set(
        channel,
        (electron.listeners.get(channel) ?? []).filter((f) => f !== fn),
      );
    },
  },
}));

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;
beforeAll(async () => {
  await import("../../electron/preload.ts");
  api = electron.exposed.get("gradlens") as Api;
});

const push = (channel: string, payload: unknown) => {
  for (const fn of electron.listeners.get(channel) ?? [])
    fn({ sender: "the IpcRendererEvent" }, payload);
};

describe("the preload bridge", () => {
  it("exposes one object, window.gradlens, of named functions and the platform only", () => {
    expect([...electron.exposed.keys()]).toEqual(["gradlens"]);
    expect(Object.keys(api).sort()).toEqual(
      [
        "autosaveLoad",
        "autosaveSave",
        "autosaveSaveSync",
        "exportFile",
        "exportStepsBegin",
        "exportStepsEnd",
        "exportStepsWrite",
        "initialFile",
        "takeNotice",
        "onFileOpened",
        "onMenuCommand",
        "openFile",
        "platform",
        "saveFile",
        "saveFileAs",
      ].sort(),
    );
    expect(typeof api.platform).toBe("string");
    for (const [key, value] of Object.entries(api)) {
      if (key === "platform") continue;
      expect(typeof value, key).toBe("function");
      // nothing that looks like ipcRenderer: no invoke/send/on reachable from the page
      expect(Object.keys(value as object)).toEqual([]);
    }
  });

  it.each([
    { call: "openFile", args: [], channel: Invoke.openFile },
    { call: "saveFile", args: ["x = 1", "a.py"], channel: Invoke.saveFile },
    { call: "saveFileAs", args: ["x = 1", "a.py"], channel: Invoke.saveFileAs },
    { call: "exportFile", args: ["svg", "<svg/>", "g"], channel: Invoke.exportFile },
    { call: "exportStepsBegin", args: ["png", 3, "g"], channel: Invoke.exportStepsBegin },
    { call: "exportStepsWrite", args: [1, new Uint8Array([1])], channel: Invoke.exportStepsWrite },
    { call: "exportStepsEnd", args: [], channel: Invoke.exportStepsEnd },
    { call: "initialFile", args: [], channel: Invoke.initialFile },
    { call: "takeNotice", args: [], channel: Invoke.takeNotice },
    { call: "autosaveLoad", args: ["editor"], channel: Invoke.autosaveLoad },
    { call: "autosaveSave", args: ["editor", "x"], channel: Invoke.autosaveSave },
  ])("$call invokes $channel with exactly its arguments", async ({ call, args, channel }) => {
    electron.invoke.mockClear();
    await expect(api[call]!(...args, "an extra argument the page slipped in")).resolves.toBe(
      "reply",
    );
    expect(electron.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it("autosaveSaveSync sends synchronously, with exactly its arguments, and returns main's answer", () => {
    electron.sendSync.mockClear();
    expect(api.autosaveSaveSync!("editor", "x = 1", "an extra argument")).toBeNull();
    expect(electron.sendSync).toHaveBeenCalledWith(SendSync.autosaveSaveSync, "editor", "x = 1");
  });

  it("passes menu commands to the page without the IPC event, and drops unknown ones", () => {
    const seen: unknown[][] = [];
    const unsubscribe = api.onMenuCommand!((...args: unknown[]) => seen.push(args)) as () => void;
    push(Push.menuCommand, "run.stepForward");
    push(Push.menuCommand, "shell.exec");
    push(Push.menuCommand, { command: "run.run" });
    unsubscribe();
    push(Push.menuCommand, "run.run");
    expect(seen).toEqual([["run.stepForward"]]);
  });

  it("passes files main opened (or refused) to the page", () => {
    const seen: unknown[] = [];
    api.onFileOpened!((message: unknown) => seen.push(message));
    push(Push.fileOpened, { status: "opened", file: { name: "a.py", text: "x" } });
    push(Push.fileOpened, { status: "refused", name: "b.py", reason: "not UTF-8" });
    push(Push.fileOpened, "garbage");
    expect(seen).toEqual([
      { status: "opened", file: { name: "a.py", text: "x" } },
      { status: "refused", name: "b.py", reason: "not UTF-8" },
    ]);
  });
});
