// Validation of everything that crosses IPC into the main process, and of who sent it.
// The renderer is treated as untrusted input: each handler parses its arguments here first.

import {
  APP_HOST,
  APP_SCHEME,
  EXPORT_KINDS,
  type ExportData,
  type ExportKind,
} from "./channels.ts";

export class IpcArgumentError extends Error {
  override name = "IpcArgumentError";
}

/** Limits generous for real use and small enough that a runaway renderer cannot fill a disk. */
export const LIMITS = {
  scriptChars: 2_000_000,
  nameChars: 255,
  exportBytes: 64_000_000,
  /** steps one export may write: as many as a trace may hold events */
  steps: 100_000,
  /** bytes one export of many steps may write, all files together */
  stepsTotalBytes: 4_000_000_000,
  autosaveChars: 4_000_000,
} as const;

/**
 * Messages are only accepted from the app's own pages, served from app://gradlens/.
 * (Node's URL reports origin "null" for schemes it does not know, so compare the parts.)
 */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === "" &&
      parsed.password === ""
    );
  } catch {
    return false;
  }
}

function expectArgCount(args: readonly unknown[], count: number, channel: string): void {
  if (args.length !== count)
    throw new IpcArgumentError(`${channel}: expected ${count} arguments, got ${args.length}`);
}

function expectString(value: unknown, what: string, maxChars: number): string {
  if (typeof value !== "string") throw new IpcArgumentError(`${what} must be a string`);
  if (value.length > maxChars)
    throw new IpcArgumentError(`${what} is longer than ${maxChars} characters`);
  return value;
}

function expectKind(value: unknown): ExportKind {
  if (typeof value !== "string" || !(EXPORT_KINDS as readonly string[]).includes(value)) {
    throw new IpcArgumentError(`export kind must be one of ${EXPORT_KINDS.join(", ")}`);
  }
  return value as ExportKind;
}

/** PNG is bytes; SVG and DOT are text. Anything else (objects, arrays, NaN) is refused. */
function expectExportData(kind: ExportKind, value: unknown, what: string): ExportData {
  if (kind === "png") {
    if (!(value instanceof Uint8Array))
      throw new IpcArgumentError(`${what} for png must be a Uint8Array`);
    if (value.byteLength > LIMITS.exportBytes)
      throw new IpcArgumentError(`${what} is larger than ${LIMITS.exportBytes} bytes`);
    return value;
  }
  return expectString(value, what, LIMITS.exportBytes);
}

export function byteLengthOf(data: ExportData): number {
  return typeof data === "string" ? new TextEncoder().encode(data).byteLength : data.byteLength;
}

export function parseSaveArgs(args: readonly unknown[]): { text: string; suggestedName: string } {
  expectArgCount(args, 2, "save");
  return {
    text: expectString(args[0], "script text", LIMITS.scriptChars),
    suggestedName: expectString(args[1], "suggested name", LIMITS.nameChars),
  };
}

export function parseExportArgs(args: readonly unknown[]): {
  kind: ExportKind;
  data: ExportData;
  suggestedName: string;
} {
  expectArgCount(args, 3, "export");
  const kind = expectKind(args[0]);
  return {
    kind,
    data: expectExportData(kind, args[1], "export data"),
    suggestedName: expectString(args[2], "suggested name", LIMITS.nameChars),
  };
}

export function parseExportStepsBeginArgs(args: readonly unknown[]): {
  kind: ExportKind;
  count: number;
  suggestedName: string;
} {
  expectArgCount(args, 3, "export steps");
  const kind = expectKind(args[0]);
  const count = args[1];
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
    throw new IpcArgumentError("the number of steps must be a whole number of at least 1");
  if (count > LIMITS.steps)
    throw new IpcArgumentError(`at most ${LIMITS.steps} steps can be exported at once`);
  return { kind, count, suggestedName: expectString(args[2], "suggested name", LIMITS.nameChars) };
}

/** One step of an export begun with parseExportStepsBeginArgs: its index and its file's data. */
export function parseExportStepsWriteArgs(args: readonly unknown[], kind: ExportKind, count: number): {
  index: number;
  data: ExportData;
} {
  expectArgCount(args, 2, "export step");
  const index = args[0];
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= count)
    throw new IpcArgumentError(`the step index must be a whole number from 0 to ${count - 1}`);
  return { index, data: expectExportData(kind, args[1], `step ${index + 1}`) };
}

export function parseNoArgs(args: readonly unknown[], channel: string): void {
  expectArgCount(args, 0, channel);
}

/** engineBegin/engineEnd: the run's number, a positive integer the page counts up. */
export function parseEngineRunArgs(args: readonly unknown[]): { run: number } {
  expectArgCount(args, 1, "engine");
  const run = args[0];
  if (typeof run !== "number" || !Number.isSafeInteger(run) || run < 1) throw new IpcArgumentError("engine: the run must be a positive integer");
  return { run };
}

/** Autosave keys become file names in userData, so they are a closed, boring alphabet. */
const AUTOSAVE_KEY = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function parseAutosaveKey(value: unknown): string {
  if (typeof value !== "string" || !AUTOSAVE_KEY.test(value) || value.includes("..")) {
    throw new IpcArgumentError(
      "autosave key must be 1-64 of a-z 0-9 . _ - (starting with a letter or digit)",
    );
  }
  return value;
}

export function parseAutosaveLoadArgs(args: readonly unknown[]): { key: string } {
  expectArgCount(args, 1, "autosave load");
  return { key: parseAutosaveKey(args[0]) };
}

export function parseAutosaveSaveArgs(args: readonly unknown[]): {
  key: string;
  text: string | null;
} {
  expectArgCount(args, 2, "autosave save");
  const key = parseAutosaveKey(args[0]);
  const text =
    args[1] === null ? null : expectString(args[1], "autosave text", LIMITS.autosaveChars);
  return { key, text };
}

/** Names that only ever mean a machine on this computer or its local network. */
const LOCAL_SUFFIXES = [".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home", ".corp", ".home.arpa", ".test", ".invalid", ".example"];

/** Why the system browser may not be sent to `url`, or null when it may. */
export function refuseExternalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not a URL";
  }
  if (parsed.protocol !== "https:") return "not https";
  if (parsed.username !== "" || parsed.password !== "") return "it carries a user name or password";
  if (parsed.port !== "") return "it names a port";
  // the URL parser has already turned 2130706433, 0x7f.1, 127.1 and [::ffff:7f00:1] into one form
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[") || /^[\d.]+$/.test(host)) return "an IP address, not a name (loopback and local networks are refused)";
  if (host === "localhost" || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return "a name for this computer or its local network";
  if (!host.includes(".")) return "a name without a domain (a machine on the local network)";
  // a label in punycode is an international name that can look like another (аpple.com)
  if (host.split(".").some((label) => label.startsWith("xn--"))) return "an international name that can look like another one";
  return null;
}

/** External links (e.g. PyTorch docs in a lesson) may open in the system browser: https to a
 *  public name only — no credentials, no port, no IP address (so no loopback or local network),
 *  no local-only names, no lookalike international names. */
export function isSafeExternalUrl(url: string): boolean {
  return refuseExternalUrl(url) === null;
}
