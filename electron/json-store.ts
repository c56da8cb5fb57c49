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

/** Autosaved editor text, one file per key. Keys are validated (validate.ts) before they get here. */
export class AutosaveStore {
  constructor(private readonly folder: string) {}

  private pathOf(key: string): string {
    return join(this.folder, `${key}.txt`);
  }

  async load(key: string): Promise<string | null> {
    try {
      return await readFile(this.pathOf(key), "utf8");
    } catch {
      return null;
    }
  }

  /** null removes the entry. */
  async save(key: string, text: string | null): Promise<void> {
    if (text === null) {
      await unlink(this.pathOf(key)).catch(() => undefined);
      return;
    }
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.pathOf(key), text);
  }
}
