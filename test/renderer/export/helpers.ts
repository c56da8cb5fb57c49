// Shared by the export tests: run a script on the engine into a cursor, read SVG text back.
import { readFileSync } from "node:fs";
import type { TraceEvent } from "../../../engine/events.ts";
import { runPython } from "../../../engine/python/run.ts";
import { TraceCursor } from "../../../engine/trace/cursor.ts";
import { elements, parseXml, textOf, type XmlElement } from "../../../renderer/export/xml.ts";

export const CASES = new URL("../../conformance/cases/", import.meta.url);
export const PROBLEMS = ["seed_problem1.py", "seed_problem2.py", "seed_problem3_backward.py"];

export function caseSource(name: string): string {
  return readFileSync(new URL(name, CASES), "utf8");
}

export function traceOf(source: string): TraceCursor {
  const events: TraceEvent[] = [];
  runPython(source, { sink: (e) => events.push(e), onStdout: () => undefined, onStderr: () => undefined });
  return new TraceCursor(events);
}

/** The first step at which an event of this kind happened (and the k-th one, if asked). */
export function stepOf(cursor: TraceCursor, kind: TraceEvent["kind"], nth = 0): number {
  let seen = 0;
  for (const [i, e] of cursor.events.entries()) if (e.kind === kind && seen++ === nth) return i;
  throw new Error(`no ${kind} #${nth}`);
}

/** Every text the SVG draws (text elements only: not titles, not CSS). */
export function drawnTexts(svg: string): string[] {
  return [...elements(parseXml(svg))].filter((e) => e.name === "text").map((e) => textOf(e));
}

export function rootOf(svg: string): XmlElement {
  return parseXml(svg);
}

/** What a learner or a security reviewer would object to in a picture file. */
export function executableParts(svg: string): string[] {
  const found: string[] = [];
  for (const el of elements(parseXml(svg))) {
    if (/^(script|foreignObject|iframe|image)$/i.test(el.name)) found.push(`<${el.name}>`);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^on/i.test(name)) found.push(`${name}=`);
      if (/href$/i.test(name) && !value.startsWith("#")) found.push(`${name}=${value}`);
      if (/url\((?!#)/.test(value)) found.push(value);
    }
  }
  if (/<script/i.test(svg)) found.push("<script text");
  if (/@import|url\((?!#)/i.test(svg)) found.push("external CSS reference");
  return found;
}
