// A finished trace's states for a reader that asks for one or two steps (`gradlens export`):
// each is folded from the start when asked, with no checkpoints, since copying every map every
// 128 events is what made TraceCursor's constructor cost more than the run it records.

import type { TraceEvent } from "../events.ts";
import { applyEvent } from "./fold.ts";
import { cloneState, emptyState, type TraceState } from "./state.ts";

/** What readers of a trace's steps use; TraceCursor and FoldedTrace both provide it. */
export interface TraceSteps {
  readonly events: readonly TraceEvent[];
  readonly length: number;
  /** event index of every statement marker, ascending */
  readonly statementStarts: readonly number[];
  /** The state after events[0..step]; step -1 is the empty state. Never mutated afterwards. */
  at(step: number): TraceState;
  /** Last event index of each statement. */
  statementEnds(): number[];
}

export class FoldedTrace implements TraceSteps {
  readonly statementStarts: number[] = [];
  /** the state asked for last */
  private last: TraceState | null = null;

  constructor(readonly events: readonly TraceEvent[]) {
    events.forEach((e, i) => {
      if (e.kind === "statement") this.statementStarts.push(i);
    });
  }

  get length(): number {
    return this.events.length;
  }

  /** Folded from the start, or on from a copy of the last state asked for when that is earlier:
   *  the last step then the one to draw costs two folds; steps in order cost one copy each. */
  at(step: number): TraceState {
    const k = Math.max(-1, Math.min(step, this.events.length - 1));
    if (this.last && this.last.step === k) return this.last;
    const s = this.last && this.last.step < k ? cloneState(this.last) : emptyState();
    for (let i = s.step + 1; i <= k; i++) applyEvent(s, this.events[i]);
    this.last = s;
    return s;
  }

  statementEnds(): number[] {
    return this.statementStarts.map((start, i) =>
      i + 1 < this.statementStarts.length
        ? this.statementStarts[i + 1] - 1
        : this.events.length - 1,
    );
  }
}
