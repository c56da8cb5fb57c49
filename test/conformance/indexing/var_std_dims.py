# var and std over dims, with correction and keepdim: PyTorch's bits, and their gradients
import torch
torch.manual_seed(0)
x = torch.randn(32, 20) * 3 + 1
for args, kw in [((0,), {}), ((1,), {"keepdim": True}), ((), {"unbiased": False}), ((0,), {"correction": 0}), (((0, 1),), {})]:
    print(args, kw, x.var(*args, **kw).view(-1)[:4].tolist(), x.std(*args, **kw).view(-1)[:4].tolist())
y = torch.randn(5, 1, 7)
print(y.var(0).view(-1)[:4].tolist(), y.var(2, keepdim=True).view(-1)[:3].tolist(), y.std((0, 2)).tolist())
print(torch.randn(10).var().item(), torch.randn(10, dtype=torch.float64).std().item())
w = torch.randn(4, 3, requires_grad=True)
w.var(0, keepdim=True).sum().backward()
print(w.grad)
w.grad = None
w.std(1).sum().backward()
print(w.grad)
g, = torch.autograd.grad(w.std(), w, create_graph=True)
print(g.grad_fn, g.grad_fn.next_functions)
g, = torch.autograd.grad(w.var(1).sum(), w, create_graph=True)
print(g.grad_fn, g.grad_fn.next_functions)
print(torch.var(x, 0).shape, torch.std(x, dim=1, keepdim=True).shape)
print(torch.tensor([1.0, 2.0]).var(correction=2))
try:
    torch.arange(3).var()
except RuntimeError as e:
    print(e)
