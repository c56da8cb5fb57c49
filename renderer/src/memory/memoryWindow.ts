// The part of a tall memory drawing worth putting in the page: what is on screen and a screen's
// height either side. A big script's memory (a 2000-node MLP: ~90 tensors, ~2000 SVG elements,
// 13,000 px tall) otherwise costs the first paint and every step the DOM of what nobody sees.

import type { MemoryModel } from "./memoryModel.ts";

/** drawings shorter than this are drawn whole */
export const WINDOW_FROM_PX = 3000;
/** drawn above and below the pane at least (before the pane's height is known, too) */
const MIN_MARGIN_PX = 600;

/** The model with only the items that reach into [scrollTop - margin, scrollTop + viewHeight + margin];
 *  the same model when it is small; the same lists (and item objects) where nothing was left out. */
export function memoryWindow(model: MemoryModel, scrollTop: number, viewHeight: number): MemoryModel {
  if (model.height < WINDOW_FROM_PX) return model;
  const margin = Math.max(MIN_MARGIN_PX, viewHeight);
  const from = scrollTop - margin;
  const to = scrollTop + viewHeight + margin;
  const within = <T>(items: T[], top: (x: T) => number, bottom: (x: T) => number): T[] => {
    const kept = items.filter((x) => bottom(x) >= from && top(x) <= to);
    return kept.length === items.length ? items : kept;
  };
  return {
    ...model,
    frames: within(model.frames, (f) => f.y, (f) => f.y + f.height),
    names: within(model.names, (n) => n.y, (n) => n.y + 24),
    objects: within(model.objects, (o) => o.y, (o) => o.y + o.height),
    instances: within(model.instances, (o) => o.y, (o) => o.y + o.height),
    storages: within(model.storages, (s) => s.y, (s) => s.y + s.height),
    arrows: within(model.arrows, (a) => a.top, (a) => a.bottom),
  };
}
