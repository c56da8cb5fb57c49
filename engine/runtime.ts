// One Runtime per program run: ids, grad mode, the RNG, budgets and the event sink.
// No global state: everything a run does goes through its Runtime.
import type { EventSink, Span, TraceEvent } from "./events.ts";
import { TorchGenerator } from "./random/index.ts";
import { runtimeError } from "./errors.ts";

export interface RuntimeOptions {
  sink?: EventSink;
  /** the most elements one tensor may hold before the run is stopped */
  maxElements?: number;
  /** keep every tensor and node made, for tests that compare the live engine with a fold */
  track?: boolean;
}

export class Runtime {
  sink: EventSink | null;
  gradEnabled = true;
  /** source span of the Python expression being evaluated; events carry it */
  span: Span | undefined = undefined;
  onWarning: ((category: string, message: string) => void) | null = null;
  maxElements: number;
  /** 0 for forward ops; n while a create_graph backward of order n runs */
  derivativeOrder = 0;
  generator = new TorchGenerator();
  /** with `track`: every tensor and grad_fn node made so far, by id */
  readonly tracked: { tensors: Map<number, object>; nodes: Map<number, object> } | null;
  private nextTensor = 1;
  private nextStorage = 1;
  private nextNode = 1;
  private nextBackward = 1;
  private sequence = 0;

  constructor(options: RuntimeOptions = {}) {
    this.sink = options.sink ?? null;
    this.maxElements = options.maxElements ?? 50_000_000;
    this.tracked = options.track ? { tensors: new Map(), nodes: new Map() } : null;
  }

  emit(event: TraceEvent): void {
    if (this.sink) this.sink(event);
  }

  noGrad<T>(fn: () => T): T {
    const before = this.gradEnabled;
    this.gradEnabled = false;
    try {
      return fn();
    } finally {
      this.gradEnabled = before;
    }
  }

  /** the steps of a kernel written with engine ops: no graph and no events of their own */
  internally<T>(fn: () => T): T {
    const sink = this.sink;
    this.sink = null;
    try {
      return this.noGrad(fn);
    } finally {
      this.sink = sink;
    }
  }

  withGradMode<T>(enabled: boolean, fn: () => T): T {
    const before = this.gradEnabled;
    this.gradEnabled = enabled;
    try {
      return fn();
    } finally {
      this.gradEnabled = before;
    }
  }

  warn(category: string, message: string): void {
    this.emit({ kind: "warning/raised", category, message, span: this.span });
    this.onWarning?.(category, message);
  }

  checkElements(n: number): void {
    if (n > this.maxElements)
      throw runtimeError(
        `Gradlens stopped this run: a tensor of ${n} elements is over the budget of ${this.maxElements} elements.`,
      );
  }

  newTensorId(): number {
    return this.nextTensor++;
  }
  newStorageId(): number {
    return this.nextStorage++;
  }
  newNodeId(): number {
    return this.nextNode++;
  }
  newBackwardId(): number {
    return this.nextBackward++;
  }
  /** PyTorch's per-thread sequence number, taken by every grad_fn node but AccumulateGrad */
  nextSequenceNr(): number {
    return this.sequence++;
  }
}
