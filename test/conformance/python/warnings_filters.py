# warnings.warn and the filters: shown once per (text, category, line) by default, stacklevel
# naming the caller's line, DeprecationWarning shown only from __main__, filterwarnings by
# message/category/module regex, simplefilter's actions, resetwarnings
import warnings


def helper():
    warnings.warn("from helper", stacklevel=2)


def deep():
    warnings.warn("too deep", stacklevel=9)


for i in range(3):
    warnings.warn("in a loop")
    helper()
warnings.warn("a deprecation", DeprecationWarning)
warnings.warn("the future", FutureWarning)
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("a pending one", PendingDeprecationWarning)
deep()
print(warnings.defaultaction, len(warnings.filters), warnings.filters[0])
warnings.filterwarnings("ignore", message="skip")
warnings.warn("Skip me: matched case-insensitively from the start")
warnings.warn("do not skip me")
warnings.filterwarnings("error", category=RuntimeWarning, module="__ma")
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", repr(e))
warnings.filterwarnings("ignore", category=UserWarning, lineno=33)
warnings.warn("line 33 ignored")
warnings.warn("line 34 shown")
print(warnings.filters[:3])
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always shown")
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once only")
warnings.warn("once only")
warnings.simplefilter("module")
for i in range(2):
    warnings.warn("once per module")
warnings.warn("once per module")
warnings.resetwarnings()
print(warnings.filters)
warnings.warn("in a loop")
warnings.warn("deprecations show now", DeprecationWarning)
warnings.simplefilter("ignore", append=True)
warnings.simplefilter("error")
print(warnings.filters)
for bad in [("bogus",), ("ignore", "x", 3), ("ignore", 5)]:
    try:
        warnings.filterwarnings(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for cat in ["notcat", int]:
    try:
        warnings.warn("x", cat)
    except TypeError as e:
        print(e)
warnings.warn("the end")
