// When a tensor the program made is dead, known at once (CPython would free it there): its memory
// goes back to the runtime's pool for the next kernel output of its size (engine/buffer_pool.ts).
//
// - A temporary: the operand of an operator that another operator of the same expression just made
//   (`a * b` in `a * b + c`), once the outer operator has read it. Only tensor operators the engine
//   runs itself count (no user class's __add__ saw the value), and only when the outer operator
//   recorded no graph (a grad_fn may have saved its operands).
// - A name's old tensor: `z = x + y` binds a fresh tensor to z. Until something reads z by name
//   (any lookup: print(z), w = z, z.sum(), f(z)...), z is the only reference there is; rebinding z
//   then drops it. Reading z as an operand of a tensor operator that records no graph does not
//   count (z is pinned while the rest of the expression runs, so a call that rebinds z cannot
//   hand its memory out under the operator). Only the script's own names (its module and its
//   functions, never a class body or an imported module, whose names are reached as attributes);
//   vars() and super() read names without a lookup and count as reads.
// The engine checks its side before reusing anything (no graph, no views, no events).
import { release } from "../buffer_pool.ts";
import type { Expr } from "./ast.ts";
import type { Frame } from "./scope.ts";
import type { Interpreter } from "./interpreter.ts";
import { Tensor } from "../tensor.ts";
import { userClass } from "./dunder.ts";
import type { PyValue } from "./values.ts";

/** the tensor the last operator node evaluated made with the engine's own operator, else null */
let lastMade: Tensor | null = null;

/** whether v is what the operator expression e just made (read right after evaluating e) */
export function madeBy(e: Expr, v: PyValue): v is Tensor {
  return (e.k === "binop" || e.k === "unary") && v !== null && v === lastMade;
}

/** a name's value has been read: another reference may exist from now on */
export function escape(v: PyValue | undefined): void {
  if (v instanceof Tensor) v.storage.soleBinding = false;
}

/** A name read as an operator's operand, without counting as a read yet: pinned until `afterOperands`. */
export function peekOperand(v: PyValue): boolean {
  if (!(v instanceof Tensor) || !v.storage.soleBinding) return false;
  v.storage.pinned++;
  return true;
}

/** after `l op r`: made temporaries released, peeked names unpinned (and counted as read unless
 *  the engine's own operator read them without recording a graph); no allocation on this path,
 *  which every operator of every program takes */
export function afterBinary(result: PyValue, l: PyValue, r: PyValue, lMade: boolean, rMade: boolean, lPeeked: boolean, rPeeked: boolean): PyValue {
  const own = result instanceof Tensor && l !== result && r !== result && userClass(l) === null && userClass(r) === null;
  lastMade = own ? result : null;
  if (!(lMade || rMade || lPeeked || rPeeked)) return result;
  const quiet = own && result.rawGradFn === null;
  if (lPeeked) unpin(l as Tensor, quiet);
  if (rPeeked) unpin(r as Tensor, quiet);
  if (quiet && lMade) release(l as Tensor);
  if (quiet && rMade && r !== l) release(r as Tensor);
  return result;
}

/** after a unary operator: as afterBinary */
export function afterUnary(result: PyValue, v: PyValue, made: boolean, peeked: boolean): PyValue {
  const own = result instanceof Tensor && v !== result && userClass(v) === null;
  lastMade = own ? result : null;
  if (!(made || peeked)) return result;
  const quiet = own && result.rawGradFn === null;
  if (peeked) unpin(v as Tensor, quiet);
  if (quiet && made) release(v as Tensor);
  return result;
}

function unpin(t: Tensor, quiet: boolean): void {
  t.storage.pinned--;
  if (!quiet) t.storage.soleBinding = false;
}

/** an operator raised: peeked operands unpinned and counted as read */
export function operandsFailed(l: PyValue, lPeeked: boolean, r?: PyValue, rPeeked = false): void {
  lastMade = null;
  if (lPeeked) unpin(l as Tensor, false);
  if (rPeeked) unpin(r as Tensor, false);
}

/** the value a plain `name = ...` of this frame replaces, where its names are the script's own */
function ownSlot(frame: Frame, name: string, scriptGlobals: Map<string, PyValue>): Map<string, PyValue> | null {
  if (frame.kind === "class" || frame.globals !== scriptGlobals || frame.nonlocalNames.has(name)) return null;
  return frame.kind === "module" || frame.globalNames.has(name) ? frame.globals : frame.locals;
}

/** `name = value` (one target, a name): bind it, then drop the name's old tensor if nothing but
 *  this name ever held it; false for other targets */
export function assignOneName(ip: Interpreter, targets: readonly Expr[], valueExpr: Expr, v: PyValue, frame: Frame): boolean {
  const target = targets[0]!;
  if (targets.length !== 1 || target.k !== "name") return false;
  const made = madeBy(valueExpr, v);
  const slot = ownSlot(frame, target.id, ip.globals);
  const old = slot?.get(target.id);
  ip.store(target.id, v, frame, target);
  if (old instanceof Tensor && old !== v && old.storage.soleBinding) {
    old.storage.soleBinding = false;
    release(old);
  }
  if (made && slot) v.storage.soleBinding = true;
  return true;
}
