import torch

def show_error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]], requires_grad=True)
f = x.flip(0)
print(f, x.flip([0, 1]), torch.flip(x, (1,)), x.flip(-1, 0))
(f * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad)

x.grad = None
s = x.sort()
print(s)
print(s.values, s.indices, s[0].grad_fn.name())
(s.values * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
print(x.grad)
print(x.sort(1, descending=True), torch.sort(x, dim=0))
print(x.argsort(), torch.argsort(x, dim=1, descending=True))

x.grad = None
top = x.topk(2)
print(top)
top.values.sum().backward()
print(x.grad)
print(torch.topk(x, 1, dim=0), x.topk(2, largest=False))

# ties and NaN land where PyTorch puts them
ties = torch.tensor([1.0, 1.0, 1.0, 0.5, 1.0])
print(ties.topk(3), ties.topk(3, largest=False), ties.sort(descending=True))
print(torch.tensor([3.0, float('nan'), 1.0, 2.0]).sort(), torch.tensor([3.0, float('nan'), 1.0, 2.0]).sort(descending=True))
many = torch.tensor([2.0, 1.0, 2.0, 0.0, 1.0, 2.0, 1.0, 0.0, 2.0, 1.0, 0.0, 2.0, 1.0, 1.0, 0.0, 2.0, 2.0, 1.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0])
print(many.sort().indices)
print(many.sort(descending=True).indices)
print(many.sort(stable=True).indices)
print(many.argsort())
print(many.topk(5).indices, many.topk(20).indices)
print(torch.tensor([3, 1, 2]).sort())

w = torch.ones(2, 3, requires_grad=True)
(g,) = torch.autograd.grad(x.sort(1)[0], x, grad_outputs=w, create_graph=True)
print(g.grad_fn.name(), [n[0] is None for n in g.grad_fn.next_functions])
(gf,) = torch.autograd.grad(x.flip(0), x, grad_outputs=w, create_graph=True)
print(gf.grad_fn.name())

n = torch.tensor([[0.0, 1.5, 0.0], [2.0, 0.0, -1.0]])
print(torch.nonzero(n), n.nonzero(as_tuple=True), torch.nonzero(torch.tensor(3.0)), torch.nonzero(torch.tensor([0.0, 1.0, 2.0]), as_tuple=True))
print(torch.nonzero(torch.tensor([True, False, True])))

show_error(lambda: x.topk(4))
show_error(lambda: x.topk(4, 0))
show_error(lambda: x.flip(2))
show_error(lambda: x.flip(0, 0))
show_error(lambda: torch.flip(x, 0))
show_error(lambda: torch.sort(torch.tensor([3.0, 1.0, 2.0]), 1))
