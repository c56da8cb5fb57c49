// dir(), and the "Did you mean: 'value'?" CPython 3.13's traceback adds to an uncaught
// AttributeError or NameError: the closest name by its Levenshtein distance (case changes cost
// 1, other edits 2, at most a third of the characters changed), as Lib/traceback.py computes it.
import { instanceDict } from "./attributes.ts";
import { TYPE_METHODS } from "./methods.ts";
import { STR_METHODS } from "./strmethods.ts";
import { PyClass, PyException, PyModule, type PyValue, classOf, foreignOf } from "./values.ts";

const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_CANDIDATES = 750;
const MAX_STRING = 40;

/** dir(object()) in CPython 3.13 */
const OBJECT_DIR = ["__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"];

/** modules whose real dir() is too long for CPython to suggest from (over 750 public names) */
const TOO_MANY_NAMES = new Set(["torch"]);

/** the standard library's top-level modules (sys.stdlib_module_names, public ones) */
const STDLIB = new Set("abc argparse array ast asyncio atexit base64 bdb binascii bisect builtins bz2 cProfile calendar cmath cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg csv ctypes curses dataclasses datetime dbm decimal difflib dis doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib importlib inspect io ipaddress itertools json keyword linecache locale logging lzma mailbox marshal math mimetypes mmap modulefinder msvcrt multiprocessing netrc nt ntpath nturl2path numbers opcode operator optparse os pathlib pdb pickle pickletools pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib socket socketserver sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xml xmlrpc zipapp zipfile zipimport zlib zoneinfo".split(" "));

function classNames(cls: PyClass, out: Set<string>): void {
  for (const c of cls.mro) {
    for (const k of c.attrs.keys()) out.add(k);
    const methods = c.user ? undefined : c.name === "str" ? STR_METHODS : TYPE_METHODS[c.name];
    if (methods) for (const m of methods) out.add(m);
  }
}

/** dir(v): the names attribute lookup can find on it, sorted */
export function dirOf(v: PyValue): string[] {
  const out = new Set<string>();
  if (v instanceof PyModule) {
    for (const k of v.attrs.keys()) out.add(k);
  } else if (v instanceof PyClass) {
    classNames(v, out);
    for (const k of OBJECT_DIR) if (k !== "__class__" || v.user) out.add(k);
    if (v.user) ["__dict__", "__module__", "__weakref__"].forEach((k) => out.add(k));
  } else {
    const cls = classOf(v);
    classNames(cls, out);
    OBJECT_DIR.forEach((k) => out.add(k));
    const dict = instanceDict(v);
    if (dict) for (const [k] of dict.table.entries()) if (typeof k === "string") out.add(k);
    if (cls.user) ["__dict__", "__module__", "__weakref__"].forEach((k) => out.add(k));
    if (foreignOf(v)) return [...out].sort();
  }
  return [...out].sort();
}

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

/** CPython's bounded Levenshtein distance (max + 1 when over the bound) */
export function levenshtein(a0: string, b0: string, max: number): number {
  if (a0 === b0) return 0;
  let a = a0;
  let b = b0;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre);
  b = b.slice(pre);
  let post = 0;
  while (post < a.length && post < b.length && a[a.length - 1 - post] === b[b.length - 1 - post]) post++;
  a = a.slice(0, a.length - post);
  b = b.slice(0, b.length - post);
  if (!a || !b) return MOVE_COST * (a.length + b.length);
  if (a.length > MAX_STRING || b.length > MAX_STRING) return max + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > max) return max + 1;
  const row = Array.from({ length: a.length }, (_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    let distance = bi * MOVE_COST;
    result = distance;
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(b[bi], a[i]);
      distance = row[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max) return max + 1;
  }
  return result;
}

/** the closest candidate to `wrong`, or null */
export function closest(candidates: string[], wrong: string): string | null {
  if (candidates.length > MAX_CANDIDATES || wrong.length > MAX_STRING) return null;
  // CPython 3.13 runs the C version (Python/suggestions.c), whose best distance starts unbounded,
  // not at len(wrong) as traceback.py's fallback does: 'v1' gets 'v0' (distance 2) suggested
  let best = Infinity;
  let suggestion: string | null = null;
  for (const name of candidates) {
    if (name === wrong) continue;
    const max = Math.min(Math.floor(((name.length + wrong.length + 3) * MOVE_COST) / 6), best - 1);
    const d = levenshtein(wrong, name, max);
    if (d > max) continue;
    if (!suggestion || d < best) {
      suggestion = name;
      best = d;
    }
  }
  return suggestion;
}

/** The text a traceback appends to the exception's message line, or "". `self` is the
 *  innermost frame's `self`, when it has one. */
export function suggestionText(exc: PyException): string {
  if (exc.attrTarget && exc.cls.name === "AttributeError") {
    const { obj, name, self } = exc.attrTarget;
    if (obj instanceof PyModule && TOO_MANY_NAMES.has(obj.name)) return "";
    let names = dirOf(obj);
    if (!name.startsWith("_") && !(self !== undefined && self === obj)) names = names.filter((n) => !n.startsWith("_"));
    const s = closest(names, name);
    return s ? `. Did you mean: '${s}'?` : "";
  }
  if (exc.nameTarget) {
    const { name } = exc.nameTarget;
    let s: string | null = null;
    const selfValue = exc.nameTarget.self;
    if (selfValue !== undefined && dirOf(selfValue).includes(name)) s = `self.${name}`;
    else s = closest(exc.nameTarget.scope(), name);
    let text = s ? `. Did you mean: '${s}'?` : "";
    if (STDLIB.has(name)) text += s ? ` Or did you forget to import '${name}'?` : `. Did you forget to import '${name}'?`;
    return text;
  }
  return "";
}
