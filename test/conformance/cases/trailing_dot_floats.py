# Float literals written with a trailing dot, as most PyTorch code writes them
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
w = torch.tensor([.5, 2.e-1, 1.E1])
y = (x * w).sum() + 3.
print(y)
y.backward()
print(x.grad, 1..real, 10_0., type(4.))
print("1. and 2.", f"{2.:.1f}")  # the dots inside strings stay
