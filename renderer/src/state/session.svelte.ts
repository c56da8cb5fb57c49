// One learner's session: the script's run (streamed from the worker), the trace cursor, and where
// on the timeline we are. The single owner of run and step state; views read from it.

import { TraceCursor } from "../../../engine/trace/cursor.ts";
import type { TraceState } from "../../../engine/trace/state.ts";
import { Runner } from "../worker/runner.ts";
import { engineConnect } from "../../host/engine.ts";
import { budgetMessage, engineStopMessage } from "../worker/protocol.ts";
import type { Layout } from "../../layout/types.ts";
import { stepBeforeLine } from "./cellStart.ts";
import { MAX_SHARED_CHARS } from "../lib/share.ts";

export type RunStatus = "idle" | "running" | "done" | "stopped" | "crashed";

/** A run still going after this long is stopped even if the interpreter's budget did not stop it. */
export const HARD_LIMIT_MS = 20_000;

/** Where the views stand when a run is over: play it from the start (the graph grows at the chosen
 *  speed), stand at the first step, or jump to the end. */
export type AfterRun = "play" | "start" | "end";
export const AFTER_RUN: readonly { value: AfterRun; label: string }[] = [
  { value: "play", label: "play it" },
  { value: "start", label: "first step" },
  { value: "end", label: "the end" },
];
/** Past this many events a run is not played on its own (at 1x it would take over 20 minutes). */
export const PLAY_ON_RUN_LIMIT = 2000;
const AFTER_RUN_KEY = "gradlens.afterRun";
/** A run still going after this long shows its graph so far (once, as soon as it has one), when the views will
 *  stand at the run's end anyway: the learner sees the graph while the engine finishes, instead of an empty
 *  pane for the whole run; the run's end then brings the final graph and its layout. */
export const PREVIEW_AFTER_MS = 0;

export interface RunOptions {
  /** a lesson cell's first line: when the run ends, the views stand just before the statement on
   *  this line (the earlier cells have run), so the student steps through the cell from there */
  fromLine?: number;
  /** a share link's step (as the timeline counts: 0 before the start, N the Nth event): the views
   *  stand there when the run ends */
  atStep?: number;
}

export class Session {
  cursor = $state.raw(new TraceCursor([], 256));
  /** number of events received; bumped after each batch so derived views refresh */
  length = $state(0);
  /** index of the last event shown; -1 is before the program starts */
  step = $state(-1);
  status: RunStatus = $state("idle");
  /** a note about the run itself (stopped, crashed, timing), shown in the status bar */
  message: string | null = $state(null);
  playing = $state(false);
  speed = $state(1);
  /** changes whenever the graph to lay out changes (a new run, more events, the end of a run) */
  layoutKey = $state(0);
  /** where a lesson cell's run stood when it ended: just before the cell's first statement (-1 otherwise) */
  startStep = $state(-1);
  /** the final graph's layout, computed by the run worker (null: none came, the page lays it out) */
  layout: Layout | null = $state.raw(null);
  /** what Run does once the run is over (kept across sessions; "end" under reduced motion unless chosen) */
  afterRun: AfterRun = $state("play");

  readonly view: TraceState = $derived.by(() => {
    void this.length;
    return this.cursor.at(this.step);
  });

  private runner = new Runner(engineConnect());
  private playTimer: ReturnType<typeof setTimeout> | null = null;
  private hardTimer: ReturnType<typeof setTimeout> | null = null;
  private lastShownAt = 0;
  private startedAt = 0;
  private previewed = false;
  /** an op of this run has recorded a grad_fn node: there is a graph to show */
  private graphSeen = false;

  private fromLine: number | undefined;
  private atStep: number | undefined;

  constructor(options: { reducedMotion?: boolean } = {}) {
    const kept = readAfterRun();
    this.afterRun = kept ?? (options.reducedMotion ? "end" : "play");
  }

  setAfterRun(value: AfterRun): void {
    this.afterRun = value;
    try {
      globalThis.localStorage?.setItem(AFTER_RUN_KEY, value);
    } catch {
      // storage refused (private mode, quota): the choice holds for this session
    }
  }

  run(source: string, options: RunOptions = {}): void {
    this.pause();
    this.fromLine = options.fromLine;
    this.atStep = options.atStep;
    this.cursor = new TraceCursor([], 256);
    this.length = 0;
    this.step = -1;
    this.layout = null;
    this.status = "running";
    this.message = "Running…";
    this.layoutKey++;
    this.startedAt = performance.now();
    this.previewed = false;
    this.graphSeen = false;
    if (source.length > MAX_SHARED_CHARS) {
      // what File > Open and share links take: a bigger paste is refused before the engine parses it
      this.finish("stopped", `Not run: the script is ${source.length.toLocaleString("en")} characters; Gradlens runs scripts up to ${MAX_SHARED_CHARS.toLocaleString("en")}.`);
      return;
    }
    let budgetStop: string | null = null;
    this.hardTimer = setTimeout(() => this.stop(`Stopped: the run took longer than ${HARD_LIMIT_MS / 1000} s.`), HARD_LIMIT_MS);
    this.runner.start(source, {
      onEvents: (events) => {
        this.cursor.append(events);
        // while it runs, only the count moves (drawing a growing graph on every batch would
        // starve the page); the views show the end of the run when it is over, and a long run
        // its graph so far once (laid out here, while the worker goes on)
        const now = performance.now();
        this.graphSeen ||= events.some((e) => e.kind === "op/applied" && e.node != null);
        for (const e of events) if (e.kind === "error/raised") budgetStop = engineStopMessage(e.message) ?? budgetStop;
        if (!this.previewed && this.graphSeen && now - this.startedAt >= PREVIEW_AFTER_MS && this.standsAtEnd()) {
          this.previewed = true;
          this.length = this.cursor.length;
          this.step = this.length - 1;
          this.layoutKey++;
        }
        if (now - this.lastShownAt < 250) return;
        this.lastShownAt = now;
        this.message = `Running… ${this.cursor.length} events`;
      },
      onDone: (ms, layout) => {
        this.layout = layout;
        // the engine's own budgets (memory held, time) end the program with an error it cannot catch
        if (budgetStop) this.finish("stopped", budgetStop);
        else this.finish("done", `Ran in ${Math.round(ms)} ms: ${this.cursor.length} events.`);
      },
      onCrash: (message) => this.finish("crashed", `Gradlens failed while running this script: ${message}`),
      onBudget: (m) => {
        this.layout = m.layout;
        this.finish("stopped", budgetMessage(m.hit, m.events, m.bytes, m.ms));
      },
    });
  }

  /** Whether the views will stand at the run's last step when it ends (so showing the graph so far
   *  while it runs moves nothing back): Run then "the end", or a run too long to play */
  private standsAtEnd(): boolean {
    if (this.fromLine != null || this.atStep != null) return false;
    return this.afterRun === "end" || (this.afterRun === "play" && this.cursor.length > PLAY_ON_RUN_LIMIT);
  }

  /** Stops a running script at once; the events so far stay steppable. */
  stop(message = "Stopped by you."): void {
    if (this.runner.stop()) this.finish("stopped", message);
  }

  private finish(status: RunStatus, message: string): void {
    if (this.hardTimer) clearTimeout(this.hardTimer);
    this.hardTimer = null;
    this.status = status;
    this.message = message;
    this.length = this.cursor.length;
    this.step = this.fromLine == null ? this.length - 1 : stepBeforeLine(this.cursor, this.fromLine);
    this.startStep = this.fromLine == null ? -1 : this.step;
    this.layoutKey++;
    if (this.atStep != null) {
      this.step = Math.max(-1, Math.min(this.atStep - 1, this.length - 1));
      return;
    }
    // a script that ran to its end (or to its error) is shown growing; a stopped or crashed one
    // stands at the last step recorded, a lesson cell just before its first statement
    if (this.fromLine != null || status !== "done" || this.length === 0) return;
    if (this.afterRun === "start") this.step = -1;
    else if (this.afterRun === "play") {
      if (this.length > PLAY_ON_RUN_LIMIT) {
        this.message = `${message} Too long to play on Run (${PLAY_ON_RUN_LIMIT.toLocaleString("en")} events at most): at the end; Home then Space plays it.`;
        return;
      }
      this.step = -1;
      this.play();
    }
  }

  seek(step: number): void {
    this.step = Math.max(-1, Math.min(step, this.length - 1));
  }

  forward(): void {
    this.seek(this.step + 1);
  }
  back(): void {
    this.seek(this.step - 1);
  }
  nextStatement(): void {
    this.seek(this.cursor.nextStatement(this.step));
  }
  prevStatement(): void {
    this.seek(this.cursor.prevStatement(this.step));
  }
  home(): void {
    this.seek(-1);
  }
  end(): void {
    this.seek(this.length - 1);
  }

  /** Milliseconds one event is shown for while playing. */
  get interval(): number {
    return 700 / this.speed;
  }

  play(): void {
    if (this.length === 0) return;
    if (this.step >= this.length - 1) this.step = -1;
    this.playing = true;
    const tick = () => {
      if (!this.playing) return;
      if (this.step >= this.length - 1) {
        this.playing = false;
        return;
      }
      this.forward();
      this.playTimer = setTimeout(tick, this.interval);
    };
    this.playTimer = setTimeout(tick, 0);
  }

  pause(): void {
    this.playing = false;
    if (this.playTimer) clearTimeout(this.playTimer);
    this.playTimer = null;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }
}

function readAfterRun(): AfterRun | null {
  try {
    const v = globalThis.localStorage?.getItem(AFTER_RUN_KEY);
    return v === "play" || v === "start" || v === "end" ? v : null;
  } catch {
    return null;
  }
}
