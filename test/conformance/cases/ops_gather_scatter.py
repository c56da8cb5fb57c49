import torch

def show_error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]], requires_grad=True)
idx = torch.tensor([[0, 2], [1, 1]])
g = torch.gather(x, 1, idx)
print(g)
g.sum().backward()
print(x.grad)
print(x.gather(0, torch.tensor([[1, 0, 1]])))

x.grad = None
s = x.index_select(1, torch.tensor([2, 0, 2]))
print(s)
(s * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(x.grad)
print(torch.index_select(x, 0, torch.tensor(1)))

src = torch.tensor([[5.0], [7.0]], requires_grad=True)
base = torch.zeros(2, 3, requires_grad=True)
out = base.scatter(1, torch.tensor([[0], [2]]), src)
print(out)
(out * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(base.grad, src.grad)
print(torch.zeros(2, 3).scatter(1, torch.tensor([[0], [2]]), 1.5))
print(torch.scatter(torch.zeros(3), 0, torch.tensor([0, 0, 2]), torch.tensor([1.0, 2.0, 3.0])))
print(torch.zeros(3).scatter_add(0, torch.tensor([0, 0, 2]), torch.tensor([1.0, 2.0, 3.0])))

# create_graph: the gradients' own grad_fns are PyTorch's
w = torch.ones(2, 2, requires_grad=True)
(gg,) = torch.autograd.grad(torch.gather(x, 1, idx), x, grad_outputs=w, create_graph=True)
print(gg.grad_fn.name())
(gi,) = torch.autograd.grad(x.index_select(1, torch.tensor([2, 0])), x, grad_outputs=w, create_graph=True)
print(gi.grad_fn.name())

show_error(lambda: torch.gather(x, 1, torch.tensor([[0], [3]])))
show_error(lambda: torch.gather(x, 1, torch.tensor([[0.0], [1.0]])))
show_error(lambda: torch.gather(x, 1, torch.tensor([0, 1])))
show_error(lambda: torch.gather(x, 2, torch.tensor([[0], [1]])))
show_error(lambda: x.gather(1, torch.tensor([[0], [1], [1]])))
show_error(lambda: torch.index_select(x, 1, torch.tensor([3])))
show_error(lambda: torch.index_select(x, 0, torch.tensor([-1])))
show_error(lambda: torch.index_select(x, 1, torch.tensor([1.0])))
show_error(lambda: torch.index_select(x, 1, torch.tensor([[1]])))
show_error(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0], [3]]), 1.0))
show_error(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0], [1]]), torch.zeros(2, 1, dtype=torch.float64)))
show_error(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([0, 1]), 1.0))
show_error(lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0, 1]]), torch.zeros(1, 1)))
