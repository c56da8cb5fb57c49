// Saving the way careful editors do, so a save never damages the file it replaces:
// - the new bytes go to a temporary file beside the target (a short name, so a 255-byte target
//   name still fits), flushed, then renamed over it: a crash or a full disk leaves the old file
//   or the new one, never half of each; the folder is flushed too, so the rename itself lasts;
// - a symbolic link stays a link: the file it points to is what gets replaced;
// - the replaced file's permissions (a 0600 script stays private) and, where allowed, owner and
//   group carry over;
// - a file with other hard links is rewritten in place (after the new text is safely in a
//   temporary file), since a rename would leave the other names on the old text;
// - only regular files are replaced: a device, pipe, socket or folder is refused untouched.
// The steps are written once, as a generator of file-system operations; a synchronous and an
// asynchronous driver run them (the window state and the last autosave must be written while
// the app quits, everything else must not block).

import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

type Data = string | Uint8Array;

/** A target Gradlens will not replace; `code` is what describeFsError words. */
export class NotRegularFileError extends Error {
  readonly code: string;
  constructor(
    readonly path: string,
    what: "a folder" | "a device" | "a pipe" | "a socket" | "not a regular file",
  ) {
    super(`${path} is ${what}, not a regular file`);
    this.code = what === "a folder" ? "EISDIR" : "ENOTREGULAR";
  }
}

type Op =
  | { op: "lstat"; path: string }
  | { op: "readlink"; path: string }
  | { op: "open"; path: string; flags: string | number; mode?: number }
  | { op: "write"; fd: number; data: Uint8Array }
  | { op: "fchmod"; fd: number; mode: number }
  | { op: "fchown"; fd: number; uid: number; gid: number }
  | { op: "ftruncate"; fd: number; length: number }
  | { op: "fsync"; fd: number }
  | { op: "close"; fd: number }
  | { op: "rename"; from: string; to: string }
  | { op: "unlink"; path: string };

/** what an op gives back: Stats or null (lstat of a missing path), a link's text, an fd */
type Result = fs.Stats | null | string | number | undefined | void;
type Steps<T> = Generator<Op, T, Result>;

const MAX_LINKS = 40;

function what(s: fs.Stats): ConstructorParameters<typeof NotRegularFileError>[1] {
  if (s.isDirectory()) return "a folder";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "a device";
  if (s.isFIFO()) return "a pipe";
  if (s.isSocket()) return "a socket";
  return "not a regular file";
}

/** Follows symbolic links to the path that really gets written (it may not exist yet: a link
 *  to a file still to be made) and what is there now. */
function* resolveTarget(target: string): Steps<{ path: string; stats: fs.Stats | null }> {
  let path = resolve(target);
  for (let hops = 0; ; hops++) {
    const stats = (yield { op: "lstat", path }) as fs.Stats | null;
    if (!stats || !stats.isSymbolicLink()) {
      if (stats && !stats.isFile()) throw new NotRegularFileError(path, what(stats));
      return { path, stats };
    }
    if (hops >= MAX_LINKS) throw Object.assign(new Error(`${target}: too many levels of symbolic links`), { code: "ELOOP" });
    path = resolve(dirname(path), (yield { op: "readlink", path }) as string);
  }
}

const bytesOf = (data: Data): Uint8Array => (typeof data === "string" ? Buffer.from(data, "utf8") : data);

/** `.gradlens-<12 hex>.tmp`: the same short length whatever the target is called */
export function tempNameIn(folder: string): string {
  return join(folder, `.gradlens-${randomBytes(6).toString("hex")}.tmp`);
}

/** Writes `bytes` to a new temporary file in `folder`, with the old file's mode and owner,
 *  flushed and closed. Returns its path; on failure it is gone. */
function* writeTemp(folder: string, bytes: Uint8Array, old: fs.Stats | null): Steps<string> {
  const temp = tempNameIn(folder);
  // a new file gets 0666 less the umask, as editors create files; a replaced one its own mode
  const fd = (yield { op: "open", path: temp, flags: "wx", mode: old ? old.mode & 0o7777 : 0o666 }) as number;
  try {
    try {
      yield { op: "write", fd, data: bytes };
      if (old) {
        yield { op: "fchmod", fd, mode: old.mode & 0o7777 };
        if (process.platform !== "win32" && (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())) {
          try {
            yield { op: "fchown", fd, uid: old.uid, gid: old.gid };
          } catch {
            // only root may give a file away; the group may not be ours to set either
          }
        }
      }
      yield { op: "fsync", fd };
    } finally {
      yield { op: "close", fd };
    }
  } catch (error) {
    try {
      yield { op: "unlink", path: temp };
    } catch {
      // already gone
    }
    throw error;
  }
  return temp;
}

/** Flushes a folder's entries (the rename) to disk. Windows cannot open a folder: skipped. */
function* syncFolder(folder: string): Steps<void> {
  if (process.platform === "win32") return;
  let fd: number;
  try {
    fd = (yield { op: "open", path: folder, flags: "r" }) as number;
  } catch {
    return;
  }
  try {
    yield { op: "fsync", fd };
  } catch {
    // some file systems cannot flush a folder; the data itself is flushed
  } finally {
    yield { op: "close", fd };
  }
}

function* saveSteps(target: string, data: Data): Steps<void> {
  const { path, stats } = yield* resolveTarget(target);
  const folder = dirname(path);
  const bytes = bytesOf(data);
  const temp = yield* writeTemp(folder, bytes, stats);
  if (stats && stats.nlink > 1) {
    // other names share this file: rewrite it in place; the new text waits safe in `temp`
    const fd = (yield { op: "open", path, flags: "r+" }) as number;
    try {
      yield { op: "write", fd, data: bytes };
      yield { op: "ftruncate", fd, length: bytes.length };
      yield { op: "fsync", fd };
    } catch (error) {
      const kept = Object.assign(new Error(`${(error as Error).message} (the new text is kept in ${temp})`), { code: (error as { code?: string }).code, keptIn: temp });
      throw kept;
    } finally {
      yield { op: "close", fd };
    }
    yield { op: "unlink", path: temp };
    return;
  }
  try {
    yield { op: "rename", from: temp, to: path };
  } catch (error) {
    try {
      yield { op: "unlink", path: temp };
    } catch {
      // already gone
    }
    throw error;
  }
  yield* syncFolder(folder);
}

// ---- drivers ----

function lstatOrNull(path: string): fs.Stats | null {
  try {
    return fs.lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

function writeAllSync(fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at, at);
}

function runSync(op: Op): Result {
  switch (op.op) {
    case "lstat":
      return lstatOrNull(op.path);
    case "readlink":
      return fs.readlinkSync(op.path);
    case "open":
      return fs.openSync(op.path, op.flags, op.mode);
    case "write":
      return writeAllSync(op.fd, op.data);
    case "fchmod":
      return fs.fchmodSync(op.fd, op.mode);
    case "fchown":
      return fs.fchownSync(op.fd, op.uid, op.gid);
    case "ftruncate":
      return fs.ftruncateSync(op.fd, op.length);
    case "fsync":
      return fs.fsyncSync(op.fd);
    case "close":
      return fs.closeSync(op.fd);
    case "rename":
      return fs.renameSync(op.from, op.to);
    case "unlink":
      return fs.unlinkSync(op.path);
  }
}

const p = {
  lstat: promisify(fs.lstat),
  readlink: promisify(fs.readlink),
  open: promisify(fs.open),
  write: (fd: number, data: Uint8Array, offset: number, length: number, position: number) =>
    new Promise<number>((done, fail) => fs.write(fd, data, offset, length, position, (e, n) => (e ? fail(e) : done(n)))),
  fchmod: promisify(fs.fchmod),
  fchown: promisify(fs.fchown),
  ftruncate: promisify(fs.ftruncate),
  fsync: promisify(fs.fsync),
  close: promisify(fs.close),
  rename: promisify(fs.rename),
  unlink: promisify(fs.unlink),
};

async function runAsync(op: Op): Promise<Result> {
  switch (op.op) {
    case "lstat":
      return p.lstat(op.path).catch((e: NodeJS.ErrnoException) => {
        if (e.code === "ENOENT") return null;
        throw e;
      });
    case "readlink":
      return p.readlink(op.path);
    case "open":
      return p.open(op.path, op.flags, op.mode);
    case "write":
      for (let at = 0; at < op.data.length; ) at += await p.write(op.fd, op.data, at, op.data.length - at, at);
      return undefined;
    case "fchmod":
      return p.fchmod(op.fd, op.mode);
    case "fchown":
      return p.fchown(op.fd, op.uid, op.gid);
    case "ftruncate":
      return p.ftruncate(op.fd, op.length);
    case "fsync":
      return p.fsync(op.fd);
    case "close":
      return p.close(op.fd);
    case "rename":
      return p.rename(op.from, op.to);
    case "unlink":
      return p.unlink(op.path);
  }
}

function drive<T>(steps: Steps<T>, run: (op: Op) => Result): T {
  let next = steps.next();
  while (!next.done) {
    let result: Result;
    try {
      result = run(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(result);
  }
  return next.value;
}

async function driveAsync<T>(steps: Steps<T>, run: (op: Op) => Promise<Result>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let result: Result;
    try {
      result = await run(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(result);
  }
  return next.value;
}

/** Saves `data` to `target` as described at the top of this file. */
export function writeFileAtomic(target: string, data: Data): Promise<void> {
  return driveAsync(saveSteps(target, data), runAsync);
}

/** Writes several files; each is atomic on its own. Stops at the first failure. */
export async function writeFilesAtomic(files: readonly { path: string; data: Data }[]): Promise<void> {
  for (const file of files) await writeFileAtomic(file.path, file.data);
}

/** The same, synchronously: for what must be on disk before the process quits (the window
 *  state, the last autosave). */
export function writeFileAtomicSync(target: string, data: Data): void {
  drive(saveSteps(target, data), runSync);
}

/** Why `target` cannot be saved over, or null (missing is fine: it will be made). Follows links. */
export function refuseTarget(target: string): string | null {
  try {
    drive(resolveTarget(target), runSync);
    return null;
  } catch (error) {
    return error instanceof NotRegularFileError ? error.message : null;
  }
}
