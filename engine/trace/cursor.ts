// TraceCursor: the state at any step of a (possibly still growing) trace, fast. It folds each
// appended event once into a running head and keeps a copy every `every` events; seeking
// copies the nearest checkpoint at or before the step and folds forward from there.

import type { TraceEvent } from "../events.ts";
import { applyEvent } from "./fold.ts";
import { cloneState, emptyState, type TraceState } from "./state.ts";

export class TraceCursor {
  readonly events: TraceEvent[] = [];
  /** checkpoints[i] is the state after event i*every - 1 (checkpoints[0] is the empty state) */
  private readonly checkpoints: TraceState[] = [emptyState()];
  private readonly head: TraceState = emptyState();
  /** event index of every statement marker, ascending */
  readonly statementStarts: number[] = [];
  private cache: TraceState | null = null;

  constructor(
    events: TraceEvent[] = [],
    readonly every = 128,
  ) {
    this.append(events);
  }

  get length(): number {
    return this.events.length;
  }

  append(events: readonly TraceEvent[]): void {
    for (const e of events) {
      if (e.kind === "statement") this.statementStarts.push(this.events.length);
      this.events.push(e);
      applyEvent(this.head, e);
      if (this.events.length % this.every === 0) this.checkpoints.push(cloneState(this.head));
    }
  }

  /** The state after events[0..step]; step -1 is the empty state. Never mutated afterwards. */
  at(step: number): TraceState {
    const k = Math.max(-1, Math.min(step, this.events.length - 1));
    if (this.cache && this.cache.step === k) return this.cache;
    let s: TraceState;
    if (this.cache && this.cache.step < k && k - this.cache.step < this.every) {
      s = cloneState(this.cache);
    } else {
      const ci = Math.min(Math.floor((k + 1) / this.every), this.checkpoints.length - 1);
      s = cloneState(this.checkpoints[ci]);
    }
    for (let i = s.step + 1; i <= k; i++) applyEvent(s, this.events[i]);
    this.cache = s;
    return s;
  }

  /** Last event index of each statement: the step at which that statement has fully run. */
  statementEnds(): number[] {
    return this.statementStarts.map((start, i) =>
      i + 1 < this.statementStarts.length ? this.statementStarts[i + 1] - 1 : this.events.length - 1,
    );
  }

  /** The step after the statement running at `step` finishes (or the next one, if it already has). */
  nextStatement(step: number): number {
    for (const end of this.statementEnds()) if (end > step) return end;
    return this.events.length - 1;
  }

  /** The step at which the statement before the current one had finished (-1 if none). */
  prevStatement(step: number): number {
    const ends = this.statementEnds();
    for (let i = ends.length - 1; i >= 0; i--) if (ends[i] < step) return ends[i];
    return -1;
  }
}
