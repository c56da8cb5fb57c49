import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OPEN_BYTES } from "../../electron/file-rules.ts";
import { readOpenableFile } from "../../electron/open-file.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gradlens-open-"));
  await writeFile(
    join(dir, "problem3.py"),
    "import torch\nx = torch.tensor(3.0, requires_grad=True)\n",
  );
  await writeFile(join(dir, "latin1.py"), Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
  await writeFile(join(dir, "huge.py"), Buffer.alloc(MAX_OPEN_BYTES + 10, 0x41));
  await writeFile(join(dir, "graph.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await mkdir(join(dir, "folder.py"));
  expect(spawnSync("mkfifo", [join(dir, "pipe.py")]).status).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("readOpenableFile: what the user sees after picking a file", () => {
  it("a script opens with its name (never its path) and text", async () => {
    expect(await readOpenableFile(join(dir, "problem3.py"))).toEqual({
      status: "opened",
      file: {
        name: "problem3.py",
        text: "import torch\nx = torch.tensor(3.0, requires_grad=True)\n",
      },
    });
  });

  it.each([
    { file: "latin1.py", reason: /latin1\.py is not UTF-8 text/ },
    { file: "huge.py", reason: /huge\.py is 1\.0 MB/ },
    { file: "graph.png", reason: /not a script or lesson/ },
    { file: "folder.py", reason: /folder\.py is not a file/ },
    // opening a named pipe without O_NONBLOCK waits for a writer forever
    { file: "pipe.py", reason: /pipe\.py is not a file/ },
    { file: "gone.py", reason: /gone\.py could not be opened: it no longer exists/ },
  ])("$file is refused: $reason", async ({ file, reason }) => {
    const result = await readOpenableFile(join(dir, file));
    expect(result.status).toBe("refused");
    expect(result.status === "refused" && result.reason).toMatch(reason);
  });
});
