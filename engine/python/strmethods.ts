// Methods of str: join, split, strip, format, replace, startswith... with CPython's errors.
import { argsByName } from "./args.ts";
import { getAttr } from "./attributes.ts";
import { asIndex, formatValue, iterate, toBig } from "./ops.ts";
import { asSsize, checkNewSize } from "./limits.ts";
import { pyRepr, pyStr } from "./repr.ts";
import { type CallArgs, PyBuiltin, PyList, PyTuple, type PyValue, pyErr, typeName } from "./values.ts";

function method(self: PyValue, name: string, fn: (a: CallArgs) => PyValue): PyBuiltin {
  return new PyBuiltin(name, fn, self);
}

/** str.format("{} {0} {name:.2f} {!r}") */
export function strFormat(template: string, a: CallArgs): string {
  let auto = 0;
  return template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (whole, field: string, conv, spec) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    let v: PyValue;
    const [head, ...attrs] = field.split(".");
    if (head === "") {
      if (auto >= a.args.length) throw pyErr("IndexError", `Replacement index ${auto} out of range for positional args tuple`);
      v = a.args[auto++];
    } else if (/^\d+$/.test(head)) {
      const i = Number(head);
      if (i >= a.args.length) throw pyErr("IndexError", `Replacement index ${i} out of range for positional args tuple`);
      v = a.args[i];
    } else {
      if (!a.kwargs.has(head)) {
        const err = pyErr("KeyError");
        err.exc.args.push(head);
        throw err;
      }
      v = a.kwargs.get(head)!;
    }
    for (const at of attrs) v = getAttr(v, at);
    if (conv === "r") v = pyRepr(v);
    else if (conv === "s") v = pyStr(v);
    return formatValue(v, spec ?? "");
  });
}

/** s.name for a str s (a bound builtin method), or undefined */
/** the width of ljust/rjust/center/zfill: a Py_ssize_t, and the string it asks for must be buildable */
function padWidth(v: PyValue): number {
  const w = asIndex(v);
  if (w === undefined) throw pyErr("TypeError", `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (asSsize(w) > 0n) checkNewSize(w, 1);
  return Number(w);
}

export function strMethod(self: string, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin => method(self, name, fn);
  const str = (v: PyValue, what: string): string => {
    if (typeof v !== "string") throw pyErr("TypeError", `${what} must be str, not ${typeName(v)}`);
    return v;
  };
  const ws = /^[\s]+|[\s]+$/g;
  const stripChars = (a: CallArgs, left: boolean, right: boolean): string => {
    const chars = a.args[0] === undefined || a.args[0] === null ? null : str(a.args[0], "strip arg");
    let s = self;
    if (chars === null) {
      if (left) s = s.replace(/^\s+/, "");
      if (right) s = s.replace(/\s+$/, "");
      return s;
    }
    let i = 0;
    let j = s.length;
    if (left) while (i < j && chars.includes(s[i])) i++;
    if (right) while (j > i && chars.includes(s[j - 1])) j--;
    return s.slice(i, j);
  };
  void ws;
  switch (name) {
    case "join":
      return m((a) =>
        [...iterate(a.args[0])]
          .map((x, i) => {
            if (typeof x !== "string")
              throw pyErr("TypeError", `sequence item ${i}: expected str instance, ${typeName(x)} found`);
            return x;
          })
          .join(self),
      );
    case "split":
      return m((a) => {
        const { sep, maxsplit } = argsByName("split", a, [
          { name: "sep", default: null },
          { name: "maxsplit", default: -1n },
        ]);
        const max = Number(toBig(maxsplit as bigint));
        if (sep === null) {
          const parts = self.trim() === "" ? [] : self.trim().split(/\s+/);
          if (max >= 0 && parts.length > max + 1) {
            const head = parts.slice(0, max);
            let rest = self.trimStart();
            for (const h of head) rest = rest.slice(h.length).trimStart();
            return new PyList([...head, rest]);
          }
          return new PyList(parts);
        }
        const s = str(sep as PyValue, "sep");
        if (s === "") throw pyErr("ValueError", "empty separator");
        const parts = self.split(s);
        if (max >= 0 && parts.length > max + 1) return new PyList([...parts.slice(0, max), parts.slice(max).join(s)]);
        return new PyList(parts);
      });
    case "strip":
      return m((a) => stripChars(a, true, true));
    case "lstrip":
      return m((a) => stripChars(a, true, false));
    case "rstrip":
      return m((a) => stripChars(a, false, true));
    case "upper":
      return m(() => self.toUpperCase());
    case "lower":
      return m(() => self.toLowerCase());
    case "title":
      return m(() => self.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()));
    case "capitalize":
      return m(() => (self ? self[0].toUpperCase() + self.slice(1).toLowerCase() : self));
    case "replace":
      return m((a) => {
        const parts = self.split(str(a.args[0], "replace() argument 1"));
        const by = str(a.args[1], "replace() argument 2");
        const count = a.args[2] === undefined ? -1 : Number(toBig(a.args[2] as bigint));
        if (count < 0 || parts.length <= count + 1) return parts.join(by);
        return parts.slice(0, count + 1).join(by) + str(a.args[0], "") + parts.slice(count + 1).join(str(a.args[0], ""));
      });
    case "startswith":
      return m((a) => {
        const p = a.args[0];
        if (p instanceof PyTuple) return p.items.some((x) => self.startsWith(str(x, "startswith arg")));
        return self.startsWith(str(p, "startswith first arg"));
      });
    case "endswith":
      return m((a) => {
        const p = a.args[0];
        if (p instanceof PyTuple) return p.items.some((x) => self.endsWith(str(x, "endswith arg")));
        return self.endsWith(str(p, "endswith first arg"));
      });
    case "find":
      return m((a) => BigInt(self.indexOf(str(a.args[0], "find arg"))));
    case "index":
      return m((a) => {
        const i = self.indexOf(str(a.args[0], "index arg"));
        if (i < 0) throw pyErr("ValueError", "substring not found");
        return BigInt(i);
      });
    case "count":
      return m((a) => {
        const sub = str(a.args[0], "count arg");
        if (sub === "") return BigInt(self.length + 1);
        return BigInt(self.split(sub).length - 1);
      });
    case "format":
      return m((a) => strFormat(self, a));
    case "ljust":
    case "rjust":
    case "center":
      return m((a) => {
        const w = padWidth(a.args[0]);
        const fill = a.args[1] === undefined ? " " : str(a.args[1], "fill character");
        if ([...fill].length !== 1) throw pyErr("TypeError", "The fill character must be exactly one character long");
        const n = Math.max(0, w - self.length);
        if (name === "ljust") return self + fill.repeat(n);
        if (name === "rjust") return fill.repeat(n) + self;
        const left = Math.floor(n / 2) + (n % 2 && w % 2 ? 1 : 0);
        return fill.repeat(left) + self + fill.repeat(n - left);
      });
    case "zfill":
      return m((a) => {
        const w = padWidth(a.args[0]);
        const sign = self[0] === "-" || self[0] === "+" ? self[0] : "";
        const body = sign ? self.slice(1) : self;
        return sign + body.padStart(w - sign.length, "0");
      });
    case "isdigit":
    case "isnumeric":
    case "isdecimal":
      return m(() => /^\d+$/.test(self));
    case "isalpha":
      return m(() => /^[A-Za-z]+$/.test(self));
    case "isspace":
      return m(() => /^\s+$/.test(self));
    case "isupper":
      return m(() => /[A-Z]/.test(self) && self === self.toUpperCase());
    case "islower":
      return m(() => /[a-z]/.test(self) && self === self.toLowerCase());
    case "splitlines":
      return m(() => new PyList(self.split(/\r?\n/).filter((_, i, arr) => i < arr.length - 1 || arr[i] !== "")));
    case "isalnum":
      return m(() => /^[A-Za-z0-9]+$/.test(self));
    case "swapcase":
      return m(() => [...self].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(""));
    case "removeprefix":
      return m((a) => {
        const p = str(a.args[0], "removeprefix() argument");
        return p && self.startsWith(p) ? self.slice(p.length) : self;
      });
    case "removesuffix":
      return m((a) => {
        const p = str(a.args[0], "removesuffix() argument");
        return p && self.endsWith(p) ? self.slice(0, -p.length) : self;
      });
    case "partition":
    case "rpartition":
      return m((a) => {
        const sep = str(a.args[0], `${name}() argument`);
        if (sep === "") throw pyErr("ValueError", "empty separator");
        const i = name === "partition" ? self.indexOf(sep) : self.lastIndexOf(sep);
        if (i < 0) return new PyTuple(name === "partition" ? [self, "", ""] : ["", "", self]);
        return new PyTuple([self.slice(0, i), sep, self.slice(i + sep.length)]);
      });
    case "rfind":
      return m((a) => BigInt(self.lastIndexOf(str(a.args[0], "rfind arg"))));
    case "rindex":
      return m((a) => {
        const i = self.lastIndexOf(str(a.args[0], "rindex arg"));
        if (i < 0) throw pyErr("ValueError", "substring not found");
        return BigInt(i);
      });
    case "rsplit":
      return m((a) => {
        const { sep, maxsplit } = argsByName("rsplit", a, [
          { name: "sep", default: null },
          { name: "maxsplit", default: -1n },
        ]);
        const max = Number(toBig(maxsplit as bigint));
        if (sep === null) {
          const parts = self.trim() === "" ? [] : self.trim().split(/\s+/);
          if (max >= 0 && parts.length > max + 1) {
            const tail = parts.slice(parts.length - max);
            let rest = self.trimEnd();
            for (const t of [...tail].reverse()) rest = rest.slice(0, rest.length - t.length).trimEnd();
            return new PyList([rest, ...tail]);
          }
          return new PyList(parts);
        }
        const sp = str(sep as PyValue, "sep");
        if (sp === "") throw pyErr("ValueError", "empty separator");
        const parts = self.split(sp);
        if (max >= 0 && parts.length > max + 1)
          return new PyList([parts.slice(0, parts.length - max).join(sp), ...parts.slice(parts.length - max)]);
        return new PyList(parts);
      });
  }
  return undefined;
}


/** dir(str) without the dunders, as CPython 3.13 lists them */
export const STR_METHODS = ["capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"];
