// The Host: everything the view needs from wherever it runs (Electron or a browser) — opening,
// saving and exporting files, menu commands, autosave — behind one small interface.

import type {
  ExportData,
  ExportKind,
  MenuCommand,
  OpenedFile,
  WriteManyResult,
  WriteResult,
} from "../../electron/channels.ts";

import type { StepsControl } from "./steps.ts";

export type { ExportData, ExportKind, MenuCommand, OpenedFile, StepsControl, WriteManyResult, WriteResult };

/** A file the user picked that Gradlens will not open; `reason` is written for the student. */
export class FileRefusedError extends Error {
  override name = "FileRefusedError";
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** A file the host opened on its own (File > Recent, a second launch, Finder's "Open With"). */
export type FileOpenedEvent =
  { status: "opened"; file: OpenedFile } | { status: "refused"; name: string; reason: string };

/** Autosave slots, keyed by short names such as "editor" (a-z 0-9 . _ -). */
export interface AutosaveStorage {
  load(key: string): Promise<string | null>;
  /** null clears the slot. Rejects if the text could not be stored (e.g. quota exceeded). */
  save(key: string, text: string | null): Promise<void>;
  /** Stores the text before returning, for the last edit as the page unloads (an asynchronous
   *  save may never finish then). Throws if it could not be stored. */
  saveSync(key: string, text: string): void;
}

export interface Host {
  readonly kind: "electron" | "browser";
  /** The user picks a script or lesson. null if they cancelled; throws FileRefusedError for
   *  unreadable, non-UTF-8 or too-large files. */
  openFile(): Promise<OpenedFile | null>;
  /** Saves the script where the last Save As put it; the first time, asks like saveAs. */
  saveFile(text: string, suggestedName: string): Promise<WriteResult>;
  /** Always asks where to save. */
  saveAs(text: string, suggestedName: string): Promise<WriteResult>;
  /** SVG and DOT as text, PNG as bytes. Always asks where to save. */
  exportFile(kind: ExportKind, data: ExportData, suggestedName: string): Promise<WriteResult>;
  /** One file per step, named `<name>-step-001.<ext>`... from the name the user chooses: asks
   *  where, then makes each file with `make(i)` only when the one before is written. */
  exportSteps(
    kind: ExportKind,
    count: number,
    suggestedName: string,
    make: (index: number) => Promise<ExportData>,
    control?: StepsControl,
  ): Promise<WriteManyResult>;
  /** Menu items and their shortcuts. Returns a function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onFileOpened(listener: (event: FileOpenedEvent) => void): () => void;
  /** The file the app was launched with (`gradlens-app script.py`), once; null otherwise. */
  getInitialFile(): Promise<OpenedFile | null>;
  /** What the shell has to tell the learner on start (why it reloaded the window), once. */
  takeNotice(): Promise<string | null>;
  readonly storage: AutosaveStorage;
}
