// The gradlens command line: what a user sees for good and bad invocations — output as
// python3 prints it, tracebacks, exit codes 0/1/2, clear file errors, JSON Lines traces.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, truncateSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../bin/cli/main.ts";
import { firstInvalidUtf8 } from "../../bin/cli/source.ts";

const dir = mkdtempSync(join(tmpdir(), "gradlens-cli-"));
const file = (name: string, text: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir });
  return { code, out, err };
}

const GOOD = file(
  "good.py",
  "import torch\nx = torch.tensor(3.0, requires_grad=True)\nf = x**3\nf.backward()\nprint(x.grad, f)\nprint(f.item(), 1e-5)\n",
);
const BAD = file("bad.py", "import torch\ndef g(t):\n    return t.undefined_thing\nx = torch.ones(2)\nprint('before')\ng(None)\n");

describe("gradlens run", () => {
  it("prints what python3 prints and exits 0", async () => {
    const r = await cli("run", GOOD);
    expect(r).toEqual({ code: 0, out: "tensor(27.) tensor(27., grad_fn=<PowBackward0>)\n27.0 1e-05\n", err: "" });
  });

  it("prints a Python traceback on stderr and exits 1", async () => {
    const r = await cli("run", BAD);
    expect(r.code).toBe(1);
    expect(r.out).toBe("before\n");
    expect(r.err).toBe(
      "Traceback (most recent call last):\n" +
        `  File "${BAD}", line 6, in <module>\n    g(None)\n    ~^^^^^^\n` +
        `  File "${BAD}", line 3, in g\n    return t.undefined_thing\n           ^^^^^^^^^^^^^^^^^\n` +
        "AttributeError: 'NoneType' object has no attribute 'undefined_thing'\n",
    );
  });

  it("reports a SyntaxError like python3, running nothing", async () => {
    const r = await cli("run", file("syn.py", "print('no')\nx = = 1\n"));
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(`File "${join(dir, "syn.py")}", line 2`);
    expect(r.err.trim().split("\n").at(-1)).toBe("SyntaxError: invalid syntax");
  });

  it("prints warnings as FILE:LINE: UserWarning: ... (the engine's at torch's line that calls it, once)", async () => {
    const p = file("warn.py", "import torch\nx = torch.tensor(2.0, requires_grad=True)\n(x * x).backward(create_graph=True)\nprint(x.grad)\n(x * x).backward(create_graph=True)\nprint(x.grad)\nx.sum(3)\n");
    const r = await cli("run", p);
    expect(r.code).toBe(1);
    expect(r.out).toBe("tensor(4., grad_fn=<CopyBackwards>)\ntensor(8., grad_fn=<AddBackward0>)\n");
    const lines = r.err.split("\n");
    expect(lines[0]).toMatch(/^\/usr\/lib\/python3\/dist-packages\/torch\/autograd\/graph.py:823: UserWarning: Using backward\(\) with create_graph=True/);
    expect(lines[1]).toBe("  return Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass");
    expect(lines[2]).toBe("Traceback (most recent call last):");
  });

  it("stops a runaway loop with a clear error instead of hanging", async () => {
    const r = await cli("run", file("loop.py", "n = 0\nwhile True:\n    n += 1\n"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/RuntimeError: Gradlens stopped the program after \d+ steps \(an endless loop\?\) at line \d/);
  });

  it.each([
    ["missing", ["run", "nope.py"], /gradlens: cannot open 'nope.py': no such file/],
    ["a directory", ["run", "."], /gradlens: '.' is a directory, not a Python file/],
    ["no file", ["run"], /expected one FILE.py, got 0/],
    ["two files", ["run", "a.py", "b.py"], /expected one FILE.py, got 2/],
    ["unknown option", ["run", "--fast", "a.py"], /unknown option '--fast'/],
    ["unknown command", ["x.py"], /unknown command 'x.py' \(did you mean `gradlens run x.py`\?\)/],
  ])("exits 2 with a clear message when the file is %s", async (_what, argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  it("exits 2 for non-UTF-8 input, naming the byte", async () => {
    const p = file("latin1.py", Uint8Array.from([...Buffer.from("print('caf"), 0xe9, ...Buffer.from("')\n")]));
    const r = await cli("run", p);
    expect(r.code).toBe(2);
    expect(r.err).toBe("gradlens: 'latin1.py' is not UTF-8 text (byte 0xe9 at offset 10); save it as UTF-8\n".replace("'latin1.py'", `'${p}'`));
  });

  it("refuses what is not a regular file (a device, a pipe) without reading or waiting on it", async () => {
    const zero = await cli("run", "/dev/zero");
    expect(zero).toEqual({ code: 2, out: "", err: "gradlens: '/dev/zero' is a device, not a Python file\n" });
    const fifo = join(dir, "pipe.py");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // opening a FIFO with no writer blocks forever: this returning at all is the test
    const r = await cli("run", fifo);
    expect(r).toEqual({ code: 2, out: "", err: `gradlens: '${fifo}' is a pipe, not a Python file\n` });
  });

  it("applies the app's 1 MB source limit, even to a 12 GB file", async () => {
    const huge = join(dir, "huge.py");
    writeFileSync(huge, "");
    truncateSync(huge, 12e9); // sparse: takes no disk space
    const r = await cli("run", huge);
    expect(r).toEqual({ code: 2, out: "", err: `gradlens: '${huge}' is 12000.0 MB; Gradlens runs scripts up to 1.0 MB, as the app opens them\n` });
    const justOver = file("over.py", "#".repeat(1_000_000) + "\n");
    expect((await cli("run", justOver)).err).toMatch(/is 1\.0 MB; Gradlens runs scripts up to 1\.0 MB/);
    const atLimit = file("at.py", "print(1)\n" + "#".repeat(1_000_000 - 10) + "\n");
    expect(await cli("run", atLimit)).toEqual({ code: 0, out: "1\n", err: "" });
  });

  it("exits 2 for an unreadable file", async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const p = file("secret.py", "print(1)\n");
    chmodSync(p, 0o000);
    const r = await cli("run", p);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/permission denied/);
  });
});

describe("help", () => {
  it("--help lists the commands and exits 0; no arguments exits 2", async () => {
    const h = await cli("--help");
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Usage: gradlens <command>/);
    for (const c of ["run", "trace", "export"]) expect(h.out).toMatch(new RegExp(`^  ${c} `, "m"));
    expect((await cli()).code).toBe(2);
    const sub = await cli("trace", "--help");
    expect(sub.code).toBe(0);
    expect(sub.out).toMatch(/Usage: gradlens trace FILE.py \[-o OUT.jsonl\]/);
  });
});

describe("gradlens trace", () => {
  it("writes one JSON event per line: statements, bindings, ops, backward, output", async () => {
    const r = await cli("trace", GOOD);
    expect(r.code).toBe(0);
    const events = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ["statement", "binding/set", "tensor/created", "op/applied", "backward/started", "grad/accumulated", "output/printed"])
      expect(kinds).toContain(k);
    const firstStatement = events.find((e) => e.kind === "statement");
    expect(firstStatement).toMatchObject({ text: "import torch", span: { line: 1, col: 0 } });
    const x = events.find((e) => e.kind === "binding/set" && e.name === "x");
    expect(x).toMatchObject({ scope: "<module>", value: { type: "tensor" } });
    const mul = events.find((e) => e.kind === "op/applied");
    expect(mul.span).toEqual({ line: 3, col: 4, endLine: 3, endCol: 8 });
    expect(events.filter((e) => e.kind === "output/printed").map((e) => e.text)).toEqual([
      "tensor(27.) tensor(27., grad_fn=<PowBackward0>)\n",
      "27.0 1e-05\n",
    ]);
  });

  it("-o writes the trace to a file; the script's output still reaches the terminal", async () => {
    const out = join(dir, "t.jsonl");
    const r = await cli("trace", BAD, "-o", out);
    expect(r.code).toBe(1);
    expect(r.out).toBe("before\n");
    const last = JSON.parse(readFileSync(out, "utf8").trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ kind: "error/raised", type: "AttributeError", message: "'NoneType' object has no attribute 'undefined_thing'" });
    expect(last.traceback).toMatch(/^Traceback \(most recent call last\):/);
  });

  it("keeps inf and nan as strings JSON can carry", async () => {
    const r = await cli("trace", file("inf.py", "import torch\nt = torch.tensor([float('inf'), float('nan')])\n"));
    const created = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .find((e) => e.kind === "tensor/created");
    expect(created.tensor.values).toEqual(["Infinity", "NaN"]);
  });
});

describe("firstInvalidUtf8", () => {
  it.each([
    [[0x61, 0xe9, 0x62], 1],
    [[0xc3, 0xa9, 0xff], 2],
    [[0xe2, 0x82], 0],
    [[0x61, 0x62, 0x80], 2],
  ])("%j -> %i", (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});

describe("bin/gradlens.js end to end", () => {
  it("runs as a process: stdout, stderr, exit codes", () => {
    const bin = new URL("../../bin/gradlens.js", import.meta.url).pathname;
    const ok = spawnSync(process.execPath, [bin, "run", GOOD], { encoding: "utf8" });
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: "" });
    expect(ok.stdout).toBe("tensor(27.) tensor(27., grad_fn=<PowBackward0>)\n27.0 1e-05\n");
    const bad = spawnSync(process.execPath, [bin, "run", BAD], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n").at(-1)).toBe("AttributeError: 'NoneType' object has no attribute 'undefined_thing'");
    mkdirSync(join(dir, "sub"), { recursive: true });
    const missing = spawnSync(process.execPath, [bin, "run", join(dir, "sub")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
  });

  // before: V8's "invalid array length" fatal error with a native stack (signal 5), and an
  // internal error for the view
  it.each([
    { name: "doubling.py", src: "s = [0]\nwhile True:\n    s = s + s\n", last: "MemoryError: sequence too large" },
    {
      name: "expanded.py",
      src: "import torch\nb = torch.ones(1).expand(100000, 100000).contiguous()\n",
      last: "RuntimeError: Gradlens stopped this run: a tensor of 10000000000 elements is over the budget of 50000000 elements.",
    },
  ])("$name ends in a Python error and exit 1, never a JavaScript stack", ({ name, src, last }) => {
    const bin = new URL("../../bin/gradlens.js", import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, "run", file(name, src)], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n").at(-1)).toBe(last);
    expect(r.stderr).not.toMatch(/^\s+at |node:internal|v8::|FATAL/m);
  });
});
