class Loss:
    def __init__(self, value, step):
        self.value = value
        self.step = step

    def __format__(self, spec):
        if spec == "short":
            return f"{self.value:.2f}"
        if not spec:
            return str(self)
        return format(self.value, spec)

    def __str__(self):
        return f"loss@{self.step}={self.value}"

    def __repr__(self):
        return f"Loss({self.value!r}, step={self.step})"


l = Loss(0.123456, 7)
print(f"{l}", f"{l:short}", f"{l:.4e}", f"{l!r}", f"{l!s:>20}|", format(l, "10.3f"), "{} {!r}".format(l, l), "%s and %r" % (l, l))
print(f"{3.14159:8.3f}|{42:05d}|{'left':<8}|{'right':>8}|{'mid':^9}|{1234567:,}|{0.25:.1%}|{255:#x}|{255:b}")
vals = [0.5, 12.25, 1e-7, 123456789.0, -0.0, float("inf")]
print([f"{v:g}" for v in vals], [f"{v:.3}" for v in vals], [format(v, "e") for v in vals])
print(f"{'nested':{'>'}{10}}", f"{2 + 3 = }", f"{l.step * 2 = :>5}")
try:
    f"{l:bad spec}"
except ValueError as e:
    print(e)
try:
    format(object(), "d")
except TypeError as e:
    print(e)
