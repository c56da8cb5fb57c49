// TraceCursor: the state at any step of a (possibly still growing) trace, fast. It folds each
// appended event once into a running head and keeps a checkpoint every `every` events; seeking
// copies the nearest state at or before the step and folds forward from there. States share
// structure (engine/trace/idmap.ts), so a copy is O(1) and a checkpoint costs what changed since
// the last one. The spacing doubles whenever there would be more than MAX_CHECKPOINTS, so a long
// trace keeps a bounded number of them. The last few states asked for are kept too, so stepping
// backwards one event at a time replays a stretch once, not once per step.

import type { TraceEvent } from "../events.ts";
import { applyEvent } from "./fold.ts";
import { cloneState, emptyState, transplant, type TraceState } from "./state.ts";

/** Past this many checkpoints, every other one is dropped and the spacing doubles. */
const MAX_CHECKPOINTS = 128;
/** Recent states kept for stepping back (each holds only what its event changed). */
const RECENT = 512;

export class TraceCursor {
  readonly events: TraceEvent[] = [];
  /** checkpoints[i] is the state after event i*every - 1 (checkpoints[0] is the empty state) */
  private checkpoints: TraceState[] = [emptyState()];
  private readonly head: TraceState = emptyState();
  /** event index of every statement marker, ascending */
  readonly statementStarts: number[] = [];
  /** states handed out lately, by step */
  private recent = new Map<number, TraceState>();
  /** states replayed from a checkpoint while stepping back (a stretch at most) */
  private replayed = new Map<number, TraceState>();
  private cache: TraceState | null = null;
  private spacing: number;

  constructor(
    events: TraceEvent[] = [],
    readonly every = 128,
  ) {
    this.spacing = every;
    this.append(events);
  }

  get length(): number {
    return this.events.length;
  }

  /** Events between checkpoints now (grows with the trace). */
  get checkpointSpacing(): number {
    return this.spacing;
  }

  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  append(events: readonly TraceEvent[]): void {
    for (const e of events) {
      if (e.kind === "statement") this.statementStarts.push(this.events.length);
      this.events.push(e);
      applyEvent(this.head, e);
      if (this.events.length % this.spacing === 0) {
        this.checkpoints.push(cloneState(this.head));
        if (this.checkpoints.length > MAX_CHECKPOINTS) this.thin();
      }
    }
  }

  /** Drops every other checkpoint: the spacing doubles, the count halves. */
  private thin(): void {
    this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 0);
    this.spacing *= 2;
  }

  /** The state after events[0..step]; step -1 is the empty state. Never mutated afterwards. */
  at(step: number): TraceState {
    const k = Math.max(-1, Math.min(step, this.events.length - 1));
    if (this.cache && this.cache.step === k) return this.cache;
    const kept = this.recent.get(k);
    if (kept) return (this.cache = kept);
    const back = this.cache != null && k === this.cache.step - 1 ? this.cache : null;
    let s: TraceState;
    if (back) {
      // one step back: last step's state with just what event k+1 changed put back, taken from a
      // replay of the stretch (kept for the steps back that follow), so it shares all else with it
      let before = this.replayed.get(k);
      let after = this.replayed.get(k + 1);
      if (!before || !after) {
        const from = this.nearestBefore(k);
        let r = from;
        for (let i = from.step + 1; i <= k + 1; i++) {
          r = cloneState(r);
          applyEvent(r, this.events[i]);
          this.replayed.set(i, r);
        }
        before = from.step === k ? from : (this.replayed.get(k) as TraceState);
        after = this.replayed.get(k + 1) as TraceState;
      }
      s = transplant(back, after, before);
    } else {
      const from = this.cache && this.cache.step < k && k - this.cache.step < this.spacing ? this.cache : this.nearestBefore(k);
      s = from;
      for (let i = from.step + 1; i <= k; i++) {
        s = cloneState(s);
        applyEvent(s, this.events[i]);
      }
    }
    this.remember(s);
    this.cache = s;
    return s;
  }

  /** The checkpoint (or a replayed state) nearest at or before step k. */
  private nearestBefore(k: number): TraceState {
    const ci = Math.min(Math.floor((k + 1) / this.spacing), this.checkpoints.length - 1);
    const from = this.checkpoints[ci];
    for (let j = k; j > from.step && j > k - this.spacing; j--) {
      const r = this.replayed.get(j);
      if (r) return r;
    }
    return from;
  }

  private remember(s: TraceState): void {
    this.recent.delete(s.step);
    this.recent.set(s.step, s);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as number);
    while (this.replayed.size > this.spacing + 1) this.replayed.delete(this.replayed.keys().next().value as number);
  }

  /** Last event index of each statement: the step at which that statement has fully run. */
  statementEnds(): number[] {
    return this.statementStarts.map((start, i) =>
      i + 1 < this.statementStarts.length ? this.statementStarts[i + 1] - 1 : this.events.length - 1,
    );
  }

  /** The step after the statement running at `step` finishes (or the next one, if it already has). */
  nextStatement(step: number): number {
    const starts = this.statementStarts;
    // the first statement start after step + 1 ends the statement running at step
    const i = Math.max(1, firstAbove(starts, step + 1));
    return i < starts.length ? starts[i] - 1 : this.events.length - 1;
  }

  /** The step at which the statement before the current one had finished (-1 if none). */
  prevStatement(step: number): number {
    const starts = this.statementStarts;
    // statement ends are starts[i] - 1; the last one below step
    const i = firstAbove(starts, step) - 1;
    return i >= 1 ? starts[i] - 1 : -1;
  }
}

/** Index of the first element of ascending `xs` greater than `v` (xs.length if none). */
function firstAbove(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
