import { describe, expect, it, vi } from "vitest";
import { MAX_OPEN_BYTES } from "../../../electron/file-rules.ts";
import {
  createBrowserHost,
  type BrowserEnv,
  type KeyEventLike,
  type SaveTarget,
} from "../../../renderer/host/browser-host.ts";
import { FileRefusedError, type MenuCommand } from "../../../renderer/host/host.ts";

function abort() {
  return Object.assign(new Error("The user aborted a request."), { name: "AbortError" });
}

class MemoryStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** A save target that records what was written to it. */
function target(name: string) {
  const writes: string[] = [];
  const t: SaveTarget = { name, write: async (blob) => void writes.push(await blob.text()) };
  return { t, writes };
}

function env(
  overrides: Partial<BrowserEnv> = {},
): BrowserEnv & { downloads: { name: string; type: string; text: Promise<string> }[] } {
  const downloads: { name: string; type: string; text: Promise<string> }[] = [];
  return {
    isMac: false,
    pickOpenFile: async () => null,
    download: (name, blob) => downloads.push({ name, type: blob.type, text: blob.text() }),
    storage: new MemoryStorage(),
    addKeyListener: () => () => undefined,
    downloads,
    ...overrides,
  };
}

describe("opening a file in the browser", () => {
  it("returns the picked file's name and text", async () => {
    const host = createBrowserHost(
      env({ pickOpenFile: async () => new File(["import torch\n"], "p3.py") }),
    );
    await expect(host.openFile()).resolves.toEqual({ name: "p3.py", text: "import torch\n" });
  });

  it("returns null when the picker is cancelled (either way browsers report it)", async () => {
    await expect(createBrowserHost(env()).openFile()).resolves.toBeNull();
    await expect(
      createBrowserHost(env({ pickOpenFile: () => Promise.reject(abort()) })).openFile(),
    ).resolves.toBeNull();
  });

  it.each([
    {
      file: () => new File([new Uint8Array([0x23, 0xe9])], "latin1.py"),
      reason: /latin1\.py is not UTF-8 text/,
    },
    {
      file: () => new File([new Uint8Array(MAX_OPEN_BYTES + 1)], "big.py"),
      reason: /big\.py is 1\.0 MB/,
    },
    { file: () => new File(["x"], "photo.jpg"), reason: /not a script or lesson/ },
  ])("refuses with a reason: $reason", async ({ file, reason }) => {
    const error = await createBrowserHost(env({ pickOpenFile: async () => file() }))
      .openFile()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRefusedError);
    expect((error as FileRefusedError).reason).toMatch(reason);
  });
});

describe("saving without the File System Access API (Firefox, Safari): downloads", () => {
  it("Save downloads the script under a safe name", async () => {
    const e = env();
    await expect(createBrowserHost(e).saveFile("x = 1\n", "../problem3")).resolves.toEqual({
      status: "saved",
      name: "problem3.py",
    });
    expect(e.downloads.map((d) => d.name)).toEqual(["problem3.py"]);
    expect(await e.downloads[0]!.text).toBe("x = 1\n");
  });

  it("exports carry the right type and extension", async () => {
    const e = env();
    const host = createBrowserHost(e);
    await host.exportFile("svg", "<svg/>", "step 3");
    await host.exportFile("png", new Uint8Array([0x89, 0x50]), "step 3.png");
    await host.exportFile("dot", "digraph {}", "g");
    expect(e.downloads.map((d) => [d.name, d.type])).toEqual([
      ["step 3.svg", "image/svg+xml"],
      ["step 3.png", "image/png"],
      ["g.dot", "text/vnd.graphviz"],
    ]);
  });

  it("export all steps downloads one file per step", async () => {
    const e = env();
    await expect(
      createBrowserHost(e).exportSteps("svg", 2, "graph", async (i) => `<svg>${i + 1}</svg>`),
    ).resolves.toEqual({
      status: "saved",
      names: ["graph-step-001.svg", "graph-step-002.svg"],
    });
    expect(await e.downloads[1]!.text).toBe("<svg>2</svg>");
  });
});

describe("saving with the File System Access API (Chromium)", () => {
  it("the first Save asks; the next writes to the same file; opening another file makes it ask again", async () => {
    const first = target("mine.py");
    const second = target("other.py");
    const pickSaveTarget = vi.fn().mockResolvedValueOnce(first.t).mockResolvedValueOnce(second.t);
    const host = createBrowserHost(
      env({ pickSaveTarget, pickOpenFile: async () => new File(["y"], "lesson.md") }),
    );
    await expect(host.saveFile("v1", "p3.py")).resolves.toEqual({
      status: "saved",
      name: "mine.py",
    });
    await host.saveFile("v2", "p3.py");
    expect(pickSaveTarget).toHaveBeenCalledTimes(1);
    expect(pickSaveTarget).toHaveBeenCalledWith("p3.py", "script");
    expect(first.writes).toEqual(["v1", "v2"]);
    await host.openFile();
    await host.saveFile("v3", "lesson.md");
    expect(pickSaveTarget).toHaveBeenCalledTimes(2);
    expect(second.writes).toEqual(["v3"]);
  });

  it("closing the picker is a cancel, other errors a failure with a reason", async () => {
    const cancelled = createBrowserHost(env({ pickSaveTarget: () => Promise.reject(abort()) }));
    await expect(cancelled.saveAs("x", "a.py")).resolves.toEqual({ status: "cancelled" });
    const denied = createBrowserHost(
      env({ pickSaveTarget: () => Promise.reject(new Error("permission denied")) }),
    );
    await expect(denied.exportFile("svg", "<svg/>", "g")).resolves.toEqual({
      status: "failed",
      reason: "Saving failed: permission denied",
    });
  });

  it("export all steps writes into the chosen folder", async () => {
    const written = new Map<string, string>();
    const host = createBrowserHost(
      env({
        pickFolder: async () => ({
          writeFile: async (name, blob) => void written.set(name, await blob.text()),
        }),
      }),
    );
    await host.exportSteps("dot", 2, "g", async (i) => "ab"[i]!);
    expect([...written]).toEqual([
      ["g-step-001.dot", "a"],
      ["g-step-002.dot", "b"],
    ]);
  });

  it("export all steps stops when cancelled, and on a failed write says which files it wrote", async () => {
    const written: string[] = [];
    const stop = new AbortController();
    const host = createBrowserHost(env({ pickFolder: async () => ({ writeFile: async (name) => void written.push(name) }) }));
    const cancelled = await host.exportSteps("svg", 5, "g", async () => "<svg/>", { signal: stop.signal, onProgress: (done) => done === 2 && stop.abort() });
    expect(cancelled).toEqual({ status: "cancelled", names: ["g-step-001.svg", "g-step-002.svg"] });
    expect(written).toEqual(["g-step-001.svg", "g-step-002.svg"]);
    const full = createBrowserHost(
      env({
        pickFolder: async () => ({
          writeFile: async (name) => {
            if (name.endsWith("003.svg")) throw new Error("QuotaExceededError");
          },
        }),
      }),
    );
    expect(await full.exportSteps("svg", 5, "g", async () => "<svg/>")).toEqual({
      status: "failed",
      reason: "Saving failed: QuotaExceededError",
      names: ["g-step-001.svg", "g-step-002.svg"],
    });
  });
});

describe("autosave in the browser", () => {
  it("keeps text in localStorage under a gradlens prefix, and clears it", async () => {
    const storage = new MemoryStorage();
    const host = createBrowserHost(env({ storage }));
    await host.storage.save("editor", "x = 1");
    expect(storage.map.get("gradlens:autosave:editor")).toBe("x = 1");
    await expect(host.storage.load("editor")).resolves.toBe("x = 1");
    await host.storage.save("editor", null);
    await expect(host.storage.load("editor")).resolves.toBeNull();
  });

  it("says so when storage is full, instead of failing silently", async () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    await expect(createBrowserHost(env({ storage })).storage.save("editor", "x")).rejects.toThrow(
      /Autosave failed/,
    );
  });

  it("still works for the session when the browser refuses storage", async () => {
    const host = createBrowserHost(env({ storage: null }));
    await host.storage.save("editor", "x");
    await expect(host.storage.load("editor")).resolves.toBe("x");
  });
});

describe("menu shortcuts in the browser", () => {
  function keyEvent(code: string, ctrlKey = false, defaultPrevented = false) {
    return {
      code,
      ctrlKey,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      defaultPrevented,
      preventDefault: vi.fn(),
    };
  }

  it("Ctrl+S becomes file.save and the browser's own Save Page is prevented; keys the view handled are left alone", () => {
    let listener: ((e: KeyEventLike) => void) | null = null;
    const host = createBrowserHost(
      env({ addKeyListener: (l) => ((listener = l), () => undefined) }),
    );
    const commands: MenuCommand[] = [];
    host.onMenuCommand((c) => commands.push(c));
    const save = keyEvent("KeyS", true);
    listener!(save);
    const handled = keyEvent("KeyO", true, true);
    listener!(handled);
    const letter = keyEvent("KeyS");
    listener!(letter);
    expect(commands).toEqual(["file.save"]);
    expect(save.preventDefault).toHaveBeenCalled();
    expect(letter.preventDefault).not.toHaveBeenCalled();
  });
});
