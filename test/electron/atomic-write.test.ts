import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileAtomicSync } from "../../electron/atomic-write.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gradlens-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("writes text and bytes, leaving no temp file behind", async () => {
    await writeFileAtomic(join(dir, "loss.py"), "x = 1\n");
    await writeFileAtomic(join(dir, "graph.png"), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(await readFile(join(dir, "loss.py"), "utf8")).toBe("x = 1\n");
    expect([...(await readFile(join(dir, "graph.png")))]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await readdir(dir)).sort()).toEqual(["graph.png", "loss.py"]);
  });

  it("replaces an existing file completely (a shorter save leaves no tail of the old one)", async () => {
    const target = join(dir, "loss.py");
    await writeFile(target, "a much longer old version of the script\n");
    await writeFileAtomic(target, "short\n");
    expect(await readFile(target, "utf8")).toBe("short\n");
  });

  it("a reader never sees half a file while a save is under way", async () => {
    const target = join(dir, "big.svg");
    const oldText = "a".repeat(4_000_000);
    const newText = "b".repeat(4_000_000);
    await writeFile(target, oldText);
    let done = false;
    const seen = new Set<string>();
    const reader = (async () => {
      while (!done) {
        const text = await readFile(target, "utf8");
        seen.add(
          text === oldText ? "old" : text === newText ? "new" : `torn (${text.length} chars)`,
        );
      }
    })();
    for (let i = 0; i < 5; i++) await writeFileAtomic(target, i % 2 === 0 ? newText : oldText);
    done = true;
    await reader;
    expect([...seen].filter((s) => s.startsWith("torn"))).toEqual([]);
  });

  it("on failure the old file is untouched and no temp file is left", async () => {
    const target = join(dir, "taken");
    await mkdir(target); // a folder where the file should go: rename must fail
    await writeFile(join(target, "inside.txt"), "keep me");
    await expect(writeFileAtomic(target, "new")).rejects.toThrow();
    expect(await readFile(join(target, "inside.txt"), "utf8")).toBe("keep me");
    expect(await readdir(dir)).toEqual(["taken"]);
  });

  it("fails cleanly when the folder does not exist", async () => {
    await expect(writeFileAtomic(join(dir, "missing", "x.py"), "x")).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});

describe("writeFileAtomicSync (window state on close)", () => {
  it("writes, replaces, and leaves no temp file", async () => {
    const target = join(dir, "window-state.json");
    await writeFile(target, "old, longer content");
    writeFileAtomicSync(target, "{}");
    expect(await readFile(target, "utf8")).toBe("{}");
    expect(await readdir(dir)).toEqual(["window-state.json"]);
  });

  it("on failure leaves what was there and no temp file", async () => {
    await mkdir(join(dir, "taken"));
    expect(() => writeFileAtomicSync(join(dir, "taken"), "x")).toThrow();
    expect(await readdir(dir)).toEqual(["taken"]);
  });
});
