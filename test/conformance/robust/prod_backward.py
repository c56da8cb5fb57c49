# prod's backward as PyTorch 2.6 writes it: grad * (result / input) (MulBackward0 under
# create_graph); with zeros, the products of the others (a real graph: second derivatives).
import torch

x = torch.tensor([2.0, 3.0, 4.0], requires_grad=True)
g, = torch.autograd.grad(x.prod(), x, create_graph=True)
print(g, g.grad_fn.next_functions[1][0].name())
print(torch.autograd.grad(g.sum(), x)[0])

z = torch.tensor([2.0, 0.0, 4.0], requires_grad=True)
g, = torch.autograd.grad(z.prod(), z, create_graph=True)
print(g)
print(torch.autograd.grad(g.sum(), z)[0])
two = torch.tensor([0.0, 3.0, 0.0], requires_grad=True)
two.prod().backward()
print(two.grad)
g, = torch.autograd.grad(two.prod(), two, create_graph=True)
print(g, torch.autograd.grad(g.sum(), two)[0])

m = torch.tensor([[2.0, 0.0, 3.0], [0.0, 0.0, 1.0], [1.0, 2.0, 3.0]], requires_grad=True)
for y in [m.prod(1), m.prod(0, keepdim=True), m.prod(dim=1), torch.prod(m, 0)]:
    g, = torch.autograd.grad(y.sum(), m, create_graph=True)
    print(y, g)
    print(torch.autograd.grad((g * g).sum(), m)[0])

torch.manual_seed(0)
r = torch.randn(3, 37, requires_grad=True)
print(r.prod().item(), r.prod(1).tolist(), r.t().prod(0).tolist())
print(torch.autograd.grad(r.prod(1).sum(), r)[0][0, :4].tolist())
print(torch.tensor([[1, 2], [3, 4]]).prod(1), torch.tensor([True, False]).prod())
print(m.prod(1, dtype=torch.float64), torch.tensor(3.0).prod(0))
