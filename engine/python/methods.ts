// Attributes and methods of builtin values: list.append, dict.items, str.join/format,
// exception.args, type.__name__, module attributes... with CPython's AttributeError texts.
import { argsByName } from "./args.ts";
import { PyFunction } from "./function.ts";
import {
  compare,
  formatValue,
  hashKey,
  iterate,
  pyEquals,
  truthy,
  isInt,
  pushAll,
  toBig,
} from "./ops.ts";
import { pyRepr, pyStr } from "./repr.ts";
import {
  type CallArgs,
  PyBuiltin,
  PyClass,
  PyDict,
  PyException,
  PyInstance,
  PyList,
  PyModule,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
  classOf,
  foreignOf,
  pyErr,
  typeName,
} from "./values.ts";

/** How methods call back into Python (sort keys, str.format of objects). */
export const host: { call: (f: PyValue, a: CallArgs) => PyValue } = {
  call: () => {
    throw pyErr("SystemError", "no interpreter");
  },
};

export function callWith(f: PyValue, ...args: PyValue[]): PyValue {
  return host.call(f, { args, kwargs: new Map() });
}

const noKw = (name: string, a: CallArgs): void => {
  if (a.kwargs.size) throw pyErr("TypeError", `${name}() takes no keyword arguments`);
};

function method(self: PyValue, name: string, fn: (a: CallArgs) => PyValue): PyBuiltin {
  return new PyBuiltin(name, fn, self);
}

/** Python's stable sort with optional key and reverse. */
export function sortValues(items: PyValue[], key: PyValue, reverse: boolean): PyValue[] {
  const keyed = items.map((v) => ({ v, k: key === null ? v : callWith(key, v) }));
  const lt = (a: PyValue, b: PyValue): boolean => truthy(compare("<", a, b));
  keyed.sort((a, b) => (reverse ? (lt(b.k, a.k) ? -1 : lt(a.k, b.k) ? 1 : 0) : lt(a.k, b.k) ? -1 : lt(b.k, a.k) ? 1 : 0));
  return keyed.map((x) => x.v);
}

function listMethod(self: PyList, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin => method(self, name, fn);
  switch (name) {
    case "append":
      return m((a) => {
        noKw(name, a);
        if (a.args.length !== 1) throw pyErr("TypeError", `list.append() takes exactly one argument (${a.args.length} given)`);
        self.items.push(a.args[0]);
        return null;
      });
    case "extend":
      return m((a) => {
        pushAll(self.items, iterate(a.args[0]));
        return null;
      });
    case "pop":
      return m((a) => {
        if (self.items.length === 0) throw pyErr("IndexError", "pop from empty list");
        let i = a.args.length ? Number(toBig(a.args[0] as bigint)) : self.items.length - 1;
        if (i < 0) i += self.items.length;
        if (i < 0 || i >= self.items.length) throw pyErr("IndexError", "pop index out of range");
        return self.items.splice(i, 1)[0];
      });
    case "insert":
      return m((a) => {
        let i = Number(toBig(a.args[0] as bigint));
        if (i < 0) i = Math.max(0, i + self.items.length);
        self.items.splice(Math.min(i, self.items.length), 0, a.args[1]);
        return null;
      });
    case "remove":
      return m((a) => {
        const i = self.items.findIndex((x) => pyEquals(x, a.args[0]));
        if (i < 0) throw pyErr("ValueError", "list.remove(x): x not in list");
        self.items.splice(i, 1);
        return null;
      });
    case "index":
      return m((a) => {
        const i = self.items.findIndex((x) => pyEquals(x, a.args[0]));
        if (i < 0) throw pyErr("ValueError", `${pyRepr(a.args[0])} is not in list`);
        return BigInt(i);
      });
    case "count":
      return m((a) => BigInt(self.items.filter((x) => pyEquals(x, a.args[0])).length));
    case "reverse":
      return m(() => {
        self.items.reverse();
        return null;
      });
    case "sort":
      return m((a) => {
        if (a.args.length) throw pyErr("TypeError", "sort() takes no positional arguments");
        const { key, reverse } = argsByName("sort", a, [
          { name: "key", default: null },
          { name: "reverse", default: false },
        ]);
        self.items = sortValues(self.items, key as PyValue, truthy(reverse as PyValue));
        return null;
      });
    case "copy":
      return m(() => new PyList([...self.items]));
    case "clear":
      return m(() => {
        self.items = [];
        return null;
      });
  }
  return undefined;
}

function dictMethod(self: PyDict, name: string): PyValue | undefined {
  const m = (fn: (a: CallArgs) => PyValue): PyBuiltin => method(self, name, fn);
  switch (name) {
    case "keys":
      return m(() => new PyList([...self.map.values()].map((e) => e[0])));
    case "values":
      return m(() => new PyList([...self.map.values()].map((e) => e[1])));
    case "items":
      return m(() => new PyList([...self.map.values()].map((e) => new PyTuple([e[0], e[1]]))));
    case "get":
      return m((a) => self.map.get(hashKey(a.args[0]))?.[1] ?? (a.args.length > 1 ? a.args[1] : null));
    case "pop":
      return m((a) => {
        const k = hashKey(a.args[0]);
        const e = self.map.get(k);
        if (!e) {
          if (a.args.length > 1) return a.args[1];
          const err = pyErr("KeyError");
          err.exc.args.push(a.args[0]);
          throw err;
        }
        self.map.delete(k);
        return e[1];
      });
    case "setdefault":
      return m((a) => {
        const k = hashKey(a.args[0]);
        if (!self.map.has(k)) self.map.set(k, [a.args[0], a.args[1] ?? null]);
        return self.map.get(k)![1];
      });
    case "update":
      return m((a) => {
        if (a.args[0] instanceof PyDict) for (const [k, e] of a.args[0].map) self.map.set(k, e);
        else if (a.args.length)
          for (const pair of iterate(a.args[0])) {
            const [k, v] = [...iterate(pair)];
            self.map.set(hashKey(k), [k, v]);
          }
        for (const [k, v] of a.kwargs) self.map.set(hashKey(k), [k, v]);
        return null;
      });
    case "copy":
      return m(() => {
        const d = new PyDict();
        for (const [k, e] of self.map) d.map.set(k, e);
        return d;
      });
    case "clear":
      return m(() => {
        self.map.clear();
        return null;
      });
  }
  return undefined;
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

function strMethod(self: string, name: string): PyValue | undefined {
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
        const w = Number(toBig(a.args[0] as bigint));
        const fill = a.args[1] === undefined ? " " : str(a.args[1], "fill character");
        const n = Math.max(0, w - self.length);
        if (name === "ljust") return self + fill.repeat(n);
        if (name === "rjust") return fill.repeat(n) + self;
        const left = Math.floor(n / 2) + (n % 2 && w % 2 ? 1 : 0);
        return fill.repeat(left) + self + fill.repeat(n - left);
      });
    case "zfill":
      return m((a) => {
        const w = Number(toBig(a.args[0] as bigint));
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

function noAttr(v: PyValue, name: string): never {
  if (v instanceof PyModule) throw pyErr("AttributeError", `module '${v.name}' has no attribute '${name}'`);
  if (v instanceof PyClass) throw pyErr("AttributeError", `type object '${v.name}' has no attribute '${name}'`);
  throw pyErr("AttributeError", `'${typeName(v)}' object has no attribute '${name}'`);
}

/** obj.name for any value. */
export function getAttr(v: PyValue, name: string): PyValue {
  const f = foreignOf(v);
  if (f) {
    const r = f.getattr?.(v, name);
    if (r !== undefined) return r;
    if (name === "__class__") return f.cls;
    return noAttr(v, name);
  }
  let r: PyValue | undefined;
  if (name === "__class__") return classOf(v);
  if (typeof v === "string") r = strMethod(v, name);
  else if (v instanceof PyList) r = listMethod(v, name);
  else if (v instanceof PyDict) r = dictMethod(v, name);
  else if (v instanceof PyTuple) {
    r = v.extraAttr(name);
    if (name === "count") r = method(v, name, (a) => BigInt(v.items.filter((x) => pyEquals(x, a.args[0])).length));
    if (name === "index")
      r = method(v, name, (a) => {
        const i = v.items.findIndex((x) => pyEquals(x, a.args[0]));
        if (i < 0) throw pyErr("ValueError", "tuple.index(x): x not in tuple");
        return BigInt(i);
      });
  } else if (typeof v === "number") {
    if (name === "is_integer") r = method(v, name, () => Number.isInteger(v));
    if (name === "real") r = v;
    if (name === "imag") r = 0;
  } else if (isInt(v)) {
    if (name === "real") r = toBig(v);
    if (name === "imag") r = 0n;
    if (name === "bit_length") r = method(v, name, () => BigInt(toBig(v) === 0n ? 0 : (toBig(v) < 0n ? -toBig(v) : toBig(v)).toString(2).length));
  } else if (v instanceof PyException) {
    if (name === "args") r = new PyTuple(v.args);
    else if (name === "__cause__") r = v.cause;
    else if (name === "__context__") r = v.context;
    else if (name === "__suppress_context__") r = v.suppressContext;
  } else if (v instanceof PyClass) {
    if (name === "__name__" || name === "__qualname__") r = v.name;
    else if (name === "__module__") r = v.module;
    else r = v.attrs.get(name);
  } else if (v instanceof PyFunction) {
    if (name === "__name__" || name === "__qualname__") r = v.name;
  } else if (v instanceof PyBuiltin) {
    if (name === "__name__") r = v.name;
  } else if (v instanceof PyModule) {
    if (name === "__name__") r = v.name;
    else r = v.attrs.get(name);
  } else if (v instanceof PyInstance) {
    r = v.attrs.get(name);
  } else if (v instanceof PyRange) {
    if (name === "start" || name === "stop" || name === "step") r = v[name];
  } else if (v instanceof PySlice) {
    if (name === "start" || name === "stop" || name === "step") r = v[name];
  } else if (v instanceof PySet) {
    if (name === "add")
      r = method(v, name, (a) => {
        v.map.set(hashKey(a.args[0]), a.args[0]);
        return null;
      });
  }
  if (r === undefined) return noAttr(v, name);
  return r;
}

export function setAttr(v: PyValue, name: string, value: PyValue): void {
  const f = foreignOf(v);
  if (f?.setattr && f.setattr(v, name, value)) return;
  if (v instanceof PyInstance || v instanceof PyModule) {
    v.attrs.set(name, value);
    return;
  }
  if (f) throw pyErr("AttributeError", `'${typeName(v)}' object has no attribute '${name}'`);
  if (v instanceof PyClass) throw pyErr("TypeError", `cannot set '${name}' attribute of immutable type '${v.name}'`);
  throw pyErr("AttributeError", `'${typeName(v)}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
}

