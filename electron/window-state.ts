// Window size and position kept between launches: parse what was saved, and put the window
// back only where the user can still reach it (a monitor may have been unplugged since).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface RestoredBounds {
  /** Absent when the saved spot is off every screen: Electron then centres the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the title bar must be on a screen for the window to be grabbable. */
const TITLE_BAR = { height: 32, minVisibleWidth: 120 } as const;

function isFiniteInt(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && Number.isInteger(value);
}

/** The saved file is user-editable and may be from an older version: accept only a clean shape. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== "object" || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteInt)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    maximized: maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** True when enough of the window's title bar lies on some screen to drag it. */
export function titleBarReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR.height };
  return workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return (
      o.width >= Math.min(TITLE_BAR.minVisibleWidth, bounds.width) && o.height >= TITLE_BAR.height
    );
  });
}

/**
 * Bounds for the new window: the saved size clamped between the minimum and the largest
 * screen, and the saved position only if the title bar would be reachable there.
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): RestoredBounds {
  const largest = workAreas.reduce(
    (max, a) => ({ width: Math.max(max.width, a.width), height: Math.max(max.height, a.height) }),
    { width: 0, height: 0 },
  );
  const fit = (value: number, min: number, max: number) =>
    Math.max(min, max > 0 ? Math.min(value, max) : value);
  if (!saved) {
    return {
      width: fit(DEFAULT_SIZE.width, MIN_SIZE.width, largest.width),
      height: fit(DEFAULT_SIZE.height, MIN_SIZE.height, largest.height),
      maximized: false,
    };
  }
  const width = fit(saved.bounds.width, MIN_SIZE.width, largest.width);
  const height = fit(saved.bounds.height, MIN_SIZE.height, largest.height);
  const placed = { x: saved.bounds.x, y: saved.bounds.y, width, height };
  return titleBarReachable(placed, workAreas)
    ? { ...placed, maximized: saved.maximized }
    : { width, height, maximized: saved.maximized };
}
