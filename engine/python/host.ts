// Hooks the running interpreter fills in, so value-level code (operators, repr, hashing,
// attribute access, builtins) can call back into Python without importing the interpreter.
import type { Frame } from "./scope.ts";
import { type CallArgs, EMPTY_KWARGS, type PyDict, type PyModule, type PyValue, pyErr } from "./values.ts";

export const host: {
  /** calls any Python callable */
  call: (f: PyValue, a: CallArgs) => PyValue;
  /** an attribute of an object was set or deleted (the memory view follows objects) */
  attrSet?: (obj: PyValue, name: string, value: PyValue) => void;
  attrDeleted?: (obj: PyValue, name: string) => void;
  /** d[key] = value or del d[key] (undefined) on a dict (a Module's _parameters/_modules entries) */
  itemChanged?: (d: PyDict, key: PyValue, value: PyValue | undefined) => void;
  /** the innermost running frame (zero-argument super(), vars()) */
  currentFrame: () => Frame | undefined;
  /** every running frame, outermost first (inspect.currentframe()'s f_back chain) */
  frames: () => readonly Frame[];
  /** imports a module by name in the running program (host modules taking names from Python
   *  library modules) */
  importModule: (name: string) => PyModule;
  /** eval(source) in the running frame's namespace */
  evalString: (a: CallArgs) => PyValue;
} = {
  currentFrame: () => undefined,
  frames: () => [],
  importModule: () => {
    throw pyErr("SystemError", "no interpreter");
  },
  call: () => {
    throw pyErr("SystemError", "no interpreter");
  },
  evalString: () => {
    throw pyErr("SystemError", "no interpreter");
  },
};

/** f(*args) */
export function callWith(f: PyValue, ...args: PyValue[]): PyValue {
  return host.call(f, { args, kwargs: EMPTY_KWARGS });
}
