# catch_warnings: record=True gives WarningMessage objects, the filters come back on exit,
# action= as a shortcut; showwarning and formatwarning replaced by the program
import warnings

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", FutureWarning)
    warnings.warn("first")
print(len(w))
m = w[0]
print(m.message, repr(m.message), m.category, m.filename.split("/")[-1], m.lineno, m.line, m.file, m.source)
print(str(m).replace(m.filename, "<file>"))
print(type(m).__name__, type(m).__module__, issubclass(m.category, UserWarning), w[1].category.__name__)
outer = warnings.filters
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored inside")
    print(warnings.filters is outer, warnings.filters[0])
print(warnings.filters is outer, len(warnings.filters))
with warnings.catch_warnings(action="error"):
    try:
        warnings.warn("raised inside")
    except UserWarning as e:
        print("caught", e)
with warnings.catch_warnings(record=True) as w2:
    warnings.warn("not shown twice")
    warnings.warn("not shown twice")
print(len(w2))
print(repr(warnings.catch_warnings()), repr(warnings.catch_warnings(record=True)))
c = warnings.catch_warnings()
try:
    c.__exit__(None, None, None)
except RuntimeError as e:
    print(e)


def show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", category.__name__, message, filename.split("/")[-1], lineno, line)


warnings.showwarning = show
warnings.warn("through my showwarning")
warnings.showwarning = warnings._showwarning_orig
print(warnings.formatwarning("m", UserWarning, "f.py", 3, "  the line  "), end="")
print(warnings.formatwarning("m", RuntimeWarning, "f.py", 3, ""), end="")
warnings.formatwarning = lambda message, category, filename, lineno, line=None: f"[{category.__name__}] {message}\n"
warnings.warn("formatted my way")
with warnings.catch_warnings(record=True) as w3:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", UserWarning, "made_up.py", 7)
print([(str(r.message), r.filename, r.lineno) for r in w3])
