// Run a Python script on the engine: a fresh Runtime, the torch module bound to it, and the
// interpreter session. The one entry point the CLI, the app and the tests use.
import type { BindingValue, TraceEvent } from "../events.ts";
import { Runtime, TorchError } from "../index.ts";
import type { Tensor } from "../tensor.ts";
import { type RunHooks, type RunOutcome, type SessionOptions, runSource } from "./session.ts";
import { Liveness } from "./liveness.ts";
import type { Frame } from "./scope.ts";
import { budget } from "./ops.ts";
import { reachableBytes } from "../reachable.ts";
import { PyList, PyTuple, type PyValue, pyErr, registerForeign } from "./values.ts";
import { reprPrefix } from "./repr.ts";
import { isTensor } from "./torch/convert.ts";
import { gradFnType } from "./torch/gradfn.ts";
import { torchModules } from "./torch/module.ts";
import { nnModules } from "./torch/nn/index.ts";
import { optimModules } from "./torch/optim/index.ts";
import { utilsModules } from "./torch/utils/index.ts";
import { hasLibrary } from "./library.ts";
import { tensorType } from "./torch/tensor.ts";

export type { RunOutcome, RunError } from "./session.ts";

export interface RunOptions {
  filename?: string;
  sink?: (e: TraceEvent) => void;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** statements + calls before the run is stopped (default 5 000 000) */
  maxSteps?: number;
  /** wall-clock budget in ms (default 20 000) */
  timeLimitMs?: number;
  /** elements one tensor may hold (default 50 000 000) */
  maxElements?: number;
  /** bytes the program may hold at once: tensors, lists, strings (default 2 GiB) */
  maxBytes?: number;
  maxDepth?: number;
  /** run on this Runtime instead of a fresh one (tests that inspect the live engine) */
  runtime?: Runtime;
  /** events one traced run may emit before it is stopped (default 2 000 000) */
  maxEvents?: number;
  /** narrate graphs freed when nothing references them any more (graph/freed; default true) */
  narrateFreed?: boolean;
  /** called before each statement of the program is narrated, with the frames running (a test
   *  compares what the memory view was told with the program's values) */
  onStatement?: (frames: readonly Frame[]) => void;
  /** the source of a module the script imports from its own folder (the CLI reads files) */
  resolveModule?: (name: string) => { filename: string; source: string } | undefined;
}

registerForeign(tensorType);
registerForeign(gradFnType);

/** What a name is bound to, for the memory view: a tensor id, tensors in a tuple/list, or a value. */
const MAX_TENSOR_ITEMS = 200;

export function describeBinding(v: PyValue): BindingValue | undefined {
  if (isTensor(v)) return { type: "tensor", id: (v as Tensor).id };
  // a list or tuple of tensors points at each (`losses[3]` names its node); past 200 items it is
  // shown by its size as any other container is (a list grown in a loop is narrated at every
  // append: describing it whole each time would be quadratic). every() first: it stops at the
  // first item that is not a tensor
  if (
    (v instanceof PyTuple || v instanceof PyList) &&
    v.items.length <= MAX_TENSOR_ITEMS &&
    v.items.every((x) => x === null || isTensor(x)) &&
    v.items.some(isTensor)
  ) {
    let repr = reprPrefix(v, 401);
    if (repr.length > 400) repr = repr.slice(0, 397) + "...";
    return { type: "tensors", ids: v.items.map((x) => (x === null ? null : (x as Tensor).id)), repr };
  }
  return undefined;
}

/** A sink that stops the run (uncatchably) once it has seen `max` events: a traced endless
 *  loop must not write gigabytes before the step budget ends it. */
function cappedSink(sink: ((e: TraceEvent) => void) | undefined, max: number): ((e: TraceEvent) => void) | undefined {
  if (!sink) return undefined;
  let n = 0;
  return (e) => {
    if (++n > max && e.kind !== "error/raised") {
      const err = pyErr("RuntimeError", `Gradlens stopped the program after ${max} events (trace budget)`);
      err.exc.uncatchable = true;
      throw err;
    }
    sink(e);
  };
}

export function runPython(source: string, opts: RunOptions = {}): RunOutcome {
  const capped = opts.runtime ? opts.sink : cappedSink(opts.sink, opts.maxEvents ?? 2_000_000);
  // a narrated run also narrates when graphs are freed: every event passes through the liveness
  const live = capped && opts.narrateFreed !== false ? new Liveness(capped) : null;
  const sink = live ? live.wrap : capped;
  const rt = opts.runtime ?? new Runtime({ sink, maxElements: opts.maxElements, maxBytes: opts.maxBytes });
  if (opts.runtime && live) rt.sink = sink ?? null;
  let warn: RunHooks["warn"] = () => true;
  const torch = torchModules(rt, (c, m) => rt.warn(c, m));
  const nn = nnModules(rt, torch("torch")!);
  const optim = optimModules(rt, torch("torch")!);
  const utils = utilsModules(rt, torch("torch")!);
  // torch.nn.init, torch.optim's submodules and the other library modules are found after the
  // host modules
  const modules = (name: string) => nn(name) ?? optim(name) ?? utils(name) ?? (hasLibrary(name) ? undefined : torch(name));
  const session: SessionOptions = {
    filename: opts.filename,
    sink,
    onStdout: opts.onStdout,
    onStderr: opts.onStderr,
    maxSteps: opts.maxSteps,
    timeLimitMs: opts.timeLimitMs,
    maxDepth: opts.maxDepth,
    resolveModule: opts.resolveModule,
    modules,
    describe: describeBinding,
    onStatement:
      live || opts.onStatement
        ? (frames, handling) => {
            live?.onStatement(frames, handling);
            opts.onStatement?.(frames);
          }
        : undefined,
    onFinished: live ? (globals, line) => live.onFinished(globals, line) : undefined,
    setSpan: (span) => {
      rt.span = span;
    },
    convertError: (e) => {
      if (!(e instanceof TorchError)) return undefined;
      const err = pyErr(e.pyType, e.message);
      if (e.blame) err.exc.blame = e.blame;
      return err;
    },
    onStart: (s) => {
      warn = s.warn;
      rt.onWarning = (category, message, place) => warn(category, message, place);
      rt.forwardStack = s.stack;
      rt.onWarningsReset = s.resetWarnings;
      rt.deadline = s.deadline;
      rt.onDeadline = s.stopForTime;
      rt.measureLive = () => reachableBytes(s.roots(), new Set([rt]));
      rt.onMemoryBudget = () => s.stopForMemory(rt.maxBytes);
      budget.allocate = (bytes) => rt.noteAllocation(bytes);
    },
  };
  try {
    return runSource(source, session);
  } finally {
    // a Runtime a test passed in outlives the run: its ops are not on this run's clock
    rt.deadline = Infinity;
    rt.onDeadline = null;
    rt.measureLive = null;
    rt.onMemoryBudget = null;
    rt.forwardStack = null;
    rt.onWarningsReset = null;
    budget.allocate = () => undefined;
  }
}
