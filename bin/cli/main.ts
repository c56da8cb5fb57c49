// The `gradlens` command line: a table of subcommands (run, trace, export), --help, and exit
// codes 0 / 1 (the program raised) / 2 (usage or file errors). Heavy subcommands (export pulls
// in the renderer) are loaded on first use so that `gradlens run` starts fast.
import { type CliIO, EXIT_OK, EXIT_USAGE, processIO } from "./io.ts";
import { runCommand } from "./run.ts";
import { traceCommand } from "./trace.ts";

export interface Command {
  name: string;
  /** one line for `gradlens --help` */
  summary: string;
  /** full usage text for `gradlens CMD --help` */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A table entry: the one-line summary up front, the command itself loaded when used. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

const eager = (c: Command): CommandEntry => ({ name: c.name, summary: c.summary, load: async () => c });

/** Subcommands by name. A new one is one more entry. */
export const commands = new Map<string, CommandEntry>([
  ["run", eager(runCommand)],
  ["trace", eager(traceCommand)],
  [
    "export",
    {
      name: "export",
      summary: "draw a step of a script (or every step) as SVG, PNG or Graphviz DOT",
      // its own chunk of the bundle (the renderer, svelte's runtime, the compiled components)
      load: async () => (await import("./export.ts")).exportCommand,
    },
  ],
]);

export function helpText(): string {
  const width = Math.max(...[...commands.keys()].map((n) => n.length));
  const lines = [...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "gradlens: run PyTorch autograd scripts on the Gradlens engine",
    "",
    "Usage: gradlens <command> [options] FILE.py",
    "",
    "Commands:",
    ...lines,
    "",
    "Options:",
    "  -h, --help     show this help (or `gradlens <command> --help`)",
    "  --version      print the version",
    "",
    "Exit status: 0 ok, 1 the script raised an uncaught exception, 2 bad arguments or unreadable file.",
    "",
  ].join("\n");
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.stdout(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-V") {
    io.stdout("gradlens 0.1.0\n");
    return EXIT_OK;
  }
  const entry = commands.get(name);
  if (!entry) {
    const hint = name.endsWith(".py") ? ` (did you mean \`gradlens run ${name}\`?)` : "";
    io.stderr(`gradlens: unknown command '${name}'${hint}\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  const cmd = await entry.load();
  if (rest.includes("-h") || rest.includes("--help")) {
    io.stdout(cmd.usage);
    return EXIT_OK;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    // a bug in Gradlens, not in the script or the arguments: one line, never a stack
    io.stderr(`gradlens ${name}: internal error (a bug in Gradlens, please report it): ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
    return EXIT_USAGE;
  }
}
