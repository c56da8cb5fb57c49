// The bytes of one export, whoever asks (the app's Export menu or `gradlens export`): SVG and DOT
// as text from the same functions; PNG drawn from that SVG by the platform's rasterizer.

import type { TraceSteps } from "../../engine/trace/folded.ts";
import type { Layout } from "../layout/types.ts";
import type { ExportComponents } from "./components.ts";
import { stepDot } from "./dot.ts";
import { finalLayout, stepSvg, type SvgOptions } from "./svg.ts";

export type ExportFormat = "svg" | "png" | "dot";

export interface ExportOptions extends SvgOptions {
  /** PNG pixels per SVG unit: 1 or 2 */
  scale?: number;
}

/** SVG at 1x, 2x... as PNG bytes. */
export type Rasterize = (svg: string, scale: number) => Uint8Array | Promise<Uint8Array>;

export interface Exporter {
  components: ExportComponents;
  rasterize: Rasterize;
}

/** One step as the file's contents. `layout` can be passed in when exporting many steps. */
export async function exportStep(
  exporter: Exporter,
  format: ExportFormat,
  cursor: TraceSteps,
  step: number,
  options: ExportOptions = {},
  layout: Layout | null = format === "dot" ? null : finalLayout(cursor),
): Promise<string | Uint8Array> {
  if (format === "dot") return stepDot(cursor.at(Math.max(-1, Math.min(step, cursor.length - 1))));
  const svg = stepSvg(exporter.components, cursor, step, options, layout);
  return format === "svg" ? svg : exporter.rasterize(svg, options.scale ?? 1);
}
