// The preload: exposes `window.gradlens`, a few named functions, through contextBridge.
// ipcRenderer itself, channel names and IPC events never reach the page.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import {
  Invoke,
  Push,
  SendSync,
  isMenuCommand,
  type ExportData,
  type ExportKind,
  type FileOpenedMessage,
  type GradlensBridge,
  type MenuCommand,
} from "./channels.ts";

function subscribe<T>(
  channel: string,
  accept: (payload: unknown) => payload is T,
  listener: (payload: T) => void,
): () => void {
  // The page gets the payload only, never the IpcRendererEvent (it carries the sender).
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
    if (accept(payload)) listener(payload);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

function isFileOpenedMessage(payload: unknown): payload is FileOpenedMessage {
  const status = (payload as { status?: unknown } | null)?.status;
  return status === "opened" || status === "refused";
}

const bridge: GradlensBridge = {
  platform: process.platform,
  openFile: () => ipcRenderer.invoke(Invoke.openFile),
  saveFile: (text: string, suggestedName: string) =>
    ipcRenderer.invoke(Invoke.saveFile, text, suggestedName),
  saveFileAs: (text: string, suggestedName: string) =>
    ipcRenderer.invoke(Invoke.saveFileAs, text, suggestedName),
  exportFile: (kind: ExportKind, data: ExportData, suggestedName: string) =>
    ipcRenderer.invoke(Invoke.exportFile, kind, data, suggestedName),
  exportStepsBegin: (kind: ExportKind, count: number, suggestedName: string) =>
    ipcRenderer.invoke(Invoke.exportStepsBegin, kind, count, suggestedName),
  exportStepsWrite: (index: number, data: ExportData) =>
    ipcRenderer.invoke(Invoke.exportStepsWrite, index, data),
  exportStepsEnd: () => ipcRenderer.invoke(Invoke.exportStepsEnd),
  initialFile: () => ipcRenderer.invoke(Invoke.initialFile),
  takeNotice: () => ipcRenderer.invoke(Invoke.takeNotice),
  autosaveLoad: (key: string) => ipcRenderer.invoke(Invoke.autosaveLoad, key),
  autosaveSave: (key: string, text: string | null) =>
    ipcRenderer.invoke(Invoke.autosaveSave, key, text),
  autosaveSaveSync: (key: string, text: string) =>
    ipcRenderer.sendSync(SendSync.autosaveSaveSync, key, text) as string | null,
  onMenuCommand: (listener: (command: MenuCommand) => void) =>
    subscribe(Push.menuCommand, isMenuCommand, listener),
  onFileOpened: (listener: (message: FileOpenedMessage) => void) =>
    subscribe(Push.fileOpened, isFileOpenedMessage, listener),
};

contextBridge.exposeInMainWorld("gradlens", bridge);
