import { describe, expect, it } from "vitest";
import { createSyncAutosave } from "../../../renderer/host/autosave.ts";
import type { AutosaveStorage } from "../../../renderer/host/host.ts";

/** A storage whose writes complete only when the test says so. */
function slowStorage(initial: string | null = null) {
  const writes: string[] = [];
  const gates: (() => void)[] = [];
  const storage: AutosaveStorage = {
    load: async () => initial,
    save: (_key, text) =>
      new Promise<void>((resolve) => {
        gates.push(() => {
          writes.push(text ?? "<cleared>");
          resolve();
        });
      }),
    saveSync: (_key, text) => void writes.push(`sync:${text}`),
  };
  const release = async () => {
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { storage, writes, release };
}

describe("createSyncAutosave", () => {
  it("gives the editor last session's text synchronously", async () => {
    const autosave = await createSyncAutosave(slowStorage("x = 1").storage, "editor");
    expect(autosave.load()).toBe("x = 1");
  });

  it("typing fast writes the first and the latest text, not every keystroke", async () => {
    const { storage, writes, release } = slowStorage();
    const autosave = await createSyncAutosave(storage, "editor");
    for (const text of ["i", "im", "imp", "impo", "import"]) autosave.save(text);
    await release();
    await autosave.flush();
    expect(writes).toEqual(["i", "import"]);
  });

  it("the last text typed is always the one that ends up saved", async () => {
    const { storage, writes, release } = slowStorage();
    const autosave = await createSyncAutosave(storage, "editor");
    autosave.save("a");
    await release();
    autosave.save("ab");
    autosave.save("abc");
    await release();
    await autosave.flush();
    expect(writes.at(-1)).toBe("abc");
  });

  it("reports a failed save and keeps saving later edits", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const saved: string[] = [];
    const storage: AutosaveStorage = {
      load: async () => null,
      save: async (_k, text) => {
        if (calls++ === 0) throw new Error("disk full");
        saved.push(text!);
      },
      saveSync: () => undefined,
    };
    const autosave = await createSyncAutosave(storage, "editor", (e) => errors.push(e));
    autosave.save("one");
    await autosave.flush();
    autosave.save("two");
    await autosave.flush();
    expect(errors).toHaveLength(1);
    expect(saved).toEqual(["two"]);
  });

  it("starts empty (and says why) if the stored text cannot be read", async () => {
    const errors: unknown[] = [];
    const storage: AutosaveStorage = {
      load: () => Promise.reject(new Error("no access")),
      save: async () => undefined,
      saveSync: () => undefined,
    };
    const autosave = await createSyncAutosave(storage, "editor", (e) => errors.push(e));
    expect(autosave.load()).toBeNull();
    expect(errors).toHaveLength(1);
  });

  // before: the page's unload handler started an asynchronous save that the quitting app never
  // waited for, so the last edit could be lost
  it("saveNow stores the text before it returns and drops saves still waiting", async () => {
    const { storage, writes, release } = slowStorage();
    const autosave = await createSyncAutosave(storage, "editor");
    autosave.save("typed");
    autosave.save("typed more");
    autosave.saveNow("typed more, then quit");
    expect(writes).toEqual(["sync:typed more, then quit"]);
    await release();
    await autosave.flush();
    // the write already under way finishes; the one waiting behind it is not sent
    expect(writes).toEqual(["sync:typed more, then quit", "typed"]);
  });

  it("saveNow reports a failure to the creator and to onError", async () => {
    const errors: unknown[] = [];
    const storage: AutosaveStorage = {
      load: async () => null,
      save: async () => undefined,
      saveSync: () => {
        throw new Error("Autosave failed: the disk is full");
      },
    };
    const autosave = await createSyncAutosave(storage, "editor", (e) => errors.push(e));
    autosave.onError = (e) => errors.push(`shown: ${(e as Error).message}`);
    autosave.saveNow("x");
    expect(errors).toEqual([new Error("Autosave failed: the disk is full"), "shown: Autosave failed: the disk is full"]);
  });
});
