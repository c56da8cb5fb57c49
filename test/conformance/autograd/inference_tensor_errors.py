# inference tensors outside inference mode: saving one for backward, changing one in place
# (the write happens, then the error), asking one to require grad
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.inference_mode():
    w = torch.tensor([3.0, 4.0])

try:
    y = w * x
except RuntimeError as e:
    print(e)
z = w + x
print(z)
try:
    w.add_(1)
except RuntimeError as e:
    print(e)
print(w)
try:
    w.requires_grad_()
except RuntimeError as e:
    print(e)
try:
    w.requires_grad = True
except RuntimeError as e:
    print(e)
with torch.inference_mode():
    w.mul_(2)
print(w)
c = w.clone().requires_grad_()
(c * x).sum().backward()
print(c.grad, x.grad)
(x * w).sum().backward()
