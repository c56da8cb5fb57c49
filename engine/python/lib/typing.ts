// typing: the names annotations use, importable and printed as CPython 3.13 prints them
// (typing.List[int], typing.Optional[str], typing.Callable[[int], float], ~T), Generic and
// Protocol as bases, TypeVar, cast, overload, NewType, TYPE_CHECKING. Nothing is checked at run
// time, as in CPython.
export const typingSource = {
  name: "typing",
  filename: "/usr/lib/python3.13/typing.py",
  source: String.raw`
TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None:
        return 'None'
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


class _GenericAlias:
    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        if self._name == 'Optional':
            return f'typing.Optional[{_type_repr(self.__args__[0])}]'
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            return f'{name}[{_type_repr(self.__args__[0])}, {_type_repr(self.__args__[1])}]'
        if not self.__args__:
            return f'{name}[()]'
        return f'{name}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __call__(self, *args, **kwargs):
        if self._name and isinstance(self.__origin__, type):
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _tuple_args(params):
    return params if isinstance(params, tuple) else (params,)


class _SpecialGeneric:
    """typing.List, typing.Dict...: bare they print as typing.List; subscripted, as typing.List[int]"""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._name == 'Callable' and isinstance(params, tuple) and len(params) == 2:
            return _GenericAlias(self.__origin__, params, 'Callable')
        return _GenericAlias(self.__origin__, _tuple_args(params), self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Type {self._name} cannot be instantiated')
        raise TypeError(f"Type {self._name} cannot be instantiated; "
                        f"use {self.__origin__.__name__}() instead")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, params)

    def __call__(self, *args, **kwds):
        if self._name == 'Any':
            raise TypeError('Any cannot be instantiated')
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(form, params):
    params = _tuple_args(params)
    args = []
    for p in params:
        p = type(None) if p is None else p
        inner = getattr(p, '__args__', None) if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional') else None
        for q in (inner if inner is not None else (p,)):
            if q not in args:
                args.append(q)
    if len(args) == 1:
        return args[0]
    if len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return _GenericAlias(Union, (other, type(None)), 'Optional')
    return _GenericAlias(Union, tuple(args), 'Union')


def _optional(form, param):
    return Union[param, None]


def _subscript(form, params):
    alias = _GenericAlias(form, _tuple_args(params), form._name)
    if form._name == 'ClassVar':
        alias._gradlens_classvar = True
    return alias


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _subscript)
ClassVar._gradlens_classvar = True
Final = _SpecialForm('Final', _subscript)
Literal = _SpecialForm('Literal', _subscript)
Annotated = _SpecialForm('Annotated', _subscript)
TypeGuard = _SpecialForm('TypeGuard', _subscript)
Concatenate = _SpecialForm('Concatenate', _subscript)
Required = _SpecialForm('Required', _subscript)
NotRequired = _SpecialForm('NotRequired', _subscript)

List = _SpecialGeneric(list, 'List')
Dict = _SpecialGeneric(dict, 'Dict')
Set = _SpecialGeneric(set, 'Set')
FrozenSet = _SpecialGeneric(None, 'FrozenSet')
Tuple = _SpecialGeneric(tuple, 'Tuple')
Type = _SpecialGeneric(type, 'Type')
Callable = _SpecialGeneric(None, 'Callable')
Iterable = _SpecialGeneric(None, 'Iterable')
Iterator = _SpecialGeneric(None, 'Iterator')
Generator = _SpecialGeneric(None, 'Generator')
Sequence = _SpecialGeneric(None, 'Sequence')
MutableSequence = _SpecialGeneric(None, 'MutableSequence')
Mapping = _SpecialGeneric(None, 'Mapping')
MutableMapping = _SpecialGeneric(None, 'MutableMapping')
Collection = _SpecialGeneric(None, 'Collection')
Container = _SpecialGeneric(None, 'Container')
Hashable = _SpecialGeneric(None, 'Hashable')
Sized = _SpecialGeneric(None, 'Sized')
Reversible = _SpecialGeneric(None, 'Reversible')
AbstractSet = _SpecialGeneric(None, 'AbstractSet')
KeysView = _SpecialGeneric(None, 'KeysView')
ValuesView = _SpecialGeneric(None, 'ValuesView')
ItemsView = _SpecialGeneric(None, 'ItemsView')
Awaitable = _SpecialGeneric(None, 'Awaitable')
Coroutine = _SpecialGeneric(None, 'Coroutine')
DefaultDict = _SpecialGeneric(None, 'DefaultDict')
OrderedDict = _SpecialGeneric(None, 'OrderedDict')
Counter = _SpecialGeneric(None, 'Counter')
Deque = _SpecialGeneric(None, 'Deque')
SupportsInt = _SpecialGeneric(None, 'SupportsInt')
SupportsFloat = _SpecialGeneric(None, 'SupportsFloat')
SupportsIndex = _SpecialGeneric(None, 'SupportsIndex')
SupportsAbs = _SpecialGeneric(None, 'SupportsAbs')
SupportsRound = _SpecialGeneric(None, 'SupportsRound')
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False, default=None):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', str)


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """A class with type parameters: class Stack(Generic[T]) (subscripting Generic gives Generic
    itself to inherit from; subscripting the subclass gives an alias that prints as Stack[int])"""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        return _GenericAlias(cls, _tuple_args(params))


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    print(f'Runtime type is {type(obj).__name__!r}')
    return obj


def overload(func):
    return func


def final(f):
    return f


def override(method, /):
    return method


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x
`,
};
