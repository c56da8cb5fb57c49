// Share links: the script itself, compressed, and the step on screen, in the link's #fragment
// (never sent to any server), so the browser build opens the same script at the same step.

/** A shared script is held to what File > Open takes (electron/file-rules.ts). */
export const MAX_SHARED_CHARS = 1_000_000;

export interface Shared {
  script: string;
  /** the step on screen, as the timeline counts them (1 = the first event, 0 = before the start) */
  step: number;
  /** the script's file name, shown in the title bar */
  name: string;
}

/** `#s=<deflate-raw, base64url>&step=N&name=...` */
export async function shareFragment(shared: Shared): Promise<string> {
  const packed = await squeeze(new TextEncoder().encode(shared.script));
  const params = new URLSearchParams({ s: toBase64Url(packed), step: String(shared.step), name: shared.name });
  return `#${params}`;
}

/** The link: the browser build's address (where this page was served from, or `base`) and the fragment. */
export async function shareLink(shared: Shared, base: string): Promise<string> {
  return base.replace(/#.*$/, "") + (await shareFragment(shared));
}

/** An iframe a course page can paste in to show the same script at the same step. */
export function embedSnippet(link: string, name: string): string {
  const title = `Gradlens: ${name}`.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<iframe src="${link.replace(/&/g, "&amp;").replace(/"/g, "%22")}" title="${title}" width="100%" height="720" style="border:1px solid #ccc;border-radius:6px" loading="lazy"></iframe>`;
}

export type ReadShared = { ok: true; shared: Shared } | { ok: false; reason: string } | null;

/** What a location's fragment shares; null when it shares nothing, a reason when it is damaged. */
export async function readShareFragment(hash: string): Promise<ReadShared> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const s = params.get("s");
  if (s == null) return null;
  const damaged = "This share link is damaged (cut short when it was copied?): its script could not be read.";
  let bytes: Uint8Array;
  try {
    bytes = await unsqueeze(fromBase64Url(s), MAX_SHARED_CHARS * 4);
  } catch (e) {
    return { ok: false, reason: e instanceof RangeError ? e.message : damaged };
  }
  let script: string;
  try {
    script = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: damaged };
  }
  if (script.length > MAX_SHARED_CHARS) return { ok: false, reason: `This share link holds a script of ${script.length.toLocaleString("en")} characters; Gradlens opens scripts up to ${MAX_SHARED_CHARS.toLocaleString("en")}.` };
  const step = Number(params.get("step") ?? "");
  const name = (params.get("name") ?? "").replace(/[^\w.\- ]/g, "").slice(0, 80) || "shared.py";
  return { ok: true, shared: { script, step: Number.isInteger(step) && step >= 0 ? step : -1, name } };
}

async function squeeze(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, refusing more than `limit` bytes (a small link must not unpack into gigabytes). */
async function unsqueeze(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError(`This share link unpacks to more than ${(limit / 1e6).toFixed(0)} MB; Gradlens opens scripts up to ${MAX_SHARED_CHARS.toLocaleString("en")} characters.`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
