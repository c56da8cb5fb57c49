// The part of the graph the scene puts in the page: the view grown by a margin, kept while the view
// stays inside it. A pan of less than the margin (stepping keeps the step's nodes in view with short
// pans, and each pan animates over a few hundred ms) then mounts and unmounts nothing, and the scene's
// lists are not recomputed in the pan's frames; a longer pan moves the window once it leaves it.

import type { Rect } from "./sceneIndex.ts";

/** how far past the view the window reaches, as a fraction of the view's width and height, on each side */
export const CULL_MARGIN = 0.12;

/** A window remembered from call to call: the same object while `view` stays inside it and it is not
 *  far bigger than the view grown by the margin (after zooming in a long way, it shrinks again). */
export function createCullWindow(margin = CULL_MARGIN): (view: Rect | null) => Rect | null {
  let window: Rect | null = null;
  return (view) => {
    if (!view) return (window = null);
    const w = view.maxX - view.minX;
    const h = view.maxY - view.minY;
    const inside = window && view.minX >= window.minX && view.maxX <= window.maxX && view.minY >= window.minY && view.maxY <= window.maxY;
    const tooBig = window && (window.maxX - window.minX) * (window.maxY - window.minY) > 4 * (1 + 2 * margin) ** 2 * w * h;
    if (window && inside && !tooBig) return window;
    window = { minX: view.minX - margin * w, minY: view.minY - margin * h, maxX: view.maxX + margin * w, maxY: view.maxY + margin * h };
    return window;
  };
}
