# torch.rsub(input, other, alpha=1) is other - alpha * input: RsubBackward0 for a tensor other,
# RsubBackward1 for a number; alpha is fused into the subtraction as ATen's add kernel does
import torch

x = torch.tensor([1.1, 2.5, -1.3], requires_grad=True)
y = torch.tensor([0.7, 0.2, 0.9], requires_grad=True)
z = torch.rsub(x, y, alpha=0.3)
print(z)
print(z.grad_fn.name(), len(z.grad_fn.next_functions))
z.sum().backward()
print(x.grad, y.grad)
w = torch.rsub(x, 2, 3)
print(w, w.grad_fn)
print(torch.rsub(input=x, other=y))
print(torch.rsub(torch.tensor([1, 2]), 5))
d = torch.rsub(torch.tensor([0.1, 0.2], dtype=torch.float64), torch.tensor([1.0, 3.0]), alpha=0.7)
print(d, d.dtype)
print(hasattr(torch.Tensor, "rsub"))
for bad in [lambda: torch.rsub(2.0, x), lambda: torch.rsub(x), lambda: torch.rsub(x, "a", 2), lambda: torch.rsub(x, y=1),
            lambda: torch.rsub(x, x, alpha=torch.device("cpu")), lambda: torch.rsub(torch.tensor([True]), 1)]:
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
