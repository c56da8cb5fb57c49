import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AutosaveStore, readJson, writeJson } from "../../electron/json-store.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gradlens-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("settings files", () => {
  it("round-trip, creating the folder on first write", async () => {
    const path = join(dir, "nested", "window-state.json");
    await writeJson(path, { bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: false });
    expect(await readJson(path)).toEqual({
      bounds: { x: 1, y: 2, width: 900, height: 600 },
      maximized: false,
    });
  });

  it("a missing or corrupted file reads as null: the app starts fresh instead of crashing", async () => {
    expect(await readJson(join(dir, "none.json"))).toBeNull();
    await writeFile(join(dir, "bad.json"), "{ half");
    expect(await readJson(join(dir, "bad.json"))).toBeNull();
  });
});

describe("AutosaveStore: the editor's text survives a crash", () => {
  it("saves, loads, overwrites and clears a slot", async () => {
    const store = new AutosaveStore(join(dir, "autosave"));
    expect(await store.load("editor")).toBeNull();
    await store.save("editor", "x = 1");
    await store.save("editor", "x = 2  # ∂");
    expect(await store.load("editor")).toBe("x = 2  # ∂");
    await store.save("editor", null);
    expect(await store.load("editor")).toBeNull();
    expect(await readdir(join(dir, "autosave"))).toEqual([]);
  });

  it("keeps slots apart", async () => {
    const store = new AutosaveStore(dir);
    await store.save("editor", "a");
    await store.save("lesson-3", "b");
    expect([await store.load("editor"), await store.load("lesson-3")]).toEqual(["a", "b"]);
  });

  // before: each save was its own atomic write, renamed whenever it finished, so a big older
  // text finishing after a small newer one left the older text in the slot
  it("overlapping saves land in the order they were asked for: the newest text wins", async () => {
    const store = new AutosaveStore(dir);
    const older = "x = 1\n".repeat(4_000_000);
    const first = store.save("editor", older);
    const second = store.save("editor", "x = 2\n");
    await Promise.all([first, second]);
    expect(await store.load("editor")).toBe("x = 2\n");
    expect((await readdir(dir)).sort()).toEqual(["editor.txt"]);
  });

  it("saveSync writes before it returns and stays the last word over saves under way", async () => {
    const store = new AutosaveStore(dir);
    const pending = store.save("editor", "typed a while ago\n".repeat(1_000_000));
    store.saveSync("editor", "the very last keystroke\n");
    expect(readFileSync(join(dir, "editor.txt"), "utf8")).toBe("the very last keystroke\n");
    await pending;
    expect(await store.load("editor")).toBe("the very last keystroke\n");
  });
});
