// In the app: an exported SVG as PNG, drawn by the browser itself (an <img> of the SVG on a
// canvas). The CSP allows blob: images; nothing leaves the page.

/** The width and height attributes of the root <svg>. */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(tag)?.[1] ?? NaN);
  const height = Number(/\sheight="([\d.]+)"/.exec(tag)?.[1] ?? NaN);
  if (!(width > 0 && height > 0)) throw new Error("the SVG has no width and height");
  return { width, height };
}

export async function rasterizeInBrowser(svg: string, scale: number): Promise<Uint8Array> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas to draw the PNG on");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
    if (!blob) throw new Error("the browser could not encode the PNG");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
