# sign and sgn: 0 at NaN and at -0 (ATen's (0 < a) - (a < 0)); SignBackward0 vs SgnBackward0;
# abs's gradient at NaN is 0.
import torch

a = torch.tensor([float("nan"), -0.0, 0.0, 2.0, -3.0], requires_grad=True)
print(torch.sign(a), a.sgn(), a.sign(), torch.sgn(a))
g, = torch.autograd.grad(a.abs().sum(), a, create_graph=True)
print(g)
y = a.sign()
y.sum().backward()
print(a.grad, y.grad_fn.name())
