import torch

def double(grad):
    return grad * 2

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x
h = y.register_hook(double)
y.sum().backward()
print(x.grad)
h.remove()
x.grad = None
y = x * x
y.sum().backward()
print(x.grad)
