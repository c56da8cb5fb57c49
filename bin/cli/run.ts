// `gradlens run FILE.py`: print exactly what `python3 FILE.py` prints with PyTorch.
import { runPython } from "../../engine/python/run.ts";
import { type CliIO, EXIT_OK, EXIT_PROGRAM_ERROR, EXIT_USAGE } from "./io.ts";
import type { Command } from "./main.ts";
import { moduleResolver } from "./modules.ts";
import { readSource } from "./source.ts";

export const runCommand: Command = {
  name: "run",
  summary: "run a script; output, warnings and tracebacks as python3 prints them",
  usage: [
    "Usage: gradlens run FILE.py",
    "",
    "Runs FILE.py on the Gradlens engine. stdout is what the script prints; warnings",
    "(FILE:LINE: UserWarning: ...) and the traceback of an uncaught exception go to stderr.",
    "Exit status 1 when the script raised, 2 when FILE cannot be read.",
    "",
  ].join("\n"),
  async run(args: string[], io: CliIO): Promise<number> {
    const files = args.filter((a) => !a.startsWith("-") || a === "-");
    const unknown = args.filter((a) => a.startsWith("-") && a !== "-");
    if (unknown.length) {
      io.stderr(`gradlens run: unknown option '${unknown[0]}'\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    if (files.length !== 1) {
      io.stderr(`gradlens run: expected one FILE.py, got ${files.length}\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    const src = readSource(files[0], io.cwd);
    if (!src.ok) {
      io.stderr(`gradlens: ${src.message}\n`);
      return EXIT_USAGE;
    }
    const outcome = runPython(src.text, {
      filename: src.path,
      onStdout: io.stdout,
      onStderr: io.stderr,
      resolveModule: moduleResolver(src.path),
    });
    return outcome.exitCode === 0 ? EXIT_OK : EXIT_PROGRAM_ERROR;
  },
};
