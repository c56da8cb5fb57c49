import { describe, expect, it } from "vitest";
import {
  MAX_RECENT,
  addRecent,
  isAbsolutePath,
  parseRecent,
  recentLabels,
  removeRecent,
} from "../../electron/recent-files.ts";

describe("File > Open Recent", () => {
  it("puts the latest file first and does not repeat it", () => {
    let list: string[] = [];
    for (const p of ["/a/one.py", "/a/two.py", "/a/one.py"]) list = addRecent(list, p, "linux");
    expect(list).toEqual(["/a/one.py", "/a/two.py"]);
  });

  it(`keeps the ${MAX_RECENT} most recent`, () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = addRecent(list, `/s/${i}.py`, "linux");
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe("/s/14.py");
    expect(list[MAX_RECENT - 1]).toBe("/s/5.py");
  });

  it.each([
    { platform: "win32", a: "C:\\Users\\Ana\\x.py", b: "c:\\users\\ana\\X.py", same: true },
    { platform: "darwin", a: "/Users/ana/x.py", b: "/users/ana/X.py", same: true },
    { platform: "linux", a: "/home/ana/x.py", b: "/home/ana/X.py", same: false },
  ])("on $platform, $a and $b are the same file: $same", ({ platform, a, b, same }) => {
    expect(addRecent([a], b, platform)).toHaveLength(same ? 1 : 2);
  });

  it("removes a file that no longer opens", () => {
    expect(removeRecent(["/a.py", "/b.py"], "/a.py", "linux")).toEqual(["/b.py"]);
  });

  it("reads back only absolute paths from a possibly edited file, oldest duplicates dropped", () => {
    expect(
      parseRecent(
        ["/a.py", "rel/b.py", 3, null, "C:\\x.py", "/a.py", "\\\\server\\share\\c.py"],
        "linux",
      ),
    ).toEqual(["/a.py", "C:\\x.py", "\\\\server\\share\\c.py"]);
    expect(parseRecent({ files: [] }, "linux")).toEqual([]);
  });

  it.each([
    { path: "/home/a.py", absolute: true },
    { path: "C:/a.py", absolute: true },
    { path: "a.py", absolute: false },
    { path: "./a.py", absolute: false },
    { path: "C:a.py", absolute: false },
  ])("isAbsolutePath($path) = $absolute", ({ path, absolute }) => {
    expect(isAbsolutePath(path)).toBe(absolute);
  });

  it("labels entries by name, adding the folder when two share a name", () => {
    expect(
      recentLabels(["/c/ml101/lesson.md", "/c/ml102/lesson.md", "/c/loss.py", "C:\\w\\x.py"]),
    ).toEqual(["lesson.md — ml101", "lesson.md — ml102", "loss.py", "x.py"]);
  });
});
