// Which path each window may write its script to. Only a save dialog grants one: opening a
// file (or a Recent entry) only suggests where the next save dialog starts. The renderer never
// names a path; it asks for "save" and main looks the path up here.

export class DocumentPaths {
  private readonly writePaths = new Map<number, string>();
  private readonly dialogDefaults = new Map<number, string>();

  /** The path Save may write to without asking, if a save dialog for this window chose one. */
  writePathFor(windowId: number): string | null {
    return this.writePaths.get(windowId) ?? null;
  }

  /** Where the next save dialog of this window starts (the opened or last saved file). */
  dialogDefaultFor(windowId: number): string | null {
    return this.dialogDefaults.get(windowId) ?? null;
  }

  /** A save dialog returned `path`: later Saves of this window go there. */
  chosenInSaveDialog(windowId: number, path: string): void {
    this.writePaths.set(windowId, path);
    this.dialogDefaults.set(windowId, path);
  }

  /** The window now shows another file: the first Save asks again, starting at that file. */
  opened(windowId: number, path: string): void {
    this.writePaths.delete(windowId);
    this.dialogDefaults.set(windowId, path);
  }

  forget(windowId: number): void {
    this.writePaths.delete(windowId);
    this.dialogDefaults.delete(windowId);
  }
}
