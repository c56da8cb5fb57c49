# An uncaught user exception prints its __str__ in the traceback's last line.
class ShapeError(ValueError):
    def __init__(self, expected, got):
        self.expected = expected
        self.got = got

    def __str__(self):
        return f"expected shape {self.expected}, got {self.got}"


def check(shape):
    if shape != (2, 3):
        raise ShapeError((2, 3), shape)


check((2, 3))
print("ok")
check((3, 2))
