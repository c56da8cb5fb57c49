import math


class Scalar:
    """A number that remembers how it was computed (our own, in the style of micrograd)."""

    def __init__(self, data, parents=(), op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._parents = tuple(parents)
        self._op = op

    def __add__(self, other):
        other = other if isinstance(other, Scalar) else Scalar(other)
        out = Scalar(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Scalar) else Scalar(other)
        out = Scalar(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        assert isinstance(k, (int, float)), "only int/float powers"
        out = Scalar(self.data ** k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        e = math.exp(2 * self.data)
        t = (e - 1) / (e + 1)
        out = Scalar(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Scalar(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Scalar(0 if self.data < 0 else self.data, (self,), "ReLU")

        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        order, seen = [], set()

        def visit(v):
            if v not in seen:
                seen.add(v)
                for p in v._parents:
                    visit(p)
                order.append(v)
        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            v._backward()

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other ** -1

    def __rtruediv__(self, other):
        return other * self ** -1

    def __repr__(self):
        return f"Scalar(data={self.data}, grad={self.grad})"


x1, x2 = Scalar(2.0), Scalar(0.0)
w1, w2, b = Scalar(-3.0), Scalar(1.0), Scalar(6.8813735870195432)
n = x1 * w1 + x2 * w2 + b
o = n.tanh()
o.backward()
print(o, x1, w1, x2, w2)
a, c = Scalar(-4.0), Scalar(2.0)
d = a * c + c ** 3
d += d * 2 + (c + a).relu()
e = d - a
f = e ** 2 / 2.0 + 10.0 / e
g = (f * 0.01).exp() - 1
g.backward()
print(f"{g.data:.6f} {a.grad:.6f} {c.grad:.6f}", g._op, len(g._parents), 3 - a, 1 / c)
try:
    a ** a
except AssertionError as err:
    print("AssertionError:", err)
print(sum([Scalar(1.0), Scalar(2.5)]), Scalar.__doc__)
