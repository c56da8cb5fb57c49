import { describe, expect, it, vi } from "vitest";
import type {
  FileOpenedMessage,
  GradlensBridge,
  MenuCommand,
  OpenResult,
} from "../../../electron/channels.ts";
import { createElectronHost } from "../../../renderer/host/electron-host.ts";
import { FileRefusedError } from "../../../renderer/host/host.ts";

function bridge(overrides: Partial<GradlensBridge> = {}): GradlensBridge {
  return {
    platform: "linux",
    openFile: vi.fn(async (): Promise<OpenResult> => ({ status: "cancelled" })),
    saveFile: vi.fn(async () => ({ status: "saved" as const, name: "a.py" })),
    saveFileAs: vi.fn(async () => ({ status: "cancelled" as const })),
    exportFile: vi.fn(async () => ({ status: "saved" as const, name: "g.svg" })),
    exportStepsBegin: vi.fn(async () => ({ status: "ready" as const, names: ["g-step-001.svg", "g-step-002.svg", "g-step-003.svg"] })),
    exportStepsWrite: vi.fn(async (i: number) => ({ status: "saved" as const, name: `g-step-00${i + 1}.svg` })),
    exportStepsEnd: vi.fn(async () => undefined),
    initialFile: vi.fn(async () => null),
    takeNotice: vi.fn(async () => null),
    autosaveLoad: vi.fn(async () => "saved text"),
    autosaveSave: vi.fn(async () => undefined),
    autosaveSaveSync: vi.fn(() => null),
    onMenuCommand: vi.fn(() => () => undefined),
    onFileOpened: vi.fn(() => () => undefined),
    ...overrides,
  };
}

describe("the Electron host", () => {
  it("returns an opened file's name and text", async () => {
    const host = createElectronHost(
      bridge({ openFile: async () => ({ status: "opened", file: { name: "p3.py", text: "x" } }) }),
    );
    await expect(host.openFile()).resolves.toEqual({ name: "p3.py", text: "x" });
  });

  it("returns null when the user cancels the dialog", async () => {
    await expect(createElectronHost(bridge()).openFile()).resolves.toBeNull();
  });

  it("throws FileRefusedError carrying main's reason", async () => {
    const host = createElectronHost(
      bridge({
        openFile: async () => ({
          status: "refused",
          name: "x.py",
          reason: "x.py is not UTF-8 text",
        }),
      }),
    );
    const error = await host.openFile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRefusedError);
    expect(error).toMatchObject({
      fileName: "x.py",
      reason: "x.py is not UTF-8 text",
      message: "x.py is not UTF-8 text",
    });
  });

  it("gives the launch file once it is there, and refusals as errors", async () => {
    const opened = createElectronHost(
      bridge({
        initialFile: async () => ({ status: "opened", file: { name: "l.md", text: "#" } }),
      }),
    );
    await expect(opened.getInitialFile()).resolves.toEqual({ name: "l.md", text: "#" });
    const refused = createElectronHost(
      bridge({ initialFile: async () => ({ status: "refused", name: "b.py", reason: "too big" }) }),
    );
    await expect(refused.getInitialFile()).rejects.toBeInstanceOf(FileRefusedError);
  });

  it("passes saves, exports and autosave through unchanged", async () => {
    const b = bridge();
    const host = createElectronHost(b);
    await host.saveFile("x", "a.py");
    await host.saveAs("y", "b.py");
    await host.exportFile("png", new Uint8Array([1]), "g");
    await host.storage.save("editor", "z");
    host.storage.saveSync("editor", "last");
    await expect(host.storage.load("editor")).resolves.toBe("saved text");
    expect(b.saveFile).toHaveBeenCalledWith("x", "a.py");
    expect(b.saveFileAs).toHaveBeenCalledWith("y", "b.py");
    expect(b.exportFile).toHaveBeenCalledWith("png", new Uint8Array([1]), "g");
    expect(b.autosaveSave).toHaveBeenCalledWith("editor", "z");
    expect(b.autosaveSaveSync).toHaveBeenCalledWith("editor", "last");
    expect(() => createElectronHost(bridge({ autosaveSaveSync: () => "Autosave failed: the disk is full" })).storage.saveSync("editor", "x")).toThrow(
      "Autosave failed: the disk is full",
    );
  });

  it("exports every step one file at a time: each is made only when the one before is written", async () => {
    const b = bridge();
    const events: string[] = [];
    b.exportStepsWrite = vi.fn(async (i: number) => (events.push(`write ${i}`), { status: "saved" as const, name: `g-step-00${i + 1}.svg` }));
    const progress: number[] = [];
    const result = await createElectronHost(b).exportSteps("svg", 3, "g", async (i) => (events.push(`make ${i}`), `<svg>${i}</svg>`), {
      onProgress: (done) => progress.push(done),
    });
    expect(result).toEqual({ status: "saved", names: ["g-step-001.svg", "g-step-002.svg", "g-step-003.svg"] });
    expect(events).toEqual(["make 0", "write 0", "make 1", "write 1", "make 2", "write 2"]);
    expect(progress).toEqual([1, 2, 3]);
    expect(b.exportStepsBegin).toHaveBeenCalledWith("svg", 3, "g");
    expect(b.exportStepsWrite).toHaveBeenCalledWith(1, "<svg>1</svg>");
    expect(b.exportStepsEnd).toHaveBeenCalledTimes(1);
  });

  it("a cancelled export stops between files and says which were written; a failed write stops it", async () => {
    const b = bridge();
    const stop = new AbortController();
    const cancelled = await createElectronHost(b).exportSteps("svg", 3, "g", async (i) => `<svg>${i}</svg>`, {
      signal: stop.signal,
      onProgress: (done) => done === 1 && stop.abort(),
    });
    expect(cancelled).toEqual({ status: "cancelled", names: ["g-step-001.svg"] });
    expect(b.exportStepsWrite).toHaveBeenCalledTimes(1);
    expect(b.exportStepsEnd).toHaveBeenCalledTimes(1);
    const full = bridge({ exportStepsWrite: vi.fn(async (i: number) => (i === 1 ? { status: "failed" as const, reason: "g-step-002.svg could not be saved: the disk is full." } : { status: "saved" as const, name: "g-step-001.svg" })) });
    const failed = await createElectronHost(full).exportSteps("svg", 3, "g", async (i) => `<svg>${i}</svg>`);
    expect(failed).toEqual({ status: "failed", reason: "g-step-002.svg could not be saved: the disk is full.", names: ["g-step-001.svg"] });
    expect(full.exportStepsEnd).toHaveBeenCalledTimes(1);
    const declined = bridge({ exportStepsBegin: vi.fn(async () => ({ status: "cancelled" as const })) });
    const make = vi.fn(async () => "<svg/>");
    expect(await createElectronHost(declined).exportSteps("svg", 3, "g", make)).toEqual({ status: "cancelled" });
    expect(make).not.toHaveBeenCalled();
  });

  it("forwards menu commands and files opened from the menu", () => {
    let menuListener: ((c: MenuCommand) => void) | null = null;
    let fileListener: ((m: FileOpenedMessage) => void) | null = null;
    const host = createElectronHost(
      bridge({
        onMenuCommand: (l) => ((menuListener = l), () => undefined),
        onFileOpened: (l) => ((fileListener = l), () => undefined),
      }),
    );
    const commands: MenuCommand[] = [];
    const files: unknown[] = [];
    host.onMenuCommand((c) => commands.push(c));
    host.onFileOpened((f) => files.push(f));
    menuListener!("run.playPause");
    fileListener!({ status: "opened", file: { name: "a.py", text: "" } });
    expect(commands).toEqual(["run.playPause"]);
    expect(files).toEqual([{ status: "opened", file: { name: "a.py", text: "" } }]);
  });
});
