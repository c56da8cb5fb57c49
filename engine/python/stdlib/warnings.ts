// _warnings: the filters of the warnings module and the decision whether a warning is shown, as
// CPython's C _warnings does it. One state per run: the filter list (CPython's defaults), the
// registries of what each module has shown (a warning is shown once per (text, category, line)
// under the "default" action, until the filters change), and the once registry. Warnings raised by
// torch's engine (rt.warn) and by warnings.warn() both come here, so filters silence, repeat or
// raise either. The Python side (../lib/warnings.ts: filterwarnings, catch_warnings, showwarning)
// is the warnings module itself; while it is not imported, shown warnings are printed from here.
import { bindArgs } from "../args.ts";
import { host } from "../host.ts";
import { pyRepr, strRepr } from "../repr.ts";
import type { Frame } from "../scope.ts";
import {
  type CallArgs,
  EMPTY_KWARGS,
  PyBuiltin,
  PyClass,
  PyDict,
  PyError,
  PyException,
  PyList,
  PyModule,
  PyObj,
  PyTuple,
  type PyValue,
  classOf,
  exceptionClasses,
  objectClass,
  pyErr,
  typeName,
} from "../values.ts";
import { pyStr } from "../repr.ts";

/** a compiled filter pattern, printed as re.compile() prints it */
const patternClass = new PyClass("Pattern", objectClass, undefined, "re");
class WarningPattern extends PyObj {
  readonly regex: RegExp;
  constructor(
    readonly source: string,
    readonly ignoreCase: boolean,
  ) {
    super();
    // Python's re syntax as JavaScript's where they differ in what filters use; match() is anchored
    const js = source.replace(/\(\?P</g, "(?<").replace(/\\Z/g, "$").replace(/\\A/g, "^");
    try {
      this.regex = new RegExp(`^(?:${js})`, ignoreCase ? "i" : "");
    } catch {
      throw pyErr("NotImplementedError", `the pattern ${strRepr(source)} is not a regular expression Gradlens can match yet`);
    }
  }
  get cls(): PyClass {
    return patternClass;
  }
  override reprText(): string {
    return `re.compile(${strRepr(this.source)}${this.ignoreCase ? ", re.IGNORECASE" : ""})`;
  }
}

const warningClass = exceptionClasses.get("Warning")!;
const category = (name: string): PyClass => exceptionClasses.get(name) ?? exceptionClasses.get("UserWarning")!;

/** what a run gives the warnings machinery */
export interface WarningsHost {
  /** the script's file name (its lines are `lineText`'s) */
  filename: string;
  lineText: (line: number) => string;
  /** the user's line now (a warning of torch's engine with no place of its own shows there) */
  currentLine: () => number;
  writeStderr: (text: string) => void;
  /** the Python warnings module, once the program imported it */
  pythonModule: () => PyModule | undefined;
  /** warnings.warn() showed a warning at the script's `line` (torch's engine narrates its own) */
  shown: (category: string, message: string, line: number | null) => void;
}

export class WarningsState {
  /** warnings.filters as CPython starts it (`python3 script.py`, no -W) */
  readonly filters = new PyList(
    (
      [
        ["default", "DeprecationWarning", "__main__"],
        ["ignore", "DeprecationWarning", null],
        ["ignore", "PendingDeprecationWarning", null],
        ["ignore", "ImportWarning", null],
        ["ignore", "ResourceWarning", null],
      ] as const
    ).map(([action, cat, mod]) => new PyTuple([action, null, category(cat), mod, 0n])),
  );
  readonly onceRegistry = new PyDict();
  private version = 1;
  /** per module: the filters' version it was filled under, and (category, line, text) shown */
  private readonly registries = new Map<string, { version: number; seen: Map<PyClass, Set<string>> }>();
  private readonly once = new Map<PyClass, Set<string>>();
  /** source lines of torch's own files that warnings pointed at (linecache's part) */
  private readonly placeLines = new Map<string, string>();
  private readonly patterns = new Map<string, WarningPattern>();

  constructor(private readonly run: WarningsHost) {}

  /** the filters changed: every module's registry starts afresh */
  filtersMutated(): void {
    this.version++;
  }

  /** re.compile's cache: the same pattern is the same object, so equal filters compare equal */
  compile(source: string, ignoreCase: boolean): WarningPattern {
    const key = `${ignoreCase ? "i" : "c"}${source}`;
    let p = this.patterns.get(key);
    if (!p) this.patterns.set(key, (p = new WarningPattern(source, ignoreCase)));
    return p;
  }

  writeStderr(text: string): void {
    this.run.writeStderr(text);
  }

  lineOf(filename: string, lineno: number): string {
    if (filename === this.run.filename) return this.run.lineText(lineno);
    return this.placeLines.get(`${filename}:${lineno}`) ?? "";
  }

  private moduleAttr(name: string, fallback: PyValue): PyValue {
    const mod = this.run.pythonModule();
    const v = mod?.attrs.get(name);
    return v === undefined ? fallback : v;
  }

  /** torch's engine warns: at the user's line, or at a line of torch's own Python */
  /** true when it was shown */
  engineWarning(categoryName: string, message: string, place?: { file: string; line: number; text: string }): boolean {
    const cls = category(categoryName);
    if (!place) return this.warnExplicit(message, cls, this.run.filename, this.run.currentLine(), "__main__");
    this.placeLines.set(`${place.file}:${place.line}`, place.text);
    return this.warnExplicit(message, cls, place.file, place.line, moduleOfPath(place.file));
  }

  /** warnings.warn(message, category, stacklevel): the warning is the caller's `stacklevel`th frame's */
  warn(message: PyValue, cat: PyValue, stacklevel: number): void {
    const cls = warningCategory(message, cat);
    const frames = host.frames().filter((f) => !COMPREHENSIONS.has(f.name));
    const frame: Frame | undefined = stacklevel >= 1 ? frames[frames.length - stacklevel] : frames[frames.length - 1];
    if (!frame) {
      this.warnExplicit(message, cls, "<sys>", 0, "sys");
      return;
    }
    const name = frame.globals.get("__name__");
    const filename = frame.code.filename ?? this.run.filename;
    if (this.warnExplicit(message, cls, filename, frame.line, typeof name === "string" ? name : "<string>"))
      this.run.shown(cls.name, pyStr(message), filename === this.run.filename ? frame.line : null);
  }

  /** CPython's warn_explicit: the filters decide; a shown warning goes to showwarning */
  warnExplicit(message: PyValue, cls: PyClass, filename: string, lineno: number, module: string, lineText: PyValue = null): boolean {
    let warning: PyException;
    let text: string;
    if (message instanceof PyException && message.cls.isSubclassOf(warningClass)) {
      warning = message;
      text = pyStr(message);
      cls = message.cls;
    } else {
      text = typeof message === "string" ? message : pyStr(message);
      warning = new PyException(cls, [message]);
    }
    let registry = this.registries.get(module);
    if (!registry || registry.version !== this.version) this.registries.set(module, (registry = { version: this.version, seen: new Map() }));
    const key = `${lineno}\0${text}`;
    if (registry.seen.get(cls)?.has(key)) return false;
    const action = this.action(text, cls, module, lineno);
    if (action === "ignore") return false;
    if (action === "error") throw new PyError(warning);
    const remember = (seen: Map<PyClass, Set<string>>, k: string): boolean => {
      let s = seen.get(cls);
      if (!s) seen.set(cls, (s = new Set()));
      if (s.has(k)) return false;
      s.add(k);
      return true;
    };
    if (action === "once") {
      remember(registry.seen, key);
      if (!remember(this.once, text)) return false;
    } else if (action === "module") {
      remember(registry.seen, key);
      if (!remember(registry.seen, `0\0${text}`)) return false;
    } else if (action === "default") remember(registry.seen, key);
    else if (action !== "always" && action !== "all")
      throw pyErr("RuntimeError", `Unrecognized action (${pyRepr(action)}) in warnings.filters:\n ${pyRepr(action)}`);
    this.show(warning, cls, filename, lineno, lineText);
    return true;
  }

  /** the action of the first filter that matches, else warnings.defaultaction */
  private action(text: string, cls: PyClass, module: string, lineno: number): string {
    const filters = this.moduleAttr("filters", this.filters);
    if (!(filters instanceof PyList)) throw pyErr("TypeError", "warnings.filters must be a list");
    for (const item of filters.items) {
      if (!(item instanceof PyTuple) || item.items.length !== 5) throw pyErr("ValueError", `_warnings.filters item 0 isn't a 5-tuple`);
      const [action, msg, cat, mod, ln] = item.items;
      if (typeof action !== "string") throw pyErr("TypeError", "action must be a string, not '" + typeName(action) + "'");
      if (!matches(msg, text) || !(cat instanceof PyClass && cls.isSubclassOf(cat)) || !matches(mod, module)) continue;
      const line = typeof ln === "bigint" ? Number(ln) : typeof ln === "number" ? ln : 0;
      if (line === 0 || line === lineno) return action;
    }
    const dflt = this.moduleAttr("defaultaction", "default");
    return typeof dflt === "string" ? dflt : "default";
  }

  private show(warning: PyException, cls: PyClass, filename: string, lineno: number, lineText: PyValue): void {
    const mod = this.run.pythonModule();
    const showImpl = mod?.attrs.get("_showwarnmsg");
    const messageClass = mod?.attrs.get("WarningMessage");
    if (showImpl !== undefined && messageClass !== undefined) {
      const msg = host.call(messageClass, { args: [warning, cls, filename, BigInt(lineno), null, lineText], kwargs: EMPTY_KWARGS });
      host.call(showImpl, { args: [msg], kwargs: EMPTY_KWARGS });
      return;
    }
    const line = (typeof lineText === "string" ? lineText : this.lineOf(filename, lineno)).trim();
    this.run.writeStderr(`${filename}:${lineno}: ${cls.name}: ${pyStr(warning)}\n${line ? `  ${line}\n` : ""}`);
  }
}

const COMPREHENSIONS = new Set(["<listcomp>", "<setcomp>", "<dictcomp>"]);

function matches(pattern: PyValue, text: string): boolean {
  if (pattern === null) return true;
  if (pattern instanceof WarningPattern) return pattern.regex.test(text);
  if (typeof pattern === "string") return pattern === text;
  throw pyErr("NotImplementedError", `a warnings filter matching with a ${typeName(pattern)} is not in Gradlens yet`);
}

/** torch/autograd/graph.py -> torch.autograd.graph, as its module's __name__ */
function moduleOfPath(path: string): string {
  const i = path.lastIndexOf("/torch/");
  const rel = i >= 0 ? path.slice(i + 1) : path.slice(path.lastIndexOf("/") + 1);
  return rel.replace(/\.py$/, "").replace(/\/__init__$/, "").replace(/\//g, ".");
}

/** warn()'s category: the message's class when it is a Warning, UserWarning when none is given */
function warningCategory(message: PyValue, cat: PyValue): PyClass {
  if (message instanceof PyException && message.cls.isSubclassOf(warningClass)) return message.cls;
  if (cat === null) return category("UserWarning");
  if (!(cat instanceof PyClass) || !cat.isSubclassOf(warningClass))
    throw pyErr("TypeError", `category must be a Warning subclass, not '${classOf(cat).name}'`);
  return cat;
}

/** the _warnings module of a run */
export function underscoreWarningsModule(state: WarningsState): PyModule {
  const attrs = new Map<string, PyValue>([
    ["filters", state.filters],
    ["_defaultaction", "default"],
    ["_onceregistry", state.onceRegistry],
  ]);
  const fn = (name: string, f: (a: CallArgs) => PyValue): void => void attrs.set(name, new PyBuiltin(name, f));
  fn("warn", (a) => {
    const { values } = bindArgs("warn", a, [
      { name: "message" },
      { name: "category", default: null },
      { name: "stacklevel", default: 1n },
      { name: "source", default: null },
      { name: "skip_file_prefixes", default: new PyTuple([]), kwOnly: true },
    ]);
    const level = values[2];
    if (typeof level !== "bigint" && typeof level !== "boolean")
      throw pyErr("TypeError", `'${typeName(level as PyValue)}' object cannot be interpreted as an integer`);
    state.warn(values[0] as PyValue, values[1] as PyValue, Number(level));
    return null;
  });
  fn("warn_explicit", (a) => {
    const { values } = bindArgs("warn_explicit", a, [
      { name: "message" },
      { name: "category" },
      { name: "filename" },
      { name: "lineno" },
      { name: "module", default: null },
      { name: "registry", default: null },
      { name: "module_globals", default: null },
      { name: "source", default: null },
    ]);
    const [message, cat, filename, lineno, module] = values as PyValue[];
    if (typeof filename !== "string") throw pyErr("TypeError", `warn_explicit() argument 3 must be str, not ${typeName(filename)}`);
    if (typeof lineno !== "bigint") throw pyErr("TypeError", `'${typeName(lineno)}' object cannot be interpreted as an integer`);
    const cls = warningCategory(message, cat);
    const mod = typeof module === "string" ? module : filename.endsWith(".py") ? filename.slice(0, -3) : filename || "<unknown>";
    state.warnExplicit(message, cls, filename, Number(lineno), mod);
    return null;
  });
  fn("_filters_mutated", () => (state.filtersMutated(), null));
  // what the Python module asks of the run: re.compile for filters, linecache, sys.stderr
  fn("_gradlens_compile", (a) => state.compile(String(a.args[0]), a.args[1] === true));
  fn("_gradlens_getline", (a) => state.lineOf(String(a.args[0]), Number(a.args[1])));
  fn("_gradlens_stderr", (a) => (state.writeStderr(String(a.args[0])), null));
  return new PyModule("_warnings", attrs);
}
