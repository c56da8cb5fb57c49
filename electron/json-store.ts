// Small JSON and text files in the app's data folder (window state, recent files, autosave),
// read forgivingly and written atomically.

import { mkdirSync } from "node:fs";
import { mkdir, readFile, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeFileAtomic, writeFileAtomicSync } from "./atomic-write.ts";

/** The parsed JSON, or null if the file is missing or unreadable (a fresh start, not a crash). */
export async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch {
    return null;
  }
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + "\n");
}

/** For writes that must finish before the process can quit (the window state on close). */
export function writeJsonSync(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicSync(path, JSON.stringify(value, null, 2) + "\n");
}

/** Autosaved editor text, one file per key. Keys are validated (validate.ts) before they get here.
 *  Saves of one key run one after another and only the newest text waiting is written, so an
 *  older text never lands after a newer one (two atomic writes racing rename in the order they
 *  finish). A synchronous save, for when the window closes, is the newest of all. */
export class AutosaveStore {
  private readonly queues = new Map<string, Promise<void>>();
  /** per key: how many saves were asked for, and the text of the last synchronous one */
  private readonly asked = new Map<string, number>();
  private readonly lastSync = new Map<string, { ticket: number; text: string }>();

  constructor(private readonly folder: string) {}

  private pathOf(key: string): string {
    return join(this.folder, `${key}.txt`);
  }

  private ticket(key: string): number {
    const n = (this.asked.get(key) ?? 0) + 1;
    this.asked.set(key, n);
    return n;
  }

  async load(key: string): Promise<string | null> {
    try {
      return await readFile(this.pathOf(key), "utf8");
    } catch {
      return null;
    }
  }

  /** null removes the entry. Resolves once the newest text asked for so far is written. */
  save(key: string, text: string | null): Promise<void> {
    const ticket = this.ticket(key);
    const run = async (): Promise<void> => {
      if (this.asked.get(key) !== ticket) return; // a newer save is waiting
      await this.write(key, text);
      // a synchronous save made while this write was under way must stay the last word
      const sync = this.lastSync.get(key);
      if (sync && sync.ticket === this.asked.get(key)) this.writeSync(key, sync.text);
    };
    const next = (this.queues.get(key) ?? Promise.resolve()).then(run, run);
    this.queues.set(key, next);
    return next;
  }

  /** Writes now, before returning: the last text as the window closes or the app quits. */
  saveSync(key: string, text: string): void {
    this.lastSync.set(key, { ticket: this.ticket(key), text });
    this.writeSync(key, text);
  }

  private writeSync(key: string, text: string): void {
    mkdirSync(this.folder, { recursive: true });
    writeFileAtomicSync(this.pathOf(key), text);
  }

  private async write(key: string, text: string | null): Promise<void> {
    if (text === null) {
      await unlink(this.pathOf(key)).catch(() => undefined);
      return;
    }
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.pathOf(key), text);
  }
}
