class TrainingError(Exception):
    """Base class for the trainer's errors."""


class ShapeError(TrainingError):
    def __init__(self, expected, got):
        super().__init__(f"expected shape {expected}, got {got}")
        self.expected = expected
        self.got = got


class DivergedError(TrainingError):
    def __init__(self, step, loss):
        self.step = step
        self.loss = loss

    def __str__(self):
        return f"loss {self.loss} at step {self.step}"


def check(step, loss, shape):
    if shape != (2, 3):
        raise ShapeError((2, 3), shape)
    if loss > 1e3:
        raise DivergedError(step, loss)
    return "ok"


for args in [(1, 0.5, (2, 3)), (2, 5e3, (2, 3)), (3, 0.1, (3, 2))]:
    try:
        print(check(*args))
    except ShapeError as e:
        print("shape:", e, e.expected, e.got, e.args)
    except TrainingError as e:
        print(type(e).__name__, "->", e, repr(e), e.args)
    else:
        print("no error")
    finally:
        print("checked", args[0])

e = ShapeError((1,), (2,))
print(isinstance(e, TrainingError), isinstance(e, Exception), issubclass(DivergedError, ShapeError), ShapeError.__mro__)
print(TrainingError.__doc__, repr(TrainingError()), str(TrainingError("a", 2)), repr(TrainingError("a", 2)))

try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise TrainingError("wrapped") from inner
except TrainingError as outer:
    print(outer, type(outer.__cause__).__name__, outer.__cause__, outer.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as v:
    print(v, repr(v.__context__), v.__cause__)

try:
    raise TrainingError
except TrainingError as t:
    print(repr(t), t.args)


class Retry(Exception):
    pass


attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry(attempts)
        print("succeeded after", attempts)
        break
    except Retry as r:
        print("retry", r)
