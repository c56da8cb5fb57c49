// The app's side of the run worker: start a run, receive its event batches, stop it by terminating.
// Batches are queued and decoded in short slices, so a flood of events (a runaway loop) never
// blocks the page for long: clicks and keys are handled between slices.

import type { TraceEvent } from "../../../engine/events.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { Layout } from "../../layout/types.ts";
import { decodeBatch } from "./wire.ts";

export interface RunHandlers {
  onEvents: (events: TraceEvent[]) => void;
  onDone: (ms: number, layout: Layout | null) => void;
  onCrash: (message: string) => void;
  /** the run went over its time or memory budget */
  onBudget: (m: Extract<FromWorker, { type: "budget" }>) => void;
}

/** Longest stretch the page spends on incoming batches before letting input through. */
const SLICE_MS = 12;

export class Runner {
  private worker: Worker | null = null;
  private queue: FromWorker[] = [];
  private handlers: RunHandlers | null = null;
  private draining = false;

  get running(): boolean {
    return this.worker != null;
  }

  start(source: string, handlers: RunHandlers, filename = "script.py"): void {
    this.stop();
    const w = new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
    this.worker = w;
    this.handlers = handlers;
    this.queue = [];
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      if (this.worker !== w) return;
      this.queue.push(ev.data);
      this.scheduleDrain();
    };
    w.onerror = (ev) => {
      if (this.worker !== w) return;
      ev.preventDefault();
      this.queue.push({ type: "crashed", message: ev.message || "the run worker failed to start" });
      this.scheduleDrain();
    };
    w.postMessage({ type: "run", source, filename } satisfies ToWorker);
  }

  /** Ends the run at once, wherever it is; events already received are kept. Returns whether one was running. */
  stop(): boolean {
    const w = this.worker;
    if (!w) return false;
    w.terminate();
    this.worker = null;
    this.drainAll();
    return true;
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    setTimeout(() => this.drain(), 0);
  }

  private drain(): void {
    this.draining = false;
    const until = performance.now() + SLICE_MS;
    while (this.queue.length && performance.now() < until) this.handle(this.queue.shift()!);
    if (this.queue.length) this.scheduleDrain();
  }

  private drainAll(): void {
    while (this.queue.length) this.handle(this.queue.shift()!);
  }

  private handle(m: FromWorker): void {
    const h = this.handlers;
    if (!h) return;
    if (m.type === "events") {
      h.onEvents(decodeBatch(m.batch));
      return;
    }
    // the run is over: the worker has nothing more to say
    this.worker?.terminate();
    this.worker = null;
    this.handlers = null;
    if (m.type === "done") h.onDone(m.ms, m.layout);
    else if (m.type === "budget") h.onBudget(m);
    else h.onCrash(m.message);
  }
}
