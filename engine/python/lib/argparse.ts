// argparse, the part scripts such as pytorch/examples use to read their settings: ArgumentParser
// with add_argument (store, store_true/false, store_const, append, count; type, default, choices,
// nargs, dest, required, metavar/help kept), parse_args/parse_known_args (long and short options,
// --opt=value, -b64, unique prefixes, positionals), Namespace (printed as CPython 3.13 prints it).
// A script run by Gradlens has no command-line arguments, so parse_args() reads an empty list.
// Usage and help text (print_help, the usage line of an error) are not in Gradlens yet: a parse
// error raises NotImplementedError naming the message CPython would print.
export const argparseSource = {
  name: "argparse",
  filename: "/usr/lib/python3.13/argparse.py",
  notYet: ["HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "ArgumentDefaultsHelpFormatter", "FileType", "BooleanOptionalAction"],
  source: String.raw`
SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else '/'.join(argument.option_strings) or argument.metavar or argument.dest
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _isidentifier(name):
    return name != '' and (name[0].isalpha() or name[0] == '_') and all(c.isalnum() or c == '_' for c in name)


class Namespace:
    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        arg_strings = []
        star_args = {}
        for name, value in self.__dict__.items():
            if _isidentifier(name):
                arg_strings.append('%s=%r' % (name, value))
            else:
                star_args[name] = value
        if star_args:
            arg_strings.append('**%s' % repr(star_args))
        return '%s(%s)' % (type(self).__name__, ', '.join(arg_strings))

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar


_TAKES_NO_VALUE = ('store_true', 'store_false', 'store_const', 'count', 'help', 'append_const')


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=None, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            self._actions.extend(a for a in parent._actions if a.action_kind != 'help')
            self._defaults.update(parent._defaults)

    def add_argument(self, *args, action='store', **kwargs):
        if not args or len(args) == 1 and args[0][0] not in self.prefix_chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            dest = args[0] if args else kwargs.pop('dest')
            option_strings = []
            if kwargs.get('nargs') not in (OPTIONAL, ZERO_OR_MORE, REMAINDER) and 'required' not in kwargs:
                kwargs['required'] = True
        else:
            option_strings = list(args)
            dest = kwargs.pop('dest', None)
            if dest is None:
                long = [s for s in option_strings if len(s) > 1 and s[1] in self.prefix_chars]
                dest = (long or option_strings)[0].lstrip(self.prefix_chars).replace('-', '_')
        if not isinstance(action, str):
            raise NotImplementedError('argparse: a custom Action class is not in Gradlens yet')
        if action not in ('store', 'store_true', 'store_false', 'store_const', 'append', 'append_const', 'count', 'help', 'version'):
            raise ValueError('unknown action "%s"' % (action,))
        if action == 'store_true':
            kwargs.setdefault('default', False)
            kwargs['const'] = True
        elif action == 'store_false':
            kwargs.setdefault('default', True)
            kwargs['const'] = False
        if 'default' not in kwargs:
            kwargs['default'] = self._defaults.get(dest, self.argument_default)
        if 'version' in kwargs:
            kwargs.pop('version')
        a = Action(option_strings, dest, **kwargs)
        a.action_kind = action
        self._actions.append(a)
        return a

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest, None)

    def error(self, message):
        raise NotImplementedError('argparse usage and error output is not in Gradlens yet (CPython prints "error: %s" and exits)' % message)

    def _option(self, text):
        if text in self._by_option:
            return self._by_option[text], None
        if '=' in text:
            name, value = text.split('=', 1)
            if name in self._by_option:
                return self._by_option[name], value
        if len(text) > 2 and text[1] not in self.prefix_chars:
            short = text[:2]
            if short in self._by_option and self._by_option[short].action_kind not in _TAKES_NO_VALUE:
                return self._by_option[short], text[2:]
        if self.allow_abbrev and text.startswith('--'):
            name, value = (text.split('=', 1) + [None])[:2]
            found = [s for s in self._by_option if s.startswith(name)]
            if len(found) == 1:
                return self._by_option[found[0]], value
            if len(found) > 1:
                self.error('ambiguous option: %s could match %s' % (name, ', '.join(found)))
        return None, None

    def _convert(self, action, text):
        if action.type is None:
            value = text
        else:
            try:
                value = action.type(text)
            except (TypeError, ValueError):
                name = getattr(action.type, '__name__', repr(action.type))
                self.error(str(ArgumentError(action, 'invalid %s value: %r' % (name, text))))
        if action.choices is not None and value not in action.choices:
            self.error(str(ArgumentError(action, 'invalid choice: %r' % (value,))))
        return value

    def _take(self, action, explicit, args, i):
        """the value(s) of one occurrence of action, and the index after them"""
        kind = action.action_kind
        if kind in _TAKES_NO_VALUE:
            if explicit is not None:
                self.error(str(ArgumentError(action, 'ignored explicit argument %r' % explicit)))
            return None, i
        if explicit is not None:
            return self._convert(action, explicit), i
        nargs = action.nargs
        values = []
        while i < len(args) and not self._is_option(args[i]):
            if nargs is None or nargs == OPTIONAL:
                if values:
                    break
            elif isinstance(nargs, int) and len(values) == nargs:
                break
            values.append(self._convert(action, args[i]))
            i += 1
        if nargs is None:
            if not values:
                self.error(str(ArgumentError(action, 'expected one argument')))
            return values[0], i
        if nargs == OPTIONAL:
            return (values[0] if values else action.const), i
        if nargs == ONE_OR_MORE and not values or isinstance(nargs, int) and len(values) != nargs:
            self.error(str(ArgumentError(action, 'expected %s argument%s' % (nargs, '' if nargs == 1 else 's'))))
        return values, i

    def _is_option(self, text):
        return len(text) > 1 and text[0] in self.prefix_chars and not text[1:].replace('.', '', 1).isdigit()

    def _apply(self, action, value, namespace):
        kind = action.action_kind
        if kind == 'help':
            raise NotImplementedError('argparse help output (-h/--help) is not in Gradlens yet')
        if kind in ('store_true', 'store_false', 'store_const'):
            setattr(namespace, action.dest, action.const)
        elif kind == 'count':
            setattr(namespace, action.dest, (getattr(namespace, action.dest, None) or 0) + 1)
        elif kind in ('append', 'append_const'):
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.const if kind == 'append_const' else value)
            setattr(namespace, action.dest, items)
        else:
            setattr(namespace, action.dest, value)

    def parse_known_args(self, args=None, namespace=None):
        args = [] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        for a in self._actions:
            if a.dest is not SUPPRESS and not hasattr(namespace, a.dest) and a.default is not SUPPRESS:
                setattr(namespace, a.dest, a.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        self._by_option = {}
        for a in self._actions:
            for s in a.option_strings:
                self._by_option[s] = a
        positionals = [a for a in self._actions if not a.option_strings]
        seen = []
        extras = []
        loose = []
        i = 0
        while i < len(args):
            text = args[i]
            if text == '--':
                loose.extend(args[i + 1:])
                break
            if self._is_option(text):
                action, explicit = self._option(text)
                short = self._by_option.get(text[:2])
                if action is None and len(text) > 2 and text[1] not in self.prefix_chars and short is not None:
                    # -vv: single-dash flags that take no value, written together
                    self._apply(short, None, namespace)
                    seen.append(short)
                    args = args[:i] + [text[0] + text[2:]] + args[i + 1:]
                    continue
                if action is None:
                    extras.append(text)
                    i += 1
                    continue
                value, i = self._take(action, explicit, args, i + 1)
                self._apply(action, value, namespace)
                seen.append(action)
            else:
                loose.append(text)
                i += 1
        for action in positionals:
            nargs = action.nargs
            if nargs in (ZERO_OR_MORE, ONE_OR_MORE, REMAINDER):
                value = [self._convert(action, t) for t in loose]
                loose = []
                if value or nargs == ONE_OR_MORE:
                    seen.append(action)
                elif action.default is not None:
                    value = action.default
            elif isinstance(nargs, int):
                value = [self._convert(action, t) for t in loose[:nargs]]
                loose = loose[nargs:]
                if len(value) == nargs:
                    seen.append(action)
            elif loose:
                value = self._convert(action, loose.pop(0))
                seen.append(action)
            else:
                value = action.default
            self._apply(action, value, namespace)
        extras.extend(loose)
        for a in self._actions:
            if a not in seen and isinstance(a.default, str) and a.action_kind == 'store' and getattr(namespace, a.dest, None) is a.default:
                setattr(namespace, a.dest, self._convert(a, a.default))
        missing = [a for a in self._actions if a.required and a not in seen]
        if missing:
            names = ['/'.join(a.option_strings) or a.metavar or a.dest for a in missing]
            self.error('the following arguments are required: %s' % ', '.join(names))
        return namespace, extras

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return namespace

    def print_help(self, file=None):
        raise NotImplementedError('argparse help output (print_help) is not in Gradlens yet')

    def print_usage(self, file=None):
        raise NotImplementedError('argparse usage output (print_usage) is not in Gradlens yet')

    def format_help(self):
        raise NotImplementedError('argparse help output (format_help) is not in Gradlens yet')

    def format_usage(self):
        raise NotImplementedError('argparse usage output (format_usage) is not in Gradlens yet')
`,
};
