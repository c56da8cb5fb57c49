// `gradlens trace FILE.py [-o out.jsonl]`: the run's event stream as JSON Lines
// (schema: bin/cli/README.md and engine/events.ts).
import { openSync, writeSync, closeSync } from "node:fs";
import { resolve } from "node:path";
import { plainValues, type TraceEvent } from "../../engine/events.ts";
import { runPython } from "../../engine/python/run.ts";
import { type CliIO, EXIT_OK, EXIT_PROGRAM_ERROR, EXIT_USAGE } from "./io.ts";
import type { Command } from "./main.ts";
import { readSource } from "./source.ts";
import { describeFsError } from "../../electron/open-file.ts";

/** JSON has no NaN or Infinity: they travel as the strings "NaN", "Infinity", "-Infinity". */
export function eventLine(e: TraceEvent): string {
  return (
    JSON.stringify(e, (_k, v) => {
      if (ArrayBuffer.isView(v)) return plainValues(v as unknown as ArrayLike<number>);
      if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
      if (typeof v === "bigint") return Number(v);
      return v;
    }) + "\n"
  );
}

export const traceCommand: Command = {
  name: "trace",
  summary: "run a script and write its event stream as JSON Lines (-o FILE, default stdout)",
  usage: [
    "Usage: gradlens trace FILE.py [-o OUT.jsonl]",
    "",
    "Runs FILE.py and writes every event (statements, tensors, ops, backward steps, bindings,",
    "output, warnings, errors) as one JSON object per line, to OUT.jsonl or stdout.",
    "With -o, the script's own output still goes to the terminal as with `gradlens run`.",
    "Schema: bin/cli/README.md. Exit status 1 when the script raised, 2 for bad arguments.",
    "",
  ].join("\n"),
  async run(args: string[], io: CliIO): Promise<number> {
    let out: string | null = null;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-o" || a === "--output") {
        if (i + 1 >= args.length) {
          io.stderr(`gradlens trace: ${a} needs a file name\n\n${this.usage}`);
          return EXIT_USAGE;
        }
        out = args[++i];
      } else if (a.startsWith("--output=")) out = a.slice("--output=".length);
      else if (a.startsWith("-")) {
        io.stderr(`gradlens trace: unknown option '${a}'\n\n${this.usage}`);
        return EXIT_USAGE;
      } else files.push(a);
    }
    if (files.length !== 1) {
      io.stderr(`gradlens trace: expected one FILE.py, got ${files.length}\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    const src = readSource(files[0], io.cwd);
    if (!src.ok) {
      io.stderr(`gradlens: ${src.message}\n`);
      return EXIT_USAGE;
    }
    let fd: number | null = null;
    if (out !== null) {
      try {
        fd = openSync(resolve(io.cwd, out), "w");
      } catch (e) {
        io.stderr(`gradlens: cannot write '${out}': ${(e as Error).message}\n`);
        return EXIT_USAGE;
      }
    }
    // a write that fails (a full disk) is reported once the run is over, in words, not as a stack
    let failed: unknown = null;
    const write = (s: string): void => {
      if (failed !== null) return;
      try {
        if (fd === null) io.stdout(s);
        else writeSync(fd, s);
      } catch (e) {
        failed = e;
      }
    };
    let buffered = "";
    const sink = (e: TraceEvent): void => {
      buffered += eventLine(e);
      if (buffered.length > 1 << 16) {
        write(buffered);
        buffered = "";
      }
    };
    try {
      const outcome = runPython(src.text, {
        filename: src.path,
        sink,
        onStdout: fd === null ? undefined : io.stdout,
        onStderr: fd === null ? undefined : io.stderr,
      });
      write(buffered);
      if (fd !== null) {
        const closing = fd;
        fd = null;
        try {
          closeSync(closing);
        } catch (e) {
          failed ??= e;
        }
      }
      if (failed !== null) {
        io.stderr(`gradlens trace: cannot write '${out ?? "stdout"}': ${describeFsError(failed)}\n`);
        return EXIT_USAGE;
      }
      return outcome.exitCode === 0 ? EXIT_OK : EXIT_PROGRAM_ERROR;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  },
};
