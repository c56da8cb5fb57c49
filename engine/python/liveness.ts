// When graphs are freed: at each statement, which tensors and grad_fn nodes Python values still
// reach (names in every live frame, for-loop iterables, containers, object attributes, closures,
// exceptions being handled), handed to GraphReferences, which frees what nothing holds any more and
// narrates it as a graph/freed event, the moment CPython would drop the last reference (the name
// rebound or deleted, the frame returned, the statement's temporaries done).
//
// A statement still running in an outer frame may hold temporaries on its evaluation stack (the
// left operand of `f(x) + g(x)` while g runs, a comprehension's finished items): whatever was made
// between that statement's start and the call into the next frame is protected until it ends.
// Marking Python values costs what they reach (each object, and each slot of a list, tuple, dict
// or set it looks into, whatever the slot holds), so a mark runs at every statement while that is a
// couple of thousand, and beyond that when the events and statements since the last mark are at
// least a quarter of it: a big heap is checked less often (freeing later, never wrongly), and the
// cost per event stays bounded. (Counting objects only, a list of a million ints cost one and was
// walked at every statement: `l.append(i)` in a loop was quadratic.)

import type { EventSink, TraceEvent } from "../events.ts";
import { GraphReferences, type Protection } from "../autograd/references.ts";
import { GradNode } from "../autograd/node.ts";
import { Tensor } from "../tensor.ts";
import { Frame } from "./scope.ts";
import { budget } from "./ops.ts";
import { type PyError, PyDict, PyList, PyModule, PyObj, PyTuple, type PyValue } from "./values.ts";
import { PyFunction } from "./function.ts";

/** A for loop's iterable, held by its frame while the loop runs (the interpreter pushes and pops it). */
export interface LoopHold {
  value: PyValue;
  /** the item fetched and not yet assigned to the loop's target */
  item?: PyValue;
}

interface StatementMark {
  at: number;
  token: object;
  line: number;
}

/** Below this much work (objects and slots looked at), a mark runs at every statement. The
 *  training lessons' programs reach ~700 (an nn.Module's tables), and their narration of each
 *  freed graph names the statement that dropped it, so they must stay under it. */
const SMALL_HEAP = 2048;

export class Liveness {
  private readonly refs = new GraphReferences();
  /** index the next event will have */
  private index = 0;
  private readonly statements = new WeakMap<Frame, StatementMark>();
  /** where each frame was entered (a generator's: resumed), valid while its caller runs the statement
   *  that called it; what that statement made before is its temporaries (a comprehension's list so
   *  far, the item a for loop is about to bind) */
  private readonly entered = new WeakMap<Frame, { at: number; caller: object | null; resumes: number }>();
  private readonly loops = new WeakMap<LoopHold, Protection>();
  private visitedLastMark = 0;
  private eventsSinceMark = 0;
  private statementsSinceMark = 0;

  constructor(private readonly sink: EventSink) {}

  /** The sink every event of the run goes through (the engine's and the interpreter's). */
  readonly wrap: EventSink = (e: TraceEvent) => {
    this.refs.observe(e);
    this.index++;
    this.eventsSinceMark++;
    this.sink(e);
  };

  /** Called before the statement event of the innermost frame of `frames` is emitted. */
  onStatement(frames: readonly Frame[], handling: readonly PyError[]): void {
    const top = frames[frames.length - 1];
    if (!top) return;
    const caller = frames.length > 1 ? this.statementOf(frames, frames.length - 2) : null;
    const seen = this.entered.get(top);
    if (!seen || seen.caller !== (caller?.token ?? null) || seen.resumes !== top.resumes)
      this.entered.set(top, { at: this.index, caller: caller?.token ?? null, resumes: top.resumes });
    this.statementsSinceMark++;
    if (this.visitedLastMark <= SMALL_HEAP || (this.eventsSinceMark + this.statementsSinceMark) * 4 >= this.visitedLastMark)
      this.check(frames, handling, this.droppedAt(frames));
    this.statements.set(top, { at: this.index, token: {}, line: this.line(frames) });
  }

  /** After the program ran to its end: the last statement's temporaries go (not the globals). */
  onFinished(globals: Map<string, PyValue>, line: number): void {
    this.check([], [], line, globals);
  }

  /** The line of the statement now starting (the interpreter sets frame.line before narrating it). */
  private line(frames: readonly Frame[]): number {
    return frames[frames.length - 1]?.line ?? 0;
  }

  /** The line whose execution dropped what a check before this statement finds unreferenced: the
   *  frame's previous statement, or, at a frame's first statement, the caller's statement running */
  private droppedAt(frames: readonly Frame[]): number {
    for (let k = frames.length - 1; k >= 0; k--) {
      const m = this.statements.get(frames[k]);
      if (m) return m.line;
    }
    return 0;
  }

  private statementOf(frames: readonly Frame[], k: number): StatementMark | null {
    for (let i = k; i >= 0; i--) {
      const m = this.statements.get(frames[i]);
      if (m) return m;
    }
    return null;
  }

  private check(frames: readonly Frame[], handling: readonly PyError[], line: number, globals?: Map<string, PyValue>): void {
    const held = new Reach();
    if (globals) held.value(globals);
    const protections: Protection[] = [];
    for (let k = 0; k < frames.length; k++) {
      const f = frames[k];
      held.frame(f);
      for (const loop of f.loops) {
        held.value(loop.value);
        held.value(loop.item);
        let p = this.loops.get(loop);
        if (!p) this.loops.set(loop, (p = { token: loop, from: this.statements.get(f)?.at ?? this.index, to: this.index }));
        protections.push(p);
      }
      // an outer frame's running statement: what it made before calling the next frame with statements
      const mark = this.statements.get(f);
      if (!mark || k === frames.length - 1) continue;
      const inner = frames.slice(k + 1).find((g) => this.statements.has(g) || g === frames[frames.length - 1]);
      const to = inner ? (this.entered.get(inner)?.at ?? this.index) : this.index;
      protections.push({ token: mark.token, from: mark.at, to });
    }
    for (const err of handling) held.value(err.exc);
    // what the running statements hold unnamed: an operator's left operand while the right one
    // runs (c + f() where f rebinds c: CPython's value stack still holds the old c), a call's
    // arguments, a comprehension's items so far
    for (const v of budget.held) held.value(v);
    const freed = this.refs.release(held.tensors, held.nodes, protections);
    this.visitedLastMark = held.visited;
    this.eventsSinceMark = 0;
    this.statementsSinceMark = 0;
    if (freed.nodes.length || freed.tensors.length) this.wrap({ kind: "graph/freed", nodes: freed.nodes, tensors: freed.tensors, line });
  }
}

/** Everything Python values reach: tensors and grad_fn nodes are collected, not entered. */
class Reach {
  readonly tensors = new Set<number>();
  readonly nodes = new Set<number>();
  /** objects entered and slots looked at */
  visited = 0;
  private readonly seen = new Set<object>();

  frame(f: Frame): void {
    if (this.seen.has(f)) return;
    this.seen.add(f);
    this.visited++;
    for (const v of f.locals.values()) this.value(v);
    for (const loop of f.loops) {
      this.value(loop.value);
      this.value(loop.item);
    }
    if (f.parent) this.frame(f.parent);
  }

  value(root: unknown): void {
    const stack: unknown[] = [root];
    while (stack.length) {
      const v = stack.pop();
      if (v === null || typeof v !== "object" || this.seen.has(v)) continue;
      if (v instanceof Frame) {
        this.frame(v);
        continue;
      }
      this.seen.add(v);
      this.visited++;
      if (v instanceof Tensor) this.tensors.add(v.id);
      else if (v instanceof GradNode) this.nodes.add(v.id);
      // modules (torch, math) hold library functions, not the program's tensors
      else if (v instanceof PyModule) continue;
      else if (Array.isArray(v)) {
        this.visited += v.length;
        for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
      } else if (v instanceof Map) {
        this.visited += v.size;
        for (const [k, x] of v) {
          if (k !== null && typeof k === "object") stack.push(k);
          if (x !== null && typeof x === "object") stack.push(x);
        }
      } else if (v instanceof Set) {
        this.visited += v.size;
        for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
      } else if (v instanceof PyList || v instanceof PyTuple) {
        this.visited += v.items.length;
        for (const x of v.items) if (x !== null && typeof x === "object") stack.push(x);
      } else if (v instanceof PyDict) {
        this.visited += v.table.size;
        for (const [k, x] of v.table.entries()) {
          if (k !== null && typeof k === "object") stack.push(k);
          if (x !== null && typeof x === "object") stack.push(x);
        }
      } else if (v instanceof PyFunction) {
        stack.push(v.defaults);
        if (v.closure) stack.push(v.closure);
      } else if (v instanceof PyObj) {
        // sets, instances, classes, exceptions, bound methods and whatever else: what they hold is
        // in their own fields (JS closures inside builtins stay opaque)
        for (const x of Object.values(v)) if (x !== null && typeof x === "object" && isHolder(x)) stack.push(x);
      }
    }
  }
}

/** Fields worth entering: Python values, engine objects, frames and the containers that hold them (not syntax trees). */
function isHolder(x: object): boolean {
  return x instanceof PyObj || x instanceof Tensor || x instanceof GradNode || x instanceof Frame || Array.isArray(x) || x instanceof Map || x instanceof Set;
}
