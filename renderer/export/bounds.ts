// How far a rendered drawing reaches: the box around every rect, path, text and nested svg of
// the markup, through translate/scale transforms, in one streaming pass. Exports size their viewBox with it, so badges,
// sums and gradient pills drawn outside node boxes are never cut off, whatever the components draw.

import type { Bounds } from "../layout/types.ts";
import { scanXml, type XmlVisitor } from "./xml.ts";

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

export function applyTransform(frame: Frame, transform: string | undefined): Frame {
  if (!transform) return frame;
  let f = frame;
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
 *  points are included: a curve stays inside them, so the box is safe. */
export function pathPoints(d: string): [number, number][] {
  const nums = (d.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  if (/[a-y]/.test(d.replace(/e[-+]?\d/gi, ""))) {
    // relative commands are not used by the components; fall back to no points rather than guess
    return [];
  }
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
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
  /** centres of the rect children, for the texts among the children */
  rectCentres: number[];
  texts: { x: number; y: number; length: number; frame: Frame }[];
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
  const box = (f: Frame, a: Record<string, string>) => {
    add(f, num(a.x), num(a.y));
    add(f, num(a.x) + num(a.width), num(a.y) + num(a.height));
  };
  const stack: Open[] = [];
  const open = (f: Frame, skip: boolean): Open => {
    const entry: Open = { frame: f, skip, rectCentres: [], texts: [], text: null };
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
      const f = applyTransform(parent ? parent.frame : frame, a.transform);
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
          parent?.rectCentres.push(num(a.x) + num(a.width) / 2);
          break;
        case "circle":
        case "ellipse": {
          const rx = num(a.r ?? a.rx);
          const ry = num(a.r ?? a.ry);
          add(f, num(a.cx) - rx, num(a.cy) - ry);
          add(f, num(a.cx) + rx, num(a.cy) + ry);
          break;
        }
        case "line":
          add(f, num(a.x1), num(a.y1));
          add(f, num(a.x2), num(a.y2));
          break;
        case "path":
          for (const [x, y] of pathPoints(a.d ?? "")) add(f, x, y);
          break;
        case "text":
          open(f, false).text = { x: num(a.x), y: num(a.y), length: 0, frame: f };
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
    close() {
      const done = stack.pop() as Open;
      const parent = stack[stack.length - 1];
      if (done.text && !parent?.text) {
        parent?.texts.push(done.text);
        return;
      }
      // the anchor lives in CSS, which is not evaluated here. A text centred on a box beside it
      // (a pill, a badge, a node) is taken as centred; any other text may reach either way.
      for (const { x, y, length, frame: f } of done.texts) {
        const width = length * FONT_PX * GLYPH;
        const centred = done.rectCentres.some((c) => Math.abs(c - x) < 0.5);
        add(f, x - width / 2, y - FONT_PX);
        add(f, centred ? x + width / 2 : x + width, y + FONT_PX / 3);
      }
    },
  };
  return { visitor, bounds: b };
}
