# CeluBackward0 computes elu_backward with input scale 1.0 / alpha rounded to float (derivatives.yaml),
# where the forward uses 1. / alpha in double: the gradient's last bits show it
import torch
import torch.nn.functional as F

for dtype in [torch.float64, torch.float32]:
    x = torch.tensor([-3.7, -2.05, -1.3, -0.61, -0.2, -0.013, 0.0, 0.4, 1.5], dtype=dtype)
    for alpha in [0.7, 0.3, 1.1, 2.9]:
        xx = x.clone().requires_grad_()
        y = F.celu(xx, alpha=alpha)
        y.sum().backward()
        print(dtype, alpha, y.grad_fn.name(), [repr(v) for v in xx.grad.tolist()])
    m = torch.nn.CELU(0.45)
    xx = x.clone().requires_grad_()
    (g,) = torch.autograd.grad(m(xx).sum(), xx, create_graph=True)
    print([repr(v) for v in g.tolist()], g.grad_fn.name())
    (gg,) = torch.autograd.grad(g.sum(), xx)
    print([repr(v) for v in gg.tolist()])
