// The app's side of the run worker: start a run, receive its event batches, stop it by terminating.
// The next run's worker is started ahead (it loads the engine while the learner types).
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

/** A worker started ahead of the next run, so a run does not wait for the engine's code to load. */
interface Spare {
  worker: Worker;
  /** it failed to load: the run gets a fresh one (and so the same error, reported) */
  failed: boolean;
}

export class Runner {
  private worker: Worker | null = null;
  private queue: FromWorker[] = [];
  private handlers: RunHandlers | null = null;
  private draining = false;
  private spare: Spare | null = null;

  constructor() {
    this.prepare();
  }

  get running(): boolean {
    return this.worker != null;
  }

  /** Starts the next run's worker now (it loads while the learner types); a no-op without Worker. */
  private prepare(): void {
    if (this.spare || typeof Worker === "undefined") return;
    const spare: Spare = { worker: new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" }), failed: false };
    spare.worker.onerror = (ev) => {
      ev.preventDefault();
      spare.failed = true;
    };
    this.spare = spare;
  }

  /** After a run, the next worker is started once the page has drawn the run's end. */
  private prepareLater(): void {
    setTimeout(() => !this.worker && this.prepare(), 1000);
  }

  start(source: string, handlers: RunHandlers, filename = "script.py"): void {
    this.stop();
    const spare = this.spare;
    this.spare = null;
    if (spare?.failed) spare.worker.terminate();
    const w = spare && !spare.failed ? spare.worker : new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
    this.worker = w;
    this.handlers = handlers;
    this.queue = [];
    let heard = false;
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      if (this.worker !== w) return;
      heard = true;
      this.queue.push(ev.data);
      this.scheduleDrain();
    };
    w.onerror = (ev) => {
      if (this.worker !== w) return;
      ev.preventDefault();
      const fallback = heard ? "the engine's worker stopped without a word (it may have run out of memory)" : "the run worker failed to start";
      this.queue.push({ type: "crashed", message: ev.message || fallback });
      this.scheduleDrain();
    };
    w.onmessageerror = () => {
      if (this.worker !== w) return;
      this.queue.push({ type: "crashed", message: "the engine's worker sent a message the page could not read" });
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
    this.prepareLater();
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
    this.prepareLater();
    if (m.type === "done") h.onDone(m.ms, m.layout);
    else if (m.type === "budget") h.onBudget(m);
    else h.onCrash(m.message);
  }
}
