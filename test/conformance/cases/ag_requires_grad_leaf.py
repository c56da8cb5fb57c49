import torch
x = torch.tensor([1.0, 2.0])
print(x.requires_grad, x.is_leaf)
x.requires_grad_()
print(x.requires_grad, x.is_leaf)
y = x * 2
print(y.requires_grad, y.is_leaf)
c = torch.tensor(3.0)
z = c * 2
print(z.requires_grad, z.is_leaf, z.grad_fn)
x.requires_grad_(False)
print(x.requires_grad, (x * 2).requires_grad)
w = torch.ones(2, requires_grad=True)
print((w + x).requires_grad)
