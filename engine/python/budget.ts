// The running interpreter's budgets as the value classes and builtins see them, in a module that
// imports nothing of the interpreter (values.ts and hashtable.ts charge the memory budget too).
//
// The memory budget is a walk over what the program can reach (engine/reachable.ts), run only
// when what was reachable at the last walk plus everything charged since could pass the budget.
// So every way a program grows what it holds must be charged, about as the walk will count it:
// a container made, an item appended, a key inserted. Charging is an addition and a comparison;
// garbage charged drops out at the next walk.
import { OBJECT_BYTES, SLOT_BYTES } from "../reachable.ts";

export { OBJECT_BYTES, SLOT_BYTES };

export const budget = {
  /** the running interpreter's step counter (set by it): long ranges consumed by builtins count too */
  tick: (): void => undefined,
  /** bytes a Python value being built or grown will hold (lists, dicts, sets, strings): counted
   *  against the run's memory budget */
  allocate: (bytes: number): void => void bytes,
  /** values no name reaches yet that the program is still building or about to use (a
   *  comprehension's items, list(generator)'s items, a call's arguments, an operator's left
   *  operand): the memory budget's walk counts them, or `[torch.ones(10**7) for _ in range(1000)]`
   *  would look like garbage to it until the process died */
  held: [] as unknown[],
};

/** what the walk counts for a list or tuple of n items: the object, its array, n slots */
export function chargeSequence(n: number): void {
  budget.allocate(2 * OBJECT_BYTES + n * SLOT_BYTES);
}

/** what the walk counts for a new key in a dict (a Map entry: key and value) */
export const DICT_ENTRY_BYTES = 2 * SLOT_BYTES;
