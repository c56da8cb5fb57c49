// One Runtime per program run: ids, grad mode, the RNG, budgets and the event sink.
// No global state: everything a run does goes through its Runtime.
import type { EventSink, Span, TraceEvent } from "./events.ts";
import type { OpRecord } from "./autograd/record.ts";
import type { SavedTensorsHooks } from "./autograd/node.ts";
import type { Tensor } from "./tensor.ts";
import { TorchGenerator } from "./random/index.ts";
import { runtimeError } from "./errors.ts";
import { BufferPool } from "./buffer_pool.ts";

export interface RuntimeOptions {
  sink?: EventSink;
  /** the most elements one tensor may hold before the run is stopped */
  maxElements?: number;
  /** the most bytes the program may hold at once (tensors and, as the run counts them, values) */
  maxBytes?: number;
  /** keep every tensor and node made, for tests that compare the live engine with a fold */
  track?: boolean;
}

/** 2 GiB: far beyond any lesson, well inside what a browser tab or Node can hold */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/** anomaly mode's record of where a grad_fn node was made: the Python stack of its forward call
 *  (null: made while anomaly mode was off) and the node whose backward made it */
export interface AnomalyMeta {
  name: string;
  stack: string | null;
  parent: AnomalyMeta | null;
}

/** a warning raised at a fixed place (PyTorch's C++ warnings show torch's own Python line) */
export interface WarningPlace {
  file: string;
  line: number;
  text: string;
}

/** What a running backward tells Python about itself (see Runtime.graphTask). */
export interface GraphTask {
  id: number;
  /** every node reachable from the roots */
  inGraph: ReadonlySet<object>;
  /** null when every node in the graph runs (no inputs= given); else whether this one runs */
  executes: ((node: object) => boolean) | null;
  /** autograd.grad captures this node's gradient (an input's AccumulateGrad or grad_fn) */
  captures: (node: object) => boolean;
}

export class Runtime {
  sink: EventSink | null;
  gradEnabled = true;
  /** torch.inference_mode(): new tensors are inference tensors, nothing is recorded */
  inferenceMode = false;
  /** source span of the Python expression being evaluated; events carry it */
  span: Span | undefined = undefined;
  /** shows the warning as warnings' filters say (or raises it, under "error"): true when shown */
  onWarning: ((category: string, message: string, place?: WarningPlace) => boolean) | null = null;
  /** Python's warnings registry forgets what it has shown (warnings' filters changed) */
  onWarningsReset: (() => void) | null = null;
  /** torch.autograd.set_detect_anomaly / detect_anomaly */
  anomalyEnabled = false;
  anomalyCheckNan = true;
  /** the program's Python stack now, as traceback.format_stack prints it (set by the run) */
  forwardStack: (() => string) | null = null;
  /** while a backward runs under anomaly mode: the node being evaluated, and torch's frames of
   *  the call that started the backward (what format_stack adds for nodes made by it) */
  evaluating: AnomalyMeta | null = null;
  backwardFrames = "";
  maxElements: number;
  /** Date.now() past which the run is stopped: the interpreter looks at it between statements,
   *  kernels between blocks of work, and every new tensor on its way out of an op */
  deadline = Infinity;
  /** throws the run's time-budget error (it names the line); set by whoever runs the program */
  onDeadline: (() => never) | null = null;
  /** the memory budget: bytes the program may hold at once */
  maxBytes: number;
  /** what the program can reach now, in bytes (set by the run: it knows the program's names);
   *  without it, every allocation counts as held for good */
  measureLive: (() => number) | null = null;
  /** throws the run's memory-budget error (it names the line); set by the run */
  onMemoryBudget: (() => never) | null = null;
  /** bytes held at the last measure, and allocated since: together, an upper bound */
  private liveAtMeasure = 0;
  private allocatedSince = 0;
  /** 0 for forward ops; while a create_graph backward runs, one more than the order of the node
   *  being differentiated */
  derivativeOrder = 0;
  generator = new TorchGenerator();
  /** kernel outputs' memory the interpreter found dead, for the next output of its size */
  readonly pool = new BufferPool();
  /** while set, ops hand their record here instead of recording it (in-place variants reuse
   *  the out-of-place op's values and formula) */
  recordCapture: ((rec: OpRecord, out: Tensor) => void) | null = null;
  /** forward-mode AD (torch.autograd.forward_ad): the dual level entered (-1: none), a count of
   *  levels entered so far (a tangent made under an earlier level is gone), whether tangents are
   *  propagated (torch._C._set_fwd_grad_enabled), and the op whose tangent formula is running
   *  (its own ops see no tangents, as PyTorch's formulas read the primals) */
  dualLevel = -1;
  dualEpoch = 0;
  fwGradEnabled = true;
  tangentFormulaOf: string | null = null;
  /** torch.autograd.graph.saved_tensors_hooks in force, innermost last (only it applies) */
  savedTensorsHooks: SavedTensorsHooks[] = [];
  /** the backward running now (the innermost, when a hook runs another), as the engine's
   *  current graph task answers torch._C._current_graph_task_id / _will_engine_execute_node */
  graphTask: GraphTask | null = null;
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
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
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

  /** a warning of the engine: narrated when the run shows it (filters may hide it or repeat it) */
  warn(category: string, message: string, place?: WarningPlace): void {
    if (this.onWarning && !this.onWarning(category, message, place)) return;
    this.emit({ kind: "warning/raised", category, message, span: this.span });
  }

  checkDeadline(): void {
    if (this.deadline !== Infinity && Date.now() > this.deadline) {
      if (this.onDeadline) this.onDeadline();
      throw runtimeError("Gradlens stopped the program (time budget)");
    }
  }

  /** Account for `bytes` about to be (or just) allocated. Only when what was held at the last
   *  measure plus everything allocated since could pass the budget is the program measured
   *  again (allocations that became garbage drop out then); over the budget even so, the run
   *  stops. Measures are at least an eighth of the budget apart: a program growing towards the
   *  budget would otherwise be measured ever more often as the gap closes (each measure walks
   *  all it holds), so it may end up to an eighth over the budget before it is stopped. */
  noteAllocation(bytes: number): void {
    this.allocatedSince += bytes;
    if (this.liveAtMeasure + this.allocatedSince <= this.maxBytes || this.allocatedSince * 8 < this.maxBytes) return;
    const live = this.measureLive ? this.measureLive() : this.liveAtMeasure + this.allocatedSince - bytes;
    this.liveAtMeasure = live;
    this.allocatedSince = bytes;
    if (live + bytes > this.maxBytes) {
      if (this.onMemoryBudget) this.onMemoryBudget();
      throw runtimeError(`Gradlens stopped the program: it would hold ${live + bytes} bytes (memory budget)`);
    }
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
