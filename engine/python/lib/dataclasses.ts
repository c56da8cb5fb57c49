// dataclasses: @dataclass (init, repr, eq, order, frozen, unsafe_hash, kw_only, match_args),
// field(), fields(), asdict(), astuple(), replace(), is_dataclass(), InitVar, KW_ONLY, MISSING,
// FrozenInstanceError. As CPython does, the methods are written as source text and run
// (_gradlens_exec, library.ts), so their signatures, defaults and error messages are Python's own:
// "Point.__init__() missing 1 required positional argument: 'y'".
export const dataclassesSource = {
  name: "dataclasses",
  filename: "/usr/lib/python3.13/dataclasses.py",
  source: String.raw`
import copy


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class mappingproxy:
    __module__ = 'builtins'

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def items(self):
        return self._mapping.items()

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'


_EMPTY_METADATA = mappingproxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else mappingproxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith('ClassVar') or a_type.startswith('typing.ClassVar')
    return getattr(a_type, '_gradlens_classvar', False)


def _is_initvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith('InitVar') or a_type.startswith('dataclasses.InitVar')
    return a_type is InitVar or isinstance(a_type, InitVar)


def _is_kw_only(a_type):
    if isinstance(a_type, str):
        return a_type == 'KW_ONLY' or a_type == 'dataclasses.KW_ONLY'
    return a_type is KW_ONLY


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_method(cls, name, fn, overwrite=False):
    if name in cls.__dict__ and not overwrite:
        return True
    fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    setattr(cls, name, fn)
    return False


def _init_source(fields, std_fields, kw_only_fields, frozen, has_post_init, names):
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                f'follows default argument {seen_default.name!r}')

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default is not MISSING:
            return f'{f.name}=__dataclass_dflt_{f.name}__'
        return f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'

    body = []
    for f in fields:
        dflt = f'__dataclass_dflt_{f.name}__'
        if f.default_factory is not MISSING:
            names[dflt] = f.default_factory
            if f.init:
                value = f'{dflt}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}'
            else:
                value = f'{dflt}()'
        elif f.init:
            if f.default is not MISSING:
                names[dflt] = f.default
            value = f.name
        else:
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        if frozen:
            body.append(f'  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})')
        else:
            body.append(f'  self.{f.name}={value}')
    if has_post_init:
        params_str = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'  self.__post_init__({params_str})')
    if not body:
        body = ['  pass']
    params = [param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [param(f) for f in kw_only_fields]
    return f'def __init__(self, {", ".join(params)}):\n' + '\n'.join(body) + '\n'


_repr_running = set()


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, '__dataclass_params__').frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            continue
        cls_fields.append(_get_field(cls, name, a_type, kw_only or kw_only_seen))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if frozen and not any_frozen_base:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.kw_only]
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    names = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
             '__dataclass_builtins_object__': object,
             '__dataclass_cls__': cls,
             '__dataclass_repr_running__': _repr_running,
             'FrozenInstanceError': FrozenInstanceError}
    source = ''
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        source += _init_source(all_init_fields, std_init_fields, kw_only_init_fields, frozen, has_post_init, names)
    if repr:
        flds = [f for f in field_list if f.repr]
        text = ', '.join([f'{f.name}={{self.{f.name}!r}}' for f in flds])
        source += ('def __repr__(self):\n'
                   '  key = id(self)\n'
                   '  if key in __dataclass_repr_running__:\n'
                   "    return '...'\n"
                   '  __dataclass_repr_running__.add(key)\n'
                   '  try:\n'
                   f'    return f"{{self.__class__.__qualname__}}({text})"\n'
                   '  finally:\n'
                   '    __dataclass_repr_running__.discard(key)\n')
    if eq:
        terms = [f'self.{f.name}==other.{f.name}' for f in field_list if f.compare]
        comparisons = ' and '.join(terms) or 'True'
        source += ('def __eq__(self, other):\n'
                   '  if self is other:\n'
                   '    return True\n'
                   '  if other.__class__ is self.__class__:\n'
                   f'    return {comparisons}\n'
                   '  return NotImplemented\n')
    if order:
        flds = [f for f in field_list if f.compare]
        self_tuple = '(' + ''.join([f'self.{f.name},' for f in flds]) + ')'
        other_tuple = '(' + ''.join([f'other.{f.name},' for f in flds]) + ')'
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            source += (f'def {name}(self, other):\n'
                       '  if other.__class__ is self.__class__:\n'
                       f'    return {self_tuple}{op}{other_tuple}\n'
                       '  return NotImplemented\n')
    if frozen:
        fieldnames = '(' + ''.join([f'{f.name!r},' for f in field_list]) + ')'
        source += ('def __setattr__(self, name, value):\n'
                   f'  if type(self) is __dataclass_cls__ or name in {fieldnames}:\n'
                   '    raise FrozenInstanceError(f"cannot assign to field {name!r}")\n'
                   '  super(__dataclass_cls__, self).__setattr__(name, value)\n'
                   'def __delattr__(self, name):\n'
                   f'  if type(self) is __dataclass_cls__ or name in {fieldnames}:\n'
                   '    raise FrozenInstanceError(f"cannot delete field {name!r}")\n'
                   '  super(__dataclass_cls__, self).__delattr__(name)\n')
    hash_action = _hash_action(unsafe_hash, eq, frozen, has_explicit_hash)
    if hash_action == 'add':
        flds = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        source += ('def __hash__(self):\n'
                   '  return hash((' + ''.join([f'self.{f.name},' for f in flds]) + '))\n')

    ns = _gradlens_exec(source, names) if source else {}
    if init:
        _set_method(cls, '__init__', ns['__init__'])
    if repr:
        _set_method(cls, '__repr__', ns['__repr__'])
    if eq:
        _set_method(cls, '__eq__', ns['__eq__'])
    if order:
        for name in ('__lt__', '__le__', '__gt__', '__ge__'):
            if _set_method(cls, name, ns[name]):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        for name in ('__setattr__', '__delattr__'):
            if _set_method(cls, name, ns[name]):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    if hash_action == 'add':
        _set_method(cls, '__hash__', ns['__hash__'], overwrite=True)
    elif hash_action == 'none':
        cls.__hash__ = None
    elif hash_action == 'exception':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    cls.__replace__ = _replace
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in std_init_fields)
    return cls


def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    # CPython's table of (unsafe_hash, eq, frozen, has_explicit_hash) -> action
    if unsafe_hash:
        return 'exception' if has_explicit_hash else 'add'
    if eq and (not has_explicit_hash):
        return 'add' if frozen else 'none'
    return None


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        if hasattr(type(obj), 'default_factory'):
            result = type(obj)(obj.default_factory)
            for k, v in obj.items():
                result[_asdict_inner(k, dict_factory)] = _asdict_inner(v, dict_factory)
            return result
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    obj = self
    for f in getattr(obj, '__dataclass_fields__').values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
`,
};
