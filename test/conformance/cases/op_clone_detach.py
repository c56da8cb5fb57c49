import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
c = x.clone()
d = x.detach()
print(c, c.grad_fn.name())
print(d, d.requires_grad, d.is_leaf)
print(c.data_ptr() == x.data_ptr(), d.data_ptr() == x.data_ptr())
(c * c).sum().backward()
print(x.grad)
d[0] = 100.0
print(x)
print(c)
