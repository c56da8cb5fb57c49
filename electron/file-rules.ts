// Which files Gradlens opens and how it names the files it writes. Pure: shared by the
// main process and the browser host, so the desktop app and the web app refuse the same files.

import type { ExportKind } from "./channels.ts";

/** Scripts and lessons are small; anything bigger is almost surely the wrong file. */
export const MAX_OPEN_BYTES = 1_000_000;
export const OPENABLE_EXTENSIONS = [".py", ".md", ".markdown", ".txt", ".ipynb"] as const;

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

/** The last path segment, whichever separator the platform used. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? "";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function isOpenableName(name: string): boolean {
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

/** Why a file of this name and size cannot be opened, or null if it may be read. */
export function refuseBeforeReading(name: string, size: number): string | null {
  if (!isOpenableName(name)) {
    return `${name} is not a script or lesson: Gradlens opens ${OPENABLE_EXTENSIONS.join(", ")} files.`;
  }
  if (size > MAX_OPEN_BYTES) {
    return `${name} is ${formatBytes(size)}; Gradlens opens scripts and lessons up to ${formatBytes(MAX_OPEN_BYTES)}.`;
  }
  return null;
}

/**
 * Decode a file's bytes as UTF-8 text, refusing binary and non-UTF-8 files with a reason a
 * student can act on. A leading byte-order mark is dropped (Windows editors add one).
 */
export function decodeTextFile(name: string, bytes: Uint8Array): DecodeResult {
  const early = refuseBeforeReading(name, bytes.byteLength);
  if (early) return { ok: false, reason: early };
  if (bytes.includes(0)) {
    return {
      ok: false,
      reason: `${name} looks like a binary file, not text (it contains NUL bytes).`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: `${name} is not UTF-8 text (byte 0x${bytes[at]?.toString(16).padStart(2, "0")} at offset ${at}); save it as UTF-8 and open it again.`,
    };
  }
  return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_NAME_LENGTH = 120;

/**
 * A safe file name from a name the renderer suggested: the last segment only, no control or
 * reserved characters, never hidden, never empty, ending in `ext`. Only ever a default for
 * the save dialog or a step file's stem; the user or the dialog has the last word.
 */
export function sanitizeFileName(
  suggested: string,
  ext: string,
  fallbackStem = "untitled",
): string {
  let stem = baseName(suggested)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (stem.toLowerCase().endsWith(ext.toLowerCase()))
    stem = stem.slice(0, -ext.length).replace(/[.\s]+$/g, "");
  if (stem === "" || WINDOWS_RESERVED.test(stem)) stem = fallbackStem;
  stem = stem.slice(0, MAX_NAME_LENGTH - ext.length);
  return stem + ext;
}

export const EXPORT_EXTENSION: Record<ExportKind, string> = {
  svg: ".svg",
  png: ".png",
  dot: ".dot",
};

export const EXPORT_FILTER_NAME: Record<ExportKind, string> = {
  svg: "SVG image",
  png: "PNG image",
  dot: "Graphviz DOT",
};

/**
 * Names of the files written by "Export all steps": from the name the user gave the save
 * dialog (`graph.svg`) to `graph-step-001.svg`, `graph-step-002.svg`... zero-padded so they
 * sort in step order in every file browser.
 */
export function stepFileNames(chosenName: string, count: number, kind: ExportKind): string[] {
  const ext = EXPORT_EXTENSION[kind];
  const stem = sanitizeFileName(chosenName, ext, "gradlens").slice(0, -ext.length);
  const width = Math.max(3, String(count).length);
  return Array.from(
    { length: count },
    (_, i) => `${stem}-step-${String(i + 1).padStart(width, "0")}${ext}`,
  );
}

/** A script name for Save when the user has not named the file yet. */
export function scriptNameFor(suggested: string): string {
  const ext = isOpenableName(suggested) ? extensionOf(suggested) : ".py";
  return sanitizeFileName(suggested, ext, "untitled");
}
