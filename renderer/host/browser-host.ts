// The Host in a browser tab: the File System Access API where the browser has it, otherwise a
// file input and download links; autosave in localStorage. DOM access goes through BrowserEnv
// (browser-env.ts) so this logic is testable without a browser.

import {
  EXPORT_EXTENSION,
  decodeTextFile,
  refuseBeforeReading,
  sanitizeFileName,
  scriptNameFor,
  stepFileNames,
} from "../../electron/file-rules.ts";
import {
  FileRefusedError,
  type ExportData,
  type ExportKind,
  type Host,
  type WriteManyResult,
  type WriteResult,
} from "./host.ts";
import { commandForKey, menuShortcuts, type KeyLike } from "./shortcuts.ts";
import { writeStepsOneByOne } from "./steps.ts";

export type SaveKind = "script" | ExportKind;

/** A place the user chose to write one file (a FileSystemFileHandle, in practice). */
export interface SaveTarget {
  readonly name: string;
  write(data: Blob): Promise<void>;
}

/** A folder the user chose for "Export all steps". */
export interface FolderTarget {
  writeFile(name: string, data: Blob): Promise<void>;
}

export interface KeyEventLike extends KeyLike {
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

export interface BrowserEnv {
  isMac: boolean;
  /** Shows a file picker; null if the user cancelled. */
  pickOpenFile(): Promise<File | null>;
  /** Present when the browser can save to a place the user picks (File System Access API). */
  pickSaveTarget?: (suggestedName: string, kind: SaveKind) => Promise<SaveTarget | null>;
  pickFolder?: () => Promise<FolderTarget | null>;
  /** Hands a file to the browser's downloads. */
  download(name: string, data: Blob): void;
  /** null when the browser refuses storage (some private modes). */
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  addKeyListener(listener: (event: KeyEventLike) => void): () => void;
}

export const MIME_TYPES: Record<SaveKind, string> = {
  script: "text/x-python",
  svg: "image/svg+xml",
  png: "image/png",
  dot: "text/vnd.graphviz",
};

const AUTOSAVE_PREFIX = "gradlens:autosave:";

function blobOf(data: ExportData, kind: SaveKind): Blob {
  return new Blob([data as BlobPart], { type: MIME_TYPES[kind] });
}

/** The pickers reject with AbortError when the user closes them. */
function isCancel(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "AbortError";
}

function failure(error: unknown): { status: "failed"; reason: string } {
  return {
    status: "failed",
    reason: `Saving failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

export function createBrowserHost(env: BrowserEnv): Host {
  let scriptTarget: SaveTarget | null = null;
  const memoryStorage = new Map<string, string>();
  const shortcuts = menuShortcuts();

  async function writeOne(
    data: Blob,
    name: string,
    kind: SaveKind,
  ): Promise<{ result: WriteResult; target: SaveTarget | null }> {
    if (!env.pickSaveTarget) {
      env.download(name, data);
      return { result: { status: "saved", name }, target: null };
    }
    try {
      const target = await env.pickSaveTarget(name, kind);
      if (!target) return { result: { status: "cancelled" }, target: null };
      await target.write(data);
      return { result: { status: "saved", name: target.name }, target };
    } catch (error) {
      return { result: isCancel(error) ? { status: "cancelled" } : failure(error), target: null };
    }
  }

  const host: Host = {
    kind: "browser",

    async openFile() {
      let file: File | null;
      try {
        file = await env.pickOpenFile();
      } catch (error) {
        if (isCancel(error)) return null;
        throw error;
      }
      if (!file) return null;
      const early = refuseBeforeReading(file.name, file.size);
      if (early) throw new FileRefusedError(file.name, early);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        throw new FileRefusedError(file.name, `${file.name} could not be read.`);
      }
      const decoded = decodeTextFile(file.name, bytes);
      if (!decoded.ok) throw new FileRefusedError(file.name, decoded.reason);
      // A new document: its first Save asks where, as in the desktop app.
      scriptTarget = null;
      return { name: file.name, text: decoded.text };
    },

    async saveFile(text, suggestedName) {
      if (!scriptTarget) return host.saveAs(text, suggestedName);
      try {
        await scriptTarget.write(blobOf(text, "script"));
        return { status: "saved", name: scriptTarget.name };
      } catch (error) {
        return failure(error);
      }
    },

    async saveAs(text, suggestedName) {
      const { result, target } = await writeOne(
        blobOf(text, "script"),
        scriptNameFor(suggestedName),
        "script",
      );
      if (target) scriptTarget = target;
      return result;
    },

    async exportFile(kind, data, suggestedName) {
      const name = sanitizeFileName(suggestedName, EXPORT_EXTENSION[kind], "gradlens");
      return (await writeOne(blobOf(data, kind), name, kind)).result;
    },

    async exportSteps(kind, count, suggestedName, make, control): Promise<WriteManyResult> {
      const names = stepFileNames(suggestedName, count, kind);
      if (!env.pickFolder)
        return writeStepsOneByOne(count, make, async (i, data) => (env.download(names[i]!, blobOf(data, kind)), names[i]!), control);
      let folder;
      try {
        folder = await env.pickFolder();
      } catch (error) {
        return isCancel(error) ? { status: "cancelled" } : failure(error);
      }
      if (!folder) return { status: "cancelled" };
      const into = folder;
      const result = await writeStepsOneByOne(count, make, async (i, data) => (await into.writeFile(names[i]!, blobOf(data, kind)), names[i]!), control);
      return result.status === "failed" ? { ...result, reason: `Saving failed: ${result.reason}` } : result;
    },

    onMenuCommand(listener) {
      return env.addKeyListener((event) => {
        if (event.defaultPrevented) return;
        const command = commandForKey(shortcuts, event, env.isMac);
        if (!command) return;
        event.preventDefault();
        listener(command);
      });
    },

    onFileOpened: () => () => undefined,
    getInitialFile: async () => null,
    takeNotice: async () => null,

    storage: {
      async load(key) {
        return env.storage
          ? env.storage.getItem(AUTOSAVE_PREFIX + key)
          : (memoryStorage.get(key) ?? null);
      },
      async save(key, text) {
        store(key, text);
      },
      saveSync: (key, text) => store(key, text),
    },
  };
  return host;

  /** localStorage is synchronous: both saves end here */
  function store(key: string, text: string | null): void {
    if (!env.storage) {
      if (text === null) memoryStorage.delete(key);
      else memoryStorage.set(key, text);
      return;
    }
    if (text === null) {
      env.storage.removeItem(AUTOSAVE_PREFIX + key);
      return;
    }
    try {
      env.storage.setItem(AUTOSAVE_PREFIX + key, text);
    } catch (error) {
      throw new Error(
        `Autosave failed: the browser's storage for this page is full or disabled (${String(error)})`,
      );
    }
  }
}
