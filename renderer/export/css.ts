// The components' CSS made standalone: `var(--x, fallback)` resolved against the export theme,
// `color-mix()` computed, `:where()` unwrapped, animation and pointer rules dropped. resvg and
// most SVG editors understand none of those, and an exported file must look the same everywhere.

import { THEMES, type ExportTheme } from "./theme.ts";

/** Index of the ")" that closes the "(" at `open`. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Splits at top-level commas (not inside parentheses or quotes). */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

/** Replaces every call `name(...)` in `text`, innermost first, with `fn(args text)`. */
function replaceCalls(text: string, name: string, fn: (inner: string) => string): string {
  const token = `${name}(`;
  for (let guard = 0; guard < 10_000; guard++) {
    const at = text.lastIndexOf(token);
    if (at < 0) return text;
    const open = at + name.length;
    const close = closingParen(text, open);
    if (close < 0) return text;
    text = text.slice(0, at) + fn(text.slice(open + 1, close)) + text.slice(close + 1);
  }
  return text;
}

export function resolveVars(text: string, theme: ExportTheme = "light"): string {
  const vars = THEMES[theme];
  return replaceCalls(text, "var", (inner) => {
    const [name, ...rest] = splitArgs(inner);
    return vars[name] ?? rest.join(", ");
  });
}

type Rgba = [number, number, number, number];

export function parseColor(text: string): Rgba | null {
  const t = text.trim().toLowerCase();
  if (t === "transparent") return [0, 0, 0, 0];
  if (t === "black") return [0, 0, 0, 1];
  if (t === "white") return [255, 255, 255, 1];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(t);
  if (short) return [...short.slice(1).map((h) => parseInt(h + h, 16)), 1] as Rgba;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(t);
  if (long) return [...long.slice(1).map((h) => parseInt(h, 16)), 1] as Rgba;
  const rgba = /^rgba?\(([^)]*)\)$/.exec(t);
  if (rgba) {
    const p = rgba[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    if (p.length >= 3 && p.every(Number.isFinite)) return [p[0], p[1], p[2], p[3] ?? 1];
  }
  return null;
}

export function formatColor([r, g, b, a]: Rgba): string {
  const c = [r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))));
  if (a >= 1) return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
  return `rgba(${c.join(",")},${Number(a.toFixed(3))})`;
}

/** `color-mix(in srgb, A p%, B [q%])` as CSS Color 5 defines it (premultiplied alpha). */
export function mixColors(inner: string): string | null {
  const [space, first, second] = splitArgs(inner);
  if (space !== "in srgb" || !first || !second) return null;
  const part = (s: string): { color: Rgba | null; pct: number | null } => {
    const m = /^(.*?)\s+([\d.]+)%$/.exec(s);
    return m ? { color: parseColor(m[1]), pct: Number(m[2]) / 100 } : { color: parseColor(s), pct: null };
  };
  const a = part(first);
  const b = part(second);
  if (!a.color || !b.color) return null;
  const pa = a.pct ?? (b.pct != null ? 1 - b.pct : 0.5);
  const pb = 1 - pa;
  const alpha = a.color[3] * pa + b.color[3] * pb;
  if (alpha === 0) return formatColor([0, 0, 0, 0]);
  const ch = (i: number) => (a.color![i] * a.color![3] * pa + b.color![i] * b.color![3] * pb) / alpha;
  return formatColor([ch(0), ch(1), ch(2), alpha]);
}

/** Drops `@keyframes`/`@media`... blocks: exports are still pictures. */
function dropAtRules(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf("@", i);
    if (at < 0) break;
    out += css.slice(i, at);
    const open = css.indexOf("{", at);
    if (open < 0) return out;
    let depth = 0;
    let j = open;
    for (; j < css.length; j++) {
      if (css[j] === "{") depth++;
      else if (css[j] === "}" && --depth === 0) break;
    }
    i = j + 1;
  }
  return out + css.slice(i);
}

const DROPPED = /(^|[;{])\s*(cursor|animation[\w-]*|transition[\w-]*|user-select|pointer-events)\s*:[^;}]*;?/g;

/** resvg ignores `!important`: each rule that uses it gets a copy of those declarations, with a
 *  selector made weightier by repeating one of its classes, appended after everything else. */
export function hoistImportant(css: string): string {
  const extra: string[] = [];
  const out = css.replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selectors: string, body: string) => {
    if (!body.includes("!important")) return rule;
    const decls = body
      .split(";")
      .filter((d) => d.includes("!important"))
      .map((d) => d.replace(/\s*!important/, "").trim());
    const heavy = selectors
      .split(",")
      .map((sel) => {
        const cls = /\.[\w-]+/.exec(sel.trim().split(/\s+/).pop() ?? "");
        return cls ? sel.trim() + cls[0].repeat(4) : sel.trim();
      })
      .join(", ");
    extra.push(`${heavy} {${decls.join(";")};}`);
    return `${selectors}{${body.replace(/\s*!important/g, "")}}`;
  });
  return extra.length ? `${out}\n${extra.join("\n")}` : out;
}

/** The components' CSS, standalone for the given theme. */
export function standaloneCss(css: string, theme: ExportTheme = "light"): string {
  let out = dropAtRules(css);
  out = replaceCalls(out, ":where", (inner) => inner);
  out = resolveVars(out, theme);
  out = replaceCalls(out, "color-mix", (inner) => mixColors(inner) ?? "currentColor");
  out = hoistImportant(out.replace(DROPPED, "$1"));
  return out
    .replace(/\s*\n\s*/g, " ")
    .replace(/\}\s*/g, "}\n")
    .trim();
}

/** Resolves `var()` in presentation attributes of rendered markup (fill="var(--fg-muted, #5a6270)"). */
export function standaloneAttributes(markup: string, theme: ExportTheme = "light"): string {
  return markup.replace(/ (fill|stroke|stop-color|color)="([^"]*var\([^"]*)"/g, (_m, attr: string, value: string) => {
    const resolved = replaceCalls(resolveVars(value, theme), "color-mix", (inner) => mixColors(inner) ?? "currentColor");
    return ` ${attr}="${resolved}"`;
  });
}
