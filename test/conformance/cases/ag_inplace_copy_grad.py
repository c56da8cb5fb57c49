import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
buf = torch.zeros(2)
buf.copy_(x * w)
print(buf, buf.grad_fn.name(), buf.is_leaf)
buf.sum().backward()
print(x.grad, w.grad)
