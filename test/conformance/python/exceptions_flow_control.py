def attempt(x):
    events = []
    try:
        events.append("try")
        if x == 0:
            raise ZeroDivisionError("zero")
        if x < 0:
            return events + ["early return"]
        result = 10 / x
    except ZeroDivisionError as e:
        events.append(f"except {e}")
        result = None
    else:
        events.append("else")
    finally:
        events.append("finally")
    events.append(f"result {result}")
    return events


for v in (2, 0, -1):
    print(attempt(v))


def finally_overrides():
    try:
        return "from try"
    finally:
        print("finally runs before the return")


print(finally_overrides())


def reraise():
    try:
        int("nope")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraise()
except ValueError as e:
    print("outer caught:", e)


def nested():
    try:
        try:
            [][1]
        except KeyError:
            print("wrong handler")
        finally:
            print("inner finally")
    except IndexError as e:
        print("outer handler", e)
        return "handled"


print(nested())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
err = None
try:
    {}["x"]
except KeyError as e:
    err = e
print(repr(err), err.args, type(err).__mro__[1].__name__)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    raise RuntimeError("first") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)
