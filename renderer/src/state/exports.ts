// The toolbar's Export menu and File > Export: which export each choice is, and what to tell the
// student about the host's result (a failure's reason is shown, not swallowed).

import type { MenuCommand, WriteManyResult, WriteResult } from "../../host/index.ts";

export type ExportChoice = "svg" | "png" | "dot" | "all";

export const EXPORT_CHOICES: readonly { choice: ExportChoice; label: string }[] = [
  { choice: "svg", label: "SVG (this step)" },
  { choice: "png", label: "PNG 2× (this step)" },
  { choice: "dot", label: "DOT (Graphviz)" },
  { choice: "all", label: "SVG, every step…" },
];

const BY_COMMAND: Partial<Record<MenuCommand, ExportChoice>> = {
  "file.exportSvg": "svg",
  "file.exportPng": "png",
  "file.exportDot": "dot",
  "file.exportAllSteps": "all",
};

export function exportChoiceOf(command: MenuCommand): ExportChoice | null {
  return BY_COMMAND[command] ?? null;
}

/** What the status line says after an export; `failed` is true when it should stand out as an error. */
export function exportOutcome(result: WriteResult | WriteManyResult): { text: string; failed: boolean } {
  const written = "names" in result && result.names?.length ? result.names : null;
  const sofar = written ? ` (${filesWritten(written)} before it stopped)` : "";
  if (result.status === "failed") return { text: `Export failed: ${result.reason}${sofar}`, failed: true };
  if (result.status === "cancelled") return { text: written ? `Export cancelled after ${filesWritten(written)}.` : "Export cancelled.", failed: false };
  if ("names" in result) return { text: result.names.length ? `Exported ${filesWritten(result.names)}.` : "Nothing to export.", failed: false };
  return { text: `Exported ${result.name}.`, failed: false };
}

/** "3 files: g-step-001.svg … g-step-003.svg" */
function filesWritten(names: readonly string[]): string {
  const n = names.length;
  return `${n.toLocaleString("en-US")} file${n === 1 ? "" : "s"}: ${names[0]}${n > 1 ? ` … ${names[n - 1]}` : ""}`;
}
