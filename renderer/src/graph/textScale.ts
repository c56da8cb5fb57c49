// Text on the graph is never drawn smaller than MIN_PX on screen: at a zoom where a size would
// come out smaller, the texts of that size are hidden (the boxes stay) until the learner zooms in.

/** Graph-unit font sizes: names, values and pills; badges, tags and shapes on edges. */
export const TEXT_MAIN = 13;
export const TEXT_SMALL = 11;
export const MIN_PX = 11;
/** Width of one monospace character per px of font size (DejaVu Sans Mono, Menlo, Consolas: ~0.6) */
export const MONO_EM = 0.61;

/** 2: every text readable; 1: the small texts hidden; 0: boxes and lines only. */
export function zoomLevel(k: number): 0 | 1 | 2 {
  if (k * TEXT_SMALL >= MIN_PX - 1e-9) return 2;
  if (k * TEXT_MAIN >= MIN_PX - 1e-9) return 1;
  return 0;
}

/** Width in graph units of `chars` monospace characters at `size`. */
export function monoWidth(chars: number, size: number): number {
  return chars * size * MONO_EM;
}
