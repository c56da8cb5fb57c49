// `gradlens export FILE.py [--step N | --line L | --all-steps DIR] [--format svg|png|dot]
// [--view graph|memory|both] [-o OUT]`: one step of the run (or every step) as the same SVG the
// app exports, a PNG drawn from it, or torchviz-style DOT. Headless: no browser, no build step.

import { mkdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { TraceEvent } from "../../engine/events.ts";
import { runPython } from "../../engine/python/run.ts";
import { TraceCursor } from "../../engine/trace/cursor.ts";
import { FoldedTrace, type TraceSteps } from "../../engine/trace/folded.ts";
import { writeFileAtomicSync } from "../../electron/atomic-write.ts";
import { stepFileNames } from "../../electron/file-rules.ts";
import { describeFsError } from "../../electron/open-file.ts";
import { exportStep, type ExportFormat, type ExportOptions, type Exporter } from "../../renderer/export/exportData.ts";
import { loadExportComponents } from "../../renderer/export/node-components.ts";
import { stepAtLine, stepIndexOf } from "../../renderer/export/step.ts";
import { finalLayout, type ExportView } from "../../renderer/export/svg.ts";
import type { ExportTheme } from "../../renderer/export/theme.ts";
import { type CliIO, EXIT_OK, EXIT_USAGE } from "./io.ts";
import type { Command } from "./main.ts";
import { readSource } from "./source.ts";

const FORMATS: readonly ExportFormat[] = ["svg", "png", "dot"];
const VIEWS: readonly ExportView[] = ["graph", "memory", "both"];
const THEMES: readonly ExportTheme[] = ["light", "dark"];

export interface ExportArgs {
  file: string;
  step: number | null;
  line: number | null;
  allSteps: string | null;
  format: ExportFormat;
  view: ExportView;
  out: string | null;
  scale: number;
  theme: ExportTheme;
  title: string | null;
  caption: boolean;
}

const USAGE = [
  "Usage: gradlens export FILE.py [--step N | --line L | --all-steps DIR]",
  "                       [--format svg|png|dot] [--view graph|memory|both] [-o OUT]",
  "",
  "Runs FILE.py and draws one step of it, as the app's File > Export does.",
  "",
  "  --step N          the step the timeline shows as 'step N / total' (0: before the first",
  "                    event); default: the last step",
  "  --line L          the step at which the statement on line L has first finished running",
  "  --all-steps DIR   one file per step, DIR/FILE-step-001.svg ... (DIR is created)",
  "  --format F        svg (default, or from OUT's extension), png, or dot (Graphviz, drawn",
  "                    like torchviz's make_dot)",
  "  --view V          graph (default), memory (names -> tensors -> storages), or both",
  "  -o, --output OUT  the file to write; default FILE.svg (.png, .dot) in this directory",
  "  --scale 1|2       PNG pixels per SVG unit (default 1)",
  "  --theme light|dark  colours (default light)",
  "  --title TEXT      a <title> for the SVG",
  "  --no-caption      leave out the 'step N / total · line L · ...' caption",
  "",
  "Files are written whole or not at all (a temporary file, then a rename).",
  "Exit status 0 when written (also when the script raised: the steps up to the error are drawn),",
  "2 for bad arguments, unreadable FILE or an unwritable OUT.",
  "",
].join("\n");

export type Parsed = { ok: true; args: ExportArgs } | { ok: false; message: string };

function intArg(flag: string, v: string, min: number): number | string {
  if (!/^\d+$/.test(v)) return `${flag} needs a whole number, got '${v}'`;
  const n = Number(v);
  return n < min ? `${flag} must be at least ${min}, got ${n}` : n;
}

export function parseExportArgs(argv: string[]): Parsed {
  const a: ExportArgs = { file: "", step: null, line: null, allSteps: null, format: "svg", view: "graph", out: null, scale: 1, theme: "light", title: null, caption: true };
  let format: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.startsWith("--") ? flag.indexOf("=") : -1;
    if (eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    const takes = ["--step", "--line", "--all-steps", "--format", "--view", "-o", "--output", "--scale", "--theme", "--title"];
    if (takes.includes(flag) && value === undefined) {
      if (i + 1 >= argv.length) return { ok: false, message: `${flag} needs a value` };
      value = argv[++i];
    }
    switch (flag) {
      case "--step": {
        const n = intArg(flag, value!, 0);
        if (typeof n === "string") return { ok: false, message: n };
        a.step = n;
        break;
      }
      case "--line": {
        const n = intArg(flag, value!, 1);
        if (typeof n === "string") return { ok: false, message: n };
        a.line = n;
        break;
      }
      case "--all-steps":
        a.allSteps = value!;
        break;
      case "--format":
        format = value!.toLowerCase();
        if (!FORMATS.includes(format as ExportFormat)) return { ok: false, message: `--format must be svg, png or dot, got '${value}'` };
        break;
      case "--view":
        if (!VIEWS.includes(value as ExportView)) return { ok: false, message: `--view must be graph, memory or both, got '${value}'` };
        a.view = value as ExportView;
        break;
      case "-o":
      case "--output":
        a.out = value!;
        break;
      case "--scale":
        if (value !== "1" && value !== "2") return { ok: false, message: `--scale must be 1 or 2, got '${value}'` };
        a.scale = Number(value);
        break;
      case "--theme":
        if (!THEMES.includes(value as ExportTheme)) return { ok: false, message: `--theme must be light or dark, got '${value}'` };
        a.theme = value as ExportTheme;
        break;
      case "--title":
        a.title = value!;
        break;
      case "--no-caption":
        a.caption = false;
        break;
      default:
        if (flag.startsWith("-") && flag !== "-") return { ok: false, message: `unknown option '${argv[i]}'` };
        files.push(flag);
    }
  }
  if (files.length !== 1) return { ok: false, message: `expected one FILE.py, got ${files.length}` };
  a.file = files[0];
  const chosen = [a.step != null && "--step", a.line != null && "--line", a.allSteps != null && "--all-steps"].filter(Boolean);
  if (chosen.length > 1) return { ok: false, message: `${chosen.join(" and ")} cannot be combined: choose one` };
  if (a.allSteps != null && a.out != null) return { ok: false, message: "-o names one file; with --all-steps the files go into DIR" };
  const fromOut = a.out ? extname(a.out).slice(1).toLowerCase() : "";
  if (format == null) a.format = FORMATS.includes(fromOut as ExportFormat) ? (fromOut as ExportFormat) : "svg";
  else {
    a.format = format as ExportFormat;
    if (FORMATS.includes(fromOut as ExportFormat) && fromOut !== format)
      return { ok: false, message: `-o ${a.out} ends in .${fromOut} but --format is ${format}` };
  }
  if (a.format === "dot" && a.view !== "graph") return { ok: false, message: "--format dot draws the graph only; leave out --view" };
  return { ok: true, args: a };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** resvg (native) is loaded only when a PNG is asked for. */
export const nodeExporter = async (): Promise<Exporter> => ({
  components: await loadExportComponents(),
  rasterize: async (svg, scale) => (await import("../../renderer/export/png.ts")).svgToPng(svg, scale),
});

export const exportCommand: Command = {
  name: "export",
  summary: "draw a step of a script (or every step) as SVG, PNG or Graphviz DOT",
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseExportArgs(argv);
    if (!parsed.ok) {
      io.stderr(`gradlens export: ${parsed.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    const a = parsed.args;
    const src = readSource(a.file, io.cwd);
    if (!src.ok) {
      io.stderr(`gradlens: ${src.message}\n`);
      return EXIT_USAGE;
    }
    const stem = basename(src.path).replace(/\.[^.]*$/, "") || "gradlens";
    const ext = `.${a.format}`;
    const out = a.out != null ? resolve(io.cwd, a.out) : resolve(io.cwd, stem + ext);
    if (a.out != null && isDirectory(out)) {
      io.stderr(`gradlens export: -o ${a.out} is a directory; name a file\n`);
      return EXIT_USAGE;
    }
    if (a.out != null && !isDirectory(dirname(out))) {
      io.stderr(`gradlens export: cannot write '${a.out}': folder ${dirname(out)} does not exist\n`);
      return EXIT_USAGE;
    }

    const events: TraceEvent[] = [];
    const outcome = runPython(src.text, { filename: src.path, sink: (e) => events.push(e), onStdout: () => undefined, onStderr: () => undefined });
    // one step needs at most two folds (the last step for the layout, then the step drawn); every
    // step in order is what TraceCursor's checkpoints are for
    const cursor: TraceSteps = a.allSteps != null ? new TraceCursor(events) : new FoldedTrace(events);
    if (outcome.exitCode !== 0) {
      const err = [...events].reverse().find((e) => e.kind === "error/raised");
      const what = err?.kind === "error/raised" ? `${err.type}: ${err.message}${err.span ? ` (line ${err.span.line})` : ""}` : "an exception";
      io.stderr(`gradlens export: note: ${a.file} raised ${what}; drawing the steps up to it\n`);
    }

    const options: ExportOptions = { view: a.view, theme: a.theme, caption: a.caption, scale: a.scale, ...(a.title != null ? { title: a.title } : {}) };
    let exporter: Exporter;
    try {
      exporter = await nodeExporter();
    } catch (e) {
      io.stderr(`gradlens export: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    const layout = a.format === "dot" ? null : finalLayout(cursor);

    if (a.allSteps != null) {
      const dir = resolve(io.cwd, a.allSteps);
      if (!isDirectory(dir)) {
        try {
          mkdirSync(dir, { recursive: true });
        } catch (e) {
          io.stderr(`gradlens export: cannot create folder '${a.allSteps}': ${(e as Error).message}\n`);
          return EXIT_USAGE;
        }
      }
      const names = stepFileNames(stem + ext, cursor.length, a.format);
      // each file is written as soon as it is drawn (one in memory at a time); a failed write
      // removes what this export wrote, so the folder holds every step or none
      const written: string[] = [];
      for (const [k, name] of names.entries()) {
        const data = await exportStep(exporter, a.format, cursor, k, options, layout);
        try {
          writeFileAtomicSync(join(dir, name), data);
          written.push(join(dir, name));
        } catch (e) {
          for (const path of written) rmSync(path, { force: true });
          io.stderr(`gradlens export: cannot write ${name} into '${a.allSteps}': ${describeFsError(e)}${written.length ? ` (the ${written.length} files written before it were removed)` : ""}\n`);
          return EXIT_USAGE;
        }
      }
      io.stdout(`wrote ${names.length} files to ${dir}${names.length ? ` (${names[0]} ... ${names[names.length - 1]})` : ""}\n`);
      return EXIT_OK;
    }

    let k = cursor.length - 1;
    if (a.step != null) {
      if (a.step > cursor.length) {
        io.stderr(`gradlens export: --step ${a.step} is past the end: ${a.file} has ${cursor.length} steps (0-${cursor.length})\n`);
        return EXIT_USAGE;
      }
      k = stepIndexOf(a.step);
    } else if (a.line != null) {
      const at = stepAtLine(cursor, a.line);
      if (at == null) {
        io.stderr(`gradlens export: no statement on line ${a.line} of ${a.file} ran\n`);
        return EXIT_USAGE;
      }
      k = at;
    }
    const data = await exportStep(exporter, a.format, cursor, k, options, layout);
    try {
      writeFileAtomicSync(out, data);
    } catch (e) {
      io.stderr(`gradlens export: cannot write '${a.out ?? out}': ${describeFsError(e)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`wrote ${out} (step ${k + 1} / ${cursor.length})\n`);
    return EXIT_OK;
  },
};
