// The Host inside Electron: a thin adapter over `window.gradlens`, the preload's bridge.

import type { GradlensBridge, OpenResult } from "../../electron/channels.ts";
import { FileRefusedError, type Host } from "./host.ts";
import { writeStepsOneByOne } from "./steps.ts";

function unwrapOpen(result: OpenResult) {
  if (result.status === "opened") return result.file;
  if (result.status === "refused") throw new FileRefusedError(result.name, result.reason);
  return null;
}

export function createElectronHost(bridge: GradlensBridge): Host {
  return {
    kind: "electron",
    openFile: async () => unwrapOpen(await bridge.openFile()),
    saveFile: (text, suggestedName) => bridge.saveFile(text, suggestedName),
    saveAs: (text, suggestedName) => bridge.saveFileAs(text, suggestedName),
    exportFile: (kind, data, suggestedName) => bridge.exportFile(kind, data, suggestedName),
    async exportSteps(kind, count, suggestedName, make, control) {
      const start = await bridge.exportStepsBegin(kind, count, suggestedName);
      if (start.status !== "ready") return { status: "cancelled" };
      try {
        return await writeStepsOneByOne(count, make, async (i, data) => {
          const written = await bridge.exportStepsWrite(i, data);
          if (written.status === "saved") return written.name;
          throw new Error(written.status === "failed" ? written.reason : "cancelled");
        }, control);
      } finally {
        await bridge.exportStepsEnd();
      }
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    onFileOpened: (listener) =>
      bridge.onFileOpened((message) => {
        if (message.status !== "cancelled") listener(message);
      }),
    takeNotice: () => bridge.takeNotice(),
    getInitialFile: async () => {
      const result = await bridge.initialFile();
      return result ? unwrapOpen(result) : null;
    },
    storage: {
      load: (key) => bridge.autosaveLoad(key),
      save: (key, text) => bridge.autosaveSave(key, text),
      saveSync: (key, text) => {
        const failure = bridge.autosaveSaveSync(key, text);
        if (failure) throw new Error(failure);
      },
    },
  };
}
