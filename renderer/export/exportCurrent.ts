// The app's File > Export (and toolbar button): the step on screen, or every step, written through
// the Host (save dialog in Electron, download or file picker in a browser). The bytes come from
// exportStep, the function `gradlens export` calls, so the file is the same either way.

import type { TraceCursor } from "../../engine/trace/cursor.ts";
import type { Host, StepsControl, WriteManyResult, WriteResult } from "../host/host.ts";
import { exportStep, type ExportFormat, type ExportOptions, type Exporter } from "./exportData.ts";
import { finalLayout } from "./svg.ts";

export interface CurrentStep {
  cursor: TraceCursor;
  /** the event index shown (Session.step); -1 before the program starts */
  step: number;
  /** the script's file name ("problem3.py"), for the suggested export name */
  scriptName?: string;
}

export interface ExportDeps {
  host: Pick<Host, "exportFile" | "exportSteps">;
  exporter: Exporter;
}

const EXT: Record<ExportFormat, string> = { svg: ".svg", png: ".png", dot: ".dot" };

/** "problem3-step-12.svg" */
export function suggestedName(current: CurrentStep, format: ExportFormat): string {
  const stem = (current.scriptName ?? "gradlens").replace(/\.[^.]*$/, "") || "gradlens";
  return `${stem}-step-${current.step + 1}${EXT[format]}`;
}

/** Exports the step on screen. Resolves to the host's result (saved, cancelled, failed). */
export async function exportCurrent(format: ExportFormat, current: CurrentStep, deps: ExportDeps, options: ExportOptions = {}): Promise<WriteResult> {
  const data = await exportStep(deps.exporter, format, current.cursor, current.step, options);
  return deps.host.exportFile(format, data, suggestedName(current, format));
}

/** Lets the page paint and take input (a click on Cancel) between two steps' files. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Exports every step of the run, one file each (named <script>-step-001.svg ... by the host).
 *  Each file is drawn only when the one before is written, with a pause for the page between
 *  them: progress shows, Cancel works, and only one file is in memory at a time. */
export async function exportAllSteps(format: ExportFormat, current: CurrentStep, deps: ExportDeps, options: ExportOptions = {}, control: StepsControl = {}): Promise<WriteManyResult> {
  const layout = format === "dot" ? null : finalLayout(current.cursor);
  const stem = (current.scriptName ?? "gradlens").replace(/\.[^.]*$/, "") || "gradlens";
  const make = async (k: number) => {
    await breathe();
    return exportStep(deps.exporter, format, current.cursor, k, options, layout);
  };
  return deps.host.exportSteps(format, current.cursor.length, stem + EXT[format], make, control);
}
