// How far a rendered drawing reaches: the box around every rect, path, text and nested svg of
// the markup, through translate/scale transforms. Exports size their viewBox with it, so badges,
// sums and gradient pills drawn outside node boxes are never cut off, whatever the components draw.

import type { Bounds } from "../layout/types.ts";
import { type XmlElement, textOf } from "./xml.ts";

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

/** The extent of `root`'s drawing in its own user units. */
export function drawingBounds(root: XmlElement, frame: Frame = IDENTITY): Bounds {
  const b = emptyBounds();
  const add = (f: Frame, x: number, y: number) => {
    const px = f.sx * x + f.tx;
    const py = f.sy * y + f.ty;
    b.minX = Math.min(b.minX, px);
    b.maxX = Math.max(b.maxX, px);
    b.minY = Math.min(b.minY, py);
    b.maxY = Math.max(b.maxY, py);
  };
  const visit = (el: XmlElement, outer: Frame, rectCentres: readonly number[] = []) => {
    const f = applyTransform(outer, el.attrs.transform);
    const a = el.attrs;
    switch (el.name) {
      case "defs":
      case "marker":
      case "title":
      case "desc":
      case "style":
      case "clipPath":
      case "mask":
        return;
      case "svg":
        if (el !== root) {
          add(f, num(a.x), num(a.y));
          add(f, num(a.x) + num(a.width), num(a.y) + num(a.height));
          return;
        }
        break;
      case "rect":
        add(f, num(a.x), num(a.y));
        add(f, num(a.x) + num(a.width), num(a.y) + num(a.height));
        return;
      case "circle":
      case "ellipse": {
        const rx = num(a.r ?? a.rx);
        const ry = num(a.r ?? a.ry);
        add(f, num(a.cx) - rx, num(a.cy) - ry);
        add(f, num(a.cx) + rx, num(a.cy) + ry);
        return;
      }
      case "line":
        add(f, num(a.x1), num(a.y1));
        add(f, num(a.x2), num(a.y2));
        return;
      case "path":
        for (const [x, y] of pathPoints(a.d ?? "")) add(f, x, y);
        return;
      case "text": {
        const x = num(a.x);
        const y = num(a.y);
        const width = textOf(el).length * FONT_PX * GLYPH;
        // the anchor lives in CSS, which is not evaluated here. A text centred on a box beside it
        // (a pill, a badge, a node) is taken as centred; any other text may reach either way.
        const centred = rectCentres.some((c) => Math.abs(c - x) < 0.5);
        add(f, x - width / 2, y - FONT_PX);
        add(f, centred ? x + width / 2 : x + width, y + FONT_PX / 3);
        return;
      }
    }
    const centres = el.children.flatMap((c) => (typeof c !== "string" && c.name === "rect" ? [num(c.attrs.x) + num(c.attrs.width) / 2] : []));
    for (const c of el.children) if (typeof c !== "string") visit(c, f, centres);
  };
  visit(root, frame);
  return b;
}
