import { describe, expect, it } from "vitest";
import {
  IpcArgumentError,
  LIMITS,
  isSafeExternalUrl,
  isTrustedSenderUrl,
  parseAutosaveKey,
  parseAutosaveSaveArgs,
  parseExportArgs,
  parseExportStepsBeginArgs,
  parseExportStepsWriteArgs,
  parseNoArgs,
  parseEngineRunArgs,
  parseSaveArgs,
} from "../../electron/validate.ts";

describe("isTrustedSenderUrl: only the app's own pages may call main", () => {
  it.each([
    { url: "app://gradlens/index.html", trusted: true },
    { url: "app://gradlens/", trusted: true },
    { url: "app://gradlens/lessons/3.html#q", trusted: true },
    { url: "app://evil/index.html", trusted: false },
    { url: "app://gradlens.evil.com/index.html", trusted: false },
    { url: "https://gradlens/index.html", trusted: false },
    { url: "http://localhost:5173/", trusted: false },
    { url: "file:///work/main/out/renderer/index.html", trusted: false },
    { url: "about:blank", trusted: false },
    { url: "data:text/html,<script>", trusted: false },
    { url: "", trusted: false },
    { url: undefined, trusted: false },
    { url: "not a url", trusted: false },
  ])("$url -> $trusted", ({ url, trusted }) => {
    expect(isTrustedSenderUrl(url)).toBe(trusted);
  });
});

const refused = (fn: () => unknown) => expect(fn).toThrow(IpcArgumentError);

describe("parseSaveArgs", () => {
  it("accepts a script and a suggested name", () => {
    expect(parseSaveArgs(["x = 1\n", "loss.py"])).toEqual({
      text: "x = 1\n",
      suggestedName: "loss.py",
    });
  });
  it.each([
    { what: "a path-like object instead of text", args: [{ path: "/etc/passwd" }, "a.py"] },
    { what: "a missing name", args: ["x = 1"] },
    { what: "an extra argument (e.g. a path)", args: ["x = 1", "a.py", "/tmp/evil.py"] },
    { what: "a number as name", args: ["x", 42] },
    { what: "text over the limit", args: ["x".repeat(LIMITS.scriptChars + 1), "a.py"] },
    { what: "a name over the limit", args: ["x", "n".repeat(LIMITS.nameChars + 1)] },
  ])("refuses $what", ({ args }) => refused(() => parseSaveArgs(args)));
});

describe("parseExportArgs", () => {
  it("accepts SVG text, DOT text and PNG bytes", () => {
    expect(parseExportArgs(["svg", "<svg/>", "step-3"])).toEqual({
      kind: "svg",
      data: "<svg/>",
      suggestedName: "step-3",
    });
    expect(parseExportArgs(["dot", "digraph{}", "g"]).kind).toBe("dot");
    const png = new Uint8Array([0x89, 0x50]);
    expect(parseExportArgs(["png", png, "g"]).data).toBe(png);
  });
  it.each([
    { what: "an unknown kind", args: ["exe", "MZ", "x"] },
    { what: "a kind in upper case", args: ["SVG", "<svg/>", "x"] },
    { what: "PNG given as text", args: ["png", "\x89PNG", "x"] },
    { what: "SVG given as an object", args: ["svg", { toString: () => "<svg/>" }, "x"] },
    { what: "PNG as a plain array", args: ["png", [137, 80], "x"] },
    { what: "no name", args: ["svg", "<svg/>"] },
  ])("refuses $what", ({ args }) => refused(() => parseExportArgs(args)));
});

describe("parseExportStepsBeginArgs / parseExportStepsWriteArgs (one step's file at a time)", () => {
  it("accepts a count of steps, then each step's index and data", () => {
    expect(parseExportStepsBeginArgs(["svg", 1365, "graph"])).toEqual({ kind: "svg", count: 1365, suggestedName: "graph" });
    expect(parseExportStepsWriteArgs([0, "<svg/>"], "svg", 2)).toEqual({ index: 0, data: "<svg/>" });
    expect(parseExportStepsWriteArgs([1, new Uint8Array([137])], "png", 2).index).toBe(1);
  });
  it.each([
    { what: "no steps", args: ["svg", 0, "g"] },
    { what: "a count that is not a number", args: ["svg", "3", "g"] },
    { what: "a fractional count", args: ["svg", 2.5, "g"] },
    { what: "too many steps", args: ["svg", LIMITS.steps + 1, "g"] },
    { what: "no name", args: ["svg", 3] },
  ])("begin refuses $what", ({ args }) => refused(() => parseExportStepsBeginArgs(args)));
  it.each([
    { what: "an index past the end", args: [2, "<svg/>"] },
    { what: "a negative index", args: [-1, "<svg/>"] },
    { what: "a fractional index", args: [0.5, "<svg/>"] },
    { what: "data of the wrong type", args: [0, 3] },
    { what: "no data", args: [0] },
  ])("write refuses $what", ({ args }) => refused(() => parseExportStepsWriteArgs(args, "svg", 2)));
});

describe("autosave keys become file names, so they are boring", () => {
  it.each(["editor", "lesson-3", "lesson_3.progress", "a"])("accepts %s", (key) => {
    expect(parseAutosaveKey(key)).toBe(key);
  });
  it.each(["", "../x", "a/b", "a\\b", "Editor", ".hidden", "a..b", "x".repeat(65), 7, null])(
    "refuses %s",
    (key) => refused(() => parseAutosaveKey(key)),
  );
  it("null text clears a slot; other non-strings are refused", () => {
    expect(parseAutosaveSaveArgs(["editor", null])).toEqual({ key: "editor", text: null });
    refused(() => parseAutosaveSaveArgs(["editor", 12]));
  });
});

describe("parseEngineRunArgs: a run's engine process is named by a positive integer", () => {
  it("takes one", () => expect(parseEngineRunArgs([7])).toEqual({ run: 7 }));
  it.each([[[]], [[0]], [[-1]], [[1.5]], [["1"]], [[2 ** 53]], [[1, 2]], [[null]]])("refuses %j", (args) => refused(() => parseEngineRunArgs(args)));
});

describe("parseNoArgs", () => {
  it("refuses arguments to a handler that takes none", () => {
    expect(() => parseNoArgs([], "open")).not.toThrow();
    refused(() => parseNoArgs(["/etc/passwd"], "open"));
  });
});

describe("isSafeExternalUrl: which links may open in the system browser", () => {
  it.each([
    { url: "https://pytorch.org/docs/stable/autograd.html", safe: true },
    { url: "http://pytorch.org/", safe: false },
    { url: "javascript:alert(1)", safe: false },
    { url: "file:///etc/passwd", safe: false },
    { url: "smb://host/share", safe: false },
    { url: "https://user:pw@example.com/", safe: false },
    { url: "app://gradlens/index.html", safe: false },
    { url: "nonsense", safe: false },
    { url: "https://docs.python.org/3/library/functions.html#len", safe: true },
    { url: "https://en.wikipedia.org/wiki/Automatic_differentiation", safe: true },
    { url: "https://PyTorch.org./docs", safe: true },
    // loopback, in every spelling the URL parser folds to it
    { url: "https://localhost/", safe: false },
    { url: "https://LOCALHOST./admin", safe: false },
    { url: "https://api.localhost/", safe: false },
    { url: "https://127.0.0.1/", safe: false },
    { url: "https://127.1/", safe: false },
    { url: "https://2130706433/", safe: false },
    { url: "https://0x7f000001/", safe: false },
    { url: "https://[::1]/", safe: false },
    { url: "https://[::ffff:127.0.0.1]/", safe: false },
    { url: "https://0.0.0.0/", safe: false },
    // local networks and local-only names
    { url: "https://192.168.1.1/setup", safe: false },
    { url: "https://10.0.0.5/", safe: false },
    { url: "https://169.254.169.254/latest/meta-data", safe: false },
    { url: "https://[fe80::1]/", safe: false },
    { url: "https://router/", safe: false },
    { url: "https://printer.local/", safe: false },
    { url: "https://nas.home.arpa/", safe: false },
    { url: "https://pytorch.org:8443/", safe: false },
    // lookalikes: a Cyrillic а in apple.com, a mixed-script pytorch
    { url: "https://аpple.com/", safe: false },
    { url: "https://руtorch.org/", safe: false },
    { url: "https://xn--pple-43d.com/", safe: false },
  ])("$url -> $safe", ({ url, safe }) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});
