// The app's side of the run worker: start a run, receive its event batches, stop it by terminating.

import type { TraceEvent } from "../../../engine/events.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

export interface RunHandlers {
  onEvents: (events: TraceEvent[]) => void;
  onDone: (ms: number) => void;
  onCrash: (message: string) => void;
}

export class Runner {
  private worker: Worker | null = null;

  get running(): boolean {
    return this.worker != null;
  }

  start(source: string, handlers: RunHandlers, filename = "script.py"): void {
    this.stop();
    const w = new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
    this.worker = w;
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      if (this.worker !== w) return;
      const m = ev.data;
      if (m.type === "events") handlers.onEvents(m.events);
      else {
        this.finish(w);
        if (m.type === "done") handlers.onDone(m.ms);
        else handlers.onCrash(m.message);
      }
    };
    w.onerror = (ev) => {
      if (this.worker !== w) return;
      ev.preventDefault();
      this.finish(w);
      handlers.onCrash(ev.message || "the run worker failed to start");
    };
    w.postMessage({ type: "run", source, filename } satisfies ToWorker);
  }

  /** Ends the run at once, wherever it is. Returns whether one was running. */
  stop(): boolean {
    const w = this.worker;
    if (!w) return false;
    this.finish(w);
    return true;
  }

  private finish(w: Worker): void {
    w.terminate();
    if (this.worker === w) this.worker = null;
  }
}
