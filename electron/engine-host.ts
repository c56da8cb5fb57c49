// The engine out of the page's process, wired to Electron: each window gets an EngineSupervisor
// (engine-supervisor.ts decides everything) whose processes are utility processes running
// engine-process.ts, each run reached by a MessagePort of its own that main hands the page.
// Opt-in (GRADLENS_ENGINE_PROCESS=1) until it has run in a real Electron: the machine this was
// written on cannot start Electron's binary, so only its logic and types are checked here.

import { MessageChannelMain, app, ipcMain, utilityProcess, type BrowserWindow, type IpcMainEvent, type UtilityProcess } from "electron";
import { ENGINE_PROCESS_ARG, Push, Send } from "./channels.ts";
import { EngineSupervisor, type EngineExit, type EngineProcess } from "./engine-supervisor.ts";
import { parseEngineRunArgs } from "./validate.ts";

/** Whether runs take an engine process (else the page's Web Worker, as in the browser build). */
export const engineProcessWanted = (env: NodeJS.ProcessEnv = process.env): boolean => env.GRADLENS_ENGINE_PROCESS === "1";

/** The renderer arguments that tell the preload to expose the engine bridge. */
export const engineRendererArgs = (): string[] => (engineProcessWanted() ? [ENGINE_PROCESS_ARG] : []);

const supervisors = new Map<number, { supervisor: EngineSupervisor; run: number }>();

/** One engine process; `onExit` once, however it ends (its exit, or child-process-gone's reason). */
let spawned = 0;

function spawnEngine(entry: string, onExit: (exit: EngineExit) => void): EngineProcess {
  // a name of its own, by which child-process-gone says which process it was
  const name = `Gradlens engine ${++spawned}`;
  const child: UtilityProcess = utilityProcess.fork(entry, [], { serviceName: name, stdio: "ignore" });
  let reason: string | undefined;
  const gone = (_event: unknown, details: Electron.Details) => {
    if (details.type === "Utility" && (details.name === name || details.serviceName === name)) reason = details.reason;
  };
  app.on("child-process-gone", gone);
  child.once("exit", (exitCode) => {
    app.removeListener("child-process-gone", gone);
    // child-process-gone comes before exit; give it the turn it may still need
    setImmediate(() => onExit({ reason, exitCode }));
  });
  return {
    connect: (port) => child.postMessage({ type: "connect" }, [port as Electron.MessagePortMain]),
    kill: () => void child.kill(),
  };
}

/** The run a message names, from our own page's main frame only; null for anything else. */
function runOf(trusted: (event: IpcMainEvent) => BrowserWindow | null, event: IpcMainEvent, args: unknown[]) {
  const window = trusted(event);
  const entry = window && supervisors.get(window.id);
  if (!window || !entry) return null;
  try {
    return { window, entry, run: parseEngineRunArgs(args).run };
  } catch {
    return null;
  }
}

/** Called once: the page's requests for a run's engine, checked as every IPC message is. */
export function registerEngineHandlers(trusted: (event: IpcMainEvent) => BrowserWindow | null): void {
  ipcMain.on(Send.engineBegin, (event, ...args: unknown[]) => {
    const asked = runOf(trusted, event, args);
    if (!asked) return;
    const { port1, port2 } = new MessageChannelMain();
    asked.entry.run = asked.run;
    asked.entry.supervisor.begin(asked.run, port1);
    asked.window.webContents.postMessage(Push.enginePort, asked.run, [port2]);
  });
  ipcMain.on(Send.engineEnd, (event, ...args: unknown[]) => {
    const asked = runOf(trusted, event, args);
    if (asked && asked.run === asked.entry.run) asked.entry.supervisor.end();
  });
}

/** A new window: its supervisor, with a process started ahead; every process ends with the window
 *  (and with a reload: the page's runs are gone). */
export function attachEngine(window: BrowserWindow, entry: string): void {
  const id = window.id;
  const contents = window.webContents;
  const supervisor = new EngineSupervisor(
    (onExit) => spawnEngine(entry, onExit),
    (gone) => !contents.isDestroyed() && contents.send(Push.engineGone, gone),
  );
  supervisors.set(id, { supervisor, run: 0 });
  supervisor.prepare();
  contents.on("did-start-navigation", (_event, _url, isInPlace, isMainFrame) => {
    if (isMainFrame && !isInPlace) supervisor.end();
  });
  window.on("closed", () => {
    supervisor.dispose();
    supervisors.delete(id);
  });
}
