import torch

def show_error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]], requires_grad=True)
y = x.masked_fill(x > 1, 0.0)
print(y)
y.sum().backward()
print(x.grad)
print(torch.masked_fill(x, torch.tensor([True, False, True]), -5.0))
scores = torch.tensor([[0.5, 1.5], [2.0, -1.0]])
print(scores.masked_fill(torch.tensor([[False, True], [False, False]]), float('-inf')).softmax(dim=1))

v = torch.tensor(2.0, requires_grad=True)
z = x.masked_fill(x < 0.6, v)
print(z, z.grad_fn.name())
z.sum().backward()
print(v.grad, x.grad)

h = x * 1
h.masked_fill_(h > 1, 0.0)
print(h, h.grad_fn.name(), h._version)
h.sum().backward()
print(x.grad)

ints = torch.tensor([[1, 2], [3, 4]])
print(ints.masked_fill(ints > 2, 1.5))

show_error(lambda: x.masked_fill(torch.tensor([True, False]), 0.0))
show_error(lambda: x.masked_fill(x > 1, torch.tensor([1.0, 2.0])))
show_error(lambda: torch.tensor([1.0, 2.0]).masked_fill_(torch.tensor([[True, False], [True, True]]), 0.0))
show_error(lambda: x.masked_fill_(x > 1, 0.0))
