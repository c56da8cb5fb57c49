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
    exportSteps: vi.fn(async () => ({ status: "saved" as const, names: ["g-step-001.svg"] })),
    initialFile: vi.fn(async () => null),
    autosaveLoad: vi.fn(async () => "saved text"),
    autosaveSave: vi.fn(async () => undefined),
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
    await host.exportSteps("svg", ["<svg/>"], "g");
    await host.storage.save("editor", "z");
    await expect(host.storage.load("editor")).resolves.toBe("saved text");
    expect(b.saveFile).toHaveBeenCalledWith("x", "a.py");
    expect(b.saveFileAs).toHaveBeenCalledWith("y", "b.py");
    expect(b.exportFile).toHaveBeenCalledWith("png", new Uint8Array([1]), "g");
    expect(b.exportSteps).toHaveBeenCalledWith("svg", ["<svg/>"], "g");
    expect(b.autosaveSave).toHaveBeenCalledWith("editor", "z");
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
