# nll_loss / cross_entropy over (N, C, d1, ...) inputs: nll_loss2d (NllLoss2DBackward0), through a view for 3-D
import torch
import torch.nn.functional as F
def show_error(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
torch.manual_seed(0)
x = torch.randn(2, 3, 4, requires_grad=True)
t = torch.tensor([[0, 2, 1, 1], [2, 2, 0, -100]])
l = F.cross_entropy(x, t)
print(l, l.grad_fn.next_functions, l.grad_fn.next_functions[0][0].next_functions)
l.backward()
print(x.grad)
ln = F.cross_entropy(x, t, reduction='none')
print(ln, ln.grad_fn.next_functions)
print(F.cross_entropy(x, t, reduction='sum'), F.nll_loss(x, t, weight=torch.tensor([1.0, 2.0, 0.5])))
x4 = torch.randn(2, 3, 2, 2, requires_grad=True)
t4 = torch.tensor([[[0, 1], [2, 2]], [[1, 1], [0, 2]]])
l4 = F.cross_entropy(x4, t4)
print(l4, l4.grad_fn.next_functions)
print(F.nll_loss(x4, t4, reduction='none'))
w = torch.ones((), requires_grad=True)
(g,) = torch.autograd.grad(F.nll_loss(x4, t4), x4, grad_outputs=w, create_graph=True)
print(g.grad_fn.name())
show_error(lambda: F.nll_loss(x, torch.tensor([[0, 2, 1], [2, 2, 0]])))
show_error(lambda: F.nll_loss(x4, torch.tensor([[0, 2], [2, 2]])))
show_error(lambda: F.nll_loss(x4, torch.zeros(2, 2, 3, dtype=torch.long)))
big = torch.randn(3, 4, 40) * 1000
tb = torch.randint(0, 4, (3, 40))
print(F.nll_loss(big, tb).item(), F.nll_loss(big, tb, reduction='sum').item())
show_error(lambda: F.nll_loss(x, torch.zeros(2, 3)))
show_error(lambda: F.nll_loss(x, torch.zeros(2)))
show_error(lambda: F.nll_loss(x, torch.zeros(2, dtype=torch.long), weight=torch.ones(2)))
show_error(lambda: F.nll_loss(torch.zeros(2, 3, 2, 2), torch.zeros(2, 2, 2)))
show_error(lambda: F.nll_loss(torch.zeros(2, 3, 2, 2), torch.zeros(2, 2, 3)))
show_error(lambda: F.nll_loss(torch.zeros(2, 3, 4), torch.zeros(2, 4)))
show_error(lambda: F.cross_entropy(torch.zeros(2, 3, 4), torch.zeros(2, 3, 4)))
