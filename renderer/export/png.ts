// Node only: an exported SVG as PNG at 1x or 2x, drawn by resvg with the system's fonts.

import { Resvg } from "@resvg/resvg-js";

export function svgToPng(svg: string, scale = 1): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
