// The app's side of a run: start it on an engine (link.ts: a Web Worker, or the desktop app's engine
// process), receive its event batches, stop it by ending the engine. The next run's engine is
// started ahead (it loads while the learner types).
// Batches are queued and decoded in short slices, so a flood of events (a runaway loop) never
// blocks the page for long: clicks and keys are handled between slices.

import type { TraceEvent } from "../../../engine/events.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import type { Layout } from "../../layout/types.ts";
import { decodeBatch } from "./wire.ts";
import { type EngineConnect, type EngineLink, workerLink } from "./link.ts";

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
  private engine: EngineLink | null = null;
  private queue: FromWorker[] = [];
  private handlers: RunHandlers | null = null;
  private draining = false;
  /** started ahead of the next run, so a run does not wait for the engine's code to load */
  private spare: EngineLink | null = null;

  /** `connect` starts an engine (a Web Worker by default; null where there is no Worker) */
  constructor(private readonly connect: EngineConnect | null = typeof Worker === "undefined" ? null : workerLink) {
    this.prepare();
  }

  get running(): boolean {
    return this.engine != null;
  }

  /** Starts the next run's engine now (it loads while the learner types). */
  private prepare(): void {
    if (this.spare || !this.connect) return;
    this.spare = this.connect();
  }

  /** After a run, the next engine is started once the page has drawn the run's end. */
  private prepareLater(): void {
    setTimeout(() => !this.engine && this.prepare(), 1000);
  }

  start(source: string, handlers: RunHandlers, filename = "script.py"): void {
    this.stop();
    const spare = this.spare;
    this.spare = null;
    if (spare?.failed) spare.end();
    if (!this.connect) throw new Error("this page cannot start the engine (no Web Worker)");
    const e = spare && !spare.failed ? spare : this.connect();
    this.engine = e;
    this.handlers = handlers;
    this.queue = [];
    let heard = false;
    e.onMessage = (m) => {
      if (this.engine !== e) return;
      heard = true;
      this.queue.push(m);
      this.scheduleDrain();
    };
    e.onFailure = (reason) => {
      if (this.engine !== e) return;
      const fallback = heard ? "the engine's worker stopped without a word (it may have run out of memory)" : "the run worker failed to start";
      this.queue.push({ type: "crashed", message: reason || fallback });
      this.scheduleDrain();
    };
    e.send({ type: "run", source, filename } satisfies ToWorker);
  }

  /** Ends the run at once, wherever it is; events already received are kept. Returns whether one was running. */
  stop(): boolean {
    const e = this.engine;
    if (!e) return false;
    e.end();
    this.engine = null;
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
    this.engine?.end();
    this.engine = null;
    this.handlers = null;
    this.prepareLater();
    if (m.type === "done") h.onDone(m.ms, m.layout);
    else if (m.type === "budget") h.onBudget(m);
    else h.onCrash(m.message);
  }
}
