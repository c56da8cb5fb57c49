# raise ... from ..., and an exception raised while handling another, record __cause__/__context__
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * x).sum()
y.backward()
try:
    try:
        y.backward()
    except RuntimeError as e:
        raise ValueError("second backward") from e
except ValueError as e2:
    print(type(e2.__cause__).__name__, e2.__suppress_context__, e2.__context__ is e2.__cause__)
try:
    try:
        {}["w"]
    except KeyError:
        int("x")
except ValueError as e3:
    print(repr(e3.__context__), e3.__cause__, e3.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("clean") from None
except TypeError as e4:
    print(e4.__cause__, repr(e4.__context__), e4.__suppress_context__)
