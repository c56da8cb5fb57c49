// One step of a run as a standalone SVG file: the screen's graph (and memory) components rendered
// by svelte/server, their CSS inlined with the theme's colours, sized to what they draw. The app's
// Export and `gradlens export` both call stepSvg, so the same step gives the same bytes.

import { render } from "svelte/server";
import type { TraceSteps } from "../../engine/trace/folded.ts";
import type { Layout } from "../layout/types.ts";
import type { TraceState } from "../../engine/trace/state.ts";
import { buildGraph, type GraphModel } from "../src/graph/graphModel.ts";
import { layoutOf, place } from "../src/graph/graphLayout.ts";
import { moduleBoxes, moduleGroupsOf } from "../src/graph/moduleGroups.ts";
import { buildMemory } from "../src/memory/memoryModel.ts";
import { boundsReader } from "./bounds.ts";
import type { ExportComponents } from "./components.ts";
import { standaloneAttributes, standaloneCss } from "./css.ts";
import { captionFor, wrapCaption } from "./step.ts";
import { THEMES, type ExportTheme } from "./theme.ts";
import { cleanMarkup, escapeXml, scanXml, type XmlVisitor } from "./xml.ts";

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
const CAPTION_LINE = 17;
const CAPTION_CHARS = 110;

/** The layout the app uses: the run's final graph, so a node sits where it will stay. */
export function finalLayout(cursor: TraceSteps): Layout | null {
  return cursor.length ? layoutOf(graphOf(cursor.at(cursor.length - 1))) : null;
}

interface Part {
  /** standalone (theme colours resolved), checked well-formed and inert */
  markup: string;
  css: string[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** svelte/server's output as a picture: no hydration markers, no data-* hooks the app's tests
 *  use, no characters XML forbids, colours resolved for the theme; and the CSS it collected. */
function rendered(out: { head: string; body: string }, theme: ExportTheme): { markup: string; css: string[] } {
  const css = [...out.head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  // (a memory-view key joins scope and name with U+0000; a printed string may hold "]]>")
  // comments and data-* hooks go in one pass over megabytes of markup (svelte escapes "<" in attribute values)
  const markup = cleanMarkup(out.body.replace(/<!--[\s\S]*?-->| data-[\w-]+="[^"]*"/g, ""));
  return { markup: standaloneAttributes(markup, theme), css };
}

/** Refuses what a picture must not contain (see assertInert), element by element. */
const inert: XmlVisitor = {
  open(tag, attrs) {
    const name = tag.toLowerCase();
    if (name === "script" || name === "foreignobject" || name === "iframe" || name === "image" || (name === "use" && !(attrs.get("href") ?? attrs.get("xlink:href") ?? "").startsWith("#")))
      throw new Error(`export would contain <${tag}>`);
    // read in place: these tests run on every attribute of megabytes of SVG
    for (let i = 0; i < attrs.count; i++) {
      if (attrs.nameStartsWith(i, "on")) throw new Error(`export would contain an ${attrs.name(i)} handler`);
      if (attrs.nameEndsWith(i, "href") && !attrs.value(i).startsWith("#")) throw new Error(`export would reference ${attrs.value(i)}`);
      if ((attrs.valueHas(i, "(") || attrs.valueHas(i, "&")) && /url\(\s*['"]?(?!#)/i.test(attrs.value(i))) throw new Error(`export would reference ${attrs.value(i)}`);
    }
  },
  close() {},
};

/** Throws if the document is not well-formed XML, or could run anything or reach outside itself:
 *  exports are pictures. One streaming pass, no tree. */
export function assertInert(svg: string): void {
  scanXml(svg, inert);
}

/** How far the markup's drawing reaches, checking it (well-formed, inert) in the same pass. */
function measureChecked(markup: string): Part["bounds"] {
  const reader = boundsReader();
  scanXml(`<g xmlns="${SVG_NS}">${markup}</g>`, {
    open(name, attrs) {
      inert.open(name, attrs);
      reader.visitor.open(name, attrs);
    },
    close: reader.visitor.close,
    text: reader.visitor.text,
    wantsText: reader.visitor.wantsText,
  });
  return reader.bounds;
}

/** The graph model of a state, kept while the state is the one asked for last: the final step's
 *  model serves both the layout and the drawing when the last step is exported. */
let lastModel: { state: TraceState; model: GraphModel } | null = null;
function graphOf(state: TraceState): GraphModel {
  if (lastModel?.state !== state) lastModel = { state, model: buildGraph(state) };
  return lastModel.model;
}

function graphPart(components: ExportComponents, cursor: TraceSteps, step: number, layout: Layout | null, theme: ExportTheme): Part | null {
  const state = cursor.at(step);
  const model = graphOf(state);
  if (model.nodes.length === 0) return null;
  const placed = place(model, layout);
  // torch.nn module calls boxed and named as the app draws them (none folded)
  const boxes = moduleBoxes(moduleGroupsOf(state, model), placed, new Map());
  const { markup, css } = rendered(render(components.GraphScene, { props: { model, placed, step: state.step, progress: 1, boxes } }), theme);
  return { markup, css, bounds: measureChecked(markup) };
}

function memoryPart(components: ExportComponents, cursor: TraceSteps, step: number, theme: ExportTheme): Part | null {
  const model = buildMemory(cursor.at(step));
  if (model.names.length === 0) return null;
  const { markup, css } = rendered(render(components.MemoryView, { props: { model, whole: true } }), theme);
  // the view wraps its drawing in a scrolling <div>: the file takes the <svg> inside it
  const start = markup.indexOf("<svg");
  const end = markup.lastIndexOf("</svg>");
  if (start < 0 || end < 0) return null;
  const svg = markup.slice(start, end + "</svg>".length);
  scanXml(svg, inert);
  return { markup: svg, css, bounds: { minX: 0, minY: 0, maxX: model.width, maxY: model.height } };
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The SVG file for the state after events[0..step] (step -1: before the program starts). */
export function stepSvg(components: ExportComponents, cursor: TraceSteps, step: number, options: SvgOptions = {}, layout: Layout | null = finalLayout(cursor)): string {
  const view = options.view ?? "graph";
  const theme = options.theme ?? "light";
  const colours = THEMES[theme];
  const k = Math.max(-1, Math.min(step, cursor.length - 1));
  const caption = options.caption === false ? null : captionFor(cursor.at(k), cursor.length);

  const graph = view !== "memory" ? graphPart(components, cursor, k, layout, theme) : null;
  const memory = view !== "graph" ? memoryPart(components, cursor, k, theme) : null;
  // the caption wraps to the drawing's width (at least CAPTION_CHARS), one tspan per line
  const captionRows = caption ? wrapCaption(caption, CAPTION_CHARS) : [];
  const top = MARGIN + (captionRows.length ? CAPTION_H + (captionRows.length - 1) * CAPTION_LINE : 0);
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
  const captionWidth = Math.max(0, ...captionRows.map((r) => r.length * 7.6));
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
  if (captionRows.length)
    lines.push(
      `<text class="gl-caption" x="${MARGIN}" y="${MARGIN + 13}">${captionRows.map((row, i) => `<tspan x="${MARGIN}"${i ? ` dy="${CAPTION_LINE}"` : ""}>${escapeXml(i ? ` ${row}` : row)}</tspan>`).join("")}</text>`,
    );
  if (empty) lines.push(empty);
  // the parts were checked as they were measured: the rest of the file is checked without them
  const at = lines.length;
  for (const { dx, dy, cls } of placedParts) lines.push(`<g class="${cls}" transform="translate(${fmt(dx)} ${fmt(dy)})"></g>`);
  lines.push("</svg>", "");
  assertInert(lines.join("\n"));
  placedParts.forEach(({ part }, i) => (lines[at + i] = `${lines[at + i].slice(0, -"</g>".length)}${part.markup}</g>`));
  return lines.join("\n");
}
