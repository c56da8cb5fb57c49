from contextlib import contextmanager, suppress, nullcontext


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("div") as t:
    with tag("p"):
        print("text", t)


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except ValueError as e:
        log.append(f"rollback: {e}")
    else:
        log.append("commit")


log = []
with transaction(log):
    log.append("work")
with transaction(log):
    raise ValueError("bad row")
print(log)


@contextmanager
def no_grad_like(state):
    previous = state["enabled"]
    state["enabled"] = False
    try:
        yield
    finally:
        state["enabled"] = previous


state = {"enabled": True}
with no_grad_like(state):
    print("inside", state)
print("outside", state)
try:
    with no_grad_like(state):
        raise RuntimeError("fails inside")
except RuntimeError as e:
    print(e, state)

with suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppressed ok")
with nullcontext(5) as five:
    print(five)


@contextmanager
def broken():
    yield 1
    yield 2


try:
    with broken():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def never_yields():
    if False:
        yield


try:
    with never_yields():
        pass
except RuntimeError as e:
    print(e)
print(tag, tag.__name__, type(tag("x")).__name__)
