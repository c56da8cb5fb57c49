// The preload: exposes `window.gradlens`, a few named functions, through contextBridge.
// ipcRenderer itself, channel names and IPC events never reach the page.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import {
  ENGINE_PORT_MESSAGE,
  ENGINE_PROCESS_ARG,
  Invoke,
  Push,
  Send,
  SendSync,
  type EngineBridge,
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

function isEngineGone(payload: unknown): payload is { run: number; message: string } {
  const p = payload as { run?: unknown; message?: unknown } | null;
  return typeof p?.run === "number" && typeof p.message === "string";
}

// The engine in a process of its own (main says so by an argument): a run's port comes from main
// and goes on to the page as a window message, the one way a port reaches a context-isolated page.
if (process.argv.includes(ENGINE_PROCESS_ARG)) {
  const engine: EngineBridge = {
    begin: (run: number) => ipcRenderer.send(Send.engineBegin, run),
    end: (run: number) => ipcRenderer.send(Send.engineEnd, run),
    onGone: (listener) => subscribe(Push.engineGone, isEngineGone, listener),
  };
  bridge.engine = engine;
  ipcRenderer.on(Push.enginePort, (event: IpcRendererEvent, run: unknown) => {
    if (typeof run === "number" && event.ports.length === 1) window.postMessage({ [ENGINE_PORT_MESSAGE]: run }, "*", [...event.ports]);
  });
}

contextBridge.exposeInMainWorld("gradlens", bridge);
