import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { chmod, link, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refuseTarget, writeFileAtomic, writeFileAtomicSync } from "../../electron/atomic-write.ts";

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

// What careful editors do, each a way the old save damaged the user's files.
describe.each([
  { name: "writeFileAtomic", save: (path: string, text: string) => writeFileAtomic(path, text) },
  { name: "writeFileAtomicSync", save: async (path: string, text: string) => writeFileAtomicSync(path, text) },
])("$name keeps the user's file what it was", ({ save }) => {
  it("saving over a symbolic link writes through it: the link stays a link", async () => {
    await mkdir(join(dir, "real"));
    const real = join(dir, "real", "loss.py");
    await writeFile(real, "old\n");
    const link = join(dir, "loss.py");
    await symlink(join("real", "loss.py"), link);
    await save(link, "new\n");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(join("real", "loss.py"));
    expect(await readFile(real, "utf8")).toBe("new\n");
    expect((await readdir(join(dir, "real"))).sort()).toEqual(["loss.py"]);
  });

  it("a link to a file that does not exist yet makes that file", async () => {
    const link = join(dir, "later.py");
    await symlink("made.py", link);
    await save(link, "x\n");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "made.py"), "utf8")).toBe("x\n");
  });

  it("keeps the file's permissions: a 0600 script stays private, a 0755 one executable", async () => {
    for (const mode of [0o600, 0o755, 0o640]) {
      const target = join(dir, `m${mode.toString(8)}.py`);
      await writeFile(target, "old\n");
      await chmod(target, mode);
      await save(target, "new\n");
      expect(((await stat(target)).mode & 0o777).toString(8)).toBe(mode.toString(8));
      expect(await readFile(target, "utf8")).toBe("new\n");
    }
  });

  it("keeps hard links: every name of the file sees the new text", async () => {
    const a = join(dir, "a.py");
    const b = join(dir, "b.py");
    await writeFile(a, "a much longer old text than the new one\n");
    await link(a, b);
    const inode = (await stat(a)).ino;
    await save(a, "new\n");
    expect(await readFile(b, "utf8")).toBe("new\n");
    expect(await readFile(a, "utf8")).toBe("new\n");
    expect((await stat(a)).ino).toBe(inode);
    expect((await stat(a)).nlink).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(["a.py", "b.py"]);
  });

  it("saves files whose names are 238 to 255 bytes long (the temporary name stays short)", async () => {
    for (const length of [238, 250, 255]) {
      const name = "n".repeat(length - 3) + ".py";
      await save(join(dir, name), "x\n");
      expect(await readFile(join(dir, name), "utf8")).toBe("x\n");
    }
    const long = "é".repeat(126) + ".py"; // 255 bytes in UTF-8
    await save(join(dir, long), "y\n");
    expect(await readFile(join(dir, long), "utf8")).toBe("y\n");
  });

  it("refuses to replace what is not a regular file (a pipe, a folder), leaving it be", async () => {
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    await expect(save(fifo, "x")).rejects.toMatchObject({ code: "ENOTREGULAR" });
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    await mkdir(join(dir, "folder.py"));
    await expect(save(join(dir, "folder.py"), "x")).rejects.toMatchObject({ code: "EISDIR" });
    expect((await readdir(dir)).sort()).toEqual(["folder.py", "pipe"]);
    // through a link too
    await symlink("pipe", join(dir, "to-pipe"));
    await expect(save(join(dir, "to-pipe"), "x")).rejects.toMatchObject({ code: "ENOTREGULAR" });
    expect(refuseTarget(join(dir, "to-pipe"))).toMatch(/pipe is a pipe, not a regular file/);
    expect(refuseTarget(join(dir, "new.py"))).toBeNull();
  });
});

const hasStrace = spawnSync("strace", ["-V"]).status === 0;

describe("the folder is flushed after the rename", () => {
  it.skipIf(!hasStrace)("fsyncs the target's folder (strace shows the sequence)", () => {
    const script = `import { writeFileAtomicSync } from ${JSON.stringify(new URL("../../electron/atomic-write.ts", import.meta.url).pathname)};\nwriteFileAtomicSync(${JSON.stringify(join(dir, "f.py"))}, "x");\n`;
    writeFileSync(join(dir, "run.mts"), script);
    const r = spawnSync("strace", ["-f", "-e", "trace=openat,fsync,rename,renameat,renameat2", process.execPath, "--import", "tsx", join(dir, "run.mts")], { encoding: "utf8", cwd: process.cwd() });
    const trace = r.stderr;
    const rename = trace.search(/rename(at2?)?\(.*\.gradlens-[0-9a-f]{12}\.tmp/);
    const dirOpen = new RegExp(`openat\\(AT_FDCWD, "${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}", O_RDONLY[^)]*\\) = (\\d+)`).exec(trace.slice(rename));
    expect(rename).toBeGreaterThan(0);
    expect(dirOpen).not.toBeNull();
    expect(trace.slice(rename)).toMatch(new RegExp(`fsync\\(${dirOpen![1]}\\)`));
  });
});
