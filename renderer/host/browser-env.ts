// The DOM side of the browser host: real pickers, a hidden file input, download links,
// localStorage and key events. Kept apart so browser-host.ts stays testable without a DOM.

import { EXPORT_EXTENSION, OPENABLE_EXTENSIONS } from "../../electron/file-rules.ts";
import {
  MIME_TYPES,
  type BrowserEnv,
  type FolderTarget,
  type SaveKind,
  type SaveTarget,
} from "./browser-host.ts";

/** The File System Access API as far as we use it (Chromium-based browsers have it). */
interface WritableLike {
  write(data: Blob): Promise<void>;
  close(): Promise<void>;
}
interface FileHandleLike {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<WritableLike>;
}
interface DirectoryHandleLike {
  getFileHandle(name: string, options: { create: boolean }): Promise<FileHandleLike>;
}
interface PickerWindow {
  showOpenFilePicker?: (options: unknown) => Promise<FileHandleLike[]>;
  showSaveFilePicker?: (options: unknown) => Promise<FileHandleLike>;
  showDirectoryPicker?: (options: unknown) => Promise<DirectoryHandleLike>;
}

const OPEN_TYPES = [
  {
    description: "Scripts and lessons",
    accept: { "text/plain": [...OPENABLE_EXTENSIONS] },
  },
];

function saveTypes(kind: SaveKind) {
  const ext = kind === "script" ? ".py" : EXPORT_EXTENSION[kind];
  return [
    {
      description: kind === "script" ? "Python script" : `${kind.toUpperCase()} file`,
      accept: { [MIME_TYPES[kind]]: [ext] },
    },
  ];
}

/** The browser writes to a swap file and moves it into place on close(): an atomic save. */
async function writeHandle(handle: FileHandleLike, data: Blob): Promise<void> {
  const writable = await handle.createWritable();
  await writable.write(data);
  await writable.close();
}

function pickWithInput(doc: Document): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement("input");
    input.type = "file";
    input.accept = OPENABLE_EXTENSIONS.join(",");
    input.style.display = "none";
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener("change", () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener("cancel", () => finish(null), { once: true });
    doc.body.append(input);
    input.click();
  });
}

function downloadWithLink(doc: Document, name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  doc.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localStorageOrNull(win: Window): Storage | null {
  try {
    const storage = win.localStorage;
    storage.getItem("gradlens:probe");
    return storage;
  } catch {
    return null;
  }
}

export function defaultBrowserEnv(win: Window = window): BrowserEnv {
  const pickers = win as unknown as PickerWindow;
  const doc = win.document;
  const env: BrowserEnv = {
    isMac: /Mac|iPhone|iPad/.test(win.navigator.platform || win.navigator.userAgent),
    async pickOpenFile() {
      if (pickers.showOpenFilePicker) {
        const [handle] = await pickers.showOpenFilePicker({ types: OPEN_TYPES, multiple: false });
        return handle ? handle.getFile() : null;
      }
      return pickWithInput(doc);
    },
    download: (name, data) => downloadWithLink(doc, name, data),
    storage: localStorageOrNull(win),
    addKeyListener(listener) {
      win.addEventListener("keydown", listener);
      return () => win.removeEventListener("keydown", listener);
    },
  };
  if (pickers.showSaveFilePicker) {
    const showSave = pickers.showSaveFilePicker;
    env.pickSaveTarget = async (
      suggestedName: string,
      kind: SaveKind,
    ): Promise<SaveTarget | null> => {
      const handle = await showSave({ suggestedName, types: saveTypes(kind) });
      return { name: handle.name, write: (data) => writeHandle(handle, data) };
    };
  }
  if (pickers.showDirectoryPicker) {
    const showDirectory = pickers.showDirectoryPicker;
    env.pickFolder = async (): Promise<FolderTarget | null> => {
      const folder = await showDirectory({ mode: "readwrite" });
      return {
        writeFile: async (name, data) =>
          writeHandle(await folder.getFileHandle(name, { create: true }), data),
      };
    };
  }
  return env;
}
