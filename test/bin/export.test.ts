import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, statSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../bin/cli/main.ts";
import type { CliIO } from "../../bin/cli/io.ts";
import { parseExportArgs } from "../../bin/cli/export.ts";
import { exportAllSteps, exportCurrent } from "../../renderer/export/exportCurrent.ts";
import { loadExportComponents } from "../../renderer/export/node-components.ts";
import { svgToPng } from "../../renderer/export/png.ts";
import type { ExportData, ExportKind } from "../../renderer/host/host.ts";
import { caseSource, drawnTexts, executableParts, rootOf, stepOf, traceOf } from "../renderer/export/helpers.ts";
import { elements, textOf } from "../../renderer/export/xml.ts";

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-export-"));
  for (const name of ["seed_problem1.py", "seed_problem2.py", "seed_problem3_backward.py"])
    copyFileSync(new URL(`../conformance/cases/${name}`, import.meta.url), join(dir, name));
  return dir;
}

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd };
  const code = await main(["export", ...args], io);
  return { code, out, err };
}

/** PNG signature, then IHDR's width and height (big-endian) at bytes 16..24. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(Buffer.from(bytes.slice(12, 16)).toString("latin1")).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg [^>]*>/.exec(svg)![0];
  return { width: Number(/ width="(\d+)"/.exec(tag)![1]), height: Number(/ height="(\d+)"/.exec(tag)![1]) };
}

describe("gradlens export", () => {
  it("writes the last step as SVG by default, named after the script", async () => {
    const dir = workdir();
    const r = await cli(dir, "seed_problem3_backward.py");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, "seed_problem3_backward.svg"), "utf8");
    const n = traceOf(caseSource("seed_problem3_backward.py")).length;
    expect(r.out).toContain(`(step ${n} / ${n})`);
    expect(executableParts(svg)).toEqual([]);
    expect(drawnTexts(svg)).toContain("ZeroBackward0");
    // nothing half-written is left beside it
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("its SVG is byte for byte the one the app's Export produces for the same step", async () => {
    const dir = workdir();
    const cursor = traceOf(caseSource("seed_problem1.py"));
    const k = stepOf(cursor, "node/executed", 1);
    for (const args of [[], ["--view", "both"]]) {
      const r = await cli(dir, "seed_problem1.py", "--step", String(k + 1), "-o", "mid.svg", ...args);
      expect(r.code).toBe(0);
      const fromCli = readFileSync(join(dir, "mid.svg"));
      const written: { kind: ExportKind; data: ExportData; name: string }[] = [];
      const host = {
        exportFile: async (kind: ExportKind, data: ExportData, name: string) => (written.push({ kind, data, name }), { status: "saved" as const, name }),
        exportSteps: async () => ({ status: "cancelled" as const }),
      };
      const exporter = { components: await loadExportComponents(), rasterize: svgToPng };
      const result = await exportCurrent("svg", { cursor, step: k, scriptName: "seed_problem1.py" }, { host, exporter }, args.length ? { view: "both" } : {});
      expect(result.status).toBe("saved");
      expect(written[0].name).toBe(`seed_problem1-step-${k + 1}.svg`);
      expect(Buffer.from(written[0].data as string, "utf8").equals(fromCli)).toBe(true);
    }
  });

  it("--line picks the step at which that line's statement has run", async () => {
    const dir = workdir();
    // line 11 of problem 3 is f_prime.backward(retain_graph=True): after it, x.grad was accumulated again
    const r = await cli(dir, "seed_problem3_backward.py", "--line", "11", "-o", "l11.svg");
    expect(r.code).toBe(0);
    const caption = drawnTexts(readFileSync(join(dir, "l11.svg"), "utf8"))[0];
    expect(caption).toContain("line 11: f_prime.backward(retain_graph=True)");
  });

  it("--all-steps writes one file per step, numbered like the app's Export all steps", async () => {
    const dir = workdir();
    const n = traceOf(caseSource("seed_problem3_backward.py")).length;
    const r = await cli(dir, "seed_problem3_backward.py", "--all-steps", "frames");
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, "frames")).sort();
    expect(files).toHaveLength(n);
    expect(files[0]).toBe("seed_problem3_backward-step-001.svg");
    expect(files[n - 1]).toBe(`seed_problem3_backward-step-${String(n).padStart(3, "0")}.svg`);
    for (const [i, f] of files.entries()) expect(drawnTexts(readFileSync(join(dir, "frames", f), "utf8"))[0]).toMatch(new RegExp(`^step ${i + 1} / ${n}`));
    // the app's Export all steps makes the same files, one at a time, for the host to write
    const cursor = traceOf(caseSource("seed_problem3_backward.py"));
    const handed: ExportData[] = [];
    const host = {
      exportFile: async () => ({ status: "cancelled" as const }),
      exportSteps: async (_k: ExportKind, count: number, _name: string, make: (i: number) => Promise<ExportData>) => {
        for (let i = 0; i < count; i++) handed.push(await make(i));
        return { status: "saved" as const, names: [] };
      },
    };
    await exportAllSteps("svg", { cursor, step: 0, scriptName: "seed_problem3_backward.py" }, { host, exporter: { components: await loadExportComponents(), rasterize: svgToPng } });
    expect(handed.map((d) => d as string)).toEqual(files.map((f) => readFileSync(join(dir, "frames", f), "utf8")));
  });

  it("PNG at 1x and 2x is a valid PNG the size of the SVG times the scale", async () => {
    const dir = workdir();
    expect((await cli(dir, "seed_problem2.py", "-o", "p.svg")).code).toBe(0);
    const svg = svgSize(readFileSync(join(dir, "p.svg"), "utf8"));
    expect((await cli(dir, "seed_problem2.py", "-o", "p1.png")).code).toBe(0);
    expect((await cli(dir, "seed_problem2.py", "--format", "png", "--scale", "2", "-o", "p2.png")).code).toBe(0);
    expect(pngSize(readFileSync(join(dir, "p1.png")))).toEqual(svg);
    expect(pngSize(readFileSync(join(dir, "p2.png")))).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  });

  it("DOT labels nodes the way torchviz does", async () => {
    const dir = workdir();
    expect((await cli(dir, "seed_problem2.py", "--format", "dot", "--step", "1")).code).toBe(0);
    const atStart = readFileSync(join(dir, "seed_problem2.dot"), "utf8");
    expect(atStart).toMatch(/^digraph "gradlens" \{/);
    const r = await cli(dir, "seed_problem2.py", "--format", "dot", "-o", "g.dot");
    expect(r.code).toBe(0);
    const dot = readFileSync(join(dir, "g.dot"), "utf8");
    // torchviz: leaves light blue with name and size, AccumulateGrad, grad_fn class names, outputs green
    expect(dot).toContain(`[label="A\\n (4, 3)" fillcolor=lightblue]`);
    expect(dot).toContain(`[label="X\\n (3, 2)" fillcolor=lightblue]`);
    expect(dot).toContain(`[label="AccumulateGrad" fillcolor=lightgrey]`);
    expect(dot).toContain(`[label="MmBackward0" fillcolor=lightgrey]`);
    expect(dot).toContain(`[label="F\\n (4, 2)" fillcolor=darkolivegreen1]`);
    expect(dot.trim().endsWith("}")).toBe(true);
  });

  it("draws torch.nn module calls as the app does: boxes named fc1 (Linear) in the SVG, nested clusters in the DOT", async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, "net.py"),
      "import torch\nimport torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc1 = nn.Linear(3, 4)\n        self.act = nn.Tanh()\n        self.fc2 = nn.Linear(4, 1)\n    def forward(self, x):\n        return self.fc2(self.act(self.fc1(x)))\ntorch.manual_seed(0)\nmodel = Net()\nloss = model(torch.randn(5, 3)).pow(2).mean()\nloss.backward()\n",
    );
    expect((await cli(dir, "net.py")).code).toBe(0);
    const svg = readFileSync(join(dir, "net.svg"), "utf8");
    const root = rootOf(svg);
    const groups = [...elements(root)].filter((e) => e.name === "g");
    const boxes = groups.filter((g) => /\bmodule-box\b/.test(g.attrs.class ?? ""));
    const tabs = groups.filter((g) => /\bmodule-tab\b/.test(g.attrs.class ?? "")).map((g) => textOf([...elements(g)].find((e) => e.name === "text")!));
    expect(boxes).toHaveLength(4);
    // a picture has no fold control: the names alone
    expect(tabs.sort()).toEqual(["Net", "act (Tanh)", "fc1 (Linear)", "fc2 (Linear)"]);
    // the tab's colours come with it (the file stands alone)
    expect(svg).toContain("#1f6f99");
    expect(executableParts(svg)).toEqual([]);

    expect((await cli(dir, "net.py", "--format", "dot")).code).toBe(0);
    const dot = readFileSync(join(dir, "net.dot"), "utf8");
    const net = dot.indexOf('label="Net"');
    const fc1 = dot.indexOf('label="fc1 (Linear)"');
    expect(net).toBeGreaterThan(0);
    expect(fc1).toBeGreaterThan(net);
    expect(dot.match(/subgraph cluster_module\d+ \{/g)).toHaveLength(4);
    // fc1's cluster holds its AddmmBackward0 and TBackward0, inside Net's
    const fc1Block = dot.slice(fc1, dot.indexOf("}", fc1));
    const ops = [...fc1Block.matchAll(/^\t+(fn\d+)$/gm)].map((m) => m[1]);
    const names = ops.map((id) => new RegExp(`\\t${id} \\[label="(\\w+)"`).exec(dot)?.[1]);
    expect(names.sort()).toEqual(["AddmmBackward0", "TBackward0"]);
    // Graphviz itself reads it and draws the clusters
    const drawn = spawnSync("dot", ["-Tsvg"], { input: dot, encoding: "utf8" });
    if (!drawn.error) {
      expect(drawn.status).toBe(0);
      expect(drawn.stdout.match(/<g id="clust\d+" class="cluster">/g)).toHaveLength(4);
      expect(drawn.stdout).toContain(">fc1 (Linear)</text>");
    }
  });

  it.each([
    { args: ["--step"], message: "--step needs a value" },
    { args: ["seed_problem1.py", "--step", "two"], message: "--step needs a whole number, got 'two'" },
    { args: ["seed_problem1.py", "--step", "3", "--line", "4"], message: "--step and --line cannot be combined" },
    { args: ["seed_problem1.py", "--format", "jpg"], message: "--format must be svg, png or dot, got 'jpg'" },
    { args: ["seed_problem1.py", "--view", "table"], message: "--view must be graph, memory or both, got 'table'" },
    { args: ["seed_problem1.py", "-o", "a.png", "--format", "svg"], message: "-o a.png ends in .png but --format is svg" },
    { args: ["seed_problem1.py", "--all-steps", "d", "-o", "x.svg"], message: "-o names one file; with --all-steps the files go into DIR" },
    { args: ["seed_problem1.py", "--scale", "3"], message: "--scale must be 1 or 2, got '3'" },
    { args: ["seed_problem1.py", "--frobnicate"], message: "unknown option '--frobnicate'" },
    { args: ["a.py", "b.py"], message: "expected one FILE.py, got 2" },
    { args: ["missing.py"], message: "cannot open 'missing.py': no such file" },
    { args: ["seed_problem1.py", "--step", "100000"], message: "--step 100000 is past the end" },
    { args: ["seed_problem1.py", "--line", "999"], message: "no statement on line 999 of seed_problem1.py ran" },
    { args: ["seed_problem1.py", "-o", "nowhere/x.svg"], message: "folder" },
    { args: ["seed_problem1.py", "-o", "."], message: "is a directory; name a file" },
  ])("refuses $args with a clear message, exit 2, writing nothing", async ({ args, message }) => {
    const dir = workdir();
    writeFileSync(join(dir, "seed_problem1.svg"), "previous");
    const before = readdirSync(dir).sort();
    const r = await cli(dir, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, "seed_problem1.svg"), "utf8")).toBe("previous");
  });

  it("a script that raises is still drawn up to the error, with a note", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "bad.py"), "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\ny.backward()\n");
    const r = await cli(dir, "bad.py");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: bad\.py raised RuntimeError: Trying to backward through the graph a second time/);
    expect(existsSync(join(dir, "bad.svg"))).toBe(true);
    expect(drawnTexts(readFileSync(join(dir, "bad.svg"), "utf8"))[0]).toContain("RuntimeError");
  });

  it("parses --key=value forms and takes the format from -o", () => {
    const p = parseExportArgs(["f.py", "--view=both", "--output=x.png", "--theme=dark", "--no-caption"]);
    expect(p).toMatchObject({ ok: true, args: { view: "both", out: "x.png", format: "png", theme: "dark", caption: false } });
  });
});

/** A 256 kB tmpfs to fill, or null where this machine may not mount one (not root). */
function tinyDisk(): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "gradlens-full-"));
  return spawnSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", dir]).status === 0 ? dir : null;
}

describe("gradlens export writes nothing it should not, and says why in words", () => {
  // before: -o renamed a temporary file over whatever was there, a device or a pipe included
  it("refuses -o onto a pipe, leaving it a pipe", async () => {
    const dir = workdir();
    const fifo = join(dir, "out.svg");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = await cli(dir, "seed_problem2.py", "-o", "out.svg");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gradlens export: cannot write 'out\.svg': it is not a regular file \(a device, pipe or socket\), so Gradlens will not replace it\n$/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("refuses -o onto a device, leaving it the device it was", async () => {
    const dir = workdir();
    const before = statSync("/dev/null");
    const r = await cli(dir, "seed_problem2.py", "-o", "/dev/null");
    expect(r.code).toBe(2);
    expect(r.err).toBe("gradlens export: cannot write '/dev/null': it is not a regular file (a device, pipe or socket), so Gradlens will not replace it\n");
    const after = statSync("/dev/null");
    expect([after.isCharacterDevice(), after.rdev, after.ino]).toEqual([true, before.rdev, before.ino]);
  });

  it("a hostile script (']]>', control characters in what it prints and raises) exports to well-formed SVG", async () => {
    const dir = workdir();
    writeFileSync(join(dir, "hostile.py"), 'import torch\ns = "a]]>b\\x01c"\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3\nprint(s)\nraise ValueError("bad ]]> \\x07 thing")\n');
    const r = await cli(dir, "hostile.py", "--view", "both", "--title", "t\u0001]]>", "-o", "h.svg");
    expect(r.code).toBe(0);
    expect(drawnTexts(readFileSync(join(dir, "h.svg"), "utf8")).join(" ")).toContain("ValueError: bad ]]> \ufffd thing");
  });

  const disk = tinyDisk();
  // before: a full disk gave a JavaScript stack (trace) or the raw errno text (export)
  it.skipIf(disk === null)("a full disk: export --all-steps leaves nothing and trace -o says so, both in words", async () => {
    try {
      const dir = workdir();
      writeFileSync(join(dir, "big.py"), "import torch\nx = torch.ones(40, 40, requires_grad=True)\nfor i in range(30):\n    x = x * 1.01\nx.sum().backward()\n");
      const steps = await cli(dir, "big.py", "--all-steps", join(disk!, "frames"));
      expect(steps.code).toBe(2);
      expect(steps.err).toMatch(/^gradlens export: cannot write big-step-\d+\.svg into '.*frames': the disk is full \(the \d+ files written before it were removed\)\n$/);
      expect(readdirSync(join(disk!, "frames"))).toEqual([]);
      let out = "";
      let err = "";
      const code = await main(["trace", "big.py", "-o", join(disk!, "t.jsonl")], { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir });
      expect(code).toBe(2);
      expect(err).toBe(`gradlens trace: cannot write '${join(disk!, "t.jsonl")}': the disk is full\n`);
    } finally {
      spawnSync("umount", [disk!]);
    }
  });
});
