// The page's line to an engine that runs one script: a Web Worker in the browser build, a
// MessagePort to an engine process in the desktop app (electron/engine-host.ts). The Runner talks
// to either through this interface and never asks which it has.

import type { FromWorker, ToWorker } from "./protocol.ts";

export interface EngineLink {
  send(m: ToWorker): void;
  /** every message of the engine, in order (set by the Runner before it sends) */
  onMessage: ((m: FromWorker) => void) | null;
  /** the engine failed or is gone: its reason, or null when it gave none */
  onFailure: ((reason: string | null) => void) | null;
  /** it failed before a run took it (a spare that could not load): the run takes a new one */
  readonly failed: boolean;
  /** ends the engine at once, wherever its run is */
  end(): void;
}

/** Starts an engine for the next run (the Runner starts one ahead of time). */
export type EngineConnect = () => EngineLink;

/** The browser build's engine: a Web Worker running run.worker.ts. */
export function workerLink(): EngineLink {
  const worker = new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
  const link: EngineLink & { failed: boolean } = {
    failed: false,
    onMessage: null,
    onFailure: null,
    send: (m) => worker.postMessage(m),
    end: () => worker.terminate(),
  };
  worker.onmessage = (ev: MessageEvent<FromWorker>) => link.onMessage?.(ev.data);
  worker.onerror = (ev) => {
    ev.preventDefault();
    link.failed = true;
    link.onFailure?.(ev.message || null);
  };
  worker.onmessageerror = () => link.onFailure?.("the engine's worker sent a message the page could not read");
  return link;
}

/** What a port link needs of the desktop app's bridge (electron/channels.ts GradlensBridge). */
export interface EnginePorts {
  /** asks for run `run`'s engine process; its port comes by `onEnginePort` */
  engineBegin(run: number): void;
  /** ends run `run`'s engine process */
  engineEnd(run: number): void;
  onEnginePort(listener: (run: number, port: MessagePort) => void): () => void;
  onEngineGone(listener: (gone: { run: number; message: string }) => void): () => void;
}

let nextRun = 1;

/** The desktop app's engine: a process of its own per run (a V8 out-of-memory in it ends that
 *  process, not the window), reached by a MessagePort main hands the page. The process is asked
 *  for when the run starts (main has one started ahead); messages sent before its port arrives
 *  wait for it. */
export function portLink(ports: EnginePorts): EngineLink {
  let run = 0;
  let port: MessagePort | null = null;
  let ended = false;
  const waiting: ToWorker[] = [];
  const stopListening: (() => void)[] = [];
  const link: EngineLink = {
    failed: false,
    onMessage: null,
    onFailure: null,
    send(m) {
      if (ended) return;
      if (!run) {
        run = nextRun++;
        stopListening.push(
          ports.onEnginePort((r, p) => {
            if (r !== run || ended || port) return;
            port = p;
            port.onmessage = (ev: MessageEvent<FromWorker>) => !ended && link.onMessage?.(ev.data);
            port.onmessageerror = () => !ended && link.onFailure?.("the engine sent a message the page could not read");
            port.start();
            for (const w of waiting.splice(0)) port.postMessage(w);
          }),
          ports.onEngineGone((gone) => gone.run === run && !ended && link.onFailure?.(gone.message)),
        );
        ports.engineBegin(run);
      }
      if (port) port.postMessage(m);
      else waiting.push(m);
    },
    end() {
      if (ended) return;
      ended = true;
      for (const stop of stopListening) stop();
      port?.close();
      if (run) ports.engineEnd(run);
    },
  };
  return link;
}
