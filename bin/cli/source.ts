// Reading the script to run, with a clear message (and exit 2) for every way it can fail:
// missing, a directory, unreadable, not UTF-8.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";

export type SourceResult = { ok: true; path: string; text: string } | { ok: false; message: string };

export function readSource(file: string, cwd: string): SourceResult {
  const path = resolve(cwd, file);
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, message: `cannot open '${file}': no such file` };
    if (code === "EACCES") return { ok: false, message: `cannot open '${file}': permission denied` };
    return { ok: false, message: `cannot open '${file}': ${(e as Error).message}` };
  }
  if (stat.isDirectory()) return { ok: false, message: `'${file}' is a directory, not a Python file` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES") return { ok: false, message: `cannot read '${file}': permission denied` };
    return { ok: false, message: `cannot read '${file}': ${(e as Error).message}` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      ok: false,
      message: `'${file}' is not UTF-8 text (byte 0x${bytes[bad].toString(16).padStart(2, "0")} at offset ${bad}); save it as UTF-8`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, path, text };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >> 5 === 0b110 && b >= 0xc2 ? 1 : b >> 4 === 0b1110 ? 2 : b >> 3 === 0b11110 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || bytes[i + k] >> 6 !== 0b10) return i;
    i += n + 1;
  }
  return 0;
}
