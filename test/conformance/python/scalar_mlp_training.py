import random


class Num:
    def __init__(self, data, parents=()):
        self.data = data
        self.grad = 0.0
        self._parents = parents
        self._backward = lambda: None

    def __add__(self, other):
        other = other if isinstance(other, Num) else Num(other)
        out = Num(self.data + other.data, (self, other))

        def back():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = back
        return out

    __radd__ = __add__

    def __mul__(self, other):
        other = other if isinstance(other, Num) else Num(other)
        out = Num(self.data * other.data, (self, other))

        def back():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = back
        return out

    __rmul__ = __mul__

    def relu(self):
        out = Num(max(0.0, self.data), (self,))

        def back():
            self.grad += (out.data > 0) * out.grad
        out._backward = back
        return out

    def backward(self):
        topo, seen = [], set()

        def build(v):
            if id(v) not in seen:
                seen.add(id(v))
                for p in v._parents:
                    build(p)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


class Neuron:
    def __init__(self, nin, nonlin=True):
        self.w = [Num(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Num(0.0)
        self.nonlin = nonlin

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.relu() if self.nonlin else act

    def parameters(self):
        return self.w + [self.b]

    def __repr__(self):
        return f"{'ReLU' if self.nonlin else 'Linear'}Neuron({len(self.w)})"


class Layer:
    def __init__(self, nin, nout, **kwargs):
        self.neurons = [Neuron(nin, **kwargs) for _ in range(nout)]

    def __call__(self, x):
        out = [n(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, nin, nouts):
        sz = [nin] + nouts
        self.layers = [Layer(sz[i], sz[i + 1], nonlin=i != len(nouts) - 1) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


random.seed(1337)
model = MLP(2, [6, 6, 1])
print(len(model.parameters()), model.layers[0].neurons[:2], model.layers[-1].neurons)
xs = [[2.0, 3.0], [3.0, -1.0], [0.5, 1.0], [1.0, 1.0], [-1.0, -2.0]]
ys = [1.0, -1.0, -1.0, 1.0, -1.0]
for step in range(15):
    scores = [model(x) for x in xs]
    losses = [(1 + -y * s).relu() for y, s in zip(ys, scores)]
    loss = sum(losses) * (1.0 / len(losses))
    for p in model.parameters():
        p.grad = 0.0
    loss.backward()
    lr = 1.0 - 0.9 * step / 100
    for p in model.parameters():
        p.data -= lr * p.grad
    acc = sum((y > 0) == (s.data > 0) for y, s in zip(ys, scores)) / len(ys)
    print(f"step {step} loss {loss.data:.10f} acc {acc:.2f}", loss.data)
print([round(p.data, 6) for p in model.parameters()[:5]])
