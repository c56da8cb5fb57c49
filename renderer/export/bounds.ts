// How far a rendered drawing reaches: the box around every rect, path, text and nested svg of
// the markup, through translate/scale transforms, in one streaming pass. Exports size their viewBox with it, so badges,
// sums and gradient pills drawn outside node boxes are never cut off, whatever the components draw.

import type { Bounds } from "../layout/types.ts";
import { scanXml, type XmlAttributes, type XmlVisitor } from "./xml.ts";

/** x' = sx·x + tx, y' = sy·y + ty */
type Frame = { sx: number; sy: number; tx: number; ty: number };

const IDENTITY: Frame = { sx: 1, sy: 1, tx: 0, ty: 0 };
/** average advance of a monospace glyph per px of font size, and the font size assumed */
const GLYPH = 0.62;
const FONT_PX = 12;

function num(v: string | undefined, fallback = 0): number {
  const n = v == null ? NaN : parseFloat(v);
  return Number.isFinite(n) ? n : fallback;
}

const NUMBER = "(-?[\\d.]+(?:e[-+]?\\d+)?)";
const TRANSLATE = new RegExp(`^translate\\(\\s*${NUMBER}[\\s,]+${NUMBER}\\s*\\)$`, "i");
/** what a node's group carries (the general loop below reads names in lower case only) */
const TRANSLATE_SCALE = new RegExp(`^translate\\(\\s*${NUMBER}[\\s,]+${NUMBER}\\s*\\)\\s*scale\\(\\s*${NUMBER}\\s*\\)$`);

export function applyTransform(frame: Frame, transform: string | undefined): Frame {
  if (!transform) return frame;
  let f = frame;
  // most are one translate(x y), a node's translate(x y) scale(s): one anchored match instead of a matchAll and splits
  const simple = TRANSLATE.exec(transform) ?? TRANSLATE_SCALE.exec(transform);
  if (simple) {
    const tx = f.tx + f.sx * Number(simple[1]);
    const ty = f.ty + f.sy * Number(simple[2]);
    if (simple[3] === undefined) return { sx: f.sx, sy: f.sy, tx, ty };
    const s = Number(simple[3]);
    return { sx: f.sx * s, sy: f.sy * s, tx, ty };
  }
  for (const m of transform.matchAll(/(translate|scale)\(\s*([^)]*)\)/g)) {
    const args = m[2].split(/[\s,]+/).filter(Boolean).map(Number);
    if (m[1] === "translate") {
      const [x = 0, y = 0] = args;
      f = { ...f, tx: f.tx + f.sx * x, ty: f.ty + f.sy * y };
    } else {
      const [sx = 1, sy = sx] = args;
      f = { ...f, sx: f.sx * sx, sy: f.sy * sy };
    }
  }
  return f;
}

/** Coordinate pairs of a path made of absolute M/L/C/Q/S/T commands (what d3 writes). Control
 *  points are included: a curve stays inside them, so the box is safe. One pass over the
 *  characters: exports measure tens of thousands of paths. */
export function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  eachPathPoint(d, (x, y) => out.push([x, y]));
  return out;
}

/** pathPoints without the arrays: `visit` gets each pair (none if the path has relative commands). */
export function eachPathPoint(d: string, visit: (x: number, y: number) => void): void {
  const nums: number[] = [];
  const n = d.length;
  const digit = (k: number): boolean => {
    const c = d.charCodeAt(k);
    return c >= 48 && c <= 57;
  };
  let k = 0;
  while (k < n) {
    const c = d.charCodeAt(k);
    // a lowercase command (relative) but z: not used by the components; no points rather than a guess
    if (c >= 97 && c <= 121 && !(c === 101 && exponentAt(d, k))) return;
    // a number: -?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?
    let j = c === 45 ? k + 1 : k;
    const start = j;
    if (digit(j)) {
      while (digit(j)) j++;
      if (d.charCodeAt(j) === 46) {
        j++;
        while (digit(j)) j++;
      }
    } else if (d.charCodeAt(j) === 46 && digit(j + 1)) {
      j++;
      while (digit(j)) j++;
    }
    if (j === start) {
      k++;
      continue;
    }
    if ((d.charCodeAt(j) | 32) === 101 && exponentAt(d, j)) {
      j++;
      if (d.charCodeAt(j) === 43 || d.charCodeAt(j) === 45) j++;
      while (digit(j)) j++;
    }
    nums.push(Number(d.slice(k, j)));
    k = j;
  }
  for (let i = 0; i + 1 < nums.length; i += 2) visit(nums[i], nums[i + 1]);
}

/** e or E at k starts an exponent: a digit follows, perhaps after a sign */
function exponentAt(d: string, k: number): boolean {
  let j = k + 1;
  if (d.charCodeAt(j) === 43 || d.charCodeAt(j) === 45) j++;
  const c = d.charCodeAt(j);
  return c >= 48 && c <= 57;
}

export function emptyBounds(): Bounds {
  return { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
}

/** Elements whose content is not drawn where it stands. */
const NOT_DRAWN = new Set(["defs", "marker", "title", "desc", "style", "clipPath", "mask"]);

interface Open {
  frame: Frame;
  /** nothing inside is measured (definitions, a nested svg taken as its box, a text's inside) */
  skip: boolean;
  /** centres of the rect children, for the texts among the children (made when first needed) */
  rectCentres: number[] | null;
  texts: { x: number; y: number; length: number; frame: Frame }[] | null;
  /** set while inside a <text>: its position and the length of its text so far */
  text: { x: number; y: number; length: number; frame: Frame } | null;
}

/**
 * The extent of the drawing in `markup` (one XML element, e.g. `<g>...</g>`) in its own user
 * units, read in one pass without building a tree. Throws XmlError if it is not well-formed.
 */
export function drawingBounds(markup: string, frame: Frame = IDENTITY): Bounds {
  const reader = boundsReader(frame);
  scanXml(markup, reader.visitor);
  return reader.bounds;
}

/** drawingBounds as a visitor, for a scan that does other checks at the same time: `bounds`
 *  holds the answer once the scan is over. */
export function boundsReader(frame: Frame = IDENTITY): { visitor: XmlVisitor; bounds: Bounds } {
  const b = emptyBounds();
  const add = (f: Frame, x: number, y: number) => {
    const px = f.sx * x + f.tx;
    const py = f.sy * y + f.ty;
    if (px < b.minX) b.minX = px;
    if (px > b.maxX) b.maxX = px;
    if (py < b.minY) b.minY = py;
    if (py > b.maxY) b.maxY = py;
  };
  const box = (f: Frame, a: XmlAttributes) => {
    const x = num(a.get("x"));
    const y = num(a.get("y"));
    add(f, x, y);
    add(f, x + num(a.get("width")), y + num(a.get("height")));
  };
  const stack: Open[] = [];
  const open = (f: Frame, skip: boolean): Open => {
    const entry: Open = { frame: f, skip, rectCentres: null, texts: null, text: null };
    stack.push(entry);
    return entry;
  };
  const visitor: XmlVisitor = {
    open(name, a) {
      const parent = stack[stack.length - 1];
      if (parent && (parent.skip || parent.text)) {
        open(parent.frame, true).text = parent.text;
        return;
      }
      const f = applyTransform(parent ? parent.frame : frame, a.get("transform"));
      if (NOT_DRAWN.has(name)) {
        open(f, true);
        return;
      }
      let shape = true;
      switch (name) {
        case "svg":
          if (parent) {
            box(f, a);
            open(f, true);
            return;
          }
          break;
        case "rect":
          box(f, a);
          if (parent) (parent.rectCentres ??= []).push(num(a.get("x")) + num(a.get("width")) / 2);
          break;
        case "circle":
        case "ellipse": {
          const r = a.get("r");
          const rx = num(r ?? a.get("rx"));
          const ry = num(r ?? a.get("ry"));
          const cx = num(a.get("cx"));
          const cy = num(a.get("cy"));
          add(f, cx - rx, cy - ry);
          add(f, cx + rx, cy + ry);
          break;
        }
        case "line":
          add(f, num(a.get("x1")), num(a.get("y1")));
          add(f, num(a.get("x2")), num(a.get("y2")));
          break;
        case "path":
          eachPathPoint(a.get("d") ?? "", (x, y) => add(f, x, y));
          break;
        case "text":
          open(f, false).text = { x: num(a.get("x")), y: num(a.get("y")), length: 0, frame: f };
          return;
        default:
          shape = false;
      }
      // a shape's inside (an animation, a title) is not measured
      open(f, shape);
    },
    text(t) {
      const top = stack[stack.length - 1];
      if (top?.text) top.text.length += t.length;
    },
    wantsText() {
      return stack[stack.length - 1]?.text != null;
    },
    close() {
      const done = stack.pop() as Open;
      const parent = stack[stack.length - 1];
      if (done.text && !parent?.text) {
        if (parent) (parent.texts ??= []).push(done.text);
        return;
      }
      if (!done.texts) return;
      // the anchor lives in CSS, which is not evaluated here. A text centred on a box beside it
      // (a pill, a badge, a node) is taken as centred; any other text may reach either way.
      for (const { x, y, length, frame: f } of done.texts) {
        const width = length * FONT_PX * GLYPH;
        const centred = done.rectCentres?.some((c) => Math.abs(c - x) < 0.5) ?? false;
        add(f, x - width / 2, y - FONT_PX);
        add(f, centred ? x + width / 2 : x + width, y + FONT_PX / 3);
      }
    },
  };
  return { visitor, bounds: b };
}
