import torch
import torch.nn.functional as F
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
for f in [torch.tanh, torch.sigmoid, torch.relu, F.relu]:
    y = f(x)
    g = torch.autograd.grad(y.sum(), x)[0]
    print(y)
    print(g)
print(x.tanh().grad_fn.name(), x.sigmoid().grad_fn.name(), F.relu(x).grad_fn.name())
