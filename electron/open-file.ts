// Reading a script or lesson the user picked, under the rules of file-rules.ts.

import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import type { OpenResult } from "./channels.ts";
import { decodeTextFile, refuseBeforeReading } from "./file-rules.ts";

export async function readOpenableFile(path: string): Promise<OpenResult> {
  const name = basename(path);
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused just below)
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return {
      status: "refused",
      name,
      reason: `${name} could not be opened: ${describeFsError(error)}.`,
    };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { status: "refused", name, reason: `${name} is not a file.` };
    const early = refuseBeforeReading(name, stats.size);
    if (early) return { status: "refused", name, reason: early };
    const decoded = decodeTextFile(name, await handle.readFile());
    return decoded.ok
      ? { status: "opened", file: { name, text: decoded.text } }
      : { status: "refused", name, reason: decoded.reason };
  } catch (error) {
    return {
      status: "refused",
      name,
      reason: `${name} could not be read: ${describeFsError(error)}.`,
    };
  } finally {
    await handle.close();
  }
}

/** Plain words for the errors a student is likely to meet. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "it no longer exists";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTREGULAR":
      return "it is not a regular file (a device, pipe or socket), so Gradlens will not replace it";
    case "ENAMETOOLONG":
      return "the name is too long for this disk";
    case "EFBIG":
      return "the file is too big for this disk";
    case "EDQUOT":
      return "the disk quota is used up";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the disk is read-only";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
