// One step of a run as a standalone SVG file: the screen's graph (and memory) components rendered
// by svelte/server, their CSS inlined with the theme's colours, sized to what they draw. The app's
// Export and `gradlens export` both call stepSvg, so the same step gives the same bytes.

import { render } from "svelte/server";
import type { TraceCursor } from "../../engine/trace/cursor.ts";
import type { Layout } from "../layout/types.ts";
import { buildGraph } from "../src/graph/graphModel.ts";
import { layoutOf, place } from "../src/graph/graphLayout.ts";
import { buildMemory } from "../src/memory/memoryModel.ts";
import { drawingBounds } from "./bounds.ts";
import type { ExportComponents } from "./components.ts";
import { standaloneAttributes, standaloneCss } from "./css.ts";
import { captionFor } from "./step.ts";
import { THEMES, type ExportTheme } from "./theme.ts";
import { NOT_XML, type XmlElement, elements, escapeXml, parseXml } from "./xml.ts";

export type ExportView = "graph" | "memory" | "both";

export interface SvgOptions {
  view?: ExportView;
  theme?: ExportTheme;
  /** a <title> for the file (shown by viewers, read by screen readers) */
  title?: string;
  /** the "step N / total · line L · what happened" line above the drawing */
  caption?: boolean;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const MARGIN = 16;
const GAP = 32;
const CAPTION_H = 26;

/** The layout the app uses: the run's final graph, so a node sits where it will stay. */
export function finalLayout(cursor: TraceCursor): Layout | null {
  return cursor.length ? layoutOf(buildGraph(cursor.at(cursor.length - 1))) : null;
}

interface Part {
  markup: string;
  css: string[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** svelte/server's output as a picture: no hydration markers, no data-* hooks the app's tests
 *  use, no characters XML forbids; and the CSS it collected. */
function rendered(out: { head: string; body: string }): { markup: string; css: string[] } {
  const css = [...out.head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const markup = out.body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/ data-[\w-]+="[^"]*"/g, "")
    // a memory-view key joins scope and name with U+0000
    .replace(NOT_XML, "\ufffd");
  return { markup, css };
}

function measure(markup: string): Part["bounds"] {
  return drawingBounds(parseXml(`<g xmlns="${SVG_NS}">${markup}</g>`));
}

function graphPart(components: ExportComponents, cursor: TraceCursor, step: number, layout: Layout | null): Part | null {
  const state = cursor.at(step);
  const model = buildGraph(state);
  if (model.nodes.length === 0) return null;
  const placed = place(model, layout);
  const { markup, css } = rendered(render(components.GraphScene, { props: { model, placed, step: state.step, progress: 1 } }));
  return { markup, css, bounds: measure(markup) };
}

function memoryPart(components: ExportComponents, cursor: TraceCursor, step: number): Part | null {
  const model = buildMemory(cursor.at(step));
  if (model.names.length === 0) return null;
  const { markup, css } = rendered(render(components.MemoryView, { props: { model } }));
  // the view wraps its drawing in a scrolling <div>: the file takes the <svg> inside it
  const start = markup.indexOf("<svg");
  const end = markup.lastIndexOf("</svg>");
  if (start < 0 || end < 0) return null;
  const svg = markup.slice(start, end + "</svg>".length);
  return { markup: svg, css, bounds: { minX: 0, minY: 0, maxX: model.width, maxY: model.height } };
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Throws if the document could run anything or reach outside itself: exports are pictures. */
export function assertInert(root: XmlElement): void {
  for (const el of elements(root)) {
    const name = el.name.toLowerCase();
    if (name === "script" || name === "foreignobject" || name === "iframe" || name === "image" || (name === "use" && !(el.attrs.href ?? el.attrs["xlink:href"] ?? "").startsWith("#")))
      throw new Error(`export would contain <${el.name}>`);
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (/^on/i.test(attr)) throw new Error(`export would contain an ${attr} handler`);
      if (/href$/i.test(attr) && !value.startsWith("#")) throw new Error(`export would reference ${value}`);
      if (/url\(\s*['"]?(?!#)/i.test(value)) throw new Error(`export would reference ${value}`);
    }
  }
}

/** The SVG file for the state after events[0..step] (step -1: before the program starts). */
export function stepSvg(components: ExportComponents, cursor: TraceCursor, step: number, options: SvgOptions = {}, layout: Layout | null = finalLayout(cursor)): string {
  const view = options.view ?? "graph";
  const theme = options.theme ?? "light";
  const colours = THEMES[theme];
  const k = Math.max(-1, Math.min(step, cursor.length - 1));
  const caption = options.caption === false ? null : captionFor(cursor.at(k), cursor.length);

  const graph = view !== "memory" ? graphPart(components, cursor, k, layout) : null;
  const memory = view !== "graph" ? memoryPart(components, cursor, k) : null;
  const top = MARGIN + (caption ? CAPTION_H : 0);
  const placedParts: { part: Part; dx: number; dy: number; cls: string }[] = [];
  let x = MARGIN;
  let bottom = top;
  for (const [part, cls] of [
    [graph, "gl-graph"],
    [memory, "gl-memory"],
  ] as const) {
    if (!part) continue;
    const b = part.bounds;
    placedParts.push({ part, dx: x - b.minX, dy: top - b.minY, cls });
    x += b.maxX - b.minX + GAP;
    bottom = Math.max(bottom, top + b.maxY - b.minY);
  }
  let empty = "";
  if (placedParts.length === 0) {
    const what = view === "memory" ? "No names bound yet at this step." : "No autograd graph yet at this step: it grows as operations on tensors with requires_grad=True run.";
    empty = `<text class="gl-empty" x="${MARGIN}" y="${top + 16}">${escapeXml(what)}</text>`;
    x = MARGIN + what.length * 7.4 + GAP;
    bottom = top + 24;
  }
  const captionWidth = caption ? caption.length * 7.6 : 0;
  const width = Math.ceil(Math.max(x - GAP + MARGIN, MARGIN * 2 + captionWidth, 160));
  const height = Math.ceil(bottom + MARGIN);

  const css = [
    `svg.gl-export { font-family: ${colours["--sans"]}; }`,
    `.gl-caption { font-family: ${colours["--sans"]}; font-size: 13px; font-weight: 600; fill: ${colours["--fg-muted"]}; }`,
    `.gl-empty { font-family: ${colours["--sans"]}; font-size: 13px; fill: ${colours["--fg-muted"]}; }`,
    ...new Set(placedParts.flatMap((p) => p.part.css)),
  ].join("\n");
  const style = standaloneCss(css, theme);

  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="${SVG_NS}" class="gl-export" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  ];
  if (options.title) lines.push(`<title>${escapeXml(options.title)}</title>`);
  lines.push(/[<&]/.test(style) ? `<style><![CDATA[\n${style}\n]]></style>` : `<style>\n${style}\n</style>`);
  lines.push(`<rect class="gl-background" x="0" y="0" width="${width}" height="${height}" fill="${colours["--bg"]}"/>`);
  if (caption) lines.push(`<text class="gl-caption" x="${MARGIN}" y="${MARGIN + 13}">${escapeXml(caption)}</text>`);
  if (empty) lines.push(empty);
  for (const { part, dx, dy, cls } of placedParts)
    lines.push(`<g class="${cls}" transform="translate(${fmt(dx)} ${fmt(dy)})">${standaloneAttributes(part.markup, theme)}</g>`);
  lines.push("</svg>", "");
  const svg = lines.join("\n");
  assertInert(parseXml(svg));
  return svg;
}
