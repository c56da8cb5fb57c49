// collections, the part torch.nn needs and learners pass to it: OrderedDict (state_dict() returns
// one; nn.Sequential(OrderedDict([...])) names its layers), printed as CPython 3.13 prints it. The
// module's other names raise NotImplementedError until the standard-library work adds them.
export const collectionsSource = {
  name: "collections",
  filename: "/usr/lib/python3.13/collections/__init__.py",
  notYet: ["defaultdict", "Counter", "namedtuple", "deque", "ChainMap", "UserDict", "UserList", "UserString", "abc"],
  source: String.raw`
class _OrderedDictView:
    __module__ = "builtins"

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({list(self)!r})"


class odict_keys(_OrderedDictView):
    __module__ = "builtins"

    def __iter__(self):
        return iter(dict.keys(self._mapping))

    def __contains__(self, key):
        return key in self._mapping


class odict_values(_OrderedDictView):
    __module__ = "builtins"

    def __iter__(self):
        return iter(dict.values(self._mapping))


class odict_items(_OrderedDictView):
    __module__ = "builtins"

    def __iter__(self):
        return iter(dict.items(self._mapping))

    def __contains__(self, item):
        key, value = item
        return key in self._mapping and self._mapping[key] == value


class OrderedDict(dict):
    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}({dict.__repr__(self)})"

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        return key, dict.pop(self, key)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def copy(self):
        return type(self)(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new
`,
};
