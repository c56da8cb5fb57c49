# contextlib.contextmanager: setup before yield, cleanup after; exceptions thrown in at the yield.
from contextlib import contextmanager, suppress, nullcontext


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("inside", t)


@contextmanager
def catching():
    try:
        yield
    except ValueError as e:
        print("handled", e)


with catching():
    raise ValueError("boom")
print("continues")
try:
    with tag("x"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with nullcontext(5) as v:
    print("null", v)
print(tag.__name__, type(tag("y")).__name__)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
