# Which inputs get a gradient is decided when the op runs: making an input require grad
# afterwards neither crashes backward nor sends it a gradient.
import torch

w = torch.ones(2, requires_grad=True)
for op in [lambda a: a * w, lambda a: w / a, lambda a: a / w, lambda a: a.pow(w), lambda a: torch.where(a > 1, a, w),
           lambda a: torch.nn.functional.mse_loss(w, a), lambda a: torch.maximum(w, a)]:
    a = torch.tensor([1.0, 2.0])
    y = op(a)
    a.requires_grad_()
    w.grad = None
    y.sum().backward()
    print(w.grad, a.grad)

a = torch.tensor([[1.0, 2.0]])
m = torch.ones(2, 2, requires_grad=True)
y = a @ m
a.requires_grad_()
y.sum().backward()
print(m.grad, a.grad)
