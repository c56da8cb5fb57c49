// One fuzzer program on the engine, judged against what PyTorch did with it (recorded by
// oracle_batch.py): the exception type (or none) and the final line — the traceback's last
// line when it raised, else the last line printed — must agree. The whole stdout is compared
// too and reported on its own. A JavaScript error (an internal fault) and a run stopped by a
// budget (a hang) are verdicts of their own.
import { readFileSync } from "node:fs";
import { runPython } from "../../engine/python/run.ts";
import { GAPS } from "./gaps.ts";

export interface Recorded {
  id: string;
  source: string;
  stdout: string;
  error: { type: string; line: string } | null;
}

export interface Ours {
  stdout: string;
  error: { type: string; line: string } | null;
  /** a JavaScript error escaped the run, or one was turned into SystemError */
  jsError: string | null;
  /** stopped by the time or step budget */
  hang: boolean;
}

export type Verdict =
  | { kind: "agree"; stdoutDiffers: boolean }
  | { kind: "gap"; gap: string; stdoutDiffers: boolean }
  | { kind: "disagree"; what: "exception type" | "final line"; ours: string; theirs: string; stdoutDiffers: boolean }
  | { kind: "js-error"; message: string }
  | { kind: "hang"; message: string };

const BUDGET_STOP = /^RuntimeError: Gradlens stopped the program after /;

export function runOurs(source: string, timeLimitMs = 10_000): Ours {
  try {
    const r = runPython(source, { filename: "prog.py", timeLimitMs });
    const lines = r.stderr.split("\n").filter((l) => l.trim());
    const error = r.error ? { type: r.error.type, line: lines.at(-1) ?? r.error.type } : null;
    const fault = r.internalFault ? String((r.internalFault as Error)?.stack ?? r.internalFault) : null;
    return { stdout: r.stdout, error, jsError: fault, hang: !!error && BUDGET_STOP.test(error.line) };
  } catch (e) {
    return { stdout: "", error: null, jsError: String((e as Error)?.stack ?? e), hang: false };
  }
}

const lastLine = (text: string) => text.split("\n").filter((l) => l.trim()).at(-1) ?? "";
export const finalLine = (r: { stdout: string; error: { line: string } | null }): string => (r.error ? r.error.line : lastLine(r.stdout));

export function judge(rec: Recorded, ours: Ours): Verdict {
  if (ours.jsError) return { kind: "js-error", message: ours.jsError.split("\n").slice(0, 3).join(" | ") };
  if (ours.hang) return { kind: "hang", message: ours.error!.line };
  const stdoutDiffers = ours.stdout !== rec.stdout;
  const theirType = rec.error?.type ?? "(none)";
  const ourType = ours.error?.type ?? "(none)";
  const mismatch =
    theirType !== ourType
      ? ({ what: "exception type", ours: ourType, theirs: theirType } as const)
      : finalLine(rec) !== finalLine(ours)
        ? ({ what: "final line", ours: finalLine(ours), theirs: finalLine(rec) } as const)
        : null;
  if (!mismatch) return { kind: "agree", stdoutDiffers };
  const gap = GAPS.find((g) => g.matches(rec, ours));
  if (gap) return { kind: "gap", gap: gap.id, stdoutDiffers };
  return { kind: "disagree", ...mismatch, stdoutDiffers };
}

export function loadCorpus(path: string): Recorded[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Recorded);
}
