// Console entries merged into runs for display: consecutive stdout chunks become one run, so the
// text reads exactly as printed; warnings and errors stay separate and keep their line.

import type { ConsoleEntry, ConsoleKind } from "../../../engine/trace/state.ts";

export interface ConsoleRun {
  kind: ConsoleKind;
  text: string;
  line?: number;
  /** an error or warning whose text the program already wrote to stderr (a traceback): show only its link */
  echoed: boolean;
}

export function consoleRuns(entries: readonly ConsoleEntry[]): ConsoleRun[] {
  const runs: ConsoleRun[] = [];
  const stderr = entries.filter((e) => e.kind === "stderr").map((e) => e.text).join("");
  for (const e of entries) {
    const last = runs[runs.length - 1];
    if ((e.kind === "stdout" || e.kind === "stderr") && last && last.kind === e.kind) {
      last.text += e.text;
      continue;
    }
    const echoed = (e.kind === "error" || e.kind === "warning") && stderr.includes(e.text);
    runs.push({ kind: e.kind, text: e.text, line: e.line, echoed });
  }
  return runs;
}

/** consoleRuns that hands back last step's runs while the entries are the same ones (most steps print nothing). */
export function createConsoleRuns(): (entries: readonly ConsoleEntry[]) => ConsoleRun[] {
  let lastEntries: readonly ConsoleEntry[] = [];
  let last: ConsoleRun[] = [];
  return (entries) => {
    if (entries !== lastEntries && (entries.length !== lastEntries.length || entries.some((e, i) => e !== lastEntries[i]))) last = consoleRuns(entries);
    lastEntries = entries;
    return last;
  };
}
