# Writes whose source shares memory with the destination: PyTorch raises only for a partial
# overlap of dense tensors; a 0-d value is read once (fill_); strided overlaps copy in order.
import torch


def put(index, value):
    def write(x):
        x[index] = value(x)
    return write


def show(label, fn):
    x = torch.arange(9.0)
    try:
        fn(x)
        print(label, x)
    except RuntimeError as e:
        print(label, "error:", e)


m = torch.zeros(3, 3)
m[0] = m[0, 0]
print(m)
m = torch.arange(9.0).reshape(3, 3)
m[0] = m[1, 2]
m[:, 1] = m[0, 0]
print(m)

show("x[0] = x[0]", put(0, lambda x: x[0]))
show("x[:3] = x[1]", put(slice(None, 3), lambda x: x[1]))
show("x.fill_(x[4])", lambda x: x.fill_(x[4]))
show("x[::2] = x[1:6]", put(slice(None, None, 2), lambda x: x[1:6]))
show("x[::2] = x[:5]", put(slice(None, None, 2), lambda x: x[:5]))
show("x[:5] = x[::2]", put(slice(None, 5), lambda x: x[::2]))
show("x[1:] = x[:-1]", put(slice(1, None), lambda x: x[:-1]))
show("x[:3] = x[3:6]", put(slice(None, 3), lambda x: x[3:6]))
show("x.copy_(x)", lambda x: x.copy_(x))
show("x.copy_(x.flip(0))", lambda x: x.copy_(x.flip(0)))
show("x[:8].add_(x[1:])", lambda x: x[:8].add_(x[1:]))
show("x.view(3, 3).copy_(x.view(3, 3).t())", lambda x: x.view(3, 3).copy_(x.view(3, 3).t()))
show("expand(2, 9).zero_()", lambda x: x.expand(2, 9).zero_())
show("expand(2, 9).fill_(2)", lambda x: x.expand(2, 9).fill_(2))
show("expand(2, 9).add_(1)", lambda x: x.expand(2, 9).add_(1))

b = torch.tensor([1.5, 2.5, 3.0, 4.0], requires_grad=True)
h = b * 1
h[0] = h[1]
h.fill_(h[3])
(h * h).sum().backward()
print(b.grad)
