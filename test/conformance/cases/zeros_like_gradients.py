# zero_/fill_/copy_/floor/sign/round pass zeros_like(grad) back (+0, no graph), as derivatives.yaml writes them
import torch
import torch.nn.functional as F
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 2
b[0] = 5
logits = torch.stack([b, b.flip(0)])
loss = F.cross_entropy(logits, torch.tensor([0, 2]))
loss.backward()
print(a.grad)
x = torch.tensor([-1.5, 2.5, -0.5], requires_grad=True)
y = (x * 3).floor() + x.sign() + x.round()
g, = torch.autograd.grad((y * x).sum(), x, create_graph=True)
print(g, g.grad_fn, g.grad_fn.next_functions)
c = x * -2
v = torch.tensor(7., requires_grad=True)
c.fill_(v)
h, hv = torch.autograd.grad((c * torch.tensor([1., -2., 3.])).sum(), [x, v], create_graph=True)
print(h, hv, hv.grad_fn)
d = x * -1
d.zero_()
print(torch.autograd.grad(d.sum(), x))
e = x * 1
e.copy_(torch.tensor([4., 5., 6.]))
print(torch.autograd.grad((e * -1).sum(), x))
