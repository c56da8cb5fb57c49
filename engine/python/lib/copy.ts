// copy: copy() and deepcopy() as CPython's copy module and copyreg do them: atomic values returned
// as they are, lists/dicts/sets copied by type, __copy__/__deepcopy__(memo) when a class has them,
// other objects rebuilt from their class with their __dict__ (or __getstate__/__setstate__), their
// slots and, for subclasses of list and dict, their items; deepcopy's memo keeps shared objects
// shared and cycles closed.
export const copySource = {
  name: "copy",
  filename: "/usr/lib/python3.13/copy.py",
  source: String.raw`
class Error(Exception):
    pass


error = Error

__all__ = ["Error", "copy", "deepcopy", "replace"]


def _function():
    pass


_atomic = {type(None), int, float, bool, str, type, range,
           type(_function), type(len), type(Ellipsis), type(NotImplemented), property}


def copy(x):
    cls = type(x)
    if cls in _atomic or cls is tuple or issubclass(cls, type):
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, False)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = cls(deepcopy(list(x), memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, True)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _own_method(cls, name):
    for klass in cls.__mro__:
        if klass is not object and name in klass.__dict__:
            return True
    return False


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ("__dict__", "__weakref__") and name not in names:
                names.append(name)
    return names


def _reconstruct(x, memo, deep):
    cls = type(x)
    if isinstance(x, BaseException):
        args = deepcopy(x.args, memo) if deep else x.args
        y = cls(*args)
    elif isinstance(x, (set, tuple)):
        items = deepcopy(list(x), memo) if deep else list(x)
        y = cls(items)
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    if _own_method(cls, "__getstate__"):
        state = x.__getstate__()
    else:
        state = getattr(x, "__dict__", None) or None
        slots = {name: getattr(x, name) for name in _slot_names(cls) if hasattr(x, name)}
        if slots:
            state = (state, slots)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if _own_method(cls, "__setstate__"):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def replace(obj, /, **changes):
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
`,
};
