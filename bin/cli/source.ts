// Reading the script to run, with a clear message (and exit 2) for every way it can fail:
// missing, a directory, a device or pipe, bigger than the app opens, unreadable, not UTF-8.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { MAX_OPEN_BYTES, formatBytes } from "../../electron/file-rules.ts";

export type SourceResult = { ok: true; path: string; text: string } | { ok: false; message: string };

/** what a stat says the path is, in words, when it is not a regular file */
function notRegular(stat: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

function tooBig(file: string, size: number): string {
  return `'${file}' is ${formatBytes(size)}; Gradlens runs scripts up to ${formatBytes(MAX_OPEN_BYTES)}, as the app opens them`;
}

/** The file's bytes, refusing anything but a regular file of at most MAX_OPEN_BYTES (a FIFO is
 *  refused before it is opened, so reading never waits on a writer; the file is opened without
 *  blocking and checked again, and never more than the limit is read). */
function readLimited(path: string, file: string): Buffer | string {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return `cannot open '${file}': no such file`;
    if (code === "EACCES") return `cannot open '${file}': permission denied`;
    return `cannot open '${file}': ${(e as Error).message}`;
  }
  if (stat.isDirectory()) return `'${file}' is a directory, not a Python file`;
  if (!stat.isFile()) return `'${file}' is ${notRegular(stat)}, not a Python file`;
  if (stat.size > MAX_OPEN_BYTES) return tooBig(file, stat.size);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES") return `cannot read '${file}': permission denied`;
    return `cannot read '${file}': ${(e as Error).message}`;
  }
  try {
    const again = fstatSync(fd);
    if (!again.isFile()) return `'${file}' is ${notRegular(again)}, not a Python file`;
    const buf = Buffer.alloc(MAX_OPEN_BYTES + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > MAX_OPEN_BYTES) return tooBig(file, Math.max(n, fstatSync(fd).size));
    }
    return buf.subarray(0, n);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES") return `cannot read '${file}': permission denied`;
    return `cannot read '${file}': ${(e as Error).message}`;
  } finally {
    closeSync(fd);
  }
}

export function readSource(file: string, cwd: string): SourceResult {
  const path = resolve(cwd, file);
  const bytes = readLimited(path, file);
  if (typeof bytes === "string") return { ok: false, message: bytes };
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
