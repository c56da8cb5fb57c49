// Rules for serving the built renderer from app://gradlens/ instead of file://: map a request
// URL to a file strictly inside the renderer folder, with its MIME type and the CSP header.

import { APP_HOST, APP_SCHEME } from "./channels.ts";

/**
 * The Content-Security-Policy of every page and worker. No 'unsafe-eval', no remote origins;
 * 'wasm-unsafe-eval' lets the engine compile its own WebAssembly matrix kernel (it cannot run
 * JavaScript from strings; without it the engine falls back to slower JavaScript loops).
 * Styles allow 'unsafe-inline' because KaTeX and Svelte write style attributes; scripts do not.
 * Workers may start from blob: URLs because the engine runs in a Web Worker.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".md": "text/markdown; charset=utf-8",
  ".py": "text/x-python; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
};

export function mimeTypeFor(relativePath: string): string {
  const dot = relativePath.lastIndexOf(".");
  return (dot >= 0 && MIME[relativePath.slice(dot).toLowerCase()]) || "application/octet-stream";
}

/**
 * The path, relative to the renderer folder and with "/" separators, that an app:// URL asks
 * for; null for anything that is not ours or that tries to climb out of the folder.
 * "/" serves index.html.
 */
export function resolveAppPath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== "")
    return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments: string[] = [];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." || /^[A-Za-z]:$/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length === 0 ? "index.html" : segments.join("/");
}

export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
