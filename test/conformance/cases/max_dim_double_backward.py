# max/min along a dim: the gradient's own graph under create_graph is ScatterBackward0 over the unsqueezed gradient
import torch
x = torch.tensor([[1., 5., 2.], [4., 3., 6.]], requires_grad=True)
v, i = x.max(dim=1)
g, = torch.autograd.grad((v * v).sum(), x, create_graph=True)
print(g, g.grad_fn, g.grad_fn.next_functions)
v2, i2 = x.min(0, keepdim=True)
g2, = torch.autograd.grad((v2 ** 3).sum(), x, create_graph=True)
print(g2, g2.grad_fn.next_functions)
(g2.sum() + g.sum()).backward()
print(x.grad)
