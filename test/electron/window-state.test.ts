import { describe, expect, it } from "vitest";
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  parseWindowState,
  restoreBounds,
} from "../../electron/window-state.ts";

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const externalRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe("parseWindowState: the saved file may be damaged or old", () => {
  it.each([
    { raw: { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true }, ok: true },
    { raw: { bounds: { x: -1200, y: 20, width: 1000, height: 700 } }, ok: true },
    { raw: null, ok: false },
    { raw: "1280x800", ok: false },
    { raw: { bounds: { x: 10, y: 20, width: "1000", height: 700 } }, ok: false },
    { raw: { bounds: { x: 10, y: 20, width: 0, height: 700 } }, ok: false },
    { raw: { bounds: { x: Number.NaN, y: 20, width: 100, height: 700 } }, ok: false },
    { raw: { bounds: { x: 10.5, y: 20, width: 100, height: 700 } }, ok: false },
    { raw: { x: 10, y: 20, width: 100, height: 700 }, ok: false },
  ])("$raw -> ok=$ok", ({ raw, ok }) => {
    expect(parseWindowState(raw) !== null).toBe(ok);
  });

  it("reads maximized only when it is literally true", () => {
    expect(
      parseWindowState({ bounds: { x: 0, y: 0, width: 900, height: 600 }, maximized: "yes" })
        ?.maximized,
    ).toBe(false);
  });
});

describe("restoreBounds: the window comes back where the user left it, if it can", () => {
  it("first launch: the default size, centred by Electron (no position)", () => {
    expect(restoreBounds(null, [laptop])).toEqual({
      width: DEFAULT_SIZE.width,
      height: DEFAULT_SIZE.height,
      maximized: false,
    });
  });

  it("first launch on a small screen: the default size shrinks to fit", () => {
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    });
  });

  it("same screen: same place and size", () => {
    const saved = { bounds: { x: 100, y: 50, width: 1100, height: 760 }, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual({
      x: 100,
      y: 50,
      width: 1100,
      height: 760,
      maximized: false,
    });
  });

  it("on the external monitor while it is plugged in: kept there", () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreBounds(saved, [laptop, externalRight])).toEqual({
      x: 2000,
      y: 100,
      width: 1600,
      height: 1000,
      maximized: true,
    });
  });

  it("on an external monitor that was unplugged: size kept (fitted), position dropped so it opens visibly", () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it("title bar above the top of every screen: cannot be grabbed, so not placed there", () => {
    const saved = { bounds: { x: 100, y: -200, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [laptop]).x).toBeUndefined();
  });

  it("mostly off the right edge but with a grabbable strip of title bar: kept", () => {
    const saved = { bounds: { x: 1300, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [laptop])).toMatchObject({ x: 1300, y: 100 });
  });

  it("only a sliver of title bar on screen: moved", () => {
    const saved = { bounds: { x: 1400, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [laptop]).x).toBeUndefined();
  });

  it("a tiny saved size grows to the minimum the layout needs", () => {
    const saved = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    expect(restoreBounds(saved, [laptop])).toMatchObject({
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });
});
