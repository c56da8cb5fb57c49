// The graph pane's zoom and pan (d3-zoom drives the transform, Svelte draws with it): fit to what a
// step touches at a readable scale, keep a step's nodes in view while stepping, focus one node.

import { interpolate, select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from "d3";
import type { Bounds } from "../../layout/types.ts";
import { MIN_PX, TEXT_MAIN } from "./textScale.ts";

/** Graph-space margins around what is framed: room for pills above and below, and for tags. */
const PAD_X = 48;
const PAD_Y = 32;
/** Fit never zooms in past this (a few nodes would fill the pane) */
const MAX_FIT = 1.3;
/** Names and values stay readable from here (textScale.ts: 13-unit text at 11 px or more) */
const READABLE = MIN_PX / TEXT_MAIN;

export class ZoomState {
  transform: ZoomTransform = $state(zoomIdentity);
  width = $state(600);
  height = $state(400);
  private svg: SVGSVGElement | null = null;
  private zoomer: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  reducedMotion = false;

  /** The graph-space rectangle on screen. */
  readonly visible = $derived.by(() => {
    const [x0, y0] = this.transform.invert([0, 0]);
    const [x1, y1] = this.transform.invert([this.width, this.height]);
    return { minX: x0, minY: y0, maxX: x1, maxY: y1 };
  });

  /** Attaches d3-zoom to the svg; returns the detach function (an $effect's cleanup). */
  attach(svg: SVGSVGElement): () => void {
    // the pane's measured size, not d3's default (the svg's width.baseVal, which throws for "100%"
    // while the page has no layout yet, as in an iframe that has not been shown)
    const z = zoom<SVGSVGElement, unknown>()
      .extent(() => [
        [0, 0],
        [this.width, this.height],
      ])
      .scaleExtent([0.05, 4])
      // straight, not d3's default smooth zoom (van Wijk), which zooms out mid-pan: stepping a big
      // graph then left the readable scale for a few frames and back (the SVG/canvas switch each time)
      .interpolate(interpolate)
      .on("zoom", (ev) => (this.transform = ev.transform));
    select(svg).call(z).on("dblclick.zoom", null);
    this.svg = svg;
    this.zoomer = z;
    return () => {
      select(svg).on(".zoom", null);
      this.svg = null;
      this.zoomer = null;
    };
  }

  /** Frames `b` (graph coordinates) in the pane, no closer than MAX_FIT; with `readableFloor`, no
   *  further out than names stay readable (centred on `b`, whose edges may then be past the pane's). */
  frame(b: Bounds, animate = true, readableFloor = false): void {
    const k = readableFloor ? Math.max(this.scaleToFit(b), Math.min(READABLE, MAX_FIT)) : this.scaleToFit(b);
    this.apply(zoomIdentity.translate(this.width / 2 - (k * (b.minX + b.maxX)) / 2, this.height / 2 - (k * (b.minY + b.maxY)) / 2).scale(k), animate);
  }

  /** The zoom at which `b` fills the pane (never past MAX_FIT). */
  scaleToFit(b: Bounds): number {
    const bw = Math.max(1, b.maxX - b.minX + 2 * PAD_X);
    const bh = Math.max(1, b.maxY - b.minY + 2 * PAD_Y);
    return Math.min(MAX_FIT, Math.min(this.width / bw, this.height / bh));
  }

  /** Whether `b` framed whole keeps the graph's names readable. */
  readable(b: Bounds): boolean {
    return this.scaleToFit(b) >= READABLE;
  }

  /** Frames the whole graph when its names stay readable, else what the step
   *  touches, else the named tensors' nodes, else the newest nodes (text stays readable). */
  fitReadable(whole: Bounds, focus: Bounds | null, named: Bounds | null, newest: Bounds | null, animate = true): void {
    const readable = (b: Bounds | null): b is Bounds => b != null && this.readable(b);
    // what the step touches, or the newest nodes, are framed at a readable zoom even in a small pane
    if (readable(whole)) return this.frame(whole, animate);
    this.frame(focus ?? (readable(named) ? named : (newest ?? named ?? whole)), animate, true);
  }

  /** Pans so `b` is in view when any of it is off screen (zooming out only if it cannot fit); a pan
   *  further than the pane is wide or high is a jump. */
  keepInView(b: Bounds): void {
    const v = this.visible;
    const inside = b.minX - PAD_X / 2 >= v.minX && b.maxX + PAD_X / 2 <= v.maxX && b.minY - PAD_Y / 2 >= v.minY && b.maxY + PAD_Y / 2 <= v.maxY;
    if (inside) return;
    const k = this.transform.k;
    const fits = (b.maxX - b.minX + 2 * PAD_X) * k <= this.width && (b.maxY - b.minY + 2 * PAD_Y) * k <= this.height;
    if (!fits) return this.frame(b, true, true);
    const t = zoomIdentity.translate(this.width / 2 - (k * (b.minX + b.maxX)) / 2, this.height / 2 - (k * (b.minY + b.maxY)) / 2).scale(k);
    // a pan of more than a pane's width or height jumps: gliding over the graph in between would put
    // every part of it that passes by in the page for a frame or two (and tells the eye little)
    const far = Math.abs(t.x - this.transform.x) > this.width || Math.abs(t.y - this.transform.y) > this.height;
    this.apply(t, !far);
  }

  /** Centres a point at a readable scale. */
  centre(x: number, y: number): void {
    const k = Math.max(this.transform.k, 1);
    this.apply(zoomIdentity.translate(this.width / 2 - k * x, this.height / 2 - k * y).scale(k), true);
  }

  panTo(x: number, y: number): void {
    if (this.svg && this.zoomer) select(this.svg).call(this.zoomer.translateTo, x, y);
  }

  zoomBy(f: number): void {
    if (this.svg && this.zoomer) select(this.svg).call(this.zoomer.scaleBy, f);
  }

  private apply(t: ZoomTransform, animate: boolean): void {
    if (!this.svg || !this.zoomer) return;
    const sel = select(this.svg);
    if (animate && !this.reducedMotion) sel.transition().duration(350).call(this.zoomer.transform, t);
    else sel.call(this.zoomer.transform, t);
  }
}
