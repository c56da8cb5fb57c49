// A user-defined Python function (def or lambda): its parameters, body and defining scope.
import type { Expr, Param, Stmt } from "./ast.ts";
import { PyObj, type PyClass, type PyValue, functionClass } from "./values.ts";
import type { Frame } from "./scope.ts";

export class PyFunction extends PyObj {
  constructor(
    readonly name: string,
    readonly params: Param[],
    /** statements for def, a single expression for lambda */
    readonly body: Stmt[] | Expr,
    readonly defaults: Map<string, PyValue>,
    readonly localNames: Set<string>,
    readonly globals: Set<string>,
    readonly nonlocals: Set<string>,
    /** the function frame it was defined in (for closures), null at module level */
    readonly closure: Frame | null,
  ) {
    super();
  }
  get cls(): PyClass {
    return functionClass;
  }
}
