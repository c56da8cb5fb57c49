import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
h.retain_grad()
o = h.sin()
o.retain_grad()
loss = o.sum()
loss.retain_grad()
loss.backward()
print(loss.grad)
print(o.grad)
print(h.grad)
print(x.grad)
print(h.is_leaf, h.retains_grad, x.retains_grad)
