# F.one_hot and in-place scatter_ (ScatterBackward0/1 rebased onto the written tensor)
import torch
import torch.nn.functional as F
def show_error(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
y = torch.tensor([2, 0, 1])
print(F.one_hot(y), F.one_hot(y, 4), F.one_hot(torch.tensor(1), 3), F.one_hot(torch.tensor([[0, 1], [1, 0]])))
show_error(lambda: F.one_hot(torch.tensor([3]), 3))
show_error(lambda: F.one_hot(torch.tensor([-1]), 3))
show_error(lambda: F.one_hot(torch.tensor([1.0])))
show_error(lambda: F.one_hot(torch.tensor([1]), 0))
show_error(lambda: F.one_hot(torch.tensor([], dtype=torch.long)))
show_error(lambda: F.one_hot(torch.tensor([], dtype=torch.long), 3))
show_error(lambda: F.one_hot(torch.tensor([1]), -2))
z = torch.zeros(3, 3).scatter_(1, y.unsqueeze(1), 1.0)
print(z)
w = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
h = torch.zeros(3, 3) * 1
h.scatter_(1, y.unsqueeze(1), w)
print(h, h.grad_fn.name(), h.grad_fn.next_functions)
h.sum().backward()
print(w.grad)
a = torch.ones(2, 2, requires_grad=True)
b = a * 2
b.scatter_(0, torch.tensor([[1, 0]]), 5.0)
print(b, b.grad_fn.name())
b.sum().backward()
print(a.grad)
show_error(lambda: a.scatter_(0, torch.tensor([[1, 0]]), 5.0))
