# Instances of the program's classes in the memory view: a micrograd-style Value and a layer holding tensors.
import torch

class Value:
    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0.0
        self._prev = set(_children)
        self._op = _op

    def __mul__(self, other):
        return Value(self.data * other.data, (self, other), '*')


class Linear:
    def __init__(self, n_in, n_out):
        self.weight = torch.randn(n_out, n_in, requires_grad=True)
        self.bias = torch.zeros(n_out, requires_grad=True)
        self.name = "fc"

    def __call__(self, x):
        return x @ self.weight.T + self.bias


torch.manual_seed(0)
a = Value(2.0)
b = Value(-3.0)
c = a * b
layer = Linear(2, 1)
y = layer(torch.ones(1, 2))
y.sum().backward()
print(c.data, layer.weight.grad)
